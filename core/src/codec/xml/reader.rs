//! The XML-EDI reader: quick-xml's streaming parser drives an explicit stack of open
//! elements; each element becomes a [`Value`] when it closes (see [`super::convert`]).
//!
//! Safety is by construction: a DOCTYPE is refused as soon as it is seen (so no DTD, no
//! entity declaration and no external entity is ever looked at), entity references other
//! than the five predefined ones are refused, and depth, element count, text size and input
//! size are checked before anything grows.

use super::MEMBERS_PI;
use super::convert::{Child, Frame, Ty, finish};
use super::ctx::Ctx;
use super::lexical::{attr_value, check_decl, resolve_reference};
use super::names::{camel_from_pascal, first_illegal, is_xml_space};
use crate::codec::json_read;
use crate::error::{Error, ErrorKind, Location, Result};
use crate::format::Format;
use crate::message::Message;
use crate::options::{ReadMode, ReadOptions};
use crate::report::{Issue, Level};
use crate::value::{Map, Value};
use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

/// Root element names accepted besides `lex` (tolerant mode, with a warning).
const ROOT_ALIASES: [&str; 3] = ["LEX", "LEXMessage", "ALXMessage"];

/// The most attributes accepted on one element (XML-EDI uses at most three; the limit keeps
/// the duplicate-attribute check linear).
const MAX_ATTRIBUTES: usize = 64;

/// Restores the members beside `lex` carried by a `<?lex-members {json}?>` (see
/// [`MEMBERS_PI`]): a JSON object whose keys are not `lex` and appear once in the document.
fn members_pi(content: &[u8], after: bool, ctx: &mut Ctx<'_>, pos: usize) -> Result<()> {
    let members = match json_read::parse(content.trim_ascii(), &ctx.limits) {
        Ok(Value::Object(m)) => m,
        Ok(_) => {
            return Err(ctx.err(
                ErrorKind::Syntax,
                format!("<?{MEMBERS_PI}?> must hold a JSON object"),
                pos,
            ));
        }
        Err(e) => {
            return Err(ctx.err(
                ErrorKind::Syntax,
                format!("<?{MEMBERS_PI}?> is not valid JSON: {}", e.message),
                pos,
            ));
        }
    };
    for (k, v) in members {
        if k == "lex" || ctx.members_before.contains_key(&k) || ctx.members_after.contains_key(&k) {
            return Err(ctx.err(
                ErrorKind::DuplicateKey,
                format!("<?{MEMBERS_PI}?> repeats the top-level member {k:?}"),
                pos,
            ));
        }
        let side = if after {
            &mut ctx.members_after
        } else {
            &mut ctx.members_before
        };
        side.insert(k, v);
    }
    Ok(())
}

/// Reads one XML-EDI document.
pub fn read(input: &[u8], opts: &ReadOptions) -> Result<Vec<Message>> {
    let limits = opts.limits;
    limits.check_input_size(input)?;
    let text = std::str::from_utf8(input).map_err(|e| {
        Error::at(
            ErrorKind::InvalidEncoding,
            "input is not valid UTF-8 (XML-EDI is read as UTF-8 only)",
            Location::at_offset(input, e.valid_up_to()),
        )
    })?;
    let (text, base) = match text.strip_prefix('\u{FEFF}') {
        Some(rest) => (rest, 3),
        None => (text, 0),
    };
    let mut ctx = Ctx::new(input, base, opts.mode == ReadMode::Strict, limits);
    if base == 3 {
        ctx.issues.push(Issue::new(
            Level::Warning,
            "BOM_STRIPPED",
            "",
            "",
            "a UTF-8 byte-order mark at the start of the input was ignored",
        ));
    }
    if let Some((i, c)) = first_illegal(text) {
        return Err(ctx.err(
            ErrorKind::Syntax,
            format!("character U+{:04X} is not allowed in XML 1.0", c as u32),
            i,
        ));
    }
    let lex = parse_events(text, &mut ctx)?;
    ctx.summarise();
    let mut root = std::mem::take(&mut ctx.members_before);
    root.insert("lex".into(), Value::Object(lex));
    root.extend(std::mem::take(&mut ctx.members_after));
    Message::from_value_with_issues(Value::Object(root), Format::Xml, ctx.issues).map(|m| vec![m])
}

fn parse_events(text: &str, ctx: &mut Ctx<'_>) -> Result<Map> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().check_comments = true;
    let mut stack: Vec<Frame> = Vec::new();
    let mut nodes = 0usize;
    let mut result: Option<Map> = None;
    let mut seen_decl_or_content = false;
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| {
            ctx.err(
                ErrorKind::Syntax,
                format!("malformed XML: {e}"),
                reader.error_position() as usize,
            )
        })?;
        match event {
            Event::Decl(d) => {
                if seen_decl_or_content {
                    return Err(ctx.err(
                        ErrorKind::Syntax,
                        "the XML declaration must come first",
                        pos,
                    ));
                }
                check_decl(&d, ctx, pos)?;
            }
            Event::DocType(_) => {
                return Err(ctx.err(
                    ErrorKind::ForbiddenConstruct,
                    "a DOCTYPE is not allowed: DTDs and entity declarations are never processed",
                    pos,
                ));
            }
            Event::Start(e) | Event::Empty(e) if result.is_some() => {
                let _ = e;
                return Err(ctx.err(ErrorKind::Syntax, "content after the root element", pos));
            }
            Event::Start(e) => {
                nodes += 1;
                let frame = open(&e, &stack, ctx, pos, nodes)?;
                stack.push(frame);
            }
            Event::Empty(e) => {
                nodes += 1;
                let frame = open(&e, &stack, ctx, pos, nodes)?;
                close(frame, &mut stack, ctx, &mut result)?;
            }
            Event::End(_) => {
                let frame = stack.pop().ok_or_else(|| {
                    ctx.err(ErrorKind::Syntax, "end tag without a start tag", pos)
                })?;
                close(frame, &mut stack, ctx, &mut result)?;
            }
            Event::Text(t) => {
                let s = t.xml10_content().map_err(|e| {
                    ctx.err(ErrorKind::InvalidEncoding, format!("bad text: {e}"), pos)
                })?;
                add_text(&s, &mut stack, ctx, pos)?;
            }
            Event::CData(t) => {
                let s = t.xml10_content().map_err(|e| {
                    ctx.err(ErrorKind::InvalidEncoding, format!("bad CDATA: {e}"), pos)
                })?;
                if stack.is_empty() {
                    return Err(ctx.err(ErrorKind::Syntax, "CDATA outside the root element", pos));
                }
                add_text(&s, &mut stack, ctx, pos)?;
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let c = resolve_reference(&name, ctx, pos)?;
                if stack.is_empty() {
                    return Err(ctx.err(
                        ErrorKind::Syntax,
                        "a reference outside the root element",
                        pos,
                    ));
                }
                add_text(c.encode_utf8(&mut [0u8; 4]), &mut stack, ctx, pos)?;
            }
            Event::PI(pi) if pi.target() == MEMBERS_PI.as_bytes() => {
                if !stack.is_empty() {
                    return Err(ctx.err(
                        ErrorKind::Syntax,
                        format!("<?{MEMBERS_PI}?> must be outside the root element"),
                        pos,
                    ));
                }
                let after = result.is_some();
                members_pi(pi.content(), after, ctx, pos)?;
            }
            Event::Comment(_) | Event::PI(_) => {}
            Event::Eof => {
                if let Some(open) = stack.last() {
                    return Err(ctx.err(
                        ErrorKind::Syntax,
                        format!("unexpected end of input: <{}> is not closed", open.name),
                        text.len(),
                    ));
                }
                return result.ok_or_else(|| {
                    if text.chars().all(is_xml_space) {
                        ctx.err(ErrorKind::EmptyInput, "the input is empty", 0)
                    } else {
                        ctx.err(ErrorKind::Syntax, "the document has no root element", 0)
                    }
                });
            }
        }
        seen_decl_or_content = true;
    }
}

fn add_text(s: &str, stack: &mut [Frame], ctx: &Ctx<'_>, pos: usize) -> Result<()> {
    let Some(top) = stack.last_mut() else {
        if s.chars().all(is_xml_space) {
            return Ok(());
        }
        return Err(ctx.err(ErrorKind::Syntax, "text outside the root element", pos));
    };
    if top.children.is_empty() {
        if top.text.len() + s.len() > ctx.limits.max_string_bytes {
            return Err(ctx.err(
                ErrorKind::TokenLimit,
                format!(
                    "text of <{}> is longer than the limit of {} bytes",
                    top.name, ctx.limits.max_string_bytes
                ),
                pos,
            ));
        }
        top.text.push_str(s);
    } else if !s.chars().all(is_xml_space) && top.mixed.is_none() {
        top.mixed = Some(s.chars().take(80).collect());
    }
    Ok(())
}

/// Opens an element: checks limits, reads its attributes and resolves its member name.
fn open(
    e: &BytesStart<'_>,
    stack: &[Frame],
    ctx: &mut Ctx<'_>,
    pos: usize,
    nodes: usize,
) -> Result<Frame> {
    if stack.len() + 1 > ctx.limits.max_depth {
        return Err(ctx.err(
            ErrorKind::DepthLimit,
            format!(
                "elements nested deeper than the limit of {}",
                ctx.limits.max_depth
            ),
            pos,
        ));
    }
    if nodes > ctx.limits.max_nodes {
        return Err(ctx.err(
            ErrorKind::CountLimit,
            format!("more than {} elements", ctx.limits.max_nodes),
            pos,
        ));
    }
    // The text is valid UTF-8, so these borrow (no allocation per element name).
    let qname_bytes = e.name();
    let qname = String::from_utf8_lossy(qname_bytes.as_ref());
    let name: &str = match qname.rsplit_once(':') {
        Some((_, local)) => {
            report_namespace(ctx, &qname, pos)?;
            local
        }
        None => &qname,
    };
    let is_root = stack.is_empty();
    let mut frame = Frame::new(name.to_string(), pos, is_root);
    let mut k: Option<String> = None;
    let mut kj: Option<String> = None;
    for (i, attr) in e.attributes().with_checks(true).enumerate() {
        if i >= MAX_ATTRIBUTES {
            return Err(ctx.err(
                ErrorKind::CountLimit,
                format!("more than {MAX_ATTRIBUTES} attributes on one element"),
                pos,
            ));
        }
        let attr = attr.map_err(|err| {
            ctx.err(
                ErrorKind::Syntax,
                format!("malformed attribute: {err}"),
                pos,
            )
        })?;
        let aname = String::from_utf8_lossy(attr.key.as_ref());
        if aname == "xmlns" || aname.starts_with("xmlns:") {
            report_namespace(ctx, &aname, pos)?;
            continue;
        }
        let value = attr_value(&attr.value, ctx, pos)?;
        let local = aname.rsplit_once(':').map_or(&*aname, |(_, l)| l);
        match (local, aname.contains(':')) {
            ("t", false) if !is_root => frame.ty = Some(Ty::parse(&value, ctx, pos)?),
            ("k", false) if name == "_" => k = Some(value),
            ("kj", false) if name == "_" => kj = Some(value),
            ("version", false) if is_root => frame.version = Some(value),
            ("nil", true) if !is_root => frame.nil = value == "true" || value == "1",
            ("name", false) if name.eq_ignore_ascii_case("field") => frame.field_name = Some(value),
            ("algorithm", false) if name.eq_ignore_ascii_case("checksum") => {
                frame.algorithm = Some(value)
            }
            _ => {
                let pointer = super::convert::pointer(stack, Some(&frame.name));
                ctx.normalised(
                    "XML_ATTRIBUTE_IGNORED",
                    &pointer,
                    format!(
                        "attribute {aname}=\"{}\" on <{qname}> has no meaning in XML-EDI and was ignored",
                        value.chars().take(80).collect::<String>()
                    ),
                    pos,
                )?;
            }
        }
    }
    if is_root {
        if name != "lex" {
            if !ROOT_ALIASES.contains(&name) {
                return Err(ctx.err(
                    ErrorKind::NotAMessage,
                    format!("the root element must be <lex>, not <{qname}>"),
                    pos,
                ));
            }
            ctx.normalised(
                "XML_ROOT_RENAMED",
                "/lex",
                format!("root element <{name}> was read as <lex>"),
                pos,
            )?;
        }
        frame.key = "lex".into();
        return Ok(frame);
    }
    frame.key = resolve_key(name, k, kj, stack, ctx, pos)?;
    Ok(frame)
}

fn resolve_key(
    name: &str,
    k: Option<String>,
    kj: Option<String>,
    stack: &[Frame],
    ctx: &mut Ctx<'_>,
    pos: usize,
) -> Result<String> {
    let parent = stack.last();
    if parent.is_some_and(|p| p.ty == Some(Ty::Array)) {
        if name != "item" {
            let pointer = super::convert::pointer(stack, Some("item"));
            ctx.normalised(
                "XML_ARRAY_ITEM_NAME",
                &pointer,
                format!("array member <{name}> was read as <item>"),
                pos,
            )?;
        }
        return Ok("item".into());
    }
    if let Some(k) = k {
        return Ok(k);
    }
    if let Some(kj) = kj {
        return match crate::codec::json_read::parse(kj.as_bytes(), &ctx.limits) {
            Ok(Value::String(s)) => Ok(s),
            _ => Err(ctx.err(
                ErrorKind::Syntax,
                "attribute kj must hold a JSON string literal",
                pos,
            )),
        };
    }
    if name == "_" {
        return Ok("_".into());
    }
    // The PascalCase variant is recognised from the first child of the root.
    if stack.len() == 1 && ctx.pascal.is_none() {
        ctx.pascal = Some(name.starts_with(|c: char| c.is_ascii_uppercase()));
    }
    if ctx.pascal != Some(true) {
        return Ok(name.to_string());
    }
    let camel = camel_from_pascal(name);
    if camel != name && ctx.renamed.insert(name.to_string()) {
        let pointer = super::convert::pointer(stack, Some(&camel));
        ctx.normalised(
            "XML_NAME_NORMALIZED",
            &pointer,
            format!("element <{name}> was read as \"{camel}\""),
            pos,
        )?;
    }
    Ok(camel)
}

fn report_namespace(ctx: &mut Ctx<'_>, what: &str, pos: usize) -> Result<()> {
    if ctx.namespaces_reported {
        return Ok(());
    }
    ctx.namespaces_reported = true;
    ctx.normalised(
        "XML_NAMESPACE_IGNORED",
        "",
        format!("namespaces are ignored (found \"{what}\"); names are matched by local name"),
        pos,
    )
}

/// Closes an element: converts it and hands the value to its parent (or keeps the root).
fn close(
    mut frame: Frame,
    stack: &mut [Frame],
    ctx: &mut Ctx<'_>,
    result: &mut Option<Map>,
) -> Result<()> {
    // `finish` reads neither the key from the frame nor the field name: move them out.
    let key = std::mem::take(&mut frame.key);
    let offset = frame.offset;
    let field_name = frame.field_name.take();
    let name = frame.name.clone();
    let value = finish(frame, &key, stack, ctx)?;
    match stack.last_mut() {
        Some(parent) => {
            if !parent.text.is_empty() && parent.children.is_empty() {
                let t = std::mem::take(&mut parent.text);
                if !t.chars().all(is_xml_space) {
                    parent.mixed = Some(t.chars().take(80).collect());
                }
            }
            parent.children.push(Child {
                key,
                value,
                offset,
                name,
                field_name,
            });
        }
        None => match value {
            Some(Value::Object(m)) => *result = Some(m),
            _ => {
                return Err(ctx.err(
                    ErrorKind::NotAMessage,
                    "the root element must hold the envelope's members",
                    offset,
                ));
            }
        },
    }
    Ok(())
}
