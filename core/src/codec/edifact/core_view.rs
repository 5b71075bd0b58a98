//! The core view (decision D26): the readable, informative layer on standard
//! ORDERS segments. Values are cleaned to the declared repertoire and truncated to the
//! element's maximum length; the payload block carries the exact message.
//!
//! Under the 8-bit sets (UNOA–UNOF) the core view is written in ASCII (diacritics removed,
//! other characters omitted), so that the text the writer returns is the same in every
//! 8-bit encoding; UNOW/UNOY keep every character.

use super::charset::Charset;
use crate::message::{Message, MessageType};
use crate::value::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use unicode_normalization::UnicodeNormalization;

/// One segment before escaping: tag and elements of components.
pub type Seg = (&'static str, Vec<Vec<String>>);

/// The core view of one message.
#[derive(Debug, Default)]
pub struct View {
    /// Segments before the payload block (BGM, DTM).
    pub head: Vec<Seg>,
    /// Segments after the payload block (RFF, NAD groups, CUX, LIN groups).
    pub tail: Vec<Seg>,
    /// Number of LIN segments.
    pub lines: usize,
}

/// Cleans a value for an element: repertoire, no control characters, trimmed, at most `max`
/// characters.
pub fn clean(s: &str, max: usize, cs: Charset) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if cs.is_unicode() {
            if cs.allows(c) {
                out.push(c);
            }
            continue;
        }
        let mut keep = |d: char| {
            let d = if cs == Charset::A {
                d.to_ascii_uppercase()
            } else {
                d
            };
            if d.is_ascii() && cs.allows(d) {
                out.push(d);
            }
        };
        if c.is_ascii() {
            // An ASCII character is its own decomposition.
            keep(c);
        } else {
            std::iter::once(c).nfd().for_each(keep);
        }
    }
    let trimmed = out.trim();
    let cut = trimmed
        .char_indices()
        .nth(max)
        .map_or(trimmed, |(i, _)| &trimmed[..i])
        .trim_end();
    if cut.len() == out.len() {
        out
    } else {
        cut.to_string()
    }
}

fn s(v: &str) -> Vec<String> {
    vec![v.to_string()]
}

fn get<'a>(m: &'a Map, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().find_map(|k| m.get(*k))
}

fn text(m: &Map, keys: &[&str]) -> Option<String> {
    match get(m, keys)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.lexeme().to_string()),
        _ => None,
    }
}

fn obj<'a>(m: &'a Map, keys: &[&str]) -> Option<&'a Map> {
    get(m, keys)?.as_object()
}

/// The document id of a message (decision D26), before cleaning.
pub fn document_id(msg: &Message) -> Option<String> {
    let body = msg.body()?;
    match msg.message_type()? {
        MessageType::Lead => text(body, &["leadId"]),
        MessageType::Asset => text(body, &["assetId"]),
        MessageType::Acknowledgment => text(body, &["acknowledgmentId"]),
        MessageType::Subscription => text(body, &["subscriptionId"]),
        MessageType::LeadClosure => text(body, &["originalLeadId", "leadId"]),
    }
}

/// The status of a message and its label (decision D26), before cleaning.
pub fn status(msg: &Message) -> Option<(String, &'static str)> {
    let body = msg.body()?;
    match msg.message_type()? {
        MessageType::LeadClosure => {
            text(body, &["closureStatus"]).map(|v| (v, "LEX-CLOSURE-STATUS"))
        }
        _ => text(body, &["status"]).map(|v| (v, "LEX-STATUS")),
    }
}

/// `CCYYMMDDHHMMSS` in UTC for an RFC 3339 timestamp.
pub fn edi_timestamp(ts: &str) -> Option<String> {
    let t = OffsetDateTime::parse(ts, &Rfc3339)
        .ok()?
        .to_offset(time::UtcOffset::UTC);
    Some(format!(
        "{:04}{:02}{:02}{:02}{:02}{:02}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute(),
        t.second()
    ))
}

/// A decimal for a numeric element (n..15), with the declared decimal mark.
fn number(v: Option<&Value>, decimal: char) -> Option<String> {
    let lexeme = match v? {
        Value::Number(n) => n.lexeme().to_string(),
        Value::String(s) => s.trim().to_string(),
        _ => return None,
    };
    let body = lexeme.strip_prefix('-').unwrap_or(&lexeme);
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    let digits = int.len() + frac.len();
    let ok = !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
        && digits <= 15;
    ok.then(|| lexeme.replace('.', &decimal.to_string()))
}

/// Builds the core view of `msg`.
pub fn build(msg: &Message, cs: Charset, decimal: char) -> View {
    let mut v = View::default();
    let c = |x: &str, max: usize| clean(x, max, cs);
    let mtype = msg.message_type_str().map(|t| c(t, 35)).unwrap_or_default();
    let doc = document_id(msg).map(|d| c(&d, 35)).unwrap_or_default();
    v.head.push((
        "BGM",
        vec![
            vec!["220".into(), String::new(), String::new(), mtype],
            s(&doc),
            s("9"),
        ],
    ));
    let header = msg.header();
    if let Some(ts) = header.timestamp().and_then(edi_timestamp) {
        v.head
            .push(("DTM", vec![vec!["137".into(), ts, "204".into()]]));
    }
    let body = msg.body();
    let meta = body.and_then(|b| obj(b, &["metadata"]));
    if let Some(exp) = meta
        .and_then(|m| text(m, &["expirationDate"]))
        .and_then(|t| edi_timestamp(&t))
    {
        v.head
            .push(("DTM", vec![vec!["36".into(), exp, "204".into()]]));
    }
    let rff = |value: String, label: &str| -> Seg {
        (
            "RFF",
            vec![vec!["ZZZ".into(), value, String::new(), label.into()]],
        )
    };
    if let Some(id) = header.message_id() {
        let hex: String = id.chars().filter(|ch| *ch != '-').collect();
        let value = if hex.len() == 32 && hex.chars().all(|ch| ch.is_ascii_hexdigit()) {
            c(&hex, 32)
        } else {
            c(id, 35)
        };
        v.tail.push(rff(value, "LEX-MESSAGE-ID"));
    }
    if let Some(corr) = header.correlation_id() {
        v.tail.push(("RFF", vec![vec!["AGO".into(), c(corr, 35)]]));
    }
    if let Some(ver) = header.version() {
        v.tail.push(rff(c(ver, 35), "LEX-VERSION"));
    }
    if let Some((st, label)) = status(msg) {
        v.tail.push(rff(c(&st, 35), label));
    }
    let mtype_enum = msg.message_type();
    if let (Some(MessageType::Lead), Some(b)) = (mtype_enum, body) {
        for (key, label) in [("source", "LEX-SOURCE"), ("leadType", "LEX-LEAD-TYPE")] {
            if let Some(x) = text(b, &[key]) {
                v.tail.push(rff(c(&x, 35), label));
            }
        }
    }
    if let (Some(MessageType::Acknowledgment), Some(b)) = (mtype_enum, body) {
        if let Some(orig) = text(b, &["originalMessageId"]) {
            v.tail.push((
                "RFF",
                vec![vec!["AGO".into(), c(&orig.replace('-', ""), 35)]],
            ));
        }
    }
    for (qual, id) in [("FR", header.sender_id()), ("MR", header.receiver_id())] {
        if let Some(id) = id {
            v.tail.push((
                "NAD",
                vec![s(qual), vec![c(id, 35), String::new(), "ZZZ".into()]],
            ));
        }
    }
    if let (Some(MessageType::Subscription), Some(b)) = (mtype_enum, body) {
        if let Some(sub) = text(b, &["subscriberId"]) {
            v.tail.push((
                "NAD",
                vec![s("BY"), vec![c(&sub, 35), String::new(), "ZZZ".into()]],
            ));
        }
    }
    if let (Some(MessageType::Lead), Some(b)) = (mtype_enum, body) {
        lead(&mut v, msg, b, cs, decimal);
    }
    v
}

fn lead(v: &mut View, msg: &Message, b: &Map, cs: Charset, decimal: char) {
    let c = |x: &str, max: usize| clean(x, max, cs);
    if let Some(cust) = obj(b, &["customer"]) {
        let org = obj(cust, &["organizationBuyer"]);
        let person = [text(cust, &["firstName"]), text(cust, &["lastName"])]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let (name, id, qual) = match org {
            Some(o) if person.is_empty() => (
                text(o, &["companyName"]).unwrap_or_default(),
                text(o, &["companyRegistrationNumber"]),
                "91",
            ),
            _ => (
                if person.is_empty() {
                    text(cust, &["companyName"]).unwrap_or_default()
                } else {
                    person.clone()
                },
                text(cust, &["customerId"]),
                "92",
            ),
        };
        let name = c(&name, 175);
        let name_parts: Vec<String> = name
            .chars()
            .collect::<Vec<_>>()
            .chunks(35)
            .map(|ch| ch.iter().collect::<String>().trim().to_string())
            .collect();
        let party = match id {
            Some(id) => vec![c(&id, 35), String::new(), qual.to_string()],
            None => vec![],
        };
        let mut nad = vec![s("BY"), party, vec![], name_parts];
        if let Some(a) = obj(cust, &["address"]) {
            let street: Vec<String> = [text(a, &["street1", "street"]), text(a, &["street2"])]
                .into_iter()
                .flatten()
                .map(|x| c(&x, 35))
                .collect();
            nad.push(street);
            nad.push(s(&c(&text(a, &["city"]).unwrap_or_default(), 35)));
            nad.push(s(&c(
                &text(a, &["state", "province"]).unwrap_or_default(),
                9,
            )));
            nad.push(s(&c(&text(a, &["postalCode"]).unwrap_or_default(), 9)));
            nad.push(s(&c(
                &text(a, &["countryCode", "country"]).unwrap_or_default(),
                3,
            )));
        }
        v.tail.push(("NAD", nad));
        if !person.is_empty() {
            v.tail
                .push(("CTA", vec![s("IC"), vec![String::new(), c(&person, 35)]]));
        }
        if let Some(email) = text(cust, &["emailAddress", "email"]) {
            v.tail
                .push(("COM", vec![vec![c(&email, 512), "EM".into()]]));
        }
        if let Some(phone) = text(cust, &["phoneNumber", "phone"]) {
            v.tail
                .push(("COM", vec![vec![c(&phone, 512), "TE".into()]]));
        }
    }
    let org = obj(b, &["organizationContext"]).or_else(|| obj(msg.lex(), &["organizationContext"]));
    if let Some(o) = org {
        let id = text(o, &["organizationId"])
            .map(|x| c(&x, 35))
            .unwrap_or_default();
        let name = text(o, &["organizationName"])
            .map(|x| c(&x, 35))
            .unwrap_or_default();
        if !id.is_empty() || !name.is_empty() {
            let party = if id.is_empty() {
                vec![]
            } else {
                vec![id, String::new(), "92".into()]
            };
            v.tail.push(("NAD", vec![s("SE"), party, vec![], s(&name)]));
        }
    }
    let product = obj(b, &["desiredProduct", "desiredVehicle"]);
    if let Some(ccy) = product
        .and_then(|p| obj(p, &["priceRange"]))
        .and_then(|r| text(r, &["currency"]))
        .filter(|x| x.len() == 3 && x.bytes().all(|ch| ch.is_ascii_uppercase()))
    {
        v.tail
            .push(("CUX", vec![vec!["2".into(), ccy, "9".into()]]));
    }
    if let Some(p) = product {
        v.lines += 1;
        let code = text(p, &["configurationCode", "model"])
            .map(|x| c(&x, 35))
            .unwrap_or_else(|| "PRODUCT".into());
        v.tail.push((
            "LIN",
            vec![s(&v.lines.to_string()), vec![], vec![code, "ZZZ".into()]],
        ));
        let desc = [
            text(p, &["year"]),
            text(p, &["make", "manufacturer"]),
            text(p, &["model"]),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        if !desc.is_empty() {
            v.tail.push(imd(&c(&desc, 35)));
        }
        let qty = obj(p, &["fleetOrder"]).and_then(|f| number(f.get("quantity"), decimal));
        if let Some(q) = qty {
            v.tail.push(("QTY", vec![vec!["21".into(), q]]));
        }
        if let Some(opts) = get(p, &["installedOptions"]).and_then(Value::as_array) {
            for o in opts.iter().filter_map(Value::as_object) {
                v.lines += 1;
                let part = text(o, &["partNumber", "code", "optionCode"])
                    .map(|x| c(&x, 35))
                    .unwrap_or_else(|| "OPTION".into());
                v.tail.push((
                    "LIN",
                    vec![s(&v.lines.to_string()), vec![], vec![part, "MF".into()]],
                ));
                if let Some(n) = text(o, &["name", "description"]) {
                    v.tail.push(imd(&c(&n, 35)));
                }
                if let Some(pr) = number(o.get("price"), decimal) {
                    v.tail.push(("PRI", vec![vec!["AAB".into(), pr]]));
                }
            }
        }
    }
    if let Some(t) = obj(b, &["tradeIn", "partExchange"]) {
        v.lines += 1;
        v.tail.push((
            "LIN",
            vec![
                s(&v.lines.to_string()),
                vec![],
                vec!["TRADE-IN".into(), "ZZZ".into()],
            ],
        ));
        let desc = [text(t, &["year"]), text(t, &["make"]), text(t, &["model"])]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if !desc.is_empty() {
            v.tail.push(imd(&c(&desc, 35)));
        }
        if let Some(vin) = text(t, &["vin"]) {
            v.tail
                .push(("PIA", vec![s("1"), vec![c(&vin, 35), "SN".into()]]));
        }
    }
}

fn imd(text: &str) -> Seg {
    (
        "IMD",
        vec![
            s("F"),
            vec![],
            vec![String::new(), String::new(), String::new(), text.into()],
        ],
    )
}
