//! JSON-EDI writer: canonical output of a [`Value`], pretty (two-space indent) or compact.

use crate::value::Value;

/// Serialises `v` as JSON text. Pretty output uses two-space indentation and `": "`;
/// compact output has no insignificant whitespace. Non-ASCII characters are written as
/// UTF-8; control characters, `"` and `\` are escaped.
pub fn to_string(v: &Value, pretty: bool) -> String {
    let mut out = String::with_capacity(256);
    write_value(&mut out, v, pretty, 0);
    out
}

fn indent(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("  ");
    }
}

// Recursion depth equals the tree depth, which every reader bounds by `Limits::max_depth`.
fn write_value(out: &mut String, v: &Value, pretty: bool, level: usize) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => out.push_str(n.lexeme()),
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            if items.is_empty() {
                out.push_str("[]");
                return;
            }
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    indent(out, level + 1);
                }
                write_value(out, item, pretty, level + 1);
            }
            if pretty {
                indent(out, level);
            }
            out.push(']');
        }
        Value::Object(map) => {
            if map.is_empty() {
                out.push_str("{}");
                return;
            }
            out.push('{');
            for (i, (k, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if pretty {
                    indent(out, level + 1);
                }
                write_string(out, k);
                out.push(':');
                if pretty {
                    out.push(' ');
                }
                write_value(out, item, pretty, level + 1);
            }
            if pretty {
                indent(out, level);
            }
            out.push('}');
        }
    }
}

/// Writes `s` as a JSON string literal.
pub fn write_string(out: &mut String, s: &str) {
    out.push('"');
    let mut run_start = 0;
    // Every character to escape is ASCII, and no byte of a multi-byte character is.
    for (i, c) in s.bytes().enumerate() {
        let esc: Option<&str> = match c {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            b'\n' => Some("\\n"),
            b'\r' => Some("\\r"),
            b'\t' => Some("\\t"),
            0x08 => Some("\\b"),
            0x0C => Some("\\f"),
            c if c < 0x20 => None,
            _ => continue,
        };
        out.push_str(&s[run_start..i]);
        match esc {
            Some(e) => out.push_str(e),
            None => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
        run_start = i + 1;
    }
    out.push_str(&s[run_start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::codec::json_read::parse;
    use crate::options::Limits;

    #[test]
    fn round_trips_exactly() {
        let src = r#"{"a":15.0,"b":[true,false,null,{}],"c":"x\"y\\\u0001é","d":[]}"#;
        let v = parse(src.as_bytes(), &Limits::default()).unwrap();
        assert_eq!(to_string(&v, false), src);
        let pretty = to_string(&v, true);
        assert!(pretty.contains("\n  \"a\": 15.0,"));
        assert_eq!(parse(pretty.as_bytes(), &Limits::default()).unwrap(), v);
    }
}
