//! Element names and the typing predicates shared by the XML reader and writer.
//!
//! The writer and the tolerant reader must agree exactly: the writer adds an explicit type
//! attribute wherever the reader's heuristics (schema typing, wrapper arrays) would otherwise
//! read something else than what was written. Both sides therefore call the predicates here.

use super::schema_names;
use crate::value::is_json_number;
use std::sync::OnceLock;

/// The JSON type the LEX schemas give a property name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SchemaKind {
    /// `array`.
    Array,
    /// `integer` or `number`.
    Number,
    /// `boolean`.
    Boolean,
    /// `string`.
    String,
    /// `object`.
    Object,
    /// Different types in different places.
    Ambiguous,
}

/// Sorted lookup tables (binary search rather than a hash map: a static hash table's
/// interior pointers look like possible leaks to valgrind in the C ABI tests).
struct Tables {
    /// Name → schema type, sorted by name.
    kinds: Vec<(&'static str, SchemaKind)>,
    /// Lower-cased name → schema spelling, sorted, for matching PascalCase element names.
    folded: Vec<(String, &'static str)>,
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        let mut kinds = Vec::new();
        for (list, kind) in [
            (schema_names::ARRAYS, SchemaKind::Array),
            (schema_names::NUMBERS, SchemaKind::Number),
            (schema_names::BOOLEANS, SchemaKind::Boolean),
            (schema_names::STRINGS, SchemaKind::String),
            (schema_names::OBJECTS, SchemaKind::Object),
            (schema_names::AMBIGUOUS, SchemaKind::Ambiguous),
        ] {
            kinds.extend(list.split_whitespace().map(|name| (name, kind)));
        }
        kinds.sort_by_key(|(name, _)| *name);
        kinds.dedup_by_key(|(name, _)| *name);
        let mut folded: Vec<(String, &'static str)> = kinds
            .iter()
            .map(|(name, _)| (name.to_ascii_lowercase(), *name))
            .collect();
        folded.sort();
        folded.dedup_by(|a, b| a.0 == b.0);
        Tables { kinds, folded }
    })
}

/// The schema type of a property, `None` for names the schemas do not define.
pub(crate) fn schema_kind(name: &str) -> Option<SchemaKind> {
    let kinds = &tables().kinds;
    kinds
        .binary_search_by_key(&name, |(n, _)| n)
        .ok()
        .and_then(|i| kinds.get(i))
        .map(|(_, kind)| *kind)
}

/// The schema's spelling of a name that matches `lower` case-insensitively.
fn schema_spelling(lower: &str) -> Option<&'static str> {
    let folded = &tables().folded;
    folded
        .binary_search_by(|(n, _)| n.as_str().cmp(lower))
        .ok()
        .and_then(|i| folded.get(i))
        .map(|(_, name)| *name)
}

/// True when the schemas define `name` as an array (a wrapper element is read as an array).
pub(crate) fn is_schema_array(name: &str) -> bool {
    schema_kind(name) == Some(SchemaKind::Array)
}

/// The type an untyped leaf with text `text` gets in the tolerant reader, where `key` is the
/// member name and `parent` the member name of the enclosing object (if any).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LeafType {
    /// Kept as a string.
    String,
    /// Read as a number (the text is a JSON number).
    Number,
    /// Read as a boolean (`true`/`false`).
    Boolean,
}

/// How the tolerant reader types an untyped leaf: the schema type when the schemas know the
/// name (and the text fits it), otherwise inference (`true`/`false`, JSON numbers).
pub(crate) fn untyped_leaf_type(parent: Option<&str>, key: &str, text: &str) -> LeafType {
    let inferred = || {
        if text == "true" || text == "false" {
            LeafType::Boolean
        } else if is_json_number(text.as_bytes()) {
            LeafType::Number
        } else {
            LeafType::String
        }
    };
    // `header.version` is the string "1.0"; other `version` members are integers.
    if key == "version" && parent == Some("header") {
        return LeafType::String;
    }
    match schema_kind(key) {
        Some(SchemaKind::String | SchemaKind::Object | SchemaKind::Array) => LeafType::String,
        Some(SchemaKind::Number) if is_json_number(text.as_bytes()) => LeafType::Number,
        Some(SchemaKind::Boolean) if text == "true" || text == "false" => LeafType::Boolean,
        Some(SchemaKind::Number | SchemaKind::Boolean) => LeafType::String,
        Some(SchemaKind::Ambiguous) | None => inferred(),
    }
}

/// True for the XML whitespace characters (space, tab, line feed, carriage return).
pub(crate) fn is_xml_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// True when `c` cannot appear in an XML 1.0 document, not even as a character reference.
pub(crate) fn is_xml_illegal(c: char) -> bool {
    let u = c as u32;
    (u < 0x20 && !matches!(c, '\t' | '\n' | '\r')) || u == 0xFFFE || u == 0xFFFF
}

/// The first character of `text` that [`is_xml_illegal`], with its byte offset. A byte scan
/// (the same answer as testing every `char`, without decoding them): only bytes below 0x20
/// and the lead byte 0xEF of U+FFFE/U+FFFF can start an illegal character.
pub(crate) fn first_illegal(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    loop {
        let rel = bytes
            .get(from..)?
            .iter()
            .position(|&b| b == 0xEF || (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')))?;
        let i = from + rel;
        let c = text.get(i..)?.chars().next()?;
        if is_xml_illegal(c) {
            return Some((i, c));
        }
        from = i + 1;
    }
}

/// True when `key` can be written as an element name: an ASCII NCName
/// (`[A-Za-z_][A-Za-z0-9._-]*`) that does not start with `xml` in any case.
pub(crate) fn is_safe_name(key: &str) -> bool {
    let b = key.as_bytes();
    let Some(&first) = b.first() else {
        return false;
    };
    if !(first.is_ascii_alphabetic() || first == b'_') {
        return false;
    }
    if b.len() >= 3 && b[..3].eq_ignore_ascii_case(b"xml") {
        return false;
    }
    b.iter()
        .all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// The camelCase JSON name for a PascalCase element name (an accepted variant, decision D22):
/// lower the leading run of capitals (`GDPRConsent` → `gdprConsent`, `VIN` → `vin`), turn a
/// trailing `ID` into `Id` (`MessageID` → `messageId`), then prefer the schema's spelling
/// when a property matches case-insensitively. Names that do not start with an ASCII capital
/// are returned unchanged.
pub(crate) fn camel_from_pascal(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    if !chars.first().is_some_and(char::is_ascii_uppercase) {
        return name.to_string();
    }
    let run = chars.iter().take_while(|c| c.is_ascii_uppercase()).count();
    let lower_until = if run == chars.len() || run == 1 {
        run
    } else if chars.get(run).is_some_and(char::is_ascii_lowercase) {
        run - 1
    } else {
        run
    };
    let mut out: String = chars
        .iter()
        .enumerate()
        .map(|(i, c)| {
            if i < lower_until {
                c.to_ascii_lowercase()
            } else {
                *c
            }
        })
        .collect();
    if out.len() > 2 && out.ends_with("ID") {
        out.truncate(out.len() - 2);
        out.push_str("Id");
    }
    match schema_spelling(&out.to_ascii_lowercase()) {
        Some(schema) => schema.to_string(),
        None => out,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pascal_names_map_to_schema_spelling() {
        for (pascal, camel) in [
            ("MessageID", "messageId"),
            ("GDPRConsent", "gdprConsent"),
            ("VIN", "vin"),
            ("Header", "header"),
            ("LeadID", "leadId"),
            ("Street1", "street1"),
            ("CCPAOptOut", "ccpaOptOut"),
            ("lower", "lower"),
        ] {
            assert_eq!(camel_from_pascal(pascal), camel, "{pascal}");
        }
    }

    #[test]
    fn safe_names() {
        for ok in ["a", "_", "leadId", "a.b-c_1", "Item"] {
            assert!(is_safe_name(ok), "{ok}");
        }
        for bad in ["", "1a", "a b", "xmlns", "XMLfoo", "a:b", "é", "-a"] {
            assert!(!is_safe_name(bad), "{bad}");
        }
    }

    #[test]
    fn leaf_typing_follows_the_schemas_then_inference() {
        assert_eq!(untyped_leaf_type(None, "year", "2026"), LeafType::Number);
        assert_eq!(
            untyped_leaf_type(None, "postalCode", "62701"),
            LeafType::String
        );
        assert_eq!(
            untyped_leaf_type(Some("header"), "version", "1.0"),
            LeafType::String
        );
        assert_eq!(
            untyped_leaf_type(Some("entry"), "version", "1"),
            LeafType::Number
        );
        assert_eq!(
            untyped_leaf_type(None, "whatever", "true"),
            LeafType::Boolean
        );
        assert_eq!(untyped_leaf_type(None, "whatever", "007"), LeafType::String);
        assert_eq!(
            untyped_leaf_type(None, "needsFinancing", "yes"),
            LeafType::String
        );
    }

    #[test]
    fn first_illegal_matches_a_char_scan() {
        let samples = [
            "",
            "plain <a>text</a>",
            "tab\tnl\ncr\r ok",
            "bell\u{7} here",
            "\u{0}",
            "é€\u{FFFD}\u{FFFC} fine then \u{FFFE}",
            "\u{EFFF}\u{F000} then \u{FFFF}",
            "\u{1F600} \u{1} x",
        ];
        for s in samples {
            let want = s.char_indices().find(|&(_, c)| is_xml_illegal(c));
            assert_eq!(first_illegal(s), want, "{s:?}");
        }
        assert_eq!(first_illegal("ab\u{FFFE}"), Some((2, '\u{FFFE}')));
        assert_eq!(first_illegal("\u{FFFD}\u{1F}"), Some((3, '\u{1F}')));
    }
}
