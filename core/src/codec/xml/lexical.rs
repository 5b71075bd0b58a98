//! XML lexical details the reader handles itself: the XML declaration, references (only
//! character references and the five predefined entities, never anything else) and
//! attribute values (attribute-value normalisation, then references).

use super::ctx::Ctx;
use super::names::is_xml_illegal;
use crate::error::{ErrorKind, Result};

/// Checks the XML declaration: version 1.0, UTF-8 (or its ASCII subset).
pub(super) fn check_decl(
    d: &quick_xml::events::BytesDecl<'_>,
    ctx: &Ctx<'_>,
    pos: usize,
) -> Result<()> {
    let version = d
        .version()
        .map_err(|e| ctx.err(ErrorKind::Syntax, format!("bad XML declaration: {e}"), pos))?;
    if version.as_ref() != b"1.0" {
        return Err(ctx.err(
            ErrorKind::Syntax,
            format!(
                "XML version {} is not supported (XML-EDI is XML 1.0)",
                String::from_utf8_lossy(&version)
            ),
            pos,
        ));
    }
    if let Some(enc) = d.encoding() {
        let enc = enc.map_err(|e| ctx.err(ErrorKind::Syntax, format!("bad encoding: {e}"), pos))?;
        let name = String::from_utf8_lossy(&enc).to_ascii_lowercase();
        if !matches!(name.as_str(), "utf-8" | "utf8" | "us-ascii" | "ascii") {
            return Err(ctx.err(
                ErrorKind::InvalidEncoding,
                format!("encoding \"{name}\" is not supported (XML-EDI is UTF-8)"),
                pos,
            ));
        }
    }
    Ok(())
}

/// Resolves a character reference or one of the five predefined entities; anything else is
/// refused (never looked up, never expanded).
pub(super) fn resolve_reference(name: &str, ctx: &Ctx<'_>, pos: usize) -> Result<char> {
    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ if name.starts_with('#') => {
            let digits = &name[1..];
            let code = match digits.strip_prefix('x') {
                Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                    u32::from_str_radix(hex, 16).ok()
                }
                None if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) => {
                    digits.parse::<u32>().ok()
                }
                _ => None,
            };
            match code.and_then(char::from_u32) {
                Some(c) if c != '\0' && !is_xml_illegal(c) => c,
                _ => {
                    return Err(ctx.err(
                        ErrorKind::Syntax,
                        format!("&{name}; is not a legal XML 1.0 character reference"),
                        pos,
                    ));
                }
            }
        }
        _ => {
            return Err(ctx.err(
                ErrorKind::ForbiddenConstruct,
                format!(
                    "entity reference &{name}; is not allowed: only the five predefined entities and character references are read, no entity is ever expanded"
                ),
                pos,
            ));
        }
    };
    Ok(c)
}

/// Reads an attribute value: literal TAB/LF/CR become spaces (attribute-value
/// normalisation), then the predefined entities and character references are resolved.
pub(super) fn attr_value(raw: &[u8], ctx: &Ctx<'_>, pos: usize) -> Result<String> {
    let raw = String::from_utf8_lossy(raw);
    let normalized = raw.replace("\r\n", " ").replace(['\t', '\n', '\r'], " ");
    let mut out = String::with_capacity(normalized.len());
    let mut rest = normalized.as_str();
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';') else {
            return Err(ctx.err(
                ErrorKind::Syntax,
                "unterminated reference in an attribute",
                pos,
            ));
        };
        out.push(resolve_reference(&after[..semi], ctx, pos)?);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    if out.len() > ctx.limits.max_string_bytes {
        return Err(ctx.err(ErrorKind::TokenLimit, "attribute value too long", pos));
    }
    Ok(out)
}
