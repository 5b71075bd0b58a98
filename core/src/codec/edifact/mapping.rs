//! Best-effort mapping of foreign EDIFACT (no payload block) to a LEX tree
//! (wire-formats.md §5.8): the LEX-labelled core view first, then the variants found in
//! the upstream examples, each heuristic reported. Missing required header values are
//! synthesised deterministically (re-reading gives the same message id). Every segment that
//! is not mapped is kept verbatim in the `lexedi.edi.unmapped` extension entry.

use super::envelope::{EdiMessage, Interchange, Segment};
use super::findings::{Findings, codes};
use super::party::{self, set};
use crate::error::Result;
use crate::lifecycle;
use crate::message::MessageType;
use crate::value::{Map, Value};

/// The extension namespace that keeps what the EDI readers could not map.
pub const UNMAPPED_NAMESPACE: &str = "lexedi.edi.unmapped";

/// The UUID v5 of a foreign message: `edifact|S002|S003|0020|0062` in the project namespace.
pub fn synthetic_message_id(ic: &Interchange, m: &EdiMessage) -> String {
    let ns = uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, b"urn:lexedi:edi");
    let key = format!(
        "edifact|{}|{}|{}|{}",
        ic.sender.0, ic.recipient.0, ic.control_reference, m.reference
    );
    uuid::Uuid::new_v5(&ns, key.as_bytes()).to_string()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Party {
    None,
    Customer,
    Other,
}

#[derive(Default)]
struct State<'a> {
    header: Map,
    body: Map,
    customer: Map,
    address: Map,
    product: Map,
    doc_id: Option<String>,
    lid: Option<String>,
    timestamp: Option<(String, &'a Segment)>,
    unmapped: Vec<&'a Segment>,
}

/// Maps a foreign message; returns the `{"lex": …}` tree.
pub fn map(ic: &Interchange, m: &EdiMessage, f: &mut Findings) -> Result<Value> {
    let mut st = State::default();
    let mut party = Party::None;
    let lead_ptr = "/lex/payload/lead";
    for seg in &m.body {
        let mapped = match seg.tag.as_str() {
            "BGM" => {
                st.doc_id = Some(seg.comp(2, 1).to_string()).filter(|s| !s.is_empty());
                if let Some(t) = MessageType::parse(seg.comp(1, 4)) {
                    set(&mut st.header, "messageType", t.as_str());
                }
                true
            }
            "DTM" => dtm(seg, &mut st),
            "RFF" => rff(seg, &mut st, f)?,
            "NAD" => {
                let q = seg.comp(1, 1);
                let id = seg.comp(2, 1);
                match q {
                    "FR" => set(&mut st.header, "senderId", id),
                    "MR" => set(&mut st.header, "receiverId", id),
                    // The top-level sample names the sender NAD+BY and the receiver NAD+SH.
                    "BY" if !id.is_empty() && id == ic.sender.0 => {
                        party = Party::Other;
                        set(&mut st.header, "senderId", id)
                            || st.header.get("senderId").and_then(Value::as_str) == Some(id)
                    }
                    "SH" if !id.is_empty() && id == ic.recipient.0 => {
                        party = Party::Other;
                        set(&mut st.header, "receiverId", id)
                            || st.header.get("receiverId").and_then(Value::as_str) == Some(id)
                    }
                    "BY" | "DP" if party != Party::Customer && st.customer.is_empty() => {
                        party = Party::Customer;
                        party::nad_customer(seg, &mut st.customer, &mut st.address, f)?;
                        true
                    }
                    _ => {
                        party = Party::Other;
                        false
                    }
                }
            }
            "CTA" if party == Party::Customer => {
                let name = seg.comp(2, 2);
                if name.contains('@')
                    && !name.contains(' ')
                    && !st.customer.contains_key("emailAddress")
                {
                    set(&mut st.customer, "emailAddress", name);
                    f.mapping(codes::HEURISTIC, &format!("{lead_ptr}/customer/emailAddress"), "an e-mail address in the CTA contact-name slot was read as the customer's e-mail", seg.loc(Some(2), Some(2)))?;
                    true
                } else if party::contact_person(seg, &mut st.customer, f)? {
                    true
                } else {
                    !name.is_empty() && party::name_matches(&st.customer, name)
                }
            }
            "COM" if party == Party::Customer => party::com(seg, &mut st.customer, f)?,
            "LIN" => {
                let item = seg.comp(3, 1);
                if lifecycle::is_status(item) && !st.body.contains_key("status") {
                    set(&mut st.body, "status", item);
                    f.mapping(
                        codes::HEURISTIC,
                        &format!("{lead_ptr}/status"),
                        "a lead status in the LIN item number was read as the lead status",
                        seg.loc(Some(3), Some(1)),
                    )?;
                    true
                } else {
                    false
                }
            }
            "STS" => {
                let v = seg.comp(2, 1);
                if lifecycle::is_status(v) && set(&mut st.body, "status", v) {
                    f.mapping(
                        codes::HEURISTIC,
                        &format!("{lead_ptr}/status"),
                        "STS (not part of ORDERS D.96A) was read as the lead status",
                        seg.loc(Some(2), Some(1)),
                    )?;
                    true
                } else {
                    false
                }
            }
            "IMD" => {
                if let Some(class) = asset_class(seg.raw()) {
                    if set(&mut st.product, "assetClass", &class) {
                        f.mapping(
                            codes::HEURISTIC,
                            &format!("{lead_ptr}/desiredProduct/assetClass"),
                            "assetClass was taken from IMD free text",
                            seg.loc(Some(3), None),
                        )?;
                    }
                }
                false
            }
            "UNS" => true,
            "CNT" => seg.comp(1, 1) == "2",
            _ => false,
        };
        if !mapped {
            st.unmapped.push(seg);
        }
    }
    st.unmapped.extend(m.stray.iter());
    finish(ic, m, st, f)
}

fn asset_class(raw: &str) -> Option<String> {
    let at = raw.find("assetClass:")? + "assetClass:".len();
    let v: String = raw[at..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    (!v.is_empty()).then_some(v)
}

fn edi_date(value: &str, format: &str) -> Option<(String, bool)> {
    let d = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !d(value) {
        return None;
    }
    let g = |a: usize, b: usize| value.get(a..b).unwrap_or("00");
    match (format, value.len()) {
        ("102", 8) => Some((
            format!("{}-{}-{}T00:00:00Z", g(0, 4), g(4, 6), g(6, 8)),
            true,
        )),
        ("203", 12) => Some((
            format!(
                "{}-{}-{}T{}:{}:00Z",
                g(0, 4),
                g(4, 6),
                g(6, 8),
                g(8, 10),
                g(10, 12)
            ),
            false,
        )),
        ("204", 14) => Some((
            format!(
                "{}-{}-{}T{}:{}:{}Z",
                g(0, 4),
                g(4, 6),
                g(6, 8),
                g(8, 10),
                g(10, 12),
                g(12, 14)
            ),
            false,
        )),
        _ => None,
    }
}

fn dtm<'a>(seg: &'a Segment, st: &mut State<'a>) -> bool {
    let (q, v, fmt) = (seg.comp(1, 1), seg.comp(1, 2), seg.comp(1, 3));
    match q {
        "137" if st.timestamp.is_none() => {
            if let Some((ts, _)) = edi_date(v, fmt) {
                st.timestamp = Some((ts, seg));
                return true;
            }
            false
        }
        "36" | "036" | "039" => match edi_date(v, fmt) {
            Some((ts, _)) => {
                let meta = st
                    .body
                    .entry("metadata".into())
                    .or_insert_with(Value::object);
                meta.as_object_mut()
                    .is_some_and(|m| set(m, "expirationDate", &ts))
            }
            None => false,
        },
        _ => false,
    }
}

fn rff(seg: &Segment, st: &mut State<'_>, f: &mut Findings) -> Result<bool> {
    let (q, v, label) = (seg.comp(1, 1), seg.comp(1, 2), seg.comp(1, 4));
    let p = "/lex/payload/lead";
    let loc = seg.loc(Some(1), Some(2));
    Ok(match (q, label) {
        ("ZZZ", "LEX-MESSAGE-ID") => {
            let id = if v.len() == 32 && v.bytes().all(|b| b.is_ascii_hexdigit()) {
                format!(
                    "{}-{}-{}-{}-{}",
                    &v[..8],
                    &v[8..12],
                    &v[12..16],
                    &v[16..20],
                    &v[20..]
                )
            } else {
                v.to_string()
            };
            set(&mut st.header, "messageId", &id)
        }
        ("ZZZ", "LEX-VERSION") => set(&mut st.header, "version", v),
        ("ZZZ", "LEX-STATUS") | ("ZZZ", "LEX-CLOSURE-STATUS") => set(&mut st.body, "status", v),
        ("ZZZ", "LEX-SOURCE") => set(&mut st.body, "source", v),
        ("ZZZ", "LEX-LEAD-TYPE") => set(&mut st.body, "leadType", v),
        ("AGO", _) => set(&mut st.header, "correlationId", v),
        ("CR", _) if v.starts_with("LID-") => {
            st.lid = Some(v.to_string());
            true
        }
        ("CT" | "ST", _) if lifecycle::is_status(v) => {
            let done = set(&mut st.body, "status", v);
            if done {
                f.mapping(
                    codes::HEURISTIC,
                    &format!("{p}/status"),
                    format!("RFF qualifier {q} was read as the lead status"),
                    loc,
                )?;
            }
            done
        }
        ("ADE", _) => {
            let done = set(&mut st.body, "leadType", v);
            if done {
                f.mapping(
                    codes::HEURISTIC,
                    &format!("{p}/leadType"),
                    "RFF+ADE was read as the lead type",
                    loc,
                )?;
            }
            done
        }
        ("PD" | "LS", _) => {
            let done = set(&mut st.body, "source", v);
            if done {
                f.mapping(
                    codes::HEURISTIC,
                    &format!("{p}/source"),
                    format!("RFF qualifier {q} was read as the lead source"),
                    loc,
                )?;
            }
            done
        }
        ("CO", _) if v.starts_with("LEX-") => {
            let ver = v.trim_start_matches("LEX-");
            let done = set(&mut st.header, "version", ver);
            if done {
                f.mapping(
                    codes::HEURISTIC,
                    "/lex/header/version",
                    "RFF+CO (buyer's order number) was read as the LEX version",
                    loc,
                )?;
            }
            done
        }
        _ => false,
    })
}

fn finish(ic: &Interchange, m: &EdiMessage, mut st: State<'_>, f: &mut Findings) -> Result<Value> {
    let unh = &m.unh;
    let mtype = match st
        .header
        .get("messageType")
        .and_then(Value::as_str)
        .and_then(MessageType::parse)
    {
        Some(t) => t,
        None => {
            f.mapping(
                codes::TYPE_INFERRED,
                "/lex/header/messageType",
                "the message type is not stated (BGM C002 1000); LEAD was assumed",
                unh.loc(None, None),
            )?;
            MessageType::Lead
        }
    };
    let mut header = Map::default();
    let mid = match st.header.shift_remove("messageId") {
        Some(v) => v,
        None => {
            f.mapping(codes::SYNTHESIZED, "/lex/header/messageId", "no LEX message id; a UUID v5 was derived from the interchange and message references", unh.loc(Some(1), None))?;
            Value::from(synthetic_message_id(ic, m))
        }
    };
    header.insert("messageId".into(), mid);
    header.insert("messageType".into(), mtype.as_str().into());
    let version = match st.header.shift_remove("version") {
        Some(v) => v,
        None => {
            f.mapping(
                codes::SYNTHESIZED,
                "/lex/header/version",
                "no LEX version; 1.0 was assumed",
                unh.loc(None, None),
            )?;
            Value::from(crate::build::LEX_VERSION)
        }
    };
    header.insert("version".into(), version);
    let ts = match st.timestamp.take() {
        Some((ts, seg)) if ts.ends_with("T00:00:00Z") && seg.comp(1, 3) == "102" => {
            with_unb_time(ic, &ts)
        }
        Some((ts, _)) => ts,
        None => {
            f.mapping(
                codes::SYNTHESIZED,
                "/lex/header/timestamp",
                "no DTM+137; the interchange preparation time was used",
                ic.unb.loc(Some(4), None),
            )?;
            {
                let d = &ic.prepared.0;
                let digits = d.bytes().all(|b| b.is_ascii_digit());
                let iso = if d.len() == 6 && digits {
                    format!("20{}-{}-{}", &d[..2], &d[2..4], &d[4..])
                } else if d.len() == 8 && digits {
                    format!("{}-{}-{}", &d[..4], &d[4..6], &d[6..])
                } else {
                    String::new()
                };
                with_unb_time(ic, &iso)
            }
        }
    };
    header.insert("timestamp".into(), ts.into());
    for (key, fallback) in [("senderId", &ic.sender.0), ("receiverId", &ic.recipient.0)] {
        let v = st
            .header
            .shift_remove(key)
            .unwrap_or_else(|| Value::from(fallback.as_str()));
        header.insert(key.into(), v);
    }
    if let Some(c) = st.header.shift_remove("correlationId") {
        header.insert("correlationId".into(), c);
    }
    let mut body = Map::default();
    let id_key = match mtype {
        MessageType::Lead => "leadId",
        MessageType::Asset => "assetId",
        MessageType::Acknowledgment => "acknowledgmentId",
        MessageType::Subscription => "subscriptionId",
        MessageType::LeadClosure => "originalLeadId",
    };
    if let Some(id) = st.lid.take().or(st.doc_id.take()) {
        body.insert(id_key.into(), id.into());
    }
    let status_key = if mtype == MessageType::LeadClosure {
        "closureStatus"
    } else {
        "status"
    };
    if let Some(s) = st.body.shift_remove("status") {
        body.insert(status_key.into(), s);
    }
    for k in ["leadType", "source"] {
        if let Some(v) = st.body.shift_remove(k) {
            body.insert(k.into(), v);
        }
    }
    if !st.address.is_empty() {
        st.customer.insert(
            "address".into(),
            Value::Object(std::mem::take(&mut st.address)),
        );
    }
    if !st.customer.is_empty() {
        body.insert(
            "customer".into(),
            Value::Object(std::mem::take(&mut st.customer)),
        );
    }
    if !st.product.is_empty() {
        body.insert(
            "desiredProduct".into(),
            Value::Object(std::mem::take(&mut st.product)),
        );
    }
    body.extend(std::mem::take(&mut st.body));
    let mut payload = Map::default();
    payload.insert(mtype.payload_key().into(), Value::Object(body));
    let mut lex = Map::default();
    let produced_at = header.get("timestamp").cloned().unwrap_or(Value::Null);
    lex.insert("header".into(), Value::Object(header));
    lex.insert("payload".into(), Value::Object(payload));
    let mut root = Map::default();
    root.insert("lex".into(), Value::Object(lex));
    let mut root = Value::Object(root);
    attach_unmapped(&mut root, ic, m, &st.unmapped, &produced_at, f)?;
    Ok(root)
}

fn with_unb_time(ic: &Interchange, date_ts: &str) -> String {
    let (d, t) = (&ic.prepared.0, &ic.prepared.1);
    let date = date_ts.get(..10).unwrap_or("").replace('-', "");
    let digits = date.len() == 8 && date.bytes().all(|b| b.is_ascii_digit());
    let same_day = digits && (d.len() == 6 || d.len() == 8) && date.ends_with(d.as_str());
    if same_day && (t.len() == 4 || t.len() == 6) && t.bytes().all(|b| b.is_ascii_digit()) {
        format!(
            "{}-{}-{}T{}:{}:00Z",
            &date[..4],
            &date[4..6],
            &date[6..8],
            &t[..2],
            &t[2..4]
        )
    } else if digits {
        format!("{}-{}-{}T00:00:00Z", &date[..4], &date[4..6], &date[6..8])
    } else {
        "1970-01-01T00:00:00Z".into()
    }
}

/// Appends the `lexedi.edi.unmapped` entry for `segments` to `lex.extensions` (warning).
pub fn attach_unmapped(
    root: &mut Value,
    ic: &Interchange,
    m: &EdiMessage,
    segments: &[&Segment],
    produced_at: &Value,
    f: &mut Findings,
) -> Result<()> {
    if segments.is_empty() {
        return Ok(());
    }
    let mut tags: Vec<&str> = segments.iter().map(|s| s.tag.as_str()).collect();
    tags.dedup();
    f.mapping(
        codes::UNMAPPED,
        "/lex/extensions",
        format!(
            "{} segment(s) could not be mapped ({}); they are kept in the {UNMAPPED_NAMESPACE} extension",
            segments.len(),
            tags.join(", ")
        ),
        segments[0].loc(None, None),
    )?;
    let list = segments
        .iter()
        .map(|s| {
            let mut e = Map::default();
            e.insert("position".into(), Value::int(s.ordinal as i64));
            e.insert("tag".into(), s.tag.as_str().into());
            e.insert("text".into(), s.raw().into());
            Value::Object(e)
        })
        .collect();
    let mut data = Map::default();
    data.insert("format".into(), "edifact".into());
    data.insert("interchange".into(), ic.control_reference.as_str().into());
    data.insert("message".into(), m.reference.as_str().into());
    data.insert("segments".into(), Value::Array(list));
    let mut entry = Map::default();
    entry.insert("namespace".into(), UNMAPPED_NAMESPACE.into());
    entry.insert("version".into(), "1.0.0".into());
    entry.insert("producer".into(), "lexedi".into());
    entry.insert("producedAt".into(), produced_at.clone());
    entry.insert("data".into(), Value::Object(data));
    if let Some(lex) = root.get_mut("lex").and_then(Value::as_object_mut) {
        let ext = lex
            .entry("extensions".into())
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Some(a) = ext.as_array_mut() {
            a.push(Value::Object(entry));
        } else {
            // `extensions` in a non-canonical (object) form: keep the entry beside it.
            lex.insert("lexediEdiUnmapped".into(), Value::Object(entry));
        }
    }
    Ok(())
}
