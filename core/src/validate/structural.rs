//! The structural layer: walks a message against the model tables once, reporting missing
//! required fields, wrong types, enum, pattern, format, range, length and array-size
//! violations, and unknown fields in closed objects.

use super::Ctx;
use super::model::{self, Format, Node, Table, ty};
use crate::message::MessageType;
use crate::report::{Issue, Level};
use crate::value::{Value, escape_pointer_token};
use std::fmt::Write;

/// One step of the path from the message root.
#[derive(Clone, Copy)]
enum Tok<'a> {
    Key(&'a str),
    Idx(usize),
}

struct Walker<'a, 'o> {
    table: &'static Table,
    path: Vec<Tok<'a>>,
    out: &'o mut Vec<Issue>,
}

/// Checks the `lex` object (header, extensions, dataGovernance, signature) and the payload
/// body of the dispatched type.
pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Issue>) {
    let env = model::envelope();
    let lex = ctx.msg.lex();
    {
        let mut w = Walker {
            table: env,
            path: vec![Tok::Key("lex")],
            out,
        };
        let root = env.root();
        for (name, c) in &root.props {
            if let Some(v) = lex.get(name.as_str()) {
                w.path.push(Tok::Key(name));
                w.walk(*c, v);
                w.path.pop();
            }
        }
    }
    let key = ctx.mtype.payload_key();
    let start = out.len();
    let mut w = Walker {
        table: model::body(ctx.mtype),
        path: vec![Tok::Key("lex"), Tok::Key("payload"), Tok::Key(key)],
        out,
    };
    w.object(0, ctx.body);
    if ctx.mtype == MessageType::Lead {
        fix_up_lead(ctx, &mut out[start..]);
    }
}

/// Per-message adjustments of disputed requirements (spec-model §4.2, I-3, I-14).
fn fix_up_lead(ctx: &Ctx<'_>, issues: &mut [Issue]) {
    let customer = ctx.body.get("customer").and_then(Value::as_object);
    let neither =
        customer.is_some_and(|c| !c.contains_key("emailAddress") && !c.contains_key("phoneNumber"));
    let has_class = ctx
        .body
        .get("desiredProduct")
        .and_then(|d| d.get("assetClass"))
        .is_some();
    for i in issues.iter_mut() {
        if i.code != "REQUIRED_FIELD_MISSING" {
            continue;
        }
        match i.pointer.as_str() {
            "/lex/payload/lead/customer/emailAddress"
            | "/lex/payload/lead/customer/phoneNumber"
                if neither =>
            {
                i.level = Level::Error;
            }
            "/lex/payload/lead/desiredProduct/productType" if has_class => {
                i.level = Level::Warning;
            }
            _ => {}
        }
    }
}

fn value_bit(v: &Value) -> u8 {
    match v {
        Value::Null => ty::NULL,
        Value::Bool(_) => ty::BOOLEAN,
        Value::Number(n) => {
            if n.is_integer() {
                ty::INTEGER
            } else {
                ty::NUMBER
            }
        }
        Value::String(_) => ty::STRING,
        Value::Array(_) => ty::ARRAY,
        Value::Object(_) => ty::OBJECT,
    }
}

fn type_names(bits: u8) -> String {
    let names = [
        (ty::STRING, "string"),
        (ty::NUMBER, "number"),
        (ty::INTEGER, "integer"),
        (ty::BOOLEAN, "boolean"),
        (ty::OBJECT, "object"),
        (ty::ARRAY, "array"),
        (ty::NULL, "null"),
    ];
    let mut out: Vec<&str> = Vec::new();
    for (b, n) in names {
        if bits & b != 0 && !(b == ty::INTEGER && bits & ty::NUMBER != 0) {
            out.push(n);
        }
    }
    out.join(" or ")
}

fn fmt_num(f: f64) -> Value {
    let s = if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    };
    crate::value::Number::from_lexeme(&s)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

impl<'a> Walker<'a, '_> {
    fn pointer(&self, extra: Option<&str>) -> String {
        let mut p = String::new();
        for t in &self.path {
            p.push('/');
            match t {
                Tok::Key(k) => p.push_str(&escape_pointer_token(k)),
                Tok::Idx(i) => {
                    let _ = write!(p, "{i}");
                }
            }
        }
        if let Some(e) = extra {
            p.push('/');
            p.push_str(&escape_pointer_token(e));
        }
        p
    }

    fn field(&self, extra: Option<&str>) -> String {
        let mut f = String::new();
        for t in &self.path {
            match t {
                Tok::Key(k) => {
                    if !f.is_empty() {
                        f.push('.');
                    }
                    f.push_str(k);
                }
                Tok::Idx(i) => {
                    let _ = write!(f, "[{i}]");
                }
            }
        }
        if let Some(e) = extra {
            f.push('.');
            f.push_str(e);
        }
        f
    }

    fn issue(&mut self, level: Level, code: &str, extra: Option<&str>, msg: String) -> &mut Issue {
        let i = Issue::new(level, code, self.field(extra), self.pointer(extra), msg);
        self.out.push(i);
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    fn walk(&mut self, idx: usize, v: &'a Value) {
        let table = self.table;
        let node = table.node(idx);
        if v.is_null() && node.null_ok {
            return;
        }
        if node.types & value_bit(v) == 0 {
            let msg = format!(
                "expected {}, found {}",
                type_names(node.types),
                v.type_name()
            );
            let i = self.issue(Level::Error, "INVALID_TYPE", None, msg);
            i.rejected_value = Some(v.clone());
            return;
        }
        if !node.enumeration.is_empty() {
            self.check_enum(node, v);
        }
        match v {
            Value::String(s) => self.string(node, s),
            Value::Number(n) => {
                if let Some(f) = n.as_f64() {
                    self.range(node, f, v);
                }
            }
            Value::Array(items) => self.array(node, items),
            Value::Object(map) => self.object(idx, map),
            _ => {}
        }
    }

    fn check_enum(&mut self, node: &Node, v: &Value) {
        let text = match v {
            Value::String(s) => s.as_str(),
            Value::Number(n) => n.lexeme(),
            _ => "",
        };
        if node.enumeration.iter().any(|e| e == text) {
            return;
        }
        let msg = format!("{} is not one of the allowed values", short(v));
        let i = self.issue(node.enum_sev, "INVALID_ENUM_VALUE", None, msg);
        i.rejected_value = Some(v.clone());
        i.allowed_values = Some(node.enumeration.clone());
    }

    fn string(&mut self, node: &Node, s: &str) {
        if let Some(re) = &node.pattern {
            if !re.is_match(s) {
                let msg = format!(
                    "\"{}\" does not match the pattern {}",
                    truncate(s),
                    node.pattern_src.as_deref().unwrap_or("")
                );
                let i = self.issue(node.pattern_sev, "INVALID_FORMAT", None, msg);
                i.rejected_value = Some(Value::from(s));
                i.constraint = node.pattern_src.as_ref().map(|p| format!("pattern {p}"));
            }
        }
        if let Some(f) = node.format {
            if !format_ok(f, s) {
                let name = match f {
                    Format::DateTime => "an RFC 3339 date-time",
                    Format::Date => "a date (YYYY-MM-DD)",
                    Format::Email => "an email address",
                    Format::Uri => "an absolute URI",
                };
                let msg = format!("\"{}\" is not {name}", truncate(s));
                let i = self.issue(Level::Error, "INVALID_FORMAT", None, msg);
                i.rejected_value = Some(Value::from(s));
            }
        }
        if node.min_len.is_some() || node.max_len.is_some() {
            let n = s.chars().count();
            let bad = node.min_len.is_some_and(|m| n < m) || node.max_len.is_some_and(|m| n > m);
            if bad {
                let c = bounds("length", node.min_len, node.max_len);
                let msg = format!("length {n} is outside the allowed {c}");
                let i = self.issue(Level::Error, "INVALID_LENGTH", None, msg);
                i.rejected_value = Some(Value::from(truncate(s)));
                i.constraint = Some(c);
            }
        }
    }

    fn range(&mut self, node: &Node, f: f64, v: &Value) {
        let (lo, hi) = (node.min, node.max);
        let below = lo.is_some_and(|m| f < m);
        let above = hi.is_some_and(|m| f > m);
        if !(below || above) {
            return;
        }
        let (word, limit) = if below {
            ("minimum", lo.unwrap_or_default())
        } else {
            ("maximum", hi.unwrap_or_default())
        };
        let msg = format!("{} is outside the allowed range ({word} {limit})", short(v));
        let i = self.issue(Level::Error, "VALUE_OUT_OF_RANGE", None, msg);
        i.rejected_value = Some(v.clone());
        i.threshold = Some(fmt_num(limit));
        i.constraint = Some(format!("{word} {limit}"));
    }

    fn array(&mut self, node: &Node, items: &'a [Value]) {
        let n = items.len();
        if node.min_items.is_some_and(|m| n < m) || node.max_items.is_some_and(|m| n > m) {
            let c = bounds("item count", node.min_items, node.max_items);
            let msg = format!("{n} item(s); allowed {c}");
            let i = self.issue(Level::Error, "INVALID_LENGTH", None, msg);
            i.constraint = Some(c);
        }
        if let Some(item) = node.items {
            for (k, v) in items.iter().enumerate() {
                self.path.push(Tok::Idx(k));
                self.walk(item, v);
                self.path.pop();
            }
        }
    }

    fn object(&mut self, idx: usize, map: &'a crate::value::Map) {
        let table = self.table;
        let node = table.node(idx);
        let mut required_seen = 0;
        for (k, v) in map {
            match node.child(k) {
                Some(c) => {
                    if table.node(c).required {
                        required_seen += 1;
                    }
                    self.path.push(Tok::Key(k));
                    self.walk(c, v);
                    self.path.pop();
                }
                None if node.closed => {
                    let msg = format!("\"{k}\" is not a field of this closed object");
                    self.issue(Level::Warning, "UNKNOWN_FIELD", Some(k), msg);
                }
                None => {}
            }
        }
        if required_seen < node.required_count {
            for (name, c) in &node.props {
                let child = table.node(*c);
                if child.required && !map.contains_key(name.as_str()) {
                    let msg = format!("required field \"{name}\" is missing");
                    self.issue(child.req_sev, "REQUIRED_FIELD_MISSING", Some(name), msg);
                }
            }
        }
    }
}

fn bounds(what: &str, lo: Option<usize>, hi: Option<usize>) -> String {
    match (lo, hi) {
        (Some(a), Some(b)) => format!("{what} {a}..{b}"),
        (Some(a), None) => format!("{what} at least {a}"),
        (None, Some(b)) => format!("{what} at most {b}"),
        (None, None) => what.to_string(),
    }
}

fn truncate(s: &str) -> String {
    if s.chars().count() <= 80 {
        s.to_string()
    } else {
        let t: String = s.chars().take(77).collect();
        format!("{t}...")
    }
}

fn short(v: &Value) -> String {
    match v {
        Value::String(s) => format!("\"{}\"", truncate(s)),
        Value::Number(n) => truncate(n.lexeme()),
        other => other.type_name().to_string(),
    }
}

/// Checks a draft-07 `format`.
pub(crate) fn format_ok(f: Format, s: &str) -> bool {
    match f {
        Format::DateTime => crate::datetime::parse_timestamp(s).is_some(),
        Format::Date => is_date(s),
        Format::Email => is_email(s),
        Format::Uri => is_uri(s),
    }
}

/// `YYYY-MM-DD` naming a real calendar day.
pub(crate) fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = s.get(r)?;
        if part.bytes().all(|c| c.is_ascii_digit()) {
            part.parse().ok()
        } else {
            None
        }
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let Ok(month) = time::Month::try_from(m as u8) else {
        return false;
    };
    time::Date::from_calendar_date(y as i32, month, d as u8).is_ok()
}

/// The conformance runner's email test, `^[^\s@]+@[^\s@]+\.[^\s@]+$`, without a regex.
pub(crate) fn is_email(s: &str) -> bool {
    if s.chars().any(char::is_whitespace) {
        return false;
    }
    let mut parts = s.split('@');
    let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    !local.is_empty()
        && domain
            .char_indices()
            .any(|(i, c)| c == '.' && i > 0 && i + 1 < domain.len())
}

/// An absolute URI: a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`), a colon and a
/// non-empty rest without whitespace.
pub(crate) fn is_uri(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once(':') else {
        return false;
    };
    let mut sc = scheme.chars();
    sc.next().is_some_and(|c| c.is_ascii_alphabetic())
        && sc.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        && !rest.is_empty()
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats() {
        assert!(is_date("2026-02-28"));
        assert!(!is_date("2026-02-30"));
        assert!(!is_date("2026-2-28"));
        assert!(is_email("a.b@example.com"));
        assert!(!is_email("not-an-email"));
        assert!(!is_email("a@b"));
        assert!(!is_email("a@b@c.d"));
        assert!(!is_email("a@.com"));
        assert!(is_uri("https://example.com/x?y=1"));
        assert!(is_uri("urn:isbn:123"));
        assert!(!is_uri("example.com"));
        assert!(!is_uri("https://exa mple.com"));
    }
}
