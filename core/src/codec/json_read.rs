//! JSON-EDI reader.
//!
//! Hand-written rather than serde_json because the reader must do, in one bounded pass,
//! what serde_json's `Value` cannot: keep every number's exact lexeme, reject duplicate keys
//! with their location, report byte offset *and* line:column for every error, and enforce
//! per-token limits (number length, string size, node count) before allocating. It is an
//! iterative parser with an explicit stack, so depth never touches the native call stack.

use crate::error::{Error, ErrorKind, Location, Result};
use crate::options::Limits;
use crate::value::{Map, Number, Value};

/// Parses one JSON document into a [`Value`], enforcing `limits`.
///
/// A leading UTF-8 byte-order mark is skipped (the caller reports it if it wants to).
pub fn parse(input: &[u8], limits: &Limits) -> Result<Value> {
    limits.check_input_size(input)?;
    let text = match std::str::from_utf8(input) {
        Ok(text) => text,
        Err(e) => {
            return Err(Error::at(
                ErrorKind::InvalidEncoding,
                "input is not valid UTF-8",
                Location::at_offset(input, e.valid_up_to()),
            ));
        }
    };
    let start = if input.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut p = Parser {
        s: input,
        text,
        i: start,
        limits,
        nodes: 0,
    };
    p.skip_ws();
    if p.i >= p.s.len() {
        return Err(Error::at(
            ErrorKind::EmptyInput,
            "the input is empty",
            Location::at_offset(input, p.i),
        ));
    }
    let v = p.parse_value()?;
    p.skip_ws();
    if p.i < p.s.len() {
        return Err(p.err(ErrorKind::Syntax, "unexpected data after the JSON value"));
    }
    Ok(v)
}

enum Frame {
    Array(Vec<Value>),
    Object(Map, String, usize),
}

struct Parser<'a> {
    s: &'a [u8],
    /// The same bytes as `s`, validated as UTF-8 once: strings are sliced from it (at ASCII
    /// delimiters, so on char boundaries) instead of being validated again.
    text: &'a str,
    i: usize,
    limits: &'a Limits,
    nodes: usize,
}

impl Parser<'_> {
    fn err(&self, kind: ErrorKind, msg: impl Into<String>) -> Error {
        Error::at(kind, msg, Location::at_offset(self.s, self.i))
    }

    fn err_at(&self, kind: ErrorKind, msg: impl Into<String>, at: usize) -> Error {
        Error::at(kind, msg, Location::at_offset(self.s, at))
    }

    fn skip_ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn count_node(&mut self) -> Result<()> {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            return Err(self.err(
                ErrorKind::CountLimit,
                format!("more than {} values in the document", self.limits.max_nodes),
            ));
        }
        Ok(())
    }

    fn unexpected(&self) -> Error {
        match self.peek() {
            None => self.err(
                ErrorKind::Syntax,
                "unexpected end of input (truncated JSON)",
            ),
            Some(b) if b.is_ascii_graphic() => self.err(
                ErrorKind::Syntax,
                format!("unexpected character '{}'", b as char),
            ),
            Some(b) => self.err(ErrorKind::Syntax, format!("unexpected byte 0x{b:02x}")),
        }
    }

    /// Parses a value iteratively; containers use an explicit stack bounded by `max_depth`.
    fn parse_value(&mut self) -> Result<Value> {
        let mut stack: Vec<Frame> = Vec::new();
        loop {
            // Parse one value (scalar or the opening of a container).
            self.skip_ws();
            self.count_node()?;
            let mut value = match self.peek() {
                Some(b'{') | Some(b'[') => {
                    if stack.len() >= self.limits.max_depth {
                        return Err(self.err(
                            ErrorKind::DepthLimit,
                            format!("nesting deeper than {} levels", self.limits.max_depth),
                        ));
                    }
                    let open = self.s[self.i];
                    self.i += 1;
                    self.skip_ws();
                    if open == b'{' {
                        if self.peek() == Some(b'}') {
                            self.i += 1;
                            Value::Object(Map::default())
                        } else {
                            let (key, at) = self.parse_key()?;
                            // Room for eight members up front: LEX objects are mostly small,
                            // and growing a map from empty reallocates it three times.
                            let map = crate::value::map_with_capacity(8);
                            stack.push(Frame::Object(map, key, at));
                            continue;
                        }
                    } else if self.peek() == Some(b']') {
                        self.i += 1;
                        Value::Array(Vec::new())
                    } else {
                        stack.push(Frame::Array(Vec::new()));
                        continue;
                    }
                }
                Some(b'"') => Value::String(self.parse_string()?),
                Some(b't') => self.literal(b"true", Value::Bool(true))?,
                Some(b'f') => self.literal(b"false", Value::Bool(false))?,
                Some(b'n') => self.literal(b"null", Value::Null)?,
                Some(b'-' | b'0'..=b'9') => Value::Number(self.parse_number()?),
                _ => return Err(self.unexpected()),
            };
            // Attach the finished value to its parent, closing containers as they end.
            loop {
                let Some(frame) = stack.last_mut() else {
                    return Ok(value);
                };
                self.skip_ws();
                match frame {
                    Frame::Array(items) => {
                        items.push(value);
                        match self.peek() {
                            Some(b',') => {
                                self.i += 1;
                                break;
                            }
                            Some(b']') => {
                                self.i += 1;
                                let Some(Frame::Array(items)) = stack.pop() else {
                                    return Err(self.err(ErrorKind::Internal, "stack mismatch"));
                                };
                                value = Value::Array(items);
                            }
                            _ => return Err(self.expected("',' or ']' after an array element")),
                        }
                    }
                    Frame::Object(map, key, at) => {
                        // One hash lookup per member (entry), not two (contains_key + insert).
                        match map.entry(std::mem::take(key)) {
                            indexmap::map::Entry::Occupied(e) => {
                                return Err(self.err_at(
                                    ErrorKind::DuplicateKey,
                                    format!("duplicate key \"{}\"", e.key()),
                                    *at,
                                ));
                            }
                            indexmap::map::Entry::Vacant(e) => {
                                e.insert(value);
                            }
                        }
                        match self.peek() {
                            Some(b',') => {
                                self.i += 1;
                                self.skip_ws();
                                let (k, a) = self.parse_key()?;
                                *key = k;
                                *at = a;
                                break;
                            }
                            Some(b'}') => {
                                self.i += 1;
                                let Some(Frame::Object(map, _, _)) = stack.pop() else {
                                    return Err(self.err(ErrorKind::Internal, "stack mismatch"));
                                };
                                value = Value::Object(map);
                            }
                            _ => return Err(self.expected("',' or '}' after an object member")),
                        }
                    }
                }
            }
        }
    }

    fn expected(&self, what: &str) -> Error {
        if self.peek().is_none() {
            self.err(
                ErrorKind::Syntax,
                format!("unexpected end of input: expected {what}"),
            )
        } else {
            self.err(ErrorKind::Syntax, format!("expected {what}"))
        }
    }

    fn parse_key(&mut self) -> Result<(String, usize)> {
        if self.peek() != Some(b'"') {
            return Err(self.expected("a string key"));
        }
        let at = self.i;
        let key = self.parse_string()?;
        self.skip_ws();
        if self.peek() != Some(b':') {
            return Err(self.expected("':' after an object key"));
        }
        self.i += 1;
        Ok((key, at))
    }

    fn literal(&mut self, word: &[u8], v: Value) -> Result<Value> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(v)
        } else {
            Err(self.unexpected())
        }
    }

    fn parse_number(&mut self) -> Result<Number> {
        let start = self.i;
        while self.i < self.s.len()
            && matches!(
                self.s[self.i],
                b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'
            )
        {
            self.i += 1;
            if self.i - start > self.limits.max_number_chars {
                return Err(self.err_at(
                    ErrorKind::TokenLimit,
                    format!(
                        "number longer than the limit of {} characters",
                        self.limits.max_number_chars
                    ),
                    start,
                ));
            }
        }
        // The scanned bytes are ASCII, so this cannot fail; map defensively anyway.
        let lexeme = std::str::from_utf8(&self.s[start..self.i])
            .map_err(|_| self.err_at(ErrorKind::Syntax, "invalid number", start))?;
        Number::from_lexeme(lexeme).ok_or_else(|| {
            self.err_at(
                ErrorKind::Syntax,
                format!("invalid number '{lexeme}'"),
                start,
            )
        })
    }

    /// Advances `self.i` past plain string bytes (not `"`, a backslash or a control character),
    /// eight bytes at a time while a whole word is plain.
    fn scan_plain(&mut self) {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGHS: u64 = 0x8080_8080_8080_8080;
        // The classic SWAR tests: `(x - ONES*n) & !x & HIGHS` is non-zero exactly when some
        // byte of `x` is below `n` (n <= 0x80); with n = 1 that is "some byte is zero".
        let has_zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGHS;
        while let Some(chunk) = self.s.get(self.i..self.i + 8) {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            let w = u64::from_le_bytes(word);
            let ctrl = w.wrapping_sub(ONES * 0x20) & !w & HIGHS;
            let quote = has_zero(w ^ (ONES * u64::from(b'"')));
            let backslash = has_zero(w ^ (ONES * u64::from(b'\\')));
            if ctrl | quote | backslash != 0 {
                break;
            }
            self.i += 8;
        }
        while let Some(&b) = self.s.get(self.i) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.i += 1;
        }
    }

    fn parse_string(&mut self) -> Result<String> {
        let start = self.i;
        self.i += 1; // opening quote
        // Most strings have no escape: scan them once and copy them in one allocation.
        self.scan_plain();
        if self.peek() == Some(b'"') && self.i - start - 1 <= self.limits.max_string_bytes {
            let Some(run) = self.text.get(start + 1..self.i) else {
                return Err(self.err_at(
                    ErrorKind::InvalidEncoding,
                    "invalid UTF-8 in string",
                    start,
                ));
            };
            self.i += 1;
            return Ok(run.to_owned());
        }
        self.i = start + 1;
        let mut out = String::new();
        loop {
            // Copy a run of plain bytes.
            let run_start = self.i;
            self.scan_plain();
            // The run ends at an ASCII byte (or the end), so it is a whole UTF-8 sequence.
            let Some(run) = self.text.get(run_start..self.i) else {
                return Err(self.err_at(
                    ErrorKind::InvalidEncoding,
                    "invalid UTF-8 in string",
                    start,
                ));
            };
            out.push_str(run);
            if out.len() > self.limits.max_string_bytes {
                return Err(self.err_at(
                    ErrorKind::TokenLimit,
                    format!(
                        "string longer than the limit of {} bytes",
                        self.limits.max_string_bytes
                    ),
                    start,
                ));
            }
            match self.peek() {
                None => {
                    return Err(
                        self.err(ErrorKind::Syntax, "unexpected end of input inside a string")
                    );
                }
                Some(b'"') => {
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.i += 1;
                    let Some(esc) = self.peek() else {
                        return Err(
                            self.err(ErrorKind::Syntax, "unexpected end of input in an escape")
                        );
                    };
                    self.i += 1;
                    match esc {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.parse_unicode_escape()?),
                        _ => {
                            self.i -= 1;
                            return Err(self.err(ErrorKind::Syntax, "invalid escape sequence"));
                        }
                    }
                }
                Some(_) => {
                    return Err(self.err(
                        ErrorKind::Syntax,
                        "control character in a string (must be escaped)",
                    ));
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32> {
        if self.i + 4 > self.s.len() {
            return Err(self.err(ErrorKind::Syntax, "truncated \\u escape"));
        }
        let mut v = 0u32;
        for k in 0..4 {
            let d = (self.s[self.i + k] as char)
                .to_digit(16)
                .ok_or_else(|| self.err_at(ErrorKind::Syntax, "invalid \\u escape", self.i + k))?;
            v = v * 16 + d;
        }
        self.i += 4;
        Ok(v)
    }

    fn parse_unicode_escape(&mut self) -> Result<char> {
        let at = self.i - 2;
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if self.s[self.i..].starts_with(b"\\u") {
                self.i += 2;
                let lo = self.hex4()?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return Err(self.err_at(
                        ErrorKind::InvalidEncoding,
                        "unpaired UTF-16 surrogate in \\u escape",
                        at,
                    ));
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            } else {
                return Err(self.err_at(
                    ErrorKind::InvalidEncoding,
                    "unpaired UTF-16 surrogate in \\u escape",
                    at,
                ));
            }
        } else if (0xDC00..0xE000).contains(&hi) {
            return Err(self.err_at(
                ErrorKind::InvalidEncoding,
                "unpaired UTF-16 surrogate in \\u escape",
                at,
            ));
        } else {
            hi
        };
        char::from_u32(code)
            .ok_or_else(|| self.err_at(ErrorKind::InvalidEncoding, "invalid code point", at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Value> {
        parse(s.as_bytes(), &Limits::default())
    }

    #[test]
    fn keeps_number_lexemes_and_key_order() {
        let v = p(r#"{"b": 15.0, "a": [1e3, -0, 123456789012345678901234567890]}"#).unwrap();
        let m = v.as_object().unwrap();
        assert_eq!(m.keys().collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(v.get("b").unwrap().as_number().unwrap().lexeme(), "15.0");
        let a = v.get("a").unwrap().as_array().unwrap();
        assert_eq!(
            a[2].as_number().unwrap().lexeme(),
            "123456789012345678901234567890"
        );
    }

    #[test]
    fn decodes_escapes_and_surrogate_pairs() {
        let v = p(r#""a\n\u00e9\ud83d\ude00\/""#).unwrap();
        assert_eq!(v.as_str(), Some("a\né😀/"));
    }

    #[test]
    fn errors_have_codes_and_locations() {
        let e = p("{\n  \"a\": 1,\n  \"a\": 2}").unwrap_err();
        assert_eq!(e.code(), "DUPLICATE_KEY");
        assert_eq!((e.location.line, e.location.column), (Some(3), Some(3)));
        assert_eq!(e.location.offset, Some(14));

        let e = p(r#"{"a": [1, 2"#).unwrap_err();
        assert_eq!(e.code(), "SYNTAX_ERROR");
        assert_eq!(e.location.offset, Some(11));

        assert_eq!(p("").unwrap_err().code(), "EMPTY_INPUT");
        assert_eq!(p("  \n ").unwrap_err().code(), "EMPTY_INPUT");
        assert_eq!(
            parse(b"{\"a\": \"\xff\"}", &Limits::default())
                .unwrap_err()
                .code(),
            "INVALID_ENCODING"
        );
        assert_eq!(p(r#""\ud800""#).unwrap_err().code(), "INVALID_ENCODING");
        assert_eq!(p("[1,]").unwrap_err().code(), "SYNTAX_ERROR");
        assert_eq!(p("01").unwrap_err().code(), "SYNTAX_ERROR");
        assert_eq!(p("{} x").unwrap_err().code(), "SYNTAX_ERROR");
        assert_eq!(p("\"a\tb\"").unwrap_err().code(), "SYNTAX_ERROR");
    }

    #[test]
    fn limits_are_enforced() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let e = p(&deep).unwrap_err();
        assert_eq!(e.code(), "DEPTH_LIMIT_EXCEEDED");
        assert_eq!(e.location.offset, Some(128));

        let big = "9".repeat(5_000);
        assert_eq!(p(&big).unwrap_err().code(), "TOKEN_LIMIT_EXCEEDED");

        let limits = Limits {
            max_string_bytes: 10,
            ..Limits::default()
        };
        let e = parse(br#"["0123456789ABC"]"#, &limits).unwrap_err();
        assert_eq!(e.code(), "TOKEN_LIMIT_EXCEEDED");
        assert_eq!(e.location.offset, Some(1));

        let limits = Limits {
            max_input_bytes: 4,
            ..Limits::default()
        };
        assert_eq!(
            parse(b"[1,2,3]", &limits).unwrap_err().code(),
            "SIZE_LIMIT_EXCEEDED"
        );

        let limits = Limits {
            max_nodes: 3,
            ..Limits::default()
        };
        assert_eq!(
            parse(b"[1,2,3]", &limits).unwrap_err().code(),
            "COUNT_LIMIT_EXCEEDED"
        );
    }

    #[test]
    fn word_at_a_time_scan_stops_at_every_special_byte() {
        let plain = "abcdéfghijklmnopqrstu";
        for (at, _) in plain.char_indices() {
            let (head, tail) = plain.split_at(at);
            let v = p(&format!("\"{head}\\n{tail}\"")).unwrap();
            assert_eq!(v.as_str(), Some(format!("{head}\n{tail}").as_str()));
            let v = p(&format!("\"{head}\\\"{tail}\"")).unwrap();
            assert_eq!(v.as_str(), Some(format!("{head}\"{tail}").as_str()));
            let e = p(&format!("\"{head}\u{1f}{tail}\"")).unwrap_err();
            assert_eq!(e.code(), "SYNTAX_ERROR");
            assert_eq!(e.location.offset, Some(1 + at as u64));
            let e = p(&format!("\"{head}")).unwrap_err();
            assert_eq!(e.location.offset, Some(1 + at as u64));
        }
        assert_eq!(
            p("\"\u{7f}\u{80}\"").unwrap().as_str(),
            Some("\u{7f}\u{80}")
        );
    }

    #[test]
    fn bom_is_skipped() {
        assert_eq!(
            parse(b"\xEF\xBB\xBF{}", &Limits::default()).unwrap(),
            Value::object()
        );
    }
}
