//! The readable core view (wire-formats §5.3–5.5): standard 850 segments that EDI
//! translators and people can read. It is informative: values are sanitised (delimiters and
//! control characters become spaces, diacritics are stripped, other non-ASCII characters are
//! dropped, lengths are cut to the element maximum); the payload block holds the exact message.

use super::tokenizer::Delimiters;
use crate::message::{Message, MessageType};
use crate::value::{Map, Value};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// A segment to write: tag then elements (trailing empty elements are dropped on output).
pub type Seg = Vec<String>;

/// `REF03` labels of the core view.
pub mod labels {
    /// header.messageId.
    pub const MESSAGE_ID: &str = "LEX-MESSAGE-ID";
    /// header.messageType.
    pub const MESSAGE_TYPE: &str = "LEX-MESSAGE-TYPE";
    /// header.version.
    pub const VERSION: &str = "LEX-VERSION";
    /// header.correlationId.
    pub const CORRELATION_ID: &str = "LEX-CORRELATION-ID";
    /// The status of the body.
    pub const STATUS: &str = "LEX-STATUS";
    /// leadClosure.closureStatus.
    pub const CLOSURE_STATUS: &str = "LEX-CLOSURE-STATUS";
    /// The full document id when longer than BEG03 allows.
    pub const DOC_ID: &str = "LEX-DOC-ID";
    /// lead.source.
    pub const SOURCE: &str = "LEX-SOURCE";
    /// lead.leadType.
    pub const LEAD_TYPE: &str = "LEX-LEAD-TYPE";
    /// acknowledgment.originalMessageId.
    pub const ORIGINAL_MESSAGE_ID: &str = "LEX-ORIGINAL-MESSAGE-ID";
}

/// Sanitises a value for an X12 element of at most `max` characters.
pub fn clean(s: &str, max: usize, d: &Delimiters) -> String {
    let blank = |c: char| {
        if c.is_ascii_control() || d.contains(c) {
            ' '
        } else {
            c
        }
    };
    if s.is_ascii() {
        // ASCII needs no spelling and is its own decomposition.
        return cut(s.chars().map(blank).collect(), max);
    }
    // Letters that do not decompose under NFD get their usual ASCII spelling.
    let mut spelled = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'Ø' => spelled.push('O'),
            'ø' => spelled.push('o'),
            'Æ' => spelled.push_str("AE"),
            'æ' => spelled.push_str("ae"),
            'Œ' => spelled.push_str("OE"),
            'œ' => spelled.push_str("oe"),
            'ß' => spelled.push_str("ss"),
            'Ł' => spelled.push('L'),
            'ł' => spelled.push('l'),
            'Đ' => spelled.push('D'),
            'đ' => spelled.push('d'),
            c => spelled.push(c),
        }
    }
    let mapped: String = spelled
        .nfd()
        .filter(|c| !is_combining_mark(*c))
        .filter(char::is_ascii)
        .map(blank)
        .collect();
    cut(mapped, max)
}

/// `s` trimmed and cut to at most `max` characters (then trimmed again).
fn cut(s: String, max: usize) -> String {
    let trimmed = s.trim();
    let cut = trimmed
        .char_indices()
        .nth(max)
        .map_or(trimmed, |(i, _)| &trimmed[..i])
        .trim_end();
    if cut.len() == s.len() {
        s
    } else {
        cut.to_string()
    }
}

/// Date `CCYYMMDD` and time `HHMMSS` (UTC) of an RFC 3339 timestamp.
pub fn utc_parts(ts: &str) -> Option<(String, String, OffsetDateTime)> {
    let t = OffsetDateTime::parse(ts, &Rfc3339)
        .ok()?
        .to_offset(time::UtcOffset::UTC);
    let date = format!("{:04}{:02}{:02}", t.year(), u8::from(t.month()), t.day());
    let time = format!("{:02}{:02}{:02}", t.hour(), t.minute(), t.second());
    Some((date, time, t))
}

fn text<'a>(m: Option<&'a Map>, key: &str) -> Option<&'a str> {
    m?.get(key)?.as_str().filter(|s| !s.trim().is_empty())
}

fn scalar(m: Option<&Map>, key: &str) -> Option<String> {
    match m?.get(key)? {
        Value::String(s) if !s.trim().is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.lexeme().to_string()),
        _ => None,
    }
}

/// The document id, the status and the status label of a message (§5.4).
pub fn doc_and_status(msg: &Message) -> (Option<String>, Option<String>, &'static str) {
    let body = msg.lex().get("payload").and_then(Value::as_object);
    let get = |key: &str| body.and_then(|p| p.get(key)).and_then(Value::as_object);
    match msg.message_type() {
        Some(MessageType::Lead) => {
            let b = get("lead");
            (scalar(b, "leadId"), scalar(b, "status"), labels::STATUS)
        }
        Some(MessageType::Asset) => {
            let b = get("asset");
            (scalar(b, "assetId"), scalar(b, "status"), labels::STATUS)
        }
        Some(MessageType::Acknowledgment) => {
            let b = get("acknowledgment");
            (
                scalar(b, "acknowledgmentId"),
                scalar(b, "status"),
                labels::STATUS,
            )
        }
        Some(MessageType::Subscription) => {
            let b = get("subscription");
            (
                scalar(b, "subscriptionId"),
                scalar(b, "status"),
                labels::STATUS,
            )
        }
        Some(MessageType::LeadClosure) => {
            let b = get("leadClosure");
            let id = scalar(b, "originalLeadId").or_else(|| scalar(b, "leadId"));
            (id, scalar(b, "closureStatus"), labels::CLOSURE_STATUS)
        }
        None => (None, None, labels::STATUS),
    }
}

fn seg(items: &[&str]) -> Seg {
    items.iter().map(|s| s.to_string()).collect()
}

/// The core view of `msg`, split around the payload block: the segments before the `N9`
/// loop (BEG, REF, DTM) and after it (N1 loops, PO1 loops, CTT).
pub fn build(msg: &Message, envelope_date: &str, d: &Delimiters) -> (Vec<Seg>, Vec<Seg>) {
    let h = msg.header();
    let mut head = Vec::new();
    let (doc, status, status_label) = doc_and_status(msg);
    let doc_full = doc.as_deref().map(|s| clean(s, 50, d)).unwrap_or_default();
    let beg03 = match &doc {
        Some(s) if !clean(s, 22, d).is_empty() => clean(s, 22, d),
        _ => {
            let id = clean(h.message_id().unwrap_or(""), 22, d);
            if id.is_empty() { "LEX".to_string() } else { id }
        }
    };
    let ts = h.timestamp().and_then(utc_parts);
    let date = ts
        .as_ref()
        .map_or(envelope_date.to_string(), |(d, _, _)| d.clone());
    head.push(seg(&["BEG", "00", "SA", &beg03, "", &date]));
    let mut refs = |value: Option<&str>, label: &str| {
        if let Some(v) = value {
            let v = clean(v, 50, d);
            if !v.is_empty() {
                head.push(seg(&["REF", "ZZ", &v, label]));
            }
        }
    };
    if doc_full.chars().count() > 22 || doc.as_deref().is_some_and(|s| clean(s, 22, d) != s) {
        refs(doc.as_deref(), labels::DOC_ID);
    }
    refs(h.message_id(), labels::MESSAGE_ID);
    refs(h.message_type(), labels::MESSAGE_TYPE);
    refs(h.version(), labels::VERSION);
    refs(h.correlation_id(), labels::CORRELATION_ID);
    refs(status.as_deref(), status_label);
    let body = msg.body();
    match msg.message_type() {
        Some(MessageType::Lead) => {
            refs(text(body, "source"), labels::SOURCE);
            refs(text(body, "leadType"), labels::LEAD_TYPE);
        }
        Some(MessageType::Acknowledgment) => {
            refs(text(body, "originalMessageId"), labels::ORIGINAL_MESSAGE_ID);
        }
        _ => {}
    }
    if let Some((date, time, _)) = &ts {
        head.push(seg(&["DTM", "004", date, time, "UT"]));
    }

    let mut tail = Vec::new();
    let party = |q: &str, id: Option<&str>| -> Option<Seg> {
        let id = clean(id?, 80, d);
        (!id.is_empty()).then(|| seg(&["N1", q, "", "ZZ", &id]))
    };
    tail.extend(party("FR", h.sender_id()));
    tail.extend(party("TO", h.receiver_id()));
    let mut lines: Vec<Vec<Seg>> = Vec::new();
    match msg.message_type() {
        Some(MessageType::Lead) => {
            if let Some(c) = body
                .and_then(|b| b.get("customer"))
                .and_then(Value::as_object)
            {
                tail.extend(customer(c, d));
            }
            lead_lines(body, d, &mut lines);
        }
        Some(MessageType::Subscription) => {
            tail.extend(party("BY", text(body, "subscriberId")));
        }
        Some(MessageType::Asset) => {
            product_line(body, "manufacturer", d, &mut lines);
        }
        Some(MessageType::LeadClosure) => {
            let p = body
                .and_then(|b| b.get("purchasedProduct"))
                .and_then(Value::as_object);
            product_line(p, "make", d, &mut lines);
        }
        _ => {}
    }
    if lines.is_empty() {
        let t = msg.message_type().map_or("MESSAGE", MessageType::as_str);
        lines.push(vec![seg(&[
            "PO1",
            "",
            "1",
            "EA",
            "",
            "",
            "ZZ",
            &format!("LEX-{t}"),
        ])]);
    }
    let count = lines.len();
    for (i, mut l) in lines.into_iter().enumerate() {
        if let Some(po1) = l.first_mut() {
            if let Some(n) = po1.get_mut(1) {
                *n = (i + 1).to_string();
            }
        }
        tail.extend(l);
    }
    tail.push(seg(&["CTT", &count.to_string()]));
    (head, tail)
}

fn customer(c: &Map, d: &Delimiters) -> Vec<Seg> {
    let mut out = Vec::new();
    let person = [text(Some(c), "firstName"), text(Some(c), "lastName")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let org = c.get("organizationBuyer").and_then(Value::as_object);
    let (name, q, id) = if person.is_empty() {
        match org {
            Some(o) => (
                text(Some(o), "companyName").unwrap_or("").to_string(),
                "91",
                text(Some(o), "companyRegistrationNumber"),
            ),
            None => (String::new(), "92", text(Some(c), "customerId")),
        }
    } else {
        (person, "92", text(Some(c), "customerId"))
    };
    let name = clean(&name, 60, d);
    let id = id.map(|s| clean(s, 80, d)).filter(|s| s.len() >= 2);
    match id {
        Some(id) => out.push(seg(&["N1", "BY", &name, q, &id])),
        None if !name.is_empty() => out.push(seg(&["N1", "BY", &name])),
        None => out.push(seg(&["N1", "BY", "CUSTOMER"])),
    }
    if let Some(a) = c.get("address").and_then(Value::as_object) {
        let s1 = clean(text(Some(a), "street1").unwrap_or(""), 55, d);
        let s2 = clean(text(Some(a), "street2").unwrap_or(""), 55, d);
        if !s1.is_empty() || !s2.is_empty() {
            out.push(seg(&[
                "N3",
                if s1.is_empty() { &s2 } else { &s1 },
                if s1.is_empty() { "" } else { &s2 },
            ]));
        }
        let city = clean(text(Some(a), "city").unwrap_or(""), 30, d);
        let state = text(Some(a), "state")
            .or(text(Some(a), "province"))
            .unwrap_or("");
        let state = clean(state, 30, d);
        let postal = clean(text(Some(a), "postalCode").unwrap_or(""), 15, d);
        let country = clean(text(Some(a), "countryCode").unwrap_or(""), 3, d);
        if city.len() >= 2 {
            // N402 takes a 2-letter state; other subdivision codes (≤ 3) go to N407;
            // longer names only travel in the payload.
            let (n402, n407) = match state.len() {
                2 => (state.clone(), String::new()),
                1 | 3 => (String::new(), state.clone()),
                _ => (String::new(), String::new()),
            };
            out.push(seg(&["N4", &city, &n402, &postal, &country, "", "", &n407]));
        }
    }
    let email = clean(text(Some(c), "emailAddress").unwrap_or(""), 256, d);
    let phone = clean(text(Some(c), "phoneNumber").unwrap_or(""), 256, d);
    if !email.is_empty() || !phone.is_empty() {
        let mut per = seg(&["PER", "IC", ""]);
        for (q, v) in [("EM", &email), ("TE", &phone)] {
            if !v.is_empty() {
                per.push(q.to_string());
                per.push(v.clone());
            }
        }
        out.push(per);
    }
    out
}

fn product_line(p: Option<&Map>, make_key: &str, d: &Delimiters, lines: &mut Vec<Vec<Seg>>) {
    let Some(p) = p else { return };
    let make = clean(&scalar(Some(p), make_key).unwrap_or_default(), 48, d);
    let model = clean(&scalar(Some(p), "model").unwrap_or_default(), 48, d);
    let desc: Vec<String> = ["year", make_key, "model", "trim"]
        .iter()
        .filter_map(|k| scalar(Some(p), k))
        .collect();
    let desc = clean(&desc.join(" "), 80, d);
    if desc.is_empty() {
        return;
    }
    let mut po1 = seg(&["PO1", "", "1", "EA", "", ""]);
    for (q, v) in [("MF", &make), ("MN", &model)] {
        if !v.is_empty() {
            po1.push(q.to_string());
            po1.push(v.clone());
        }
    }
    if po1.len() == 6 {
        po1.extend(["ZZ".to_string(), "PRODUCT".to_string()]);
    }
    lines.push(vec![po1, seg(&["PID", "F", "", "", "", &desc])]);
}

fn lead_lines(body: Option<&Map>, d: &Delimiters, lines: &mut Vec<Vec<Seg>>) {
    let product = body
        .and_then(|b| b.get("desiredProduct"))
        .and_then(Value::as_object);
    product_line(product, "make", d, lines);
    let options = product
        .and_then(|p| p.get("installedOptions"))
        .and_then(Value::as_array);
    for o in options.into_iter().flatten().filter_map(Value::as_object) {
        let part = clean(text(Some(o), "partNumber").unwrap_or(""), 48, d);
        let name = clean(text(Some(o), "name").unwrap_or(""), 80, d);
        let price = match o.get("estimatedValue") {
            Some(Value::Number(n))
                if n.lexeme().len() <= 17 && !n.lexeme().contains(['e', 'E']) =>
            {
                n.lexeme().to_string()
            }
            _ => String::new(),
        };
        let mut po1 = seg(&["PO1", "", "1", "EA", &price, ""]);
        po1.extend(if part.is_empty() {
            ["ZZ".to_string(), "INSTALLED-OPTION".to_string()]
        } else {
            ["MG".to_string(), part]
        });
        let mut l = vec![po1];
        if !name.is_empty() {
            l.push(seg(&["PID", "F", "", "", "", &name]));
        }
        lines.push(l);
    }
    let trade = body
        .and_then(|b| b.get("tradeIn"))
        .and_then(Value::as_object);
    if let Some(t) = trade {
        let desc: Vec<String> = ["tradeInYear", "tradeInMake", "tradeInModel"]
            .iter()
            .filter_map(|k| scalar(Some(t), k))
            .collect();
        let desc = clean(&desc.join(" "), 80, d);
        if !desc.is_empty() {
            lines.push(vec![
                seg(&["PO1", "", "1", "EA", "", "", "ZZ", "TRADE-IN"]),
                seg(&["PID", "F", "", "", "", &desc]),
            ]);
        }
    }
}
