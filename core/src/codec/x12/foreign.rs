//! Best-effort mapping of a transaction set without a payload block (wire-formats §5.8):
//! foreign EDI such as the landing-page example and the upstream samples. Every derived or
//! synthesised value is reported, synthesised ids are deterministic (UUID v5 over the control
//! numbers), and every segment that is not fully mapped is kept verbatim in the
//! `lexedi.edi.unmapped` extension entry.

use super::core_view::labels;
use super::envelope::{Group, Interchange, TxSet};
use super::findings::{Finding, codes};
use super::tokenizer::{Delimiters, Segment};
use crate::lifecycle::is_status;
use crate::message::MessageType;
use crate::value::{Map, Value};

/// The project namespace of the UUID v5 ids synthesised for foreign EDI.
pub const ID_NAMESPACE: uuid::Uuid = uuid::Uuid::from_u128(0x6f1c0b6e_5a0e_4c1e_9d0a_6c6578656469);
/// The extension namespace of preserved unmapped segments.
pub const UNMAPPED_NAMESPACE: &str = "lexedi.edi.unmapped";

mod customer;

const LEAD_TYPES: [&str; 11] = [
    "PRIMARY",
    "CART",
    "TEST_DRIVE",
    "TRADE_IN_EVALUATION",
    "POST_ORDER",
    "CROSS_SELL",
    "ACCESSORY",
    "PROTECTION_PLAN",
    "SUBSCRIPTION",
    "RETAILER_INSTALLED_OPTION",
    "SERVICE_UPGRADE",
];

struct Mapper<'a> {
    ic: &'a Interchange,
    group: &'a Group,
    set: &'a TxSet,
    d: &'a Delimiters,
    used: Vec<bool>,
    findings: Vec<Finding>,
}

fn put(m: &mut Map, key: &str, v: impl Into<Value>) {
    m.insert(key.to_string(), v.into());
}

impl<'a> Mapper<'a> {
    fn segs(&self) -> impl Iterator<Item = (usize, &'a Segment)> + 'a {
        self.set.body.iter().enumerate()
    }

    fn find(&self, pred: impl Fn(&Segment) -> bool) -> Option<(usize, &'a Segment)> {
        self.segs().find(|(_, s)| pred(s))
    }

    fn warn(&mut self, code: &'static str, pointer: &str, msg: String, seg: Option<&Segment>) {
        let loc = seg.map(|s| s.loc(None)).unwrap_or_default();
        self.findings
            .push(Finding::mapping(code, pointer, msg, loc));
    }

    /// `REF*<q>*<value>*<LEX-label>` value for a core-view label.
    fn label(&mut self, label: &str) -> Option<String> {
        let (i, s) = self.find(|s| s.tag() == "REF" && s.el(3) == label && !s.el(2).is_empty())?;
        self.used[i] = true;
        Some(s.el(2).to_string())
    }

    fn ref_value(&mut self, qualifier: &str, pred: impl Fn(&str, &str) -> bool) -> Option<String> {
        let (i, s) =
            self.find(|s| s.tag() == "REF" && s.el(1) == qualifier && pred(s.el(2), s.el(3)))?;
        self.used[i] = true;
        Some(s.el(2).to_string())
    }

    fn header(&mut self, mtype: &str) -> Map {
        let mut h = Map::default();
        let isa = &self.ic.isa;
        let gs = self.group.gs.as_ref();
        let id = self
            .label(labels::MESSAGE_ID)
            .or_else(|| self.ref_value("CR", |v, _| uuid::Uuid::parse_str(v).is_ok()));
        let id = id.unwrap_or_else(|| {
            let name = format!(
                "x12|{}|{}|{}|{}|{}",
                isa.el(6).trim(),
                isa.el(8).trim(),
                isa.el(13).trim(),
                gs.map_or("", |g| g.el(6)).trim(),
                self.set.st.el(2).trim()
            );
            let id = uuid::Uuid::new_v5(&ID_NAMESPACE, name.as_bytes()).to_string();
            self.warn(
                codes::SYNTHESIZED,
                "/lex/header/messageId",
                format!(
                    "no message id in the interchange; synthesised {id} from the control numbers"
                ),
                Some(&self.set.st),
            );
            id
        });
        put(&mut h, "messageId", id);
        put(&mut h, "messageType", mtype);
        let version = self.label(labels::VERSION).unwrap_or_else(|| {
            self.warn(
                codes::SYNTHESIZED,
                "/lex/header/version",
                "no LEX version in the interchange; assumed 1.0".into(),
                Some(&self.set.st),
            );
            "1.0".into()
        });
        put(&mut h, "version", version);
        let ts = self.timestamp();
        put(&mut h, "timestamp", ts);
        let sender = self.party(
            &["FR", "01"],
            6,
            gs.map(|g| g.el(2)),
            "/lex/header/senderId",
        );
        put(&mut h, "senderId", sender);
        let receiver = self.party(&["TO"], 8, gs.map(|g| g.el(3)), "/lex/header/receiverId");
        put(&mut h, "receiverId", receiver);
        if let Some(c) = self.label(labels::CORRELATION_ID) {
            put(&mut h, "correlationId", c);
        }
        h
    }

    fn timestamp(&mut self) -> String {
        let dtm = self.find(|s| s.tag() == "DTM" && matches!(s.el(1), "004" | "137"));
        if let Some((i, s)) = dtm {
            if let Some(t) = iso(s.el(2), s.el(3), s.el(4)) {
                self.used[i] = true;
                return t;
            }
        }
        let isa = &self.ic.isa;
        let beg = self
            .find(|s| s.tag() == "BEG")
            .map(|(_, s)| s.el(5).to_string());
        let (date, time, from) = match beg.filter(|d| d.len() == 8) {
            Some(d) => (d, isa.el(10).to_string(), "BEG05 and ISA10"),
            None => {
                let gs = self.group.gs.as_ref();
                (
                    gs.map_or(String::new(), |g| g.el(4).to_string()),
                    gs.map_or(String::new(), |g| g.el(5).to_string()),
                    "GS04 and GS05",
                )
            }
        };
        let t = iso(&date, &time, "UT").unwrap_or_else(|| "1970-01-01T00:00:00Z".into());
        let at = self.find(|s| s.tag() == "BEG").map(|(_, s)| s);
        self.warn(
            codes::SYNTHESIZED,
            "/lex/header/timestamp",
            format!("no DTM*004/137; the timestamp {t} was taken from {from} (UTC assumed)"),
            at.or(Some(&self.set.st)),
        );
        t
    }

    /// senderId / receiverId: an `N1` party, else the ISA id (which may be truncated).
    fn party(&mut self, quals: &[&str], isa_el: usize, gs_id: Option<&str>, ptr: &str) -> String {
        let n1 = self.find(|s| s.tag() == "N1" && quals.contains(&s.el(1)));
        if let Some((i, s)) = n1 {
            let v = if s.el(4).is_empty() { s.el(2) } else { s.el(4) };
            if !v.is_empty() {
                self.used[i] = true;
                return v.to_string();
            }
        }
        let isa_id = self.ic.isa.el(isa_el).trim().to_string();
        let gs_id = gs_id.unwrap_or("").trim().to_string();
        // N1*SH names the retailer or the receiver; use it when it extends an envelope id.
        let sh = self.find(|s| {
            s.tag() == "N1"
                && s.el(1) == "SH"
                && [s.el(4), s.el(2)].iter().any(|v| {
                    !v.is_empty()
                        && ((!isa_id.is_empty() && v.starts_with(isa_id.as_str()))
                            || (!gs_id.is_empty() && *v == gs_id))
                })
        });
        if let Some((i, s)) = sh {
            let v = if s.el(4).is_empty() { s.el(2) } else { s.el(4) };
            self.used[i] = true;
            self.warn(
                codes::HEURISTIC,
                ptr,
                format!("{v:?} taken from N1*SH, which matches the envelope id {isa_id:?}"),
                Some(s),
            );
            return v.to_string();
        }
        let isa = &self.ic.isa;
        self.warn(
            codes::SYNTHESIZED,
            ptr,
            format!(
                "no N1 party; {isa_id:?} taken from ISA{isa_el:02} (at most 15 characters, may be truncated)"
            ),
            Some(isa),
        );
        isa_id
    }

    fn status(&mut self) -> Option<String> {
        if let Some(v) = self.label(labels::STATUS) {
            return Some(v);
        }
        let found = self.segs().find_map(|(i, s)| {
            let v = match s.tag() {
                "BEG" => s.el(6),
                "REF" if s.el(1) == "LR" => s.el(2),
                "PO4" => s.el(5),
                "STS" => s.el(2),
                "PO1" | "IT1" => (6..s.elements.len())
                    .step_by(2)
                    .map(|n| s.el(n + 1))
                    .find(|v| is_status(v))
                    .unwrap_or(""),
                _ => "",
            };
            is_status(v).then(|| (i, s, v.to_string()))
        });
        let (i, s, v) = found?;
        // A PO1 that only carries the status is fully mapped; BEG is mapped as a whole.
        if matches!(s.tag(), "REF" | "PO4" | "STS") || status_only_line(s) {
            self.used[i] = true;
        }
        if !matches!(s.tag(), "BEG" | "REF") {
            self.warn(
                codes::HEURISTIC,
                "/lex/payload/lead/status",
                format!(
                    "the status {v:?} was found in {} (not a standard place)",
                    s.tag()
                ),
                Some(s),
            );
        }
        Some(v)
    }

    fn product(&mut self) -> Option<Map> {
        let (i, s) = self.find(|s| {
            matches!(s.tag(), "PO1" | "IT1")
                && !status_only_line(s)
                && !(6..s.elements.len()).any(|n| {
                    matches!(s.el(n), "INSTALLED-OPTION" | "TRADE-IN")
                        || s.el(n).starts_with("LEX-")
                })
        })?;
        let mut p = Map::default();
        let els: Vec<&str> = (0..s.elements.len()).map(|n| s.el(n)).collect();
        if let Some(k) = els.iter().position(|e| *e == "VC") {
            // IT1 …*VC*<year>*<model>*<trim> (upstream layout).
            if let Some(y) = els.get(k + 1).filter(|y| is_year(y)) {
                put(&mut p, "year", Value::int(y.parse().unwrap_or(0)));
            }
            if let Some(m) = els.get(k + 2).filter(|m| !m.is_empty()) {
                put(&mut p, "model", *m);
            }
            if let Some(t) = els.get(k + 3).filter(|t| !t.is_empty()) {
                put(&mut p, "trim", *t);
            }
        } else {
            let mut n = 6;
            while n + 1 < els.len() {
                let (q, v) = (els[n], els[n + 1]);
                match q {
                    "MF" if !v.is_empty() => put(&mut p, "make", v),
                    "MN" if !v.is_empty() => put(&mut p, "model", v),
                    "YR" | "VN" if is_year(v) => {
                        put(&mut p, "year", Value::int(v.parse().unwrap_or(0)))
                    }
                    _ => {}
                }
                n += 2;
            }
        }
        // PID*F texts that follow the line: an `assetClass:<X>` token.
        for s2 in self.set.body[i + 1..]
            .iter()
            .take_while(|s| s.tag() != "PO1" && s.tag() != "IT1")
        {
            if s2.tag() == "PID" {
                if let Some(tok) = s2
                    .el(5)
                    .split_whitespace()
                    .find_map(|t| t.strip_prefix("assetClass:"))
                {
                    if !p.contains_key("assetClass") {
                        put(&mut p, "assetClass", tok);
                    }
                }
            }
        }
        if p.is_empty() {
            return None;
        }
        self.warn(
            codes::HEURISTIC,
            "/lex/payload/lead/desiredProduct",
            format!("desiredProduct was derived from the {} line item; the segment is kept in the unmapped extension", s.tag()),
            Some(s),
        );
        Some(p)
    }

    fn lead(&mut self) -> Map {
        let mut b = Map::default();
        let lid = self
            .label(labels::DOC_ID)
            .or_else(|| self.ref_value("L1", |v, _| v.starts_with("LID-")))
            .or_else(|| {
                let (i, s) = self.find(|s| s.tag() == "BEG" && !s.el(3).is_empty())?;
                let rest_known = s.el(6).is_empty() || is_status(s.el(6));
                self.used[i] = rest_known && (7..s.elements.len()).all(|n| s.el(n).is_empty());
                Some(s.el(3).to_string())
            });
        if let Some(id) = lid {
            put(&mut b, "leadId", id);
        }
        if let Some(st) = self.status() {
            put(&mut b, "status", st);
        }
        let lt = self.label(labels::LEAD_TYPE).or_else(|| {
            self.ref_value("L1", |v, _| LEAD_TYPES.contains(&v))
                .or_else(|| self.ref_value("ADE", |v, _| LEAD_TYPES.contains(&v)))
        });
        if let Some(t) = lt {
            put(&mut b, "leadType", t);
        }
        let src = self.label(labels::SOURCE).or_else(|| {
            self.ref_value("LS", |_, _| true)
                .or_else(|| self.ref_value("CH", |_, l| l == "LEAD-SOURCE"))
        });
        if let Some(s) = src {
            put(&mut b, "source", s);
        }
        if let Some(c) = self.customer() {
            put(&mut b, "customer", Value::Object(c));
        }
        if let Some(p) = self.product() {
            put(&mut b, "desiredProduct", Value::Object(p));
        }
        b
    }

    fn other(&mut self, t: MessageType) -> Map {
        let mut b = Map::default();
        let (id_key, status_key, status_label) = match t {
            MessageType::Asset => ("assetId", "status", labels::STATUS),
            MessageType::Acknowledgment => ("acknowledgmentId", "status", labels::STATUS),
            MessageType::Subscription => ("subscriptionId", "status", labels::STATUS),
            _ => ("originalLeadId", "closureStatus", labels::CLOSURE_STATUS),
        };
        let id = self.label(labels::DOC_ID).or_else(|| {
            let (i, s) = self.find(|s| s.tag() == "BEG" && !s.el(3).is_empty())?;
            self.used[i] = true;
            Some(s.el(3).to_string())
        });
        if let Some(id) = id {
            put(&mut b, id_key, id);
        }
        if let Some(s) = self.label(status_label) {
            put(&mut b, status_key, s);
        }
        if t == MessageType::Acknowledgment {
            if let Some(o) = self.label(labels::ORIGINAL_MESSAGE_ID) {
                put(&mut b, "originalMessageId", o);
            }
        }
        b
    }
}

fn status_only_line(s: &Segment) -> bool {
    matches!(s.tag(), "PO1")
        && s.el(1).len() <= 6
        && (4..6).all(|n| s.el(n).is_empty())
        && s.elements.len() == 8
        && is_status(s.el(7))
}

fn is_year(v: &str) -> bool {
    v.len() == 4 && v.bytes().all(|b| b.is_ascii_digit())
}

/// `CCYYMMDD` + `HHMM[SS]` + X12 time code → RFC 3339.
pub fn iso(date: &str, time: &str, zone: &str) -> Option<String> {
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if date.len() != 8 || !digits(date) || !digits(time) || !matches!(time.len(), 4 | 6 | 7 | 8) {
        return None;
    }
    let offset = match zone {
        "ES" | "ET" | "CD" => "-05:00",
        "ED" => "-04:00",
        "CS" | "CT" | "MD" => "-06:00",
        "MS" | "MT" | "PD" => "-07:00",
        "PS" | "PT" => "-08:00",
        _ => "Z",
    };
    let sec = time.get(4..6).unwrap_or("00");
    Some(format!(
        "{}-{}-{}T{}:{}:{sec}{offset}",
        &date[..4],
        &date[4..6],
        &date[6..8],
        &time[..2],
        &time[2..4]
    ))
}

/// Maps one transaction set; returns the tree and the findings (warnings) of the mapping.
pub fn map(ic: &Interchange, group: &Group, set: &TxSet, d: &Delimiters) -> (Value, Vec<Finding>) {
    let mut m = Mapper {
        ic,
        group,
        set,
        d,
        used: vec![false; set.body.len()],
        findings: Vec::new(),
    };
    m.findings.push(Finding::mapping(
        codes::PAYLOAD_MISSING,
        "",
        "no LEX payload block (N9*ZZ*LEX-PAYLOAD): the message was mapped best-effort from the 850 segments".to_string(),
        set.st.loc(None),
    ));
    let label_type = m.label(labels::MESSAGE_TYPE);
    if label_type.as_deref().and_then(MessageType::parse).is_none() {
        m.findings.push(Finding::mapping(
            codes::TYPE_INFERRED,
            "/lex/header/messageType",
            "no LEX-MESSAGE-TYPE label: the 850 was read as a LEAD".to_string(),
            set.st.loc(None),
        ));
    }
    let mtype = label_type
        .as_deref()
        .and_then(MessageType::parse)
        .unwrap_or(MessageType::Lead);
    let header = m.header(mtype.as_str());
    let body = match mtype {
        MessageType::Lead => m.lead(),
        t => m.other(t),
    };
    // Segments with no LEX data of their own.
    for (i, s) in set.body.iter().enumerate() {
        if s.tag() == "CTT" {
            m.used[i] = true;
        }
    }
    let mut payload = Map::default();
    put(&mut payload, mtype.payload_key(), Value::Object(body));
    let mut lex = Map::default();
    let ts = header.get("timestamp").cloned().unwrap_or(Value::Null);
    put(&mut lex, "header", Value::Object(header));
    put(&mut lex, "payload", Value::Object(payload));
    let unmapped: Vec<Value> = set
        .body
        .iter()
        .zip(&m.used)
        .filter(|(_, used)| !**used)
        .map(|(s, _)| {
            let mut e = Map::default();
            put(&mut e, "position", Value::int(s.ordinal as i64));
            put(&mut e, "id", s.tag());
            put(&mut e, "text", s.raw.as_str());
            Value::Object(e)
        })
        .collect();
    if !unmapped.is_empty() {
        let n = unmapped.len();
        let ids: Vec<String> = set
            .body
            .iter()
            .zip(&m.used)
            .filter(|(_, u)| !**u)
            .map(|(s, _)| s.tag().to_string())
            .collect();
        m.findings.push(Finding::mapping(
            codes::UNMAPPED,
            "/lex/extensions/0",
            format!(
                "{n} segment(s) could not be mapped and were kept in the {UNMAPPED_NAMESPACE} extension: {}",
                ids.join(" ")
            ),
            set.st.loc(None),
        ));
        let mut delims = Map::default();
        put(&mut delims, "element", d.element.to_string());
        put(&mut delims, "component", d.component.to_string());
        if let Some(r) = d.repetition {
            put(&mut delims, "repetition", r.to_string());
        }
        put(&mut delims, "segment", d.segment.to_string());
        let mut data = Map::default();
        put(&mut data, "format", "x12");
        put(&mut data, "transactionSet", set.st.el(2));
        put(&mut data, "delimiters", Value::Object(delims));
        put(&mut data, "segments", Value::Array(unmapped));
        let mut ext = Map::default();
        put(&mut ext, "namespace", UNMAPPED_NAMESPACE);
        put(&mut ext, "version", "1.0.0");
        put(&mut ext, "producer", "lexedi");
        put(&mut ext, "producedAt", ts);
        put(&mut ext, "data", Value::Object(data));
        put(
            &mut lex,
            "extensions",
            Value::Array(vec![Value::Object(ext)]),
        );
    }
    let mut root = Map::default();
    put(&mut root, "lex", Value::Object(lex));
    (Value::Object(root), m.findings)
}
