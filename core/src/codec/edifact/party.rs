//! The customer party of foreign EDIFACT: `NAD+BY`/`NAD+DP` with its `CTA`/`COM`, including
//! the misaligned variants of the upstream examples (each repair is reported).

use super::envelope::Segment;
use super::findings::{Findings, codes};
use crate::error::Result;
use crate::value::{Map, Value};

const CUSTOMER: &str = "/lex/payload/lead/customer";

/// Inserts `v` under `key` unless it is empty or the key is taken; true when inserted.
pub fn set(m: &mut Map, key: &str, v: &str) -> bool {
    if v.is_empty() || m.contains_key(key) {
        return false;
    }
    m.insert(key.into(), Value::from(v));
    true
}

fn two_letters(x: &str) -> bool {
    x.len() == 2 && x.bytes().all(|b| b.is_ascii_uppercase())
}

/// Name, street, city, subdivision, postal code, country of a NAD, realigned when the
/// elements are visibly shifted.
fn address_parts(seg: &Segment, f: &mut Findings) -> Result<[String; 6]> {
    let e = |i: usize| seg.element_joined(i, " ").trim().to_string();
    let loc = seg.loc(Some(2), None);
    let note = |f: &mut Findings, what: &str| {
        f.mapping(
            codes::HEURISTIC,
            &format!("{CUSTOMER}/address"),
            format!("NAD {what}; the elements were realigned"),
            loc.clone(),
        )
    };
    // Top-level sample: name in C082, street in C058, city in C080 ... country in 3229.
    let id = seg.comp(2, 1);
    if id.contains(' ')
        && seg.comp(2, 3).is_empty()
        && seg.element_count() <= 7
        && two_letters(&e(7))
    {
        note(
            f,
            "elements are shifted one to the left (name in C082, street in C058)",
        )?;
        return Ok([id.into(), e(3), e(4), e(5), e(6), e(7)]);
    }
    // Real-estate sample: one element too many before the name.
    let shift = usize::from(
        e(2).is_empty() && e(4).is_empty() && !e(5).is_empty() && seg.element_count() == 9,
    );
    if shift == 1 {
        note(f, "has an extra element before the party name")?;
    }
    let street = if shift == 1 {
        e(6)
    } else {
        seg.element_joined(5, ",")
    };
    let (name, city) = (e(4 + shift), e(6 + shift));
    let (mut sub, mut postal, mut country) = (
        e(7 + shift),
        if shift == 1 { String::new() } else { e(8) },
        e(9),
    );
    let words: Vec<&str> = sub.split(' ').collect();
    if words.len() == 2
        && two_letters(words[0])
        && (shift == 1 || (two_letters(&postal) && country.is_empty()))
    {
        note(f, "subdivision holds state and postal code")?;
        if shift == 0 {
            country = std::mem::take(&mut postal);
        }
        let (s, p) = (words[0].to_string(), words[1].to_string());
        sub = s;
        postal = p;
    } else if two_letters(&postal) && country.is_empty() && !sub.is_empty() {
        note(
            f,
            "has the postal code in the subdivision and the country in the postal-code element",
        )?;
        country = std::mem::replace(&mut postal, std::mem::take(&mut sub));
    }
    Ok([name, street, city, sub, postal, country])
}

/// Maps the customer NAD into `customer` and `address`.
pub fn nad_customer(
    seg: &Segment,
    customer: &mut Map,
    address: &mut Map,
    f: &mut Findings,
) -> Result<()> {
    let id = seg.comp(2, 1).to_string();
    let qual = seg.comp(2, 3);
    let [name, street, city, sub, postal, country] = address_parts(seg, f)?;
    if qual == "91" {
        let mut org = Map::default();
        set(&mut org, "companyName", &name);
        set(&mut org, "companyRegistrationNumber", &id);
        customer.insert("organizationBuyer".into(), Value::Object(org));
    } else {
        if name != id {
            set(customer, "customerId", &id);
        }
        if !name.is_empty() {
            match name.rsplit_once(' ') {
                Some((first, last)) => {
                    set(customer, "firstName", first.trim());
                    set(customer, "lastName", last.trim());
                }
                None => {
                    set(customer, "lastName", &name);
                }
            }
            f.mapping(
                codes::HEURISTIC,
                &format!("{CUSTOMER}/lastName"),
                format!(
                    "the party name {name:?} was split into first and last name at the last space"
                ),
                seg.loc(Some(4), Some(1)),
            )?;
        }
    }
    let (s1, s2) = street.split_once(',').unwrap_or((&street, ""));
    set(address, "street1", s1.trim());
    set(address, "street2", s2.trim());
    set(address, "city", &city);
    set(address, "state", &sub);
    set(address, "postalCode", &postal);
    set(address, "countryCode", &country);
    Ok(())
}

/// Contact functions (3139) whose person is the organisation buyer's contact: information
/// contact, purchasing contact, order contact.
const PERSON_CONTACTS: [&str; 3] = ["IC", "PD", "OC"];

/// Maps the contact person of a `CTA+IC|PD|OC` under an organisation customer (`NAD+BY`
/// with qualifier 91) to the customer's first and last name; the company stays in
/// `organizationBuyer`. True when the person was mapped.
pub fn contact_person(seg: &Segment, customer: &mut Map, f: &mut Findings) -> Result<bool> {
    let name = seg.comp(2, 2).trim();
    let is_org = customer.contains_key("organizationBuyer");
    if !is_org
        || !PERSON_CONTACTS.contains(&seg.comp(1, 1))
        || name.is_empty()
        || name.contains('@')
        || customer.contains_key("firstName")
        || customer.contains_key("lastName")
    {
        return Ok(false);
    }
    match name.rsplit_once(' ') {
        Some((first, last)) => {
            set(customer, "firstName", first.trim());
            set(customer, "lastName", last.trim());
        }
        None => {
            set(customer, "lastName", name);
        }
    }
    f.mapping(
        codes::HEURISTIC,
        &format!("{CUSTOMER}/firstName"),
        format!(
            "the organisation's contact person {name:?} (CTA+{}) was read as the customer's first and last name (split at the last space)",
            seg.comp(1, 1)
        ),
        seg.loc(Some(2), Some(2)),
    )?;
    Ok(true)
}

/// True when `name` is the customer's full name already mapped.
pub fn name_matches(customer: &Map, name: &str) -> bool {
    let full = [customer.get("firstName"), customer.get("lastName")]
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    full.eq_ignore_ascii_case(name)
}

/// Maps a COM of the customer (e-mail, phone, and the malformed phone variants).
pub fn com(seg: &Segment, customer: &mut Map, f: &mut Findings) -> Result<bool> {
    let (v, kind) = (seg.comp(1, 1), seg.comp(1, 2));
    let (key, value, repaired) = if !v.is_empty() {
        match kind {
            "EM" => ("emailAddress", v.to_string(), false),
            "TE" => ("phoneNumber", v.to_string(), false),
            _ => return Ok(false),
        }
    } else if seg.comp(2, 2) == "TE" && !seg.comp(2, 1).is_empty() {
        ("phoneNumber", seg.comp(2, 1).to_string(), true)
    } else if seg.comp(2, 1) == "TE" && !seg.comp(3, 1).is_empty() {
        ("phoneNumber", format!("+{}", seg.comp(3, 1)), true)
    } else {
        return Ok(false);
    };
    if !set(customer, key, &value) {
        return Ok(false);
    }
    if repaired {
        f.mapping(
            codes::HEURISTIC,
            &format!("{CUSTOMER}/{key}"),
            format!(
                "a malformed COM (unreleased '+' or an extra element) was repaired to {value:?}"
            ),
            seg.loc(Some(2), None),
        )?;
    }
    Ok(true)
}
