//! The customer of a foreign 850: `N1*BY` with its N3/N4/PER loop, or `NM1*IL`.

use super::{Mapper, put};
use crate::codec::x12::findings::codes;
use crate::codec::x12::tokenizer::{Segment, repetitions};
use crate::value::{Map, Value};

impl Mapper<'_> {
    pub(super) fn customer(&mut self) -> Option<Map> {
        let mut c = Map::default();
        let mut addr = Map::default();
        let by = self.find(|s| s.tag() == "N1" && s.el(1) == "BY");
        if let Some((i, n1)) = by {
            self.used[i] = true;
            let name = n1.el(2);
            let organisation = n1.el(3) == "91";
            if organisation {
                let mut org = Map::default();
                if !name.is_empty() {
                    put(&mut org, "companyName", name);
                }
                if !n1.el(4).is_empty() {
                    put(&mut org, "companyRegistrationNumber", n1.el(4));
                }
                put(&mut c, "organizationBuyer", Value::Object(org));
            } else {
                if n1.el(3) == "92" && !n1.el(4).is_empty() {
                    put(&mut c, "customerId", n1.el(4));
                } else if !n1.el(3).is_empty() || !n1.el(4).is_empty() {
                    self.used[i] = false;
                }
                self.split_name(&mut c, name, n1);
            }
            // The N1 loop: N2/N3/N4/REF/PER until the next N1 or line item.
            let mut per_done = false;
            let mut street_done = false;
            let mut n4_done = false;
            for j in i + 1..self.set.body.len() {
                let s = &self.set.body[j];
                match s.tag() {
                    "N3" if !street_done => {
                        street_done = true;
                        self.used[j] = true;
                        self.street(&mut addr, s);
                    }
                    "N4" if !n4_done => {
                        n4_done = true;
                        self.used[j] = true;
                        n4(&mut addr, s);
                    }
                    "PER" if !per_done => {
                        per_done = true;
                        let contact = if organisation {
                            self.contact_person(&mut c, s)
                        } else {
                            None
                        };
                        let full = self.per(&mut c, s, contact.as_deref().unwrap_or(name));
                        self.used[j] = full;
                    }
                    "N2" | "N3" | "N4" | "REF" | "PER" | "DTM" | "SI" | "FOB" | "TD5" => {}
                    _ => break,
                }
            }
        } else if let Some((i, nm1)) = self.find(|s| s.tag() == "NM1" && s.el(1) == "IL") {
            self.used[i] = true;
            if !nm1.el(4).is_empty() {
                put(&mut c, "firstName", nm1.el(4));
            }
            if !nm1.el(3).is_empty() {
                put(&mut c, "lastName", nm1.el(3));
            }
            let rest: Vec<&str> = (5..nm1.elements.len()).map(|n| nm1.el(n)).collect();
            if let Some(e) = rest.iter().find(|v| v.contains('@')) {
                put(&mut c, "emailAddress", *e);
            }
            if let Some(p) = rest.windows(2).find(|w| w[0] == "TE").map(|w| w[1]) {
                put(&mut c, "phoneNumber", p);
            }
            self.warn(
                codes::HEURISTIC,
                "/lex/payload/lead/customer",
                "the customer was read from NM1*IL (not an 850 segment); e-mail and phone found by content".into(),
                Some(nm1),
            );
            let after: Vec<(usize, Segment)> = self.set.body[i + 1..]
                .iter()
                .enumerate()
                .take_while(|(_, s)| matches!(s.tag(), "N3" | "N4"))
                .map(|(k, s)| (i + 1 + k, s.clone()))
                .collect();
            for (j, s) in after {
                self.used[j] = true;
                if s.tag() == "N3" {
                    self.street(&mut addr, &s);
                } else {
                    n4(&mut addr, &s);
                }
            }
        } else {
            return None;
        }
        if !addr.is_empty() {
            // street lines first, as in the schema
            let mut ordered = Map::default();
            for k in [
                "street1",
                "street2",
                "city",
                "state",
                "postalCode",
                "countryCode",
            ] {
                if let Some(v) = addr.shift_remove(k) {
                    ordered.insert(k.to_string(), v);
                }
            }
            put(&mut c, "address", Value::Object(ordered));
        }
        Some(c)
    }

    /// The contact person of an organisation buyer (`PER*BD|CN|IC*<name>`) as the
    /// customer's first and last name; the company stays in `organizationBuyer`. Returns
    /// the name when it was mapped.
    fn contact_person(&mut self, c: &mut Map, per: &Segment) -> Option<String> {
        let name = per.el(2).trim();
        if !matches!(per.el(1), "BD" | "CN" | "IC") || name.is_empty() || name.contains('@') {
            return None;
        }
        match name.rsplit_once(' ') {
            Some((first, last)) => {
                put(c, "firstName", first.trim());
                put(c, "lastName", last);
            }
            None => put(c, "lastName", name),
        }
        self.warn(
            codes::HEURISTIC,
            "/lex/payload/lead/customer/firstName",
            format!(
                "the organisation's contact person {name:?} (PER*{}) was read as the customer's first and last name (split at the last space)",
                per.el(1)
            ),
            Some(per),
        );
        Some(name.to_string())
    }

    fn split_name(&mut self, c: &mut Map, name: &str, seg: &Segment) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        match name.rsplit_once(' ') {
            Some((first, last)) => {
                put(c, "firstName", first.trim());
                put(c, "lastName", last);
                self.warn(
                    codes::HEURISTIC,
                    "/lex/payload/lead/customer/lastName",
                    format!(
                        "the name {name:?} was split at its last space into firstName and lastName"
                    ),
                    Some(seg),
                );
            }
            None => put(c, "lastName", name),
        }
    }

    fn street(&mut self, a: &mut Map, s: &Segment) {
        let mut lines: Vec<String> = Vec::new();
        for n in 1..=2 {
            let parts = repetitions(s.el(n), self.d);
            if parts.len() > 1 {
                self.warn(
                    codes::HEURISTIC,
                    "/lex/payload/lead/customer/address/street2",
                    format!("N3{n:02} repeats; the repetitions were read as street lines"),
                    Some(s),
                );
            }
            lines.extend(parts.into_iter().filter(|p| !p.is_empty()));
        }
        if let Some(l) = lines.first() {
            put(a, "street1", l.as_str());
        }
        if lines.len() > 1 {
            put(a, "street2", lines[1..].join(", "));
        }
    }

    /// Maps e-mail and phone from a PER; true when nothing else was in it.
    fn per(&mut self, c: &mut Map, s: &Segment, name: &str) -> bool {
        let mut full = s.el(2).is_empty() || s.el(2) == name;
        let mut n = 3;
        while n < s.elements.len() {
            let (q, v) = (s.el(n), s.el(n + 1));
            let key = match q {
                "EM" if !c.contains_key("emailAddress") => Some("emailAddress"),
                "TE" if !c.contains_key("phoneNumber") => Some("phoneNumber"),
                _ => None,
            };
            match key {
                Some(k) if !v.is_empty() => put(c, k, v),
                _ if q.is_empty() && v.is_empty() => {}
                _ => full = false,
            }
            n += 2;
        }
        full
    }
}

fn n4(a: &mut Map, s: &Segment) {
    for (n, key) in [
        (1, "city"),
        (2, "state"),
        (3, "postalCode"),
        (4, "countryCode"),
    ] {
        if n == 2 && s.el(2).is_empty() && !s.el(7).is_empty() {
            put(a, "state", s.el(7));
        } else if !s.el(n).is_empty() {
            put(a, key, s.el(n));
        }
    }
}
