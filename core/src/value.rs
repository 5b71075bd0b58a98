//! The canonical, lossless message tree.
//!
//! LEX objects are open (unknown keys are legal and must survive every conversion) and
//! extensions carry arbitrary JSON, so the canonical form of a message is a JSON-like tree
//! that keeps key order and the exact lexeme of every number (`15.0` stays `15.0`).

use indexmap::IndexMap;
use std::fmt;

/// An ordered JSON object: keys keep the order in which they were read or inserted.
///
/// Keys are hashed with foldhash rather than the standard library's SipHash: SipHash was
/// ~20 % of reading a message. foldhash is seeded randomly per map (like `RandomState`), so
/// keys chosen by an attacker cannot be precomputed to collide, and the reader's node and
/// size limits bound the work of any one document anyway. Build maps with
/// `Map::default()` / [`map_with_capacity`] (`IndexMap::new` exists only for SipHash).
pub type Map = IndexMap<String, Value, MapHasher>;

/// The hasher of [`Map`].
pub type MapHasher = foldhash::fast::RandomState;

/// An empty [`Map`] with room for `n` members.
pub fn map_with_capacity(n: usize) -> Map {
    Map::with_capacity_and_hasher(n, MapHasher::default())
}

/// A JSON number kept as its exact lexeme, so that no precision or spelling is lost.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Number(String);

impl Number {
    /// Wraps a lexeme that the caller guarantees is a valid JSON number.
    ///
    /// Returns `None` when `lexeme` is not a valid JSON number.
    pub fn from_lexeme(lexeme: &str) -> Option<Number> {
        if is_json_number(lexeme.as_bytes()) {
            Some(Number(lexeme.to_string()))
        } else {
            None
        }
    }

    /// The exact text of the number as read.
    pub fn lexeme(&self) -> &str {
        &self.0
    }

    /// The value as `f64` (may lose precision for long lexemes).
    pub fn as_f64(&self) -> Option<f64> {
        self.0.parse::<f64>().ok()
    }

    /// The value as `i64` when the lexeme is an integer in range (no fraction, no exponent).
    pub fn as_i64(&self) -> Option<i64> {
        self.0.parse::<i64>().ok()
    }

    /// True when the number is mathematically an integer (`3`, `3.0`, `3e2`).
    pub fn is_integer(&self) -> bool {
        if !self.0.contains(['.', 'e', 'E']) {
            return true;
        }
        match self.as_f64() {
            Some(f) => f.is_finite() && f.fract() == 0.0,
            None => false,
        }
    }
}

impl From<i64> for Number {
    fn from(v: i64) -> Self {
        Number(v.to_string())
    }
}

impl From<u64> for Number {
    fn from(v: u64) -> Self {
        Number(v.to_string())
    }
}

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// True when `s` matches the JSON number grammar (RFC 8259 §6).
pub fn is_json_number(s: &[u8]) -> bool {
    let mut i = 0;
    let n = s.len();
    if i < n && s[i] == b'-' {
        i += 1;
    }
    if i >= n {
        return false;
    }
    if s[i] == b'0' {
        i += 1;
    } else if s[i].is_ascii_digit() {
        while i < n && s[i].is_ascii_digit() {
            i += 1;
        }
    } else {
        return false;
    }
    if i < n && s[i] == b'.' {
        i += 1;
        let start = i;
        while i < n && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    if i < n && (s[i] == b'e' || s[i] == b'E') {
        i += 1;
        if i < n && (s[i] == b'+' || s[i] == b'-') {
            i += 1;
        }
        let start = i;
        while i < n && s[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    i == n
}

/// A node of the message tree.
#[derive(Clone, Debug, Default)]
pub enum Value {
    /// JSON `null`.
    #[default]
    Null,
    /// JSON `true` / `false`.
    Bool(bool),
    /// A number with its exact lexeme.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object with ordered keys.
    Object(Map),
}

/// Equality is exact and order-sensitive: two trees are equal only when every key appears
/// in the same order with equal values and every number has the same lexeme.
impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::Array(a), Value::Array(b)) => a == b,
            (Value::Object(a), Value::Object(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter())
                        .all(|((ka, va), (kb, vb))| ka == kb && va == vb)
            }
            _ => false,
        }
    }
}

impl Eq for Value {}

impl Value {
    /// The JSON type name of this node (`null`, `boolean`, `number`, `string`, `array`, `object`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "boolean",
            Value::Number(_) => "number",
            Value::String(_) => "string",
            Value::Array(_) => "array",
            Value::Object(_) => "object",
        }
    }

    /// The string content, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The object, if this is an object.
    pub fn as_object(&self) -> Option<&Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The mutable object, if this is an object.
    pub fn as_object_mut(&mut self) -> Option<&mut Map> {
        match self {
            Value::Object(m) => Some(m),
            _ => None,
        }
    }

    /// The array, if this is an array.
    pub fn as_array(&self) -> Option<&Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The mutable array, if this is an array.
    pub fn as_array_mut(&mut self) -> Option<&mut Vec<Value>> {
        match self {
            Value::Array(a) => Some(a),
            _ => None,
        }
    }

    /// The boolean, if this is a boolean.
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Value::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// The number, if this is a number.
    pub fn as_number(&self) -> Option<&Number> {
        match self {
            Value::Number(n) => Some(n),
            _ => None,
        }
    }

    /// The number as `f64`, if this is a number.
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number().and_then(Number::as_f64)
    }

    /// The number as `i64`, if this is an integral number in range.
    pub fn as_i64(&self) -> Option<i64> {
        self.as_number().and_then(Number::as_i64)
    }

    /// True for `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// JavaScript-style truthiness, which the published conformance runner relies on:
    /// `null`, `false`, `0`, `""` are falsy; everything else (including `[]`, `{}`) is truthy.
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
            Value::String(s) => !s.is_empty(),
            Value::Array(_) | Value::Object(_) => true,
        }
    }

    /// Member `key` of an object (None for other types or a missing key).
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|m| m.get(key))
    }

    /// Mutable member `key` of an object.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Value> {
        self.as_object_mut().and_then(|m| m.get_mut(key))
    }

    /// Follows a path of object keys (`&["lex", "header", "messageId"]`).
    pub fn path(&self, keys: &[&str]) -> Option<&Value> {
        let mut cur = self;
        for k in keys {
            cur = cur.get(k)?;
        }
        Some(cur)
    }

    /// Resolves an RFC 6901 JSON pointer (`/lex/header/messageId`, `/a/0/b`).
    pub fn pointer(&self, pointer: &str) -> Option<&Value> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        let mut cur = self;
        for raw in rest.split('/') {
            let token = raw.replace("~1", "/").replace("~0", "~");
            cur = match cur {
                Value::Object(m) => m.get(&token)?,
                Value::Array(a) => a.get(token.parse::<usize>().ok()?)?,
                _ => return None,
            };
        }
        Some(cur)
    }

    /// A new empty object.
    pub fn object() -> Value {
        Value::Object(Map::default())
    }

    /// Builds a string node.
    pub fn string(s: impl Into<String>) -> Value {
        Value::String(s.into())
    }

    /// Builds a number node from an integer.
    pub fn int(v: i64) -> Value {
        Value::Number(Number::from(v))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::int(v)
    }
}

impl From<Map> for Value {
    fn from(m: Map) -> Self {
        Value::Object(m)
    }
}

impl From<Vec<Value>> for Value {
    fn from(a: Vec<Value>) -> Self {
        Value::Array(a)
    }
}

/// Escapes one reference token for an RFC 6901 pointer.
pub fn escape_pointer_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_grammar() {
        for ok in [
            "0",
            "-0",
            "15.0",
            "1e5",
            "1E+5",
            "-12.5e-3",
            "123456789012345678901234567890",
        ] {
            assert!(is_json_number(ok.as_bytes()), "{ok}");
        }
        for bad in [
            "", "-", "01", "1.", ".5", "1e", "+1", "NaN", "1.5.2", "0x10",
        ] {
            assert!(!is_json_number(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn equality_is_order_sensitive() {
        let mut a = Map::default();
        a.insert("x".into(), Value::int(1));
        a.insert("y".into(), Value::int(2));
        let mut b = Map::default();
        b.insert("y".into(), Value::int(2));
        b.insert("x".into(), Value::int(1));
        assert_ne!(Value::Object(a.clone()), Value::Object(b));
        assert_eq!(Value::Object(a.clone()), Value::Object(a));
    }

    #[test]
    fn pointer_resolves_arrays_and_escapes() {
        let mut inner = Map::default();
        inner.insert("a/b".into(), Value::from("x"));
        let v = Value::Array(vec![Value::Null, Value::Object(inner)]);
        assert_eq!(v.pointer("/1/a~1b"), Some(&Value::from("x")));
        assert_eq!(v.pointer("/2"), None);
    }

    #[test]
    fn truthiness_matches_javascript() {
        assert!(!Value::from("").is_truthy());
        assert!(!Value::int(0).is_truthy());
        assert!(Value::Array(vec![]).is_truthy());
        assert!(Value::from("0").is_truthy());
    }
}
