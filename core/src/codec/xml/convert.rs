//! Turning a closed element into a [`Value`]: the canonical typing of §1.4 and, in tolerant
//! mode, the heuristics for the variants of §1.5 (each reported through
//! [`Ctx::normalised`], which makes it an error in strict mode).

use super::ctx::Ctx;
use super::names::{LeafType, is_schema_array, is_xml_space, untyped_leaf_type};
use crate::error::{ErrorKind, Result};
use crate::value::{Map, Number, Value, escape_pointer_token};
use std::collections::HashSet;

/// The `t` attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Ty {
    String,
    Number,
    Boolean,
    Null,
    Object,
    Array,
    Json,
}

impl Ty {
    pub(super) fn parse(s: &str, ctx: &Ctx<'_>, pos: usize) -> Result<Ty> {
        Ok(match s {
            "string" => Ty::String,
            "number" => Ty::Number,
            "boolean" => Ty::Boolean,
            "null" => Ty::Null,
            "object" => Ty::Object,
            "array" => Ty::Array,
            "json" => Ty::Json,
            other => {
                return Err(ctx.err(
                    ErrorKind::Syntax,
                    format!("unknown type t=\"{other}\" (expected string, number, boolean, null, object, array or json)"),
                    pos,
                ));
            }
        })
    }
}

/// An open element.
#[derive(Debug)]
pub(super) struct Frame {
    /// The member name in the tree (`item` for array members, `lex` for the root).
    pub key: String,
    /// The local element name as written.
    pub name: String,
    /// Offset of the start tag in the parsed text.
    pub offset: usize,
    /// True for the root element.
    pub is_root: bool,
    /// The `t` attribute.
    pub ty: Option<Ty>,
    /// Text content (only kept while the element has no child element).
    pub text: String,
    /// The start of non-whitespace text found beside child elements.
    pub mixed: Option<String>,
    /// Converted child elements.
    pub children: Vec<Child>,
    /// `xsi:nil="true"`.
    pub nil: bool,
    /// `<Field name="…">`.
    pub field_name: Option<String>,
    /// `<Checksum algorithm="…">`.
    pub algorithm: Option<String>,
    /// Root attribute `version`.
    pub version: Option<String>,
}

impl Frame {
    pub(super) fn new(name: String, offset: usize, is_root: bool) -> Frame {
        Frame {
            key: String::new(),
            name,
            offset,
            is_root,
            ty: None,
            text: String::new(),
            mixed: None,
            children: Vec::new(),
            nil: false,
            field_name: None,
            algorithm: None,
            version: None,
        }
    }

    /// True when the children of this element are array members.
    fn holds_items(&self) -> bool {
        self.ty == Some(Ty::Array) || (self.ty.is_none() && is_schema_array(&self.key))
    }
}

/// A converted child element.
#[derive(Debug)]
pub(super) struct Child {
    pub key: String,
    /// `None` when the element stands for an absent member (an empty untyped element).
    pub value: Option<Value>,
    pub offset: usize,
    pub name: String,
    pub field_name: Option<String>,
}

/// The JSON pointer of an element whose ancestors are `stack`; `last` is the element's own
/// member name (or `None` for the innermost open element itself).
pub(super) fn pointer(stack: &[Frame], last: Option<&str>) -> String {
    let mut p = String::new();
    for (i, f) in stack.iter().enumerate() {
        let token = match i.checked_sub(1).and_then(|j| stack.get(j)) {
            Some(parent) if parent.holds_items() => parent.children.len().to_string(),
            _ => escape_pointer_token(&f.key),
        };
        p.push('/');
        p.push_str(&token);
    }
    if let Some(last) = last {
        p.push('/');
        match stack.last() {
            Some(parent) if parent.holds_items() => p.push_str(&parent.children.len().to_string()),
            _ => p.push_str(&escape_pointer_token(last)),
        }
    }
    p
}

/// Where a closing element sits: its ancestors and its member name.
pub(super) struct At<'s> {
    stack: &'s [Frame],
    key: &'s str,
    is_root: bool,
}

impl At<'_> {
    /// The element's JSON pointer.
    fn ptr(&self) -> String {
        if self.is_root {
            "/lex".into()
        } else {
            pointer(self.stack, Some(self.key))
        }
    }
}

/// Converts a closed element. `stack` holds its ancestors; `key` is the element's member
/// name (taken out of `frame.key` by the caller, so it is not copied per element).
pub(super) fn finish(
    frame: Frame,
    key: &str,
    stack: &[Frame],
    ctx: &mut Ctx<'_>,
) -> Result<Option<Value>> {
    // The pointer is only built when a warning or an error needs it.
    let at = At {
        stack,
        key,
        is_root: frame.is_root,
    };
    if let Some(m) = &frame.mixed {
        if frame.ty.is_some() && frame.ty != Some(Ty::Object) && frame.ty != Some(Ty::Array) {
            return Err(ctx.err(
                ErrorKind::Syntax,
                format!("<{}> has both text and child elements", frame.name),
                frame.offset,
            ));
        }
        ctx.normalised(
            "XML_MIXED_CONTENT",
            &at.ptr(),
            format!(
                "text \"{m}\" beside the child elements of <{}> was ignored",
                frame.name
            ),
            frame.offset,
        )?;
    }
    if frame.is_root {
        return root(frame, ctx).map(Some);
    }
    if frame.nil {
        if !frame.children.is_empty() || !frame.text.chars().all(is_xml_space) {
            return Err(ctx.err(
                ErrorKind::Syntax,
                "an element with xsi:nil=\"true\" must be empty",
                frame.offset,
            ));
        }
        ctx.normalised(
            "XML_NIL",
            &at.ptr(),
            format!("<{}> with xsi:nil was read as null", frame.name),
            frame.offset,
        )?;
        return Ok(Some(Value::Null));
    }
    if let Some(alg) = &frame.algorithm {
        if frame.ty.is_some() || !frame.children.is_empty() {
            ctx.normalised(
                "XML_ATTRIBUTE_IGNORED",
                &at.ptr(),
                format!(
                    "attribute algorithm=\"{alg}\" on <{}> was ignored (not a text checksum)",
                    frame.name
                ),
                frame.offset,
            )?;
        }
    }
    match frame.ty {
        Some(ty) => typed(frame, ty, &at, ctx).map(Some),
        None => untyped(frame, &at, ctx),
    }
}

fn leaf_only(frame: &Frame, ctx: &Ctx<'_>) -> Result<()> {
    if frame.children.is_empty() {
        Ok(())
    } else {
        Err(ctx.err(
            ErrorKind::Syntax,
            format!(
                "<{}> is typed as a scalar but has child elements",
                frame.name
            ),
            frame.offset,
        ))
    }
}

fn number(text: &str, frame: &Frame, ctx: &Ctx<'_>) -> Result<Value> {
    if text.chars().count() > ctx.limits.max_number_chars {
        return Err(ctx.err(
            ErrorKind::TokenLimit,
            format!(
                "number longer than the limit of {} characters",
                ctx.limits.max_number_chars
            ),
            frame.offset,
        ));
    }
    Number::from_lexeme(text).map(Value::Number).ok_or_else(|| {
        ctx.err(
            ErrorKind::Syntax,
            format!(
                "<{}> t=\"number\" holds \"{text}\", which is not a JSON number",
                frame.name
            ),
            frame.offset,
        )
    })
}

fn typed(frame: Frame, ty: Ty, at: &At<'_>, ctx: &mut Ctx<'_>) -> Result<Value> {
    let depth = at.stack.len() + 1;
    let blank = frame.text.chars().all(is_xml_space);
    match ty {
        Ty::String => leaf_only(&frame, ctx).map(|_| Value::String(frame.text)),
        Ty::Number => {
            leaf_only(&frame, ctx)?;
            number(&frame.text, &frame, ctx)
        }
        Ty::Boolean => {
            leaf_only(&frame, ctx)?;
            match frame.text.as_str() {
                "true" => Ok(Value::Bool(true)),
                "false" => Ok(Value::Bool(false)),
                other => Err(ctx.err(
                    ErrorKind::Syntax,
                    format!(
                        "<{}> t=\"boolean\" holds \"{other}\", not true or false",
                        frame.name
                    ),
                    frame.offset,
                )),
            }
        }
        Ty::Null if frame.children.is_empty() && blank => Ok(Value::Null),
        Ty::Null => Err(ctx.err(
            ErrorKind::Syntax,
            format!("<{}> t=\"null\" must be empty", frame.name),
            frame.offset,
        )),
        Ty::Json => {
            leaf_only(&frame, ctx)?;
            let mut limits = ctx.limits;
            // The JSON text nests below this element: only the remaining depth is allowed.
            limits.max_depth = limits.max_depth.saturating_sub(depth).max(1);
            crate::codec::json_read::parse(frame.text.as_bytes(), &limits).map_err(|e| {
                let kind = if e.kind.is_limit() {
                    e.kind
                } else {
                    ErrorKind::Syntax
                };
                ctx.err(
                    kind,
                    format!("<{}> t=\"json\": {}", frame.name, e.message),
                    frame.offset,
                )
            })
        }
        Ty::Object if frame.children.is_empty() && !blank => Err(ctx.err(
            ErrorKind::Syntax,
            format!("<{}> t=\"object\" holds text", frame.name),
            frame.offset,
        )),
        Ty::Object => object(frame.children, at, ctx).map(Value::Object),
        Ty::Array if frame.children.is_empty() && !blank => Err(ctx.err(
            ErrorKind::Syntax,
            format!("<{}> t=\"array\" holds text", frame.name),
            frame.offset,
        )),
        Ty::Array => items(frame.children, at, ctx).map(Value::Array),
    }
}

/// Reports a `<Field name="…">` attribute that was not used as a member name.
fn unused_field_name(c: &Child, at: &At<'_>, ctx: &mut Ctx<'_>) -> Result<()> {
    match &c.field_name {
        Some(n) => ctx.normalised(
            "XML_ATTRIBUTE_IGNORED",
            &at.ptr(),
            format!("attribute name=\"{n}\" on <{}> was ignored (its siblings are not all named fields)", c.name),
            c.offset,
        ),
        None => Ok(()),
    }
}

/// The values of array members (absent members skipped; they were reported already).
fn items(children: Vec<Child>, at: &At<'_>, ctx: &mut Ctx<'_>) -> Result<Vec<Value>> {
    let mut out = Vec::with_capacity(children.len());
    for c in children {
        unused_field_name(&c, at, ctx)?;
        out.extend(c.value);
    }
    Ok(out)
}

fn untyped(frame: Frame, at: &At<'_>, ctx: &mut Ctx<'_>) -> Result<Option<Value>> {
    let stack = at.stack;
    let name = frame.name.as_str();
    if !frame.children.is_empty() {
        let all_fields = frame
            .children
            .iter()
            .all(|c| c.name.eq_ignore_ascii_case("field") && c.field_name.is_some());
        if all_fields {
            ctx.normalised(
                "XML_FIELD_MAP",
                &at.ptr(),
                format!("<{name}> with <Field name=\"…\"> children was read as an object"),
                frame.offset,
            )?;
            let mut m = Map::default();
            for c in frame.children {
                if let (Some(k), Some(v)) = (c.field_name, c.value) {
                    if m.insert(k.clone(), v).is_some() {
                        return Err(ctx.err(
                            ErrorKind::DuplicateKey,
                            format!("field \"{k}\" appears twice"),
                            c.offset,
                        ));
                    }
                }
            }
            return Ok(Some(Value::Object(m)));
        }
        let same = frame.children.len() >= 2
            && frame
                .children
                .iter()
                .all(|c| c.key == frame.children[0].key);
        if is_schema_array(at.key) || same {
            let child = frame.children.first().map_or("", |c| c.name.as_str());
            ctx.normalised(
                "XML_WRAPPER_ARRAY",
                &at.ptr(),
                format!(
                    "<{name}> with {} <{child}> children was read as an array",
                    frame.children.len()
                ),
                frame.offset,
            )?;
            return items(frame.children, at, ctx).map(|v| Some(Value::Array(v)));
        }
        return object(frame.children, at, ctx).map(|m| Some(Value::Object(m)));
    }
    if let Some(alg) = &frame.algorithm {
        ctx.normalised(
            "XML_CHECKSUM",
            &at.ptr(),
            format!("<{name} algorithm=\"{alg}\"> was read as the string \"{alg}:…\""),
            frame.offset,
        )?;
        return Ok(Some(Value::String(format!("{alg}:{}", frame.text))));
    }
    if frame.text.chars().all(is_xml_space) {
        if is_schema_array(at.key) {
            ctx.normalised(
                "XML_EMPTY_ELEMENT",
                &at.ptr(),
                format!("empty <{name}> was read as an empty array (the schema says array)"),
                frame.offset,
            )?;
            return Ok(Some(Value::Array(Vec::new())));
        }
        ctx.normalised(
            "XML_EMPTY_ELEMENT",
            &at.ptr(),
            format!("empty <{name}> was read as an absent member"),
            frame.offset,
        )?;
        return Ok(None);
    }
    let parent = match stack.last() {
        Some(p) if p.ty == Some(Ty::Array) => None,
        Some(p) => Some(p.key.as_str()),
        None => None,
    };
    // An aliased name takes its canonical field's type (`<tradeIn><mileage>` is the integer
    // `tradeInMileage` once the aliases are applied).
    let typed_as = parent
        .and_then(|p| crate::normalize::canonical_key(p, at.key))
        .unwrap_or(at.key);
    match untyped_leaf_type(parent, typed_as, &frame.text) {
        LeafType::String => Ok(Some(Value::String(frame.text))),
        LeafType::Number => {
            let v = number(&frame.text, &frame, ctx)?;
            ctx.normalised(
                "XML_TYPE_INFERRED",
                &at.ptr(),
                format!(
                    "untyped <{name}>{}</{name}> was read as a number",
                    frame.text
                ),
                frame.offset,
            )?;
            Ok(Some(v))
        }
        LeafType::Boolean => {
            ctx.normalised(
                "XML_TYPE_INFERRED",
                &at.ptr(),
                format!(
                    "untyped <{name}>{}</{name}> was read as a boolean",
                    frame.text
                ),
                frame.offset,
            )?;
            Ok(Some(Value::Bool(frame.text == "true")))
        }
    }
}

/// Builds an object from child elements. Repeated names become an array (tolerant) or a
/// `DUPLICATE_KEY` error (strict).
fn object(children: Vec<Child>, at: &At<'_>, ctx: &mut Ctx<'_>) -> Result<Map> {
    let mut m = Map::default();
    let mut grouped: HashSet<String> = HashSet::new();
    for c in children {
        unused_field_name(&c, at, ctx)?;
        let Some(v) = c.value else { continue };
        let Some(existing) = m.get_mut(&c.key) else {
            m.insert(c.key, v);
            continue;
        };
        if ctx.strict {
            return Err(ctx.err(
                ErrorKind::DuplicateKey,
                format!(
                    "member \"{}\" appears twice (not canonical XML-EDI, strict mode)",
                    c.key
                ),
                c.offset,
            ));
        }
        if grouped.insert(c.key.clone()) {
            let first = std::mem::take(existing);
            *existing = Value::Array(vec![first, v]);
            let p = format!("{}/{}", at.ptr(), escape_pointer_token(&c.key));
            ctx.normalised(
                "XML_REPEATED_ELEMENTS",
                &p,
                format!("repeated <{}> elements were read as an array", c.name),
                c.offset,
            )?;
        } else if let Value::Array(items) = existing {
            items.push(v);
        }
    }
    Ok(m)
}

fn root(frame: Frame, ctx: &mut Ctx<'_>) -> Result<Value> {
    if frame.children.is_empty() && !frame.text.chars().all(is_xml_space) {
        return Err(ctx.err(
            ErrorKind::NotAMessage,
            "the root element holds text, not members",
            frame.offset,
        ));
    }
    let at = At {
        stack: &[],
        key: "lex",
        is_root: true,
    };
    let members = object(frame.children, &at, ctx)?;
    let Some(version) = frame.version else {
        return Ok(Value::Object(members));
    };
    if members.contains_key("version") {
        return Err(ctx.err(
            ErrorKind::DuplicateKey,
            "the root has both a version attribute and a <version> child",
            frame.offset,
        ));
    }
    let mut m = crate::value::map_with_capacity(members.len() + 1);
    m.insert("version".into(), Value::String(version));
    m.extend(members);
    Ok(Value::Object(m))
}
