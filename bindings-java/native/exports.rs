//! The `native` methods of `org.lexedi.Native`, one per façade operation.

use crate::guard::{JResult, guard};
use crate::handles::{borrow, free, into_handle};
use crate::java_objects;
use crate::values::{from_java, opt_string, to_java};
use jni::JNIEnv;
use jni::objects::{JByteArray, JClass, JObject, JString};
use jni::sys::{jboolean, jint, jlong, jobject, jobjectArray, jstring};
use lex_core::api::{
    self, BuildOptions, ReadMode, ReadOptions, Receiver, Transition, TransitionPolicy,
    ValidateOptions, WriteOptions,
};
use lex_core::{Error, Format, Message, Report};

type Env<'l> = JNIEnv<'l>;

fn format_arg(env: &mut Env<'_>, s: &JString<'_>) -> JResult<Option<Format>> {
    match opt_string(env, s)? {
        None => Ok(None),
        Some(name) => Ok(Some(api::parse_format(&name)?)),
    }
}

fn mode(strict: jboolean) -> ReadMode {
    if strict != 0 {
        ReadMode::Strict
    } else {
        ReadMode::Tolerant
    }
}

fn clock(env: &mut Env<'_>, now: &JString<'_>) -> JResult<Option<time::OffsetDateTime>> {
    match opt_string(env, now)? {
        None => Ok(None),
        Some(s) => lex_core::api::parse_timestamp(&s).map(Some).ok_or_else(|| {
            Error::invalid_argument(format!("\"{s}\" is not an RFC 3339 date-time")).into()
        }),
    }
}

#[allow(clippy::too_many_arguments)]
fn options(
    env: &mut Env<'_>,
    level: jint,
    now: &JString<'_>,
    strict: jboolean,
    policy: &JString<'_>,
    previous: &JString<'_>,
    info: jboolean,
) -> JResult<ValidateOptions> {
    let level = api::parse_level(i64::from(level))?;
    let policy = match opt_string(env, policy)? {
        None => TransitionPolicy::Default,
        Some(p) => api::parse_policy(&p)?,
    };
    Ok(ValidateOptions {
        level,
        now: clock(env, now)?,
        mode: mode(strict),
        policy,
        previous_status: opt_string(env, previous)?,
        include_info: info != 0,
        ..ValidateOptions::default()
    })
}

fn read_opts(strict: jboolean) -> ReadOptions {
    ReadOptions {
        mode: mode(strict),
        ..ReadOptions::default()
    }
}

fn bytes(env: &mut Env<'_>, input: &JByteArray<'_>) -> JResult<Vec<u8>> {
    if input.is_null() {
        return Err(Error::invalid_argument("the input is null").into());
    }
    Ok(env.convert_byte_array(input)?)
}

fn required(env: &mut Env<'_>, s: &JString<'_>, what: &str) -> JResult<String> {
    opt_string(env, s)?.ok_or_else(|| Error::invalid_argument(format!("{what} is null")).into())
}

fn string_array(env: &mut Env<'_>, items: &[&str]) -> JResult<jobjectArray> {
    let arr = env.new_object_array(items.len() as i32, "java/lang/String", JObject::null())?;
    for (k, s) in items.iter().enumerate() {
        let js = env.new_string(s)?;
        env.set_object_array_element(&arr, k as i32, &js)?;
    }
    Ok(arr.into_raw())
}

fn jstr(env: &mut Env<'_>, s: Option<&str>) -> JResult<jstring> {
    Ok(match s {
        Some(s) => env.new_string(s)?.into_raw(),
        None => std::ptr::null_mut(),
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_parse<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
    format: JString<'l>,
    strict: jboolean,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let data = bytes(env, &input)?;
        let f = format_arg(env, &format)?;
        let m = api::parse(&data, f, &read_opts(strict))?;
        Ok(java_objects::message(env, m)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_parseAll<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
    format: JString<'l>,
    strict: jboolean,
) -> jobjectArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let data = bytes(env, &input)?;
        let f = format_arg(env, &format)?;
        let all = api::parse_all(&data, f, &read_opts(strict))?;
        let class = crate::classes::message(env)?.class();
        let arr = env.new_object_array(all.len() as i32, class, JObject::null())?;
        for (k, m) in all.into_iter().enumerate() {
            let o = java_objects::message(env, m)?;
            env.set_object_array_element(&arr, k as i32, &o)?;
        }
        Ok(arr.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_fromObject<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    tree: JObject<'l>,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let v = from_java(env, &tree, 0)?;
        let m = api::from_value(v)?;
        Ok(java_objects::message(env, m)?.into_raw())
    })
}

#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
extern "system" fn Java_org_lexedi_Native_validateMessage<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
    level: jint,
    now: JString<'l>,
    strict: jboolean,
    policy: JString<'l>,
    previous: JString<'l>,
    info: jboolean,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let opts = options(env, level, &now, strict, &policy, &previous, info)?;
        let m: &Message = borrow(msg, "message")?;
        let r = api::validate(m, &opts);
        Ok(java_objects::report(env, r)?.into_raw())
    })
}

#[unsafe(no_mangle)]
#[allow(clippy::too_many_arguments)]
extern "system" fn Java_org_lexedi_Native_validateBytes<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
    format: JString<'l>,
    level: jint,
    now: JString<'l>,
    strict: jboolean,
    policy: JString<'l>,
    previous: JString<'l>,
    info: jboolean,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let opts = options(env, level, &now, strict, &policy, &previous, info)?;
        let data = bytes(env, &input)?;
        let f = format_arg(env, &format)?;
        let r = api::validate_input(&data, f, &opts)?;
        Ok(java_objects::report(env, r)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_convert<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
    to: JString<'l>,
    from: JString<'l>,
    strict: jboolean,
    pretty: jboolean,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let data = bytes(env, &input)?;
        let to = format_arg(env, &to)?
            .ok_or_else(|| Error::invalid_argument("the target format is null"))?;
        let from = format_arg(env, &from)?;
        let write = WriteOptions {
            pretty: pretty != 0,
            ..WriteOptions::default()
        };
        let out = api::convert(&data, to, from, &read_opts(strict), &write)?;
        jstr(env, Some(&out))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_serialize<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
    format: JString<'l>,
    pretty: jboolean,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let f = format_arg(env, &format)?
            .ok_or_else(|| Error::invalid_argument("the format is null"))?;
        let m: &Message = borrow(msg, "message")?;
        let write = WriteOptions {
            pretty: pretty != 0,
            ..WriteOptions::default()
        };
        let out = api::serialize(m, f, &write)?;
        jstr(env, Some(&out))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_messageType<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let m: &Message = borrow(msg, "message")?;
        jstr(env, m.message_type_str())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_messageId<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let m: &Message = borrow(msg, "message")?;
        jstr(env, m.message_id())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_messageFingerprint<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let m: &Message = borrow(msg, "message")?;
        jstr(env, api::message_fingerprint(m).as_deref())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_messageTree<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let m: &Message = borrow(msg, "message")?;
        Ok(to_java(env, m.root())?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_messageReadIssues<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
) -> jobjectArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let m: &Message = borrow(msg, "message")?;
        Ok(java_objects::issues(env, m.read_issues())?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_messageFree<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
) {
    guard(&mut env, (), |_| {
        free::<Message>(msg);
        Ok(())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_reportFree<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    report: jlong,
) {
    guard(&mut env, (), |_| {
        free::<Report>(report);
        Ok(())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_fingerprint<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    email: JString<'l>,
    phone: JString<'l>,
    last_name: JString<'l>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let e = opt_string(env, &email)?.unwrap_or_default();
        let p = opt_string(env, &phone)?.unwrap_or_default();
        let n = opt_string(env, &last_name)?.unwrap_or_default();
        jstr(env, Some(&api::fingerprint(&e, &p, &n)))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_acknowledge<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
    report: jlong,
    status: JString<'l>,
    now: JString<'l>,
    message_id: JString<'l>,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let m: &Message = borrow(msg, "message")?;
        let r: Option<&Report> = if report == 0 {
            None
        } else {
            Some(borrow(report, "report")?)
        };
        let status = opt_string(env, &status)?;
        let opts = BuildOptions {
            now: clock(env, &now)?,
            message_id: opt_string(env, &message_id)?,
        };
        let ack = api::acknowledge_with(m, r, status.as_deref(), &opts)?;
        Ok(java_objects::message(env, ack)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_newMessage<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    mtype: JString<'l>,
    payload: JObject<'l>,
    sender: JString<'l>,
    receiver: JString<'l>,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let t = required(env, &mtype, "the message type")?;
        let t = api::parse_message_type(&t)?;
        let body = from_java(env, &payload, 0)?;
        let s = required(env, &sender, "the sender id")?;
        let r = required(env, &receiver, "the receiver id")?;
        let m = api::new_message(t, body, &s, &r)?;
        Ok(java_objects::message(env, m)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_mayForward<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
    recipient: JString<'l>,
    now: JString<'l>,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let m: &Message = borrow(msg, "message")?;
        let r = opt_string(env, &recipient)?.unwrap_or_default();
        let opts = ValidateOptions {
            now: clock(env, &now)?,
            ..ValidateOptions::default()
        };
        let d = api::may_forward_with(m, &r, &opts);
        Ok(java_objects::forward_decision(env, &d)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_checkTransition<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    from: JString<'l>,
    to: JString<'l>,
    policy: JString<'l>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let f = required(env, &from, "from")?;
        let t = required(env, &to, "to")?;
        let p = match opt_string(env, &policy)? {
            None => TransitionPolicy::Default,
            Some(p) => api::parse_policy(&p)?,
        };
        let verdict = api::check_transition(&f, &t, p)?;
        jstr(env, Some(verdict.as_str()))
    })
}

/// The trivial-call fast path of `checkTransition`: statuses as positions in
/// `api::STATUSES` (the list `Native.statuses()` returns), the policy as the ordinal of the
/// Java enum `TransitionPolicy` (0 default, 1 strict-table) and the verdict as the ordinal of
/// `Transition` (0 allowed, 1 unlisted, 2 forbidden). No string crosses JNI, which is most of
/// the cost of a call this small; `Lex.checkTransition` falls back to the string export for a
/// name that is not a status, so errors keep the core's message.
#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_checkTransitionAt<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    from: jint,
    to: jint,
    policy: jint,
) -> jint {
    guard(&mut env, -1, |_env| {
        let status = |i: jint| {
            usize::try_from(i)
                .ok()
                .and_then(|i| api::STATUSES.get(i))
                .ok_or_else(|| Error::invalid_argument(format!("no lead status at position {i}")))
        };
        let p = match policy {
            0 => TransitionPolicy::Default,
            1 => TransitionPolicy::StrictTable,
            _ => {
                return Err(
                    Error::invalid_argument(format!("no transition policy at {policy}")).into(),
                );
            }
        };
        Ok(
            match api::check_transition(status(from)?, status(to)?, p)? {
                Transition::Allowed => 0,
                Transition::Unlisted => 1,
                Transition::Forbidden => 2,
            },
        )
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_detect<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let data = bytes(env, &input)?;
        jstr(env, api::detect(&data).map(Format::as_str))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_receiverNew<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    level: jint,
    now: JString<'l>,
    strict: jboolean,
    policy: JString<'l>,
) -> jlong {
    guard(&mut env, 0, |env| {
        let opts = options(
            env,
            level,
            &now,
            strict,
            &policy,
            &JString::from(JObject::null()),
            0,
        )?;
        Ok(into_handle(Receiver::new(opts)))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_receiverReceive<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    receiver: jlong,
    input: JByteArray<'l>,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let data = bytes(env, &input)?;
        let r: &Receiver = borrow(receiver, "receiver")?;
        let receipt = r.receive(&data)?;
        Ok(java_objects::receipt(env, receipt)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_receiverFree<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    receiver: jlong,
) {
    guard(&mut env, (), |_| {
        free::<Receiver>(receiver);
        Ok(())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_statuses<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
) -> jobjectArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        string_array(env, &api::STATUSES)
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_messageTypes<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
) -> jobjectArray {
    guard(&mut env, std::ptr::null_mut(), |env| {
        string_array(env, &api::MESSAGE_TYPES)
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_version<'l>(mut env: Env<'l>, _c: JClass<'l>) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        jstr(env, Some(api::VERSION))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_lexVersion<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        jstr(env, Some(api::LEX_VERSION))
    })
}

/// Test hook: panics inside the boundary, so tests can prove a panic becomes a
/// `LexException` rather than a JVM crash. Only in debug builds.
#[cfg(debug_assertions)]
#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_debugPanic<'l>(mut env: Env<'l>, _c: JClass<'l>) {
    guard(&mut env, (), |_| -> JResult<()> {
        panic!("forced panic for testing")
    })
}

/// The names the core accepts, checked by the core (one error text in every language):
/// `kind` is `format`, `policy`, `mode` or `messageType`; returns the canonical name.
#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_canonicalName<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    kind: JString<'l>,
    name: JString<'l>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let kind = required(env, &kind, "kind")?;
        let name = required(env, &name, &kind)?;
        let canonical = match kind.as_str() {
            "format" => api::parse_format(&name)?.as_str(),
            "policy" => api::parse_policy(&name)?.as_str(),
            "mode" => api::parse_read_mode(&name)?.as_str(),
            _ => api::parse_message_type(&name)?.as_str(),
        };
        jstr(env, Some(canonical))
    })
}

/// The conformance level checked by the core (`level must be 1, 2 or 3, not N`).
#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_parseLevel<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    level: jint,
) -> jint {
    guard(&mut env, 0, |_| {
        Ok(jint::from(api::parse_level(i64::from(level))?))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_x12FunctionalAck<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
    strict: jboolean,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let b = bytes(env, &input)?;
        let s = api::x12_functional_ack_with(&b, &read_opts(strict), &WriteOptions::default())?;
        jstr(env, Some(&s))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_x12ReadFunctionalAck<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
    strict: jboolean,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let b = bytes(env, &input)?;
        let v = api::x12_read_functional_ack(&b, &read_opts(strict))?;
        Ok(to_java(env, &v)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_edifactContrl<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let b = bytes(env, &input)?;
        let s = api::edifact_contrl(&b)?;
        jstr(env, Some(&s))
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_edifactContrlRead<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    input: JByteArray<'l>,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let b = bytes(env, &input)?;
        let v = api::edifact_contrl_read(&b)?;
        Ok(to_java(env, &v)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_duplicateClosure<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    msg: jlong,
    canonical: JString<'l>,
    now: JString<'l>,
    message_id: JString<'l>,
) -> jobject {
    guard(&mut env, std::ptr::null_mut(), |env| {
        let m: &Message = borrow(msg, "message")?;
        let id = required(env, &canonical, "the canonical lead id")?;
        let opts = BuildOptions {
            now: clock(env, &now)?,
            message_id: opt_string(env, &message_id)?,
        };
        let closure = api::duplicate_closure(m, &id, &opts)?;
        Ok(java_objects::message(env, closure)?.into_raw())
    })
}

#[unsafe(no_mangle)]
extern "system" fn Java_org_lexedi_Native_serializeAll<'l>(
    mut env: Env<'l>,
    _c: JClass<'l>,
    handles: jni::objects::JLongArray<'l>,
    format: JString<'l>,
    pretty: jboolean,
) -> jstring {
    guard(&mut env, std::ptr::null_mut(), |env| {
        if handles.is_null() {
            return Err(api::wrong_type("messages", "a list of Message").into());
        }
        let n = env.get_array_length(&handles)?;
        let mut raw = vec![0i64; usize::try_from(n).unwrap_or(0)];
        env.get_long_array_region(&handles, 0, &mut raw)?;
        let mut all = Vec::with_capacity(raw.len());
        for h in raw {
            all.push(borrow::<Message>(h, "message")?.clone());
        }
        let format = format_arg(env, &format)?
            .ok_or_else(|| Error::invalid_argument("a target format is required"))?;
        let opts = WriteOptions {
            pretty: pretty != 0,
            ..WriteOptions::default()
        };
        let s = api::serialize_all(&all, format, &opts)?;
        jstr(env, Some(&s))
    })
}
