//! Character sets by syntax identifier (UNB S001/0001): decoding and repertoire checks.
//!
//! | id | repertoire | bytes |
//! |---|---|---|
//! | UNOA | upper-case letters, digits, space, `. , - ( ) / = ' + : ? ! " % & * ; < >` | ASCII |
//! | UNOB | UNOA plus lower-case letters and `# @ [ ] { } \ | ~ ^ _ $` and the back-quote | ASCII |
//! | UNOC / UNOD / UNOE / UNOF | ISO 8859-1 / -2 / -5 / -7 (printable) | one byte per character |
//! | UNOW / UNOY | ISO 10646 | UTF-8 |
//!
//! A translator that declares UNOC but sends UTF-8 is common: when the bytes of an
//! interchange declared as an 8-bit set are valid UTF-8 with non-ASCII characters, they are
//! decoded as UTF-8 and the reader reports it. The three ISO 8859 tables below (96 code
//! points each) are data generated once from the ISO 8859 definitions; a dependency on a
//! general-purpose encoding crate was not worth three small tables.

/// A character repertoire selected by the syntax identifier.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Charset {
    /// UNOA: level A (upper case, digits, a few punctuation marks).
    A,
    /// UNOB: level B (adds lower case and more punctuation).
    B,
    /// UNOC: ISO 8859-1.
    C,
    /// UNOD: ISO 8859-2.
    D,
    /// UNOE: ISO 8859-5.
    E,
    /// UNOF: ISO 8859-7.
    F,
    /// UNOW: UTF-8 (syntax 4).
    W,
    /// UNOY: ISO 10646, read and written as UTF-8 (syntax 4).
    Y,
}

impl Charset {
    /// The charset of a syntax identifier (`UNOC`), `None` for unknown ones (`IATB`).
    pub fn from_syntax_id(id: &str) -> Option<Charset> {
        Some(match id {
            "UNOA" => Charset::A,
            "UNOB" => Charset::B,
            "UNOC" => Charset::C,
            "UNOD" => Charset::D,
            "UNOE" => Charset::E,
            "UNOF" => Charset::F,
            "UNOW" => Charset::W,
            "UNOY" => Charset::Y,
            _ => return None,
        })
    }

    /// The syntax identifier (`UNOC`).
    pub fn syntax_id(self) -> &'static str {
        match self {
            Charset::A => "UNOA",
            Charset::B => "UNOB",
            Charset::C => "UNOC",
            Charset::D => "UNOD",
            Charset::E => "UNOE",
            Charset::F => "UNOF",
            Charset::W => "UNOW",
            Charset::Y => "UNOY",
        }
    }

    /// True for the two ASCII levels, which cannot carry JSON text (the payload is base32).
    pub fn is_restricted(self) -> bool {
        matches!(self, Charset::A | Charset::B)
    }

    /// True for the UTF-8 sets, which need syntax version 4.
    pub fn is_unicode(self) -> bool {
        matches!(self, Charset::W | Charset::Y)
    }

    /// True when `c` belongs to the repertoire (control characters never do).
    pub fn allows(self, c: char) -> bool {
        if c.is_control() {
            return false;
        }
        match self {
            Charset::A => c.is_ascii_uppercase() || c.is_ascii_digit() || LEVEL_A_MARKS.contains(c),
            Charset::B => {
                c.is_ascii_alphanumeric() || LEVEL_A_MARKS.contains(c) || LEVEL_B_MARKS.contains(c)
            }
            Charset::C => (c as u32) < 0x100,
            Charset::D | Charset::E | Charset::F => {
                c.is_ascii()
                    || (u16::try_from(c as u32).is_ok_and(|cp| {
                        cp != 0 && high_table(self).is_some_and(|t| t.contains(&cp))
                    }))
            }
            Charset::W | Charset::Y => true,
        }
    }

    /// Decodes one byte of an 8-bit set (`None` for a byte with no character).
    fn decode_byte(self, b: u8) -> Option<char> {
        if b < 0x80 {
            return Some(b as char);
        }
        match self {
            Charset::C => Some(b as char),
            Charset::D | Charset::E | Charset::F => {
                let t = high_table(self)?;
                let cp = *t.get(usize::from(b.checked_sub(0xA0)?))?;
                if cp == 0 {
                    None
                } else {
                    char::from_u32(u32::from(cp))
                }
            }
            _ => None,
        }
    }
}

const LEVEL_A_MARKS: &str = " .,-()/='+:?!\"%&*;<>";
const LEVEL_B_MARKS: &str = "#@[]{}\\|~^_$`";

fn high_table(c: Charset) -> Option<&'static [u16; 96]> {
    match c {
        Charset::D => Some(&ISO_8859_2),
        Charset::E => Some(&ISO_8859_5),
        Charset::F => Some(&ISO_8859_7),
        _ => None,
    }
}

/// How an interchange's bytes were turned into text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decoding {
    /// As declared.
    Declared,
    /// Declared as an 8-bit set, but the bytes are UTF-8 with non-ASCII characters.
    Utf8Instead,
    /// The syntax identifier is unknown: read as UTF-8.
    UnknownUtf8,
    /// The syntax identifier is unknown and the bytes are not UTF-8: read as ISO 8859-1.
    UnknownLatin1,
}

/// Chooses how to decode `bytes` (a whole interchange) declared with `charset`.
pub fn choose(bytes: &[u8], charset: Option<Charset>) -> Decoding {
    let utf8 = std::str::from_utf8(bytes).is_ok();
    match charset {
        Some(Charset::W | Charset::Y) => Decoding::Declared,
        Some(Charset::A | Charset::B) => Decoding::Declared,
        Some(_) if utf8 && !bytes.is_ascii() => Decoding::Utf8Instead,
        Some(_) => Decoding::Declared,
        None if utf8 => Decoding::UnknownUtf8,
        None => Decoding::UnknownLatin1,
    }
}

/// True when the bytes are read as UTF-8 (else byte by byte in an 8-bit set).
fn reads_utf8(charset: Option<Charset>, how: Decoding) -> bool {
    match how {
        Decoding::Utf8Instead | Decoding::UnknownUtf8 => true,
        Decoding::UnknownLatin1 => false,
        Decoding::Declared => matches!(charset, Some(Charset::W | Charset::Y)),
    }
}

#[cfg(test)]
/// [`decode`] for bytes the caller owns: text that needs no conversion (UTF-8 read as
/// UTF-8, ASCII under any set) keeps the buffer instead of being copied.
pub fn decode_owned(bytes: Vec<u8>, charset: Option<Charset>, how: Decoding) -> (String, bool) {
    if reads_utf8(charset, how) || bytes.is_ascii() {
        match String::from_utf8(bytes) {
            Ok(s) => (s, false),
            Err(e) => decode(e.as_bytes(), charset, how),
        }
    } else {
        decode(&bytes, charset, how)
    }
}

#[cfg(test)]
/// Decodes one component's bytes. Returns the text and whether a byte could not be decoded
/// (replaced by U+FFFD).
pub fn decode(bytes: &[u8], charset: Option<Charset>, how: Decoding) -> (String, bool) {
    let utf8 = reads_utf8(charset, how);
    if utf8 {
        return match std::str::from_utf8(bytes) {
            Ok(s) => (s.to_string(), false),
            Err(_) => (String::from_utf8_lossy(bytes).into_owned(), true),
        };
    }
    if let Ok(ascii) = std::str::from_utf8(bytes) {
        if ascii.is_ascii() {
            return (ascii.to_string(), false);
        }
    }
    let set = match (how, charset) {
        (Decoding::UnknownLatin1, _) | (_, None) => Charset::C,
        (_, Some(c)) => c,
    };
    let mut bad = false;
    let text = bytes
        .iter()
        .map(|&b| {
            set.decode_byte(b).unwrap_or_else(|| {
                bad = true;
                '\u{FFFD}'
            })
        })
        .collect();
    (text, bad)
}

/// Like [`decode`], appending the text to `out` instead of allocating it.
pub fn decode_into(
    bytes: &[u8],
    charset: Option<Charset>,
    how: Decoding,
    out: &mut String,
) -> bool {
    let utf8 = reads_utf8(charset, how);
    if let Ok(s) = std::str::from_utf8(bytes) {
        if utf8 || s.is_ascii() {
            out.push_str(s);
            return false;
        }
    } else if utf8 {
        out.push_str(&String::from_utf8_lossy(bytes));
        return true;
    }
    let set = match (how, charset) {
        (Decoding::UnknownLatin1, _) | (_, None) => Charset::C,
        (_, Some(c)) => c,
    };
    let mut bad = false;
    out.extend(bytes.iter().map(|&b| {
        set.decode_byte(b).unwrap_or_else(|| {
            bad = true;
            '\u{FFFD}'
        })
    }));
    bad
}

/// The first character of `s` outside the repertoire, with its character index.
pub fn first_violation(s: &str, charset: Charset) -> Option<(usize, char)> {
    s.chars().enumerate().find(|(_, c)| !charset.allows(*c))
}

/// ISO 8859-2, bytes 0xA0..=0xFF.
static ISO_8859_2: [u16; 96] = [
    0x00A0, 0x0104, 0x02D8, 0x0141, 0x00A4, 0x013D, 0x015A, 0x00A7, 0x00A8, 0x0160, 0x015E, 0x0164,
    0x0179, 0x00AD, 0x017D, 0x017B, 0x00B0, 0x0105, 0x02DB, 0x0142, 0x00B4, 0x013E, 0x015B, 0x02C7,
    0x00B8, 0x0161, 0x015F, 0x0165, 0x017A, 0x02DD, 0x017E, 0x017C, 0x0154, 0x00C1, 0x00C2, 0x0102,
    0x00C4, 0x0139, 0x0106, 0x00C7, 0x010C, 0x00C9, 0x0118, 0x00CB, 0x011A, 0x00CD, 0x00CE, 0x010E,
    0x0110, 0x0143, 0x0147, 0x00D3, 0x00D4, 0x0150, 0x00D6, 0x00D7, 0x0158, 0x016E, 0x00DA, 0x0170,
    0x00DC, 0x00DD, 0x0162, 0x00DF, 0x0155, 0x00E1, 0x00E2, 0x0103, 0x00E4, 0x013A, 0x0107, 0x00E7,
    0x010D, 0x00E9, 0x0119, 0x00EB, 0x011B, 0x00ED, 0x00EE, 0x010F, 0x0111, 0x0144, 0x0148, 0x00F3,
    0x00F4, 0x0151, 0x00F6, 0x00F7, 0x0159, 0x016F, 0x00FA, 0x0171, 0x00FC, 0x00FD, 0x0163, 0x02D9,
];

/// ISO 8859-5, bytes 0xA0..=0xFF.
static ISO_8859_5: [u16; 96] = [
    0x00A0, 0x0401, 0x0402, 0x0403, 0x0404, 0x0405, 0x0406, 0x0407, 0x0408, 0x0409, 0x040A, 0x040B,
    0x040C, 0x00AD, 0x040E, 0x040F, 0x0410, 0x0411, 0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417,
    0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423,
    0x0424, 0x0425, 0x0426, 0x0427, 0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F,
    0x0430, 0x0431, 0x0432, 0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B,
    0x043C, 0x043D, 0x043E, 0x043F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447,
    0x0448, 0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F, 0x2116, 0x0451, 0x0452, 0x0453,
    0x0454, 0x0455, 0x0456, 0x0457, 0x0458, 0x0459, 0x045A, 0x045B, 0x045C, 0x00A7, 0x045E, 0x045F,
];

/// ISO 8859-7, bytes 0xA0..=0xFF (0 = no character).
static ISO_8859_7: [u16; 96] = [
    0x00A0, 0x2018, 0x2019, 0x00A3, 0x20AC, 0x20AF, 0x00A6, 0x00A7, 0x00A8, 0x00A9, 0x037A, 0x00AB,
    0x00AC, 0x00AD, 0x0000, 0x2015, 0x00B0, 0x00B1, 0x00B2, 0x00B3, 0x0384, 0x0385, 0x0386, 0x00B7,
    0x0388, 0x0389, 0x038A, 0x00BB, 0x038C, 0x00BD, 0x038E, 0x038F, 0x0390, 0x0391, 0x0392, 0x0393,
    0x0394, 0x0395, 0x0396, 0x0397, 0x0398, 0x0399, 0x039A, 0x039B, 0x039C, 0x039D, 0x039E, 0x039F,
    0x03A0, 0x03A1, 0x0000, 0x03A3, 0x03A4, 0x03A5, 0x03A6, 0x03A7, 0x03A8, 0x03A9, 0x03AA, 0x03AB,
    0x03AC, 0x03AD, 0x03AE, 0x03AF, 0x03B0, 0x03B1, 0x03B2, 0x03B3, 0x03B4, 0x03B5, 0x03B6, 0x03B7,
    0x03B8, 0x03B9, 0x03BA, 0x03BB, 0x03BC, 0x03BD, 0x03BE, 0x03BF, 0x03C0, 0x03C1, 0x03C2, 0x03C3,
    0x03C4, 0x03C5, 0x03C6, 0x03C7, 0x03C8, 0x03C9, 0x03CA, 0x03CB, 0x03CC, 0x03CD, 0x03CE, 0x0000,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repertoires() {
        assert!(Charset::A.allows('A') && !Charset::A.allows('a') && !Charset::A.allows('@'));
        assert!(Charset::B.allows('a') && Charset::B.allows('@') && !Charset::B.allows('é'));
        assert!(Charset::C.allows('é') && !Charset::C.allows('Ł'));
        assert!(Charset::D.allows('Ł') && !Charset::D.allows('Ж'));
        assert!(Charset::E.allows('Ж') && Charset::F.allows('Ω'));
        assert!(Charset::W.allows('😀') && !Charset::W.allows('\u{7}'));
    }

    #[test]
    fn decodes_8bit_sets_and_prefers_utf8() {
        let (s, bad) = decode(b"Jos\xE9", Some(Charset::C), Decoding::Declared);
        assert_eq!((s.as_str(), bad), ("José", false));
        let (s, _) = decode(b"\xA3\xF3d\xBC", Some(Charset::D), Decoding::Declared);
        assert_eq!(s, "Łódź");
        assert_eq!(
            choose("José".as_bytes(), Some(Charset::C)),
            Decoding::Utf8Instead
        );
        assert_eq!(choose(b"Jos\xE9", Some(Charset::C)), Decoding::Declared);
        assert_eq!(choose(b"Jos\xE9", None), Decoding::UnknownLatin1);
        let (_, bad) = decode(b"\xAE", Some(Charset::F), Decoding::Declared);
        assert!(bad);
        for (bytes, cs, how) in [
            (&b"Jos\xE9"[..], Some(Charset::C), Decoding::Declared),
            (b"plain", Some(Charset::A), Decoding::Declared),
            ("José".as_bytes(), Some(Charset::C), Decoding::Utf8Instead),
            (b"Jos\xE9", Some(Charset::W), Decoding::Declared),
            (b"Jos\xE9", None, Decoding::UnknownLatin1),
            (b"\xAE", Some(Charset::F), Decoding::Declared),
        ] {
            assert_eq!(
                decode_owned(bytes.to_vec(), cs, how),
                decode(bytes, cs, how)
            );
        }
    }
}
