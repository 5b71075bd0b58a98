//! Plain JavaScript values → the core's canonical tree, walked directly through N-API.
//!
//! Objects keep their own enumerable string keys in `Object.keys` order. Numbers take the
//! lexeme JavaScript itself prints (`String(n)`: shortest round-trip form, `1e+21`), BigInts
//! their exact decimal digits. An object with a `toJSON` method (a `Date`, a `Message`) is
//! replaced by its result, as `JSON.stringify` does. A property whose value is `undefined` is
//! absent, as in JSON; everything else JSON cannot hold (`NaN`, `Infinity`, functions,
//! symbols, `Map`, `Set`, `undefined` in an array) is an `INVALID_ARGUMENT` error rather
//! than being dropped.
//! Depth, node count and string size follow the same limits as the text readers, so a cyclic
//! object is a `DEPTH_LIMIT_EXCEEDED` error, never a stack overflow.

use crate::error::{bad_arg, to_napi};
use lex_core::api::Limits;
use lex_core::error::{Error as LexError, ErrorKind, Location};
use lex_core::value::escape_pointer_token;
use lex_core::{Number, Value};
use napi::bindgen_prelude::{
    FromNapiValue, Function, JsObjectValue, JsValue, Object, Unknown, ValueType,
};
use napi::{JsString, sys};

struct Walker<'a> {
    limits: &'a Limits,
    nodes: usize,
    /// Keys and indexes from the root to the value being read, for error locations.
    path: Vec<String>,
}

impl Walker<'_> {
    fn pointer(&self) -> String {
        self.path
            .iter()
            .map(|t| format!("/{}", escape_pointer_token(t)))
            .collect()
    }

    fn fail(&self, kind: ErrorKind, message: String) -> napi::Error {
        to_napi(&LexError::at(kind, message, Location::path(self.pointer())))
    }

    fn not_json(&self, what: &str) -> napi::Error {
        let at = self.pointer();
        bad_arg(format!(
            "{what} at \"{}\" cannot be part of a LEX message (JSON has no such value)",
            if at.is_empty() { "/" } else { &at }
        ))
    }

    fn string(&self, v: &Unknown<'_>) -> napi::Result<String> {
        // SAFETY: the caller checked that the value is a string.
        let s = unsafe { v.cast::<JsString>() }?.into_utf8()?.into_owned()?;
        if s.len() > self.limits.max_string_bytes {
            return Err(self.fail(
                ErrorKind::TokenLimit,
                format!(
                    "a string of {} bytes exceeds the limit of {}",
                    s.len(),
                    self.limits.max_string_bytes
                ),
            ));
        }
        Ok(s)
    }

    fn number(&self, v: &Unknown<'_>, what: &str) -> napi::Result<Value> {
        // JavaScript's own `ToString` gives the shortest round-trip lexeme.
        let text = v.coerce_to_string()?.into_utf8()?.into_owned()?;
        if text.len() > self.limits.max_number_chars {
            return Err(self.fail(
                ErrorKind::TokenLimit,
                format!(
                    "a number of {} characters exceeds the limit of {}",
                    text.len(),
                    self.limits.max_number_chars
                ),
            ));
        }
        Number::from_lexeme(&text)
            .map(Value::Number)
            .ok_or_else(|| self.not_json(&format!("the {what} {text}")))
    }

    fn value(&mut self, v: Unknown<'_>, depth: usize) -> napi::Result<Value> {
        self.nodes += 1;
        if self.nodes > self.limits.max_nodes {
            return Err(self.fail(
                ErrorKind::CountLimit,
                format!("more than {} values", self.limits.max_nodes),
            ));
        }
        match v.get_type()? {
            ValueType::Null => Ok(Value::Null),
            ValueType::Boolean => Ok(Value::Bool(unsafe { v.cast::<bool>() }?)),
            ValueType::Number => self.number(&v, "number"),
            ValueType::BigInt => self.number(&v, "bigint"),
            ValueType::String => Ok(Value::String(self.string(&v)?)),
            ValueType::Object => self.object(v, depth),
            ValueType::Undefined => Err(self.not_json("undefined")),
            ValueType::Function => Err(self.not_json("a function")),
            ValueType::Symbol => Err(self.not_json("a symbol")),
            _ => Err(self.not_json("a native value")),
        }
    }

    fn object(&mut self, v: Unknown<'_>, depth: usize) -> napi::Result<Value> {
        if depth >= self.limits.max_depth {
            return Err(self.fail(
                ErrorKind::DepthLimit,
                format!(
                    "nesting deeper than {} levels (a cyclic object?)",
                    self.limits.max_depth
                ),
            ));
        }
        // SAFETY: the caller checked that the value is an object.
        let obj = unsafe { v.cast::<Object>() }?;
        if obj.is_array()? {
            let n = obj.get_array_length()?;
            let mut items = Vec::with_capacity(n.min(1024) as usize);
            for i in 0..n {
                let item: Unknown = obj.get_element(i)?;
                self.path.push(i.to_string());
                let item = self.value(item, depth + 1)?;
                self.path.pop();
                items.push(item);
            }
            return Ok(Value::Array(items));
        }
        let to_json: Unknown = obj.get_named_property("toJSON")?;
        if to_json.get_type()? == ValueType::Function {
            // SAFETY: checked to be a function just above.
            let f = unsafe { to_json.cast::<Function<(), Unknown>>() }?;
            let replaced = f.apply(obj, ())?;
            if replaced.get_type()? == ValueType::Object {
                // A second `toJSON` is not followed (JSON.stringify does not either).
                return self.plain_object(unsafe { replaced.cast::<Object>() }?, depth);
            }
            self.nodes -= 1;
            return self.value(replaced, depth);
        }
        self.plain_object(obj, depth)
    }

    fn plain_object(&mut self, obj: Object<'_>, depth: usize) -> napi::Result<Value> {
        if obj.is_array()? {
            return self.object(obj.to_unknown(), depth);
        }
        let keys = own_keys(&obj)?;
        if keys.is_empty() {
            self.reject_collection(&obj)?;
        }
        let mut map = lex_core::value::map_with_capacity(keys.len());
        for key in keys {
            let item: Unknown = obj.get_named_property(&key)?;
            if item.get_type()? == ValueType::Undefined {
                continue;
            }
            self.path.push(key);
            let item = self.value(item, depth + 1)?;
            let key = self.path.pop().unwrap_or_default();
            map.insert(key, item);
        }
        Ok(Value::Object(map))
    }
}

impl Walker<'_> {
    /// A `Map` or `Set` has no own keys, so it would silently become `{}`: refuse it.
    fn reject_collection(&self, obj: &Object<'_>) -> napi::Result<()> {
        let ctor: Unknown = obj.get_named_property("constructor")?;
        if ctor.get_type()? != ValueType::Function {
            return Ok(());
        }
        // SAFETY: checked to be a function (an object) just above.
        let name: Unknown = unsafe { ctor.cast::<Object>() }?.get_named_property("name")?;
        if name.get_type()? != ValueType::String {
            return Ok(());
        }
        // SAFETY: checked to be a string just above.
        let name = unsafe { name.cast::<String>() }?;
        if matches!(name.as_str(), "Map" | "Set" | "WeakMap" | "WeakSet") {
            return Err(self.not_json(&format!(
                "a {name} (convert it to a plain object or an array)"
            )));
        }
        Ok(())
    }
}

/// `Object.keys(obj)`: own, enumerable, string keys (integer-like keys as strings).
fn own_keys(obj: &Object<'_>) -> napi::Result<Vec<String>> {
    let env = obj.value().env;
    let mut names = std::ptr::null_mut();
    // SAFETY: `env` and the object handle are live for this call; `names` is an out-param.
    let status = unsafe {
        sys::napi_get_all_property_names(
            env,
            obj.value().value,
            sys::KeyCollectionMode::own_only,
            sys::KeyFilter::enumerable | sys::KeyFilter::skip_symbols,
            sys::KeyConversion::numbers_to_strings,
            &mut names,
        )
    };
    if status != sys::Status::napi_ok {
        return Err(napi::Error::from_status(napi::Status::from(status)));
    }
    // SAFETY: N-API returned an array of strings.
    let names = unsafe { Object::from_napi_value(env, names) }?;
    let n = names.get_array_length()?;
    (0..n).map(|i| names.get_element::<String>(i)).collect()
}

/// Converts a JavaScript value into a tree, within `limits`.
pub(crate) fn to_value(v: Unknown<'_>, limits: &Limits) -> napi::Result<Value> {
    let mut w = Walker {
        limits,
        nodes: 0,
        path: Vec::new(),
    };
    w.value(v, 0)
}
