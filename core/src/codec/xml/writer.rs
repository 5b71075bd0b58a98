//! The canonical XML-EDI writer (mapping in the module documentation of [`super`]).
//!
//! The writer is a few string pushes rather than `quick_xml::Writer`: the canonical form
//! needs escapes the library's writer does not make (`&#13;` in text, `&#9;`/`&#10;`/`&#13;`
//! in attribute values) and control over which leaves stay inline when indenting. The
//! escaping of `&`, `<`, `>` and `"` itself is quick-xml's.

use super::names::untyped_leaf_type;
use super::names::{LeafType, is_safe_name, is_schema_array, is_xml_illegal, is_xml_space};
use crate::codec::json_write;
use crate::error::{Error, ErrorKind, Result};
use crate::message::Message;
use crate::value::{Map, Value};
use quick_xml::escape::{escape, partial_escape};

/// Writes `message` as a canonical XML-EDI document.
pub fn write(message: &Message, pretty: bool) -> Result<String> {
    let root = message
        .root()
        .as_object()
        .ok_or_else(|| Error::new(ErrorKind::Internal, "a message root is always an object"))?;
    // Members beside `lex`, split by their side of it (see `MEMBERS_PI`).
    let (mut before, mut after) = (Map::default(), Map::default());
    let mut seen_lex = false;
    for (k, v) in root {
        if k == "lex" {
            seen_lex = true;
        } else if seen_lex {
            after.insert(k.clone(), v.clone());
        } else {
            before.insert(k.clone(), v.clone());
        }
    }
    let lex = message.lex();
    let mut w = XmlOut {
        out: String::with_capacity(1024),
        pretty,
    };
    w.out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    w.newline(0);
    if !before.is_empty() {
        push_members_pi(&mut w.out, before);
        w.newline(0);
    }
    w.out.push_str("<lex");
    let mut members: Vec<(&String, &Value)> = lex.iter().collect();
    // A string `version` that comes first becomes the root attribute (the landing-page
    // shape); anywhere else it stays a child element so that key order survives.
    if let Some((k, Value::String(v))) = members.first() {
        if k.as_str() == "version" && !v.chars().any(is_xml_illegal) {
            w.out.push_str(" version=\"");
            push_attr(&mut w.out, v);
            w.out.push('"');
            members.remove(0);
        }
    }
    if members.is_empty() {
        w.out.push_str("/>");
    } else {
        w.out.push('>');
        for (k, v) in members {
            // Uppercase-first names directly under the root would announce the PascalCase
            // variant to the tolerant reader, so they always use the `<_ k="…">` form.
            let force_k = k.starts_with(|c: char| c.is_ascii_uppercase());
            w.member(Some("lex"), k, v, 1, force_k);
        }
        w.newline(0);
        w.out.push_str("</lex>");
    }
    if !after.is_empty() {
        w.newline(0);
        push_members_pi(&mut w.out, after);
    }
    w.out.push('\n');
    Ok(w.out)
}

/// `<?lex-members {json}?>`: the JSON never holds `?>` (every `>` is `\u003e`, legal only
/// inside strings) nor a character XML forbids (controls are escaped by the JSON writer;
/// U+FFFE/U+FFFF here).
fn push_members_pi(out: &mut String, members: Map) {
    let json = json_write::to_string(&Value::Object(members), false);
    out.push_str("<?");
    out.push_str(super::MEMBERS_PI);
    out.push(' ');
    for c in json.chars() {
        match c {
            '>' => out.push_str("\\u003e"),
            '\u{FFFE}' => out.push_str("\\ufffe"),
            '\u{FFFF}' => out.push_str("\\uffff"),
            c => out.push(c),
        }
    }
    out.push_str("?>");
}

struct XmlOut {
    out: String,
    pretty: bool,
}

impl XmlOut {
    fn newline(&mut self, level: usize) {
        if self.pretty {
            self.out.push('\n');
            for _ in 0..level {
                self.out.push_str("  ");
            }
        }
    }

    /// Writes one object member as an element.
    fn member(&mut self, parent: Option<&str>, key: &str, v: &Value, level: usize, force_k: bool) {
        self.newline(level);
        let name = if is_safe_name(key) && !force_k {
            self.out.push('<');
            self.out.push_str(key);
            key
        } else if key.chars().any(is_xml_illegal) {
            self.out.push_str("<_ kj=\"");
            let mut lit = String::new();
            json_string_literal(&mut lit, key);
            push_attr(&mut self.out, &lit);
            self.out.push('"');
            "_"
        } else {
            self.out.push_str("<_ k=\"");
            push_attr(&mut self.out, key);
            self.out.push('"');
            "_"
        };
        self.body(parent, key, name, v, level);
    }

    /// Writes the attributes, content and end tag of an element whose start tag is open.
    fn body(&mut self, parent: Option<&str>, key: &str, name: &str, v: &Value, level: usize) {
        match v {
            Value::Null => self.out.push_str(" t=\"null\"/>"),
            Value::Bool(b) => {
                self.out.push_str(" t=\"boolean\">");
                self.out.push_str(if *b { "true" } else { "false" });
                self.close(name);
            }
            Value::Number(n) => {
                self.out.push_str(" t=\"number\">");
                self.out.push_str(n.lexeme());
                self.close(name);
            }
            Value::String(s) => self.string(parent, key, name, s),
            Value::Array(items) if items.is_empty() => self.out.push_str(" t=\"array\"/>"),
            Value::Array(items) => {
                self.out.push_str(" t=\"array\">");
                for item in items {
                    self.newline(level + 1);
                    self.out.push_str("<item");
                    self.body(None, "item", "item", item, level + 1);
                }
                self.newline(level);
                self.close(name);
            }
            Value::Object(m) if m.is_empty() => self.out.push_str(" t=\"object\"/>"),
            Value::Object(m) => self.object(key, name, m, level),
        }
    }

    fn object(&mut self, key: &str, name: &str, m: &Map, level: usize) {
        // The tolerant reader reads a wrapper named like a schema array as an array.
        if is_schema_array(key) {
            self.out.push_str(" t=\"object\"");
        }
        self.out.push('>');
        for (k, v) in m {
            self.member(Some(key), k, v, level + 1, false);
        }
        self.newline(level);
        self.close(name);
    }

    fn string(&mut self, parent: Option<&str>, key: &str, name: &str, s: &str) {
        if s.chars().any(is_xml_illegal) {
            self.out.push_str(" t=\"json\">");
            let mut lit = String::new();
            json_string_literal(&mut lit, s);
            push_text(&mut self.out, &lit);
        } else {
            let plain = !s.is_empty()
                && !s.chars().all(is_xml_space)
                && untyped_leaf_type(parent, key, s) == LeafType::String;
            self.out
                .push_str(if plain { ">" } else { " t=\"string\">" });
            push_text(&mut self.out, s);
        }
        self.close(name);
    }

    fn close(&mut self, name: &str) {
        self.out.push_str("</");
        self.out.push_str(name);
        self.out.push('>');
    }
}

/// Text content: `&`, `<`, `>` escaped by quick-xml, and CR as `&#13;` (parsers turn a
/// literal CR into LF).
fn push_text(out: &mut String, s: &str) {
    let escaped = partial_escape(s);
    if escaped.contains('\r') {
        out.push_str(&escaped.replace('\r', "&#13;"));
    } else {
        out.push_str(&escaped);
    }
}

/// Attribute value: quick-xml's escape plus TAB/LF/CR as character references, which
/// attribute-value normalisation would otherwise turn into spaces.
fn push_attr(out: &mut String, s: &str) {
    for c in escape(s).chars() {
        match c {
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
}

/// A JSON string literal that is also legal XML 1.0 text: like the JSON writer, plus
/// U+FFFE and U+FFFF written as `\u` escapes.
fn json_string_literal(out: &mut String, s: &str) {
    let mut lit = String::with_capacity(s.len() + 2);
    json_write::write_string(&mut lit, s);
    out.push_str(
        &lit.replace('\u{FFFE}', "\\ufffe")
            .replace('\u{FFFF}', "\\uffff"),
    );
}
