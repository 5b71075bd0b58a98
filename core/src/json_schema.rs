//! JSON Schema (draft 2020-12) generated from the project's own model tables (the
//! `validate/tables/*.tbl` facts the validator walks): one generator, so the schema served
//! by an exchange and any enum list derived later say what the validator checks.

use crate::message::MessageType;
use crate::validate::model::{self, Format, Node, Table, ty};
use crate::value::{Map, Number, Value};

fn num(f: f64) -> Value {
    let text = if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    };
    Number::from_lexeme(&text)
        .map(Value::Number)
        .unwrap_or(Value::Null)
}

fn types(bits: u8) -> Option<Value> {
    if bits == ty::ANY {
        return None;
    }
    let names: Vec<Value> = [
        (ty::STRING, "string"),
        (ty::INTEGER, "integer"),
        (ty::NUMBER, "number"),
        (ty::BOOLEAN, "boolean"),
        (ty::OBJECT, "object"),
        (ty::ARRAY, "array"),
        (ty::NULL, "null"),
    ]
    .iter()
    .filter(|(b, _)| bits & b != 0)
    .map(|(_, n)| Value::from(*n))
    .collect();
    Some(match names.len() {
        1 => names.into_iter().next().unwrap_or(Value::Null),
        _ => Value::Array(names),
    })
}

fn node_schema(table: &Table, node: &Node) -> Value {
    let mut m = Map::default();
    if let Some(t) = types(node.types) {
        m.insert("type".into(), t);
    }
    if !node.enumeration.is_empty() {
        m.insert(
            "enum".into(),
            Value::Array(node.enumeration.iter().map(|s| s.as_str().into()).collect()),
        );
    }
    if let Some(p) = &node.pattern_src {
        m.insert("pattern".into(), p.as_str().into());
    }
    if let Some(f) = node.format {
        let name = match f {
            Format::DateTime => "date-time",
            Format::Date => "date",
            Format::Email => "email",
            Format::Uri => "uri",
        };
        m.insert("format".into(), name.into());
    }
    for (k, v) in [("minimum", node.min), ("maximum", node.max)] {
        if let Some(v) = v {
            m.insert(k.into(), num(v));
        }
    }
    for (k, v) in [
        ("minLength", node.min_len),
        ("maxLength", node.max_len),
        ("minItems", node.min_items),
        ("maxItems", node.max_items),
    ] {
        if let Some(v) = v {
            m.insert(k.into(), Value::int(v as i64));
        }
    }
    if !node.props.is_empty() {
        let mut props = Map::default();
        let mut required = Vec::new();
        for (name, idx) in &node.props {
            let child = table.node(*idx);
            props.insert(name.clone(), node_schema(table, child));
            if child.required {
                required.push(Value::from(name.as_str()));
            }
        }
        m.insert("properties".into(), Value::Object(props));
        if !required.is_empty() {
            m.insert("required".into(), Value::Array(required));
        }
    }
    if node.closed {
        m.insert("additionalProperties".into(), Value::Bool(false));
    }
    if let Some(items) = node.items {
        m.insert("items".into(), node_schema(table, table.node(items)));
    }
    Value::Object(m)
}

/// The JSON Schema of a whole message of type `mtype` (`None`: the envelope alone, with
/// any payload): `{"lex": {"header": …, "payload": {"<key>": …}}}`.
pub fn message_schema(mtype: Option<MessageType>) -> Value {
    let env = model::envelope();
    let mut lex = node_schema(env, env.root());
    let mut payload = Map::default();
    payload.insert("type".into(), "object".into());
    if let Some(t) = mtype {
        let body = model::body(t);
        let mut payload_props = Map::default();
        payload_props.insert(t.payload_key().into(), node_schema(body, body.root()));
        payload.insert("properties".into(), Value::Object(payload_props));
        payload.insert(
            "required".into(),
            Value::Array(vec![t.payload_key().into()]),
        );
    }
    if let Some(obj) = lex.as_object_mut() {
        let props = obj
            .entry("properties".to_string())
            .or_insert_with(Value::object);
        if let Some(p) = props.as_object_mut() {
            p.insert("payload".into(), Value::Object(payload));
        }
    }
    let mut root = Map::default();
    root.insert(
        "$schema".into(),
        "https://json-schema.org/draft/2020-12/schema".into(),
    );
    let title = mtype.map_or("MESSAGE_ENVELOPE", MessageType::as_str);
    root.insert("title".into(), format!("LEX 1.0 {title}").into());
    root.insert("type".into(), "object".into());
    let mut props = Map::default();
    props.insert("lex".into(), lex);
    root.insert("properties".into(), Value::Object(props));
    root.insert("required".into(), Value::Array(vec!["lex".into()]));
    Value::Object(root)
}

/// The enumeration a field of a message type allows (e.g. `(Lead, "status")`), from the
/// same tables: `None` when the path is unknown or has no enumeration.
pub fn allowed_values(mtype: MessageType, path: &str) -> Option<Vec<String>> {
    let n = model::body(mtype).find(path)?;
    (!n.enumeration.is_empty()).then(|| n.enumeration.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lead_schema_has_the_model_facts() {
        let s = message_schema(Some(MessageType::Lead));
        let header = s
            .pointer("/properties/lex/properties/header")
            .expect("header");
        assert_eq!(
            header.pointer("/properties/messageType/enum/0"),
            Some(&Value::from("LEAD"))
        );
        let lead = s
            .pointer("/properties/lex/properties/payload/properties/lead")
            .expect("lead");
        assert_eq!(lead.get("type"), Some(&Value::from("object")));
        assert!(lead.pointer("/properties/customer/properties").is_some());
        let statuses = allowed_values(MessageType::Lead, "status").expect("status enum");
        assert!(statuses.iter().any(|s| s == "EXPRESSED_INTEREST"));
        let env = message_schema(None);
        assert!(env.pointer("/properties/lex/properties/payload").is_some());
    }
}
