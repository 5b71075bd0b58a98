//! Conversion between the core's `Value` tree and plain Java objects
//! (`LinkedHashMap`, `ArrayList`, `String`, `Long`/`BigDecimal`, `Boolean`, `null`).

use crate::guard::JResult;
use jni::JNIEnv;
use jni::objects::{JObject, JString, JValue};
use lex_core::{Error, Map, Number, Value};

/// Deepest Java structure accepted as a message (the readers' default depth limit).
fn max_depth() -> usize {
    lex_core::api::Limits::default().max_depth
}

/// Reads a Java string (null → None).
///
/// Only for the `String` parameters of the `native` methods of `org.lexedi.Native`: the JVM
/// guarantees those are `java.lang.String` or null, so the class check that
/// `JNIEnv::get_string` makes on every call (a `FindClass` and two more JNI calls, the bulk of
/// a trivial call's cost) is skipped. Objects of unknown class go through `get_string`.
pub fn opt_string(env: &mut JNIEnv<'_>, s: &JString<'_>) -> JResult<Option<String>> {
    if s.is_null() {
        return Ok(None);
    }
    // SAFETY: `s` is a `String` parameter of a native method (see above), so it is a
    // java.lang.String, which is all `get_string_unchecked` requires.
    let text = unsafe { env.get_string_unchecked(s) }?;
    Ok(Some(text.into()))
}

/// Creates a Java string, or null for None.
pub fn new_opt_string<'l>(env: &mut JNIEnv<'l>, s: Option<&str>) -> JResult<JObject<'l>> {
    Ok(match s {
        Some(s) => env.new_string(s)?.into(),
        None => JObject::null(),
    })
}

/// Converts a tree to Java objects. Integers that fit in a `long` become `Long`, other
/// numbers `BigDecimal` (built from the exact lexeme).
pub fn to_java<'l>(env: &mut JNIEnv<'l>, v: &Value) -> JResult<JObject<'l>> {
    Ok(match v {
        Value::Null => JObject::null(),
        Value::Bool(b) => {
            env.new_object("java/lang/Boolean", "(Z)V", &[JValue::Bool(u8::from(*b))])?
        }
        Value::Number(n) => match n.as_i64() {
            Some(i) => env.new_object("java/lang/Long", "(J)V", &[JValue::Long(i)])?,
            None => {
                let s = env.new_string(n.lexeme())?;
                env.new_object(
                    "java/math/BigDecimal",
                    "(Ljava/lang/String;)V",
                    &[JValue::Object(&s)],
                )?
            }
        },
        Value::String(s) => env.new_string(s)?.into(),
        Value::Array(items) => {
            let list = env.new_object(
                "java/util/ArrayList",
                "(I)V",
                &[JValue::Int(items.len() as i32)],
            )?;
            for item in items {
                let j = to_java(env, item)?;
                env.call_method(&list, "add", "(Ljava/lang/Object;)Z", &[JValue::Object(&j)])?;
                env.delete_local_ref(j)?;
            }
            list
        }
        Value::Object(map) => {
            let jmap = env.new_object("java/util/LinkedHashMap", "()V", &[])?;
            for (k, item) in map {
                let key = env.new_string(k)?;
                let j = to_java(env, item)?;
                let prev = env
                    .call_method(
                        &jmap,
                        "put",
                        "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
                        &[JValue::Object(&key), JValue::Object(&j)],
                    )?
                    .l()?;
                env.delete_local_ref(prev)?;
                env.delete_local_ref(key)?;
                env.delete_local_ref(j)?;
            }
            jmap
        }
    })
}

/// Converts plain Java objects (`Map` with string keys, `List`/arrays, `String`, `Number`,
/// `Boolean`, `Character`, `null`) into a tree, keeping the map's iteration order.
pub fn from_java(env: &mut JNIEnv<'_>, obj: &JObject<'_>, depth: usize) -> JResult<Value> {
    if depth > max_depth() {
        return Err(Error::new(
            lex_core::ErrorKind::DepthLimit,
            format!("the object is nested deeper than {} levels", max_depth()),
        )
        .into());
    }
    if obj.is_null() {
        return Ok(Value::Null);
    }
    if env.is_instance_of(obj, "java/lang/String")? {
        let s = JString::from(env.new_local_ref(obj)?);
        let out: String = env.get_string(&s)?.into();
        return Ok(Value::String(out));
    }
    if env.is_instance_of(obj, "java/lang/Boolean")? {
        let b = env.call_method(obj, "booleanValue", "()Z", &[])?.z()?;
        return Ok(Value::Bool(b));
    }
    if env.is_instance_of(obj, "java/lang/Number")?
        || env.is_instance_of(obj, "java/lang/Character")?
    {
        let text = to_string(env, obj)?;
        if env.is_instance_of(obj, "java/lang/Character")? {
            return Ok(Value::String(text));
        }
        return Number::from_lexeme(&text)
            .map(Value::Number)
            .ok_or_else(|| {
                Error::invalid_argument(format!("the number {text} cannot be represented in JSON"))
                    .into()
            });
    }
    if env.is_instance_of(obj, "java/util/Map")? {
        let entries = env
            .call_method(obj, "entrySet", "()Ljava/util/Set;", &[])?
            .l()?;
        let iter = env
            .call_method(&entries, "iterator", "()Ljava/util/Iterator;", &[])?
            .l()?;
        let mut map = Map::default();
        while env.call_method(&iter, "hasNext", "()Z", &[])?.z()? {
            let entry = env
                .call_method(&iter, "next", "()Ljava/lang/Object;", &[])?
                .l()?;
            let key = env
                .call_method(&entry, "getKey", "()Ljava/lang/Object;", &[])?
                .l()?;
            if key.is_null() || !env.is_instance_of(&key, "java/lang/String")? {
                return Err(Error::invalid_argument("map keys must be strings").into());
            }
            let key: String = env.get_string(&JString::from(key))?.into();
            let val = env
                .call_method(&entry, "getValue", "()Ljava/lang/Object;", &[])?
                .l()?;
            let v = from_java(env, &val, depth + 1)?;
            env.delete_local_ref(val)?;
            env.delete_local_ref(entry)?;
            map.insert(key, v);
        }
        return Ok(Value::Object(map));
    }
    if env.is_instance_of(obj, "java/lang/Iterable")? {
        let iter = env
            .call_method(obj, "iterator", "()Ljava/util/Iterator;", &[])?
            .l()?;
        let mut items = Vec::new();
        while env.call_method(&iter, "hasNext", "()Z", &[])?.z()? {
            let item = env
                .call_method(&iter, "next", "()Ljava/lang/Object;", &[])?
                .l()?;
            items.push(from_java(env, &item, depth + 1)?);
            env.delete_local_ref(item)?;
        }
        return Ok(Value::Array(items));
    }
    if env.is_instance_of(obj, "[Ljava/lang/Object;")? {
        let arr = jni::objects::JObjectArray::from(env.new_local_ref(obj)?);
        let n = env.get_array_length(&arr)?;
        let mut items = Vec::with_capacity(n as usize);
        for i in 0..n {
            let item = env.get_object_array_element(&arr, i)?;
            items.push(from_java(env, &item, depth + 1)?);
            env.delete_local_ref(item)?;
        }
        return Ok(Value::Array(items));
    }
    let class = to_string(env, &env.get_object_class(obj)?.into())?;
    Err(Error::invalid_argument(format!("cannot convert a {class} to a LEX value")).into())
}

fn to_string(env: &mut JNIEnv<'_>, obj: &JObject<'_>) -> JResult<String> {
    let s = env
        .call_method(obj, "toString", "()Ljava/lang/String;", &[])?
        .l()?;
    Ok(env.get_string(&JString::from(s))?.into())
}
