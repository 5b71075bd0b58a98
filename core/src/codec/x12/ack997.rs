//! The 997 functional acknowledgment: generated for a received interchange from what the
//! reader found (AK1/AK2/AK3/AK4/AK5/AK9), and read back into a [`FunctionalAck`].
//!
//! Mapping of findings: a missing SE, a wrong SE01 or SE02, or an ST01 other than 850 reject
//! the set (`AK5*R*<code>`); a wrong CTT01 or an unreadable payload block accept it with
//! errors (`AK5*E`, with `AK3`/`AK4` naming the segment and element). The group status is
//! `A` (all accepted), `E` (accepted, some errors), `P` (some rejected) or `R` (all rejected).

use super::envelope::{self, Group, Interchange, TxSet};
use super::findings::{Finding, codes, strict_error};
use super::payload_block::{self, N9_LABEL};
use super::profile::Profile;
use super::tokenizer::tokenize;
use super::writer::{self, Envelope};
use crate::error::{Error, ErrorKind, Result};
use crate::options::{ReadMode, ReadOptions};
use crate::value::{Map, Value};

/// An error on one segment of an acknowledged set (AK3 and its AK4s).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SegmentError {
    /// AK301 segment id.
    pub segment_id: String,
    /// AK302 position of the segment in the set (ST is 1).
    pub position: String,
    /// AK304 syntax error code.
    pub code: String,
    /// AK4: (element position, error code) pairs.
    pub elements: Vec<(String, String)>,
}

/// The acknowledgment of one transaction set (AK2 … AK5).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAck {
    /// AK201 (e.g. `850`).
    pub set_id: String,
    /// AK202 control number.
    pub control_number: String,
    /// AK501: `A`, `E`, `M`, `R`, `W` or `X`.
    pub status: String,
    /// AK502..AK506 error codes.
    pub errors: Vec<String>,
    /// AK3/AK4 segment errors.
    pub segment_errors: Vec<SegmentError>,
}

/// The acknowledgment of one functional group (AK1 … AK9).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FunctionalAck {
    /// AK101 functional identifier of the acknowledged group (e.g. `PO`).
    pub functional_id: String,
    /// AK102 group control number.
    pub group_control_number: String,
    /// AK103 version.
    pub version: String,
    /// One entry per acknowledged set.
    pub sets: Vec<SetAck>,
    /// AK901 group status.
    pub status: String,
    /// AK902 / AK903 / AK904: sets included, received, accepted.
    pub counts: (u64, u64, u64),
    /// AK905..AK909 group error codes.
    pub errors: Vec<String>,
}

impl FunctionalAck {
    /// The acknowledgment as a JSON-like tree (for bindings and the CLI).
    pub fn to_value(&self) -> Value {
        let strs = |v: &[String]| Value::Array(v.iter().map(|s| s.as_str().into()).collect());
        let mut m = Map::default();
        m.insert("functionalId".into(), self.functional_id.as_str().into());
        m.insert(
            "groupControlNumber".into(),
            self.group_control_number.as_str().into(),
        );
        m.insert("version".into(), self.version.as_str().into());
        m.insert("status".into(), self.status.as_str().into());
        m.insert("included".into(), Value::int(self.counts.0 as i64));
        m.insert("received".into(), Value::int(self.counts.1 as i64));
        m.insert("accepted".into(), Value::int(self.counts.2 as i64));
        m.insert("errors".into(), strs(&self.errors));
        let sets = self
            .sets
            .iter()
            .map(|s| {
                let mut o = Map::default();
                o.insert("transactionSetId".into(), s.set_id.as_str().into());
                o.insert("controlNumber".into(), s.control_number.as_str().into());
                o.insert("status".into(), s.status.as_str().into());
                o.insert("errors".into(), strs(&s.errors));
                let segs = s
                    .segment_errors
                    .iter()
                    .map(|e| {
                        let mut x = Map::default();
                        x.insert("segmentId".into(), e.segment_id.as_str().into());
                        x.insert("position".into(), e.position.as_str().into());
                        x.insert("code".into(), e.code.as_str().into());
                        let els = e
                            .elements
                            .iter()
                            .map(|(p, c)| {
                                let mut y = Map::default();
                                y.insert("position".into(), p.as_str().into());
                                y.insert("code".into(), c.as_str().into());
                                Value::Object(y)
                            })
                            .collect();
                        x.insert("elements".into(), Value::Array(els));
                        Value::Object(x)
                    })
                    .collect();
                o.insert("segmentErrors".into(), Value::Array(segs));
                Value::Object(o)
            })
            .collect();
        m.insert("sets".into(), Value::Array(sets));
        Value::Object(m)
    }
}

fn in_set(f: &Finding, set: &TxSet) -> bool {
    let Some(n) = f.location.segment else {
        return false;
    };
    let end = set.se.as_ref().map_or_else(
        || set.body.last().map_or(set.st.ordinal, |s| s.ordinal),
        |s| s.ordinal,
    );
    (set.st.ordinal as u64..=end as u64).contains(&n)
}

fn ack_set(set: &TxSet, findings: &[Finding]) -> SetAck {
    let mut errors = Vec::new();
    if set.st.el(1) != "850" {
        errors.push("1".to_string());
    }
    if set.se.is_none() {
        errors.push("2".to_string());
    }
    let mut segment_errors = Vec::new();
    for f in findings.iter().filter(|f| in_set(f, set)) {
        match (f.code, f.field.as_str()) {
            (codes::CONTROL_MISMATCH, "SE02") => errors.push("3".into()),
            (codes::COUNT_MISMATCH, "SE01") => errors.push("4".into()),
            (codes::COUNT_MISMATCH, _) | (codes::PAYLOAD_INVALID, _) => {
                let n = f.location.segment.unwrap_or(0) as usize;
                let pos = n.saturating_sub(set.st.ordinal) + 1;
                let element = f.location.element.unwrap_or(2).to_string();
                segment_errors.push(SegmentError {
                    segment_id: f.location.segment_id.clone().unwrap_or_default(),
                    position: pos.to_string(),
                    code: "8".into(),
                    elements: vec![(element, "7".into())],
                });
            }
            _ => {}
        }
    }
    errors.dedup();
    let status = if !errors.is_empty() {
        "R"
    } else if !segment_errors.is_empty() {
        "E"
    } else {
        "A"
    };
    SetAck {
        set_id: set.st.el(1).to_string(),
        control_number: set.st.el(2).to_string(),
        status: status.into(),
        errors: errors.into_iter().take(5).collect(),
        segment_errors,
    }
}

/// Payload-block findings per set (a wrong length or hash makes the set "accepted with errors").
fn payload_findings(set: &TxSet, opts: &ReadOptions) -> Option<Finding> {
    let mut iter = set
        .body
        .iter()
        .skip_while(|s| !(s.tag() == "N9" && s.el(2) == N9_LABEL));
    let n9 = iter.next()?;
    let mtx: Vec<&str> = iter
        .take_while(|s| s.tag() == "MTX")
        .map(|s| s.el(2))
        .collect();
    let (header, rest) = mtx.split_first()?;
    let text: String = rest.concat();
    let e = payload_block::decode(header, &text, &opts.limits).err()?;
    let mut loc = n9.loc(Some(2));
    if let Some(first) = set.body.iter().position(|s| std::ptr::eq(s, n9)) {
        if let Some(m) = set.body.get(first + 1) {
            loc = m.loc(Some(2));
        }
    }
    Some(Finding::envelope(
        codes::PAYLOAD_INVALID,
        "MTX02",
        e.message,
        loc,
    ))
}

fn ack_group(group: &Group, findings: &[Finding], opts: &ReadOptions) -> FunctionalAck {
    let sets: Vec<SetAck> = group
        .sets
        .iter()
        .map(|s| {
            let mut f = findings.to_vec();
            f.extend(payload_findings(s, opts));
            f.extend(super::reader::ctt_check(s));
            ack_set(s, &f)
        })
        .collect();
    let mut errors = Vec::new();
    match &group.ge {
        None => errors.push("3".to_string()),
        Some(ge) => {
            for f in findings
                .iter()
                .filter(|f| f.location.segment == Some(ge.ordinal as u64))
            {
                match f.field.as_str() {
                    "GE02" => errors.push("4".into()),
                    "GE01" => errors.push("5".into()),
                    _ => {}
                }
            }
        }
    }
    let n = sets.len() as u64;
    let rejected = sets.iter().filter(|s| s.status == "R").count() as u64;
    let status = if n > 0 && rejected == n {
        "R"
    } else if rejected > 0 {
        "P"
    } else if !errors.is_empty() || sets.iter().any(|s| s.status == "E") {
        "E"
    } else {
        "A"
    };
    let gs = group.gs.as_ref();
    FunctionalAck {
        functional_id: gs.map_or("", |g| g.el(1)).to_string(),
        group_control_number: gs.map_or("", |g| g.el(6)).to_string(),
        version: gs.map_or("", |g| g.el(8)).to_string(),
        sets,
        status: status.into(),
        counts: (n, n, n - rejected),
        errors,
    }
}

/// Acknowledges every functional group of a received interchange (no output is written).
pub fn acknowledge(input: &[u8], opts: &ReadOptions) -> Result<(Interchange, Vec<FunctionalAck>)> {
    let tokens = tokenize(input, &opts.limits)?;
    let (ic, findings) = envelope::parse(tokens);
    let acks = ic
        .groups
        .iter()
        .map(|g| ack_group(g, &findings, opts))
        .collect();
    Ok((ic, acks))
}

fn push(segs: &mut Vec<Vec<String>>, items: &[&str]) {
    segs.push(items.iter().map(|s| s.to_string()).collect());
}

/// Generates the 997 for a received interchange (the first one when the input holds
/// several). Sender and receiver are the received ones swapped; control numbers, delimiters and clock come from `profile`.
pub fn functional_ack(input: &[u8], opts: &ReadOptions, profile: &Profile) -> Result<String> {
    profile.check()?;
    let (ic, acks) = acknowledge(input, opts)?;
    let (interchange, group) = writer::control_numbers(profile);
    let fit = |s: &str| s.trim().chars().take(15).collect::<String>();
    let gs_id = |n: usize| {
        ic.groups
            .first()
            .and_then(|g| g.gs.as_ref())
            .map(|g| g.el(n).trim().to_string())
            .filter(|s| (2..=15).contains(&s.len()))
    };
    let sender = fit(ic.isa.el(8));
    let receiver = fit(ic.isa.el(6));
    let env = Envelope {
        sender: (ic.isa.el(7).trim().to_string(), sender.clone()),
        receiver: (ic.isa.el(5).trim().to_string(), receiver.clone()),
        app_sender: gs_id(3).unwrap_or_else(|| format!("{sender:_<2}")),
        app_receiver: gs_id(2).unwrap_or_else(|| format!("{receiver:_<2}")),
        functional_id: "FA",
        interchange,
        group,
        now: crate::datetime::now_or_system(profile.now),
    };
    let bad_qualifier = |q: &str| q.len() != 2;
    if bad_qualifier(&env.sender.0) || bad_qualifier(&env.receiver.0) {
        return Err(Error::new(
            ErrorKind::Envelope,
            "the received ISA has no usable id qualifiers (ISA05/ISA07)",
        ));
    }
    let mut segs = writer::header_segments(&env, profile);
    for (i, ack) in acks.iter().enumerate() {
        let ctl = format!(
            "{:04}",
            u64::from(profile.first_set_control_number) + i as u64
        );
        let start = segs.len();
        push(&mut segs, &["ST", "997", &ctl]);
        push(
            &mut segs,
            &[
                "AK1",
                &ack.functional_id,
                &ack.group_control_number,
                &ack.version,
            ],
        );
        for s in &ack.sets {
            push(&mut segs, &["AK2", &s.set_id, &s.control_number]);
            for e in &s.segment_errors {
                push(&mut segs, &["AK3", &e.segment_id, &e.position, "", &e.code]);
                for (p, c) in &e.elements {
                    push(&mut segs, &["AK4", p, "", c]);
                }
            }
            let mut ak5 = vec!["AK5", s.status.as_str()];
            ak5.extend(s.errors.iter().map(String::as_str));
            push(&mut segs, &ak5);
        }
        let (inc, rec, acc) = (
            ack.counts.0.to_string(),
            ack.counts.1.to_string(),
            ack.counts.2.to_string(),
        );
        let mut ak9 = vec!["AK9", ack.status.as_str(), &inc, &rec, &acc];
        ak9.extend(ack.errors.iter().map(String::as_str));
        push(&mut segs, &ak9);
        let count = (segs.len() - start + 1).to_string();
        push(&mut segs, &["SE", &count, &ctl]);
    }
    segs.extend(writer::trailer_segments(&env, acks.len()));
    Ok(writer::render(&segs, profile, true))
}

/// Reads the 997 transaction sets of an interchange. Envelope findings are ignored in
/// tolerant mode and fail the read in strict mode.
pub fn read_functional_ack(input: &[u8], opts: &ReadOptions) -> Result<Vec<FunctionalAck>> {
    let tokens = tokenize(input, &opts.limits)?;
    let (ic, findings) = envelope::parse(tokens);
    if opts.mode == ReadMode::Strict && !findings.is_empty() {
        return Err(strict_error(&findings));
    }
    let mut out = Vec::new();
    for (_, set) in ic.sets().filter(|(_, s)| s.st.el(1) == "997") {
        let mut cur: Option<FunctionalAck> = None;
        for s in &set.body {
            let els: Vec<String> = (1..=s.len()).map(|n| s.el(n).to_string()).collect();
            match s.tag() {
                "AK1" => {
                    out.extend(cur.take());
                    cur = Some(FunctionalAck {
                        functional_id: s.el(1).into(),
                        group_control_number: s.el(2).into(),
                        version: s.el(3).into(),
                        sets: Vec::new(),
                        status: String::new(),
                        counts: (0, 0, 0),
                        errors: Vec::new(),
                    });
                }
                "AK2" => {
                    if let Some(a) = cur.as_mut() {
                        a.sets.push(SetAck {
                            set_id: s.el(1).into(),
                            control_number: s.el(2).into(),
                            status: String::new(),
                            errors: Vec::new(),
                            segment_errors: Vec::new(),
                        });
                    }
                }
                "AK3" => {
                    if let Some(set) = cur.as_mut().and_then(|a| a.sets.last_mut()) {
                        set.segment_errors.push(SegmentError {
                            segment_id: s.el(1).into(),
                            position: s.el(2).into(),
                            code: s.el(4).into(),
                            elements: Vec::new(),
                        });
                    }
                }
                "AK4" => {
                    let e = cur
                        .as_mut()
                        .and_then(|a| a.sets.last_mut())
                        .and_then(|x| x.segment_errors.last_mut());
                    if let Some(e) = e {
                        e.elements.push((s.el(1).into(), s.el(3).into()));
                    }
                }
                "AK5" => {
                    if let Some(set) = cur.as_mut().and_then(|a| a.sets.last_mut()) {
                        set.status = s.el(1).into();
                        set.errors = els
                            .iter()
                            .skip(1)
                            .filter(|e| !e.is_empty())
                            .cloned()
                            .collect();
                    }
                }
                "AK9" => {
                    if let Some(a) = cur.as_mut() {
                        let n = |i: usize| s.el(i).trim().parse::<u64>().unwrap_or(0);
                        a.status = s.el(1).into();
                        a.counts = (n(2), n(3), n(4));
                        a.errors = els
                            .iter()
                            .skip(4)
                            .filter(|e| !e.is_empty())
                            .cloned()
                            .collect();
                    }
                }
                _ => {}
            }
        }
        out.extend(cur.take());
    }
    if out.is_empty() {
        return Err(Error::at(
            ErrorKind::Envelope,
            "the interchange holds no 997 functional acknowledgment",
            ic.isa.loc(None),
        ));
    }
    Ok(out)
}
