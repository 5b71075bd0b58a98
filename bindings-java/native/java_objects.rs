//! Builders for the Java result objects (`Message`, `Report`, `Issue`, `Receipt`).

use crate::classes;
use crate::guard::JResult;
use crate::handles::into_handle;
use crate::values::{new_opt_string, to_java};
use jni::JNIEnv;
use jni::objects::{JObject, JValue};
use lex_core::api::Receipt;
use lex_core::{Issue, Message, Report};

/// Wraps a core message in a new `org.lexedi.Message` (which owns the handle).
pub fn message<'l>(env: &mut JNIEnv<'l>, m: Message) -> JResult<JObject<'l>> {
    let h = into_handle(m);
    let out = classes::message(env).and_then(|c| c.new_object(env, &[JValue::Long(h)]));
    if out.is_err() {
        crate::handles::free::<Message>(h);
    }
    out
}

fn issue<'l>(env: &mut JNIEnv<'l>, i: &Issue) -> JResult<JObject<'l>> {
    let level = env.new_string(i.level.as_str())?;
    let code = env.new_string(&i.code)?;
    let field = env.new_string(&i.field)?;
    let pointer = env.new_string(&i.pointer)?;
    let message = env.new_string(&i.message)?;
    let rule = new_opt_string(env, i.rule_id.as_deref())?;
    let rejected = match &i.rejected_value {
        Some(v) => to_java(env, v)?,
        None => JObject::null(),
    };
    let allowed: JObject = match &i.allowed_values {
        Some(vals) => {
            let string = classes::string(env)?.class();
            let arr = env.new_object_array(vals.len() as i32, string, JObject::null())?;
            for (k, v) in vals.iter().enumerate() {
                let s = env.new_string(v)?;
                env.set_object_array_element(&arr, k as i32, &s)?;
            }
            arr.into()
        }
        None => JObject::null(),
    };
    let constraint = new_opt_string(env, i.constraint.as_deref())?;
    let threshold = match &i.threshold {
        Some(v) => to_java(env, v)?,
        None => JObject::null(),
    };
    let from = new_opt_string(env, i.from_status.as_deref())?;
    let to = new_opt_string(env, i.to_status.as_deref())?;
    let suggestion = new_opt_string(env, i.suggestion.as_deref())?;
    classes::issue(env)?.new_object(
        env,
        &[
            JValue::Object(&level),
            JValue::Object(&code),
            JValue::Object(&field),
            JValue::Object(&pointer),
            JValue::Object(&message),
            JValue::Object(&rule),
            JValue::Object(&rejected),
            JValue::Object(&allowed),
            JValue::Object(&constraint),
            JValue::Object(&threshold),
            JValue::Object(&from),
            JValue::Object(&to),
            JValue::Object(&suggestion),
        ],
    )
}

/// Builds an `Issue[]`.
pub fn issues<'l>(env: &mut JNIEnv<'l>, list: &[Issue]) -> JResult<JObject<'l>> {
    let class = classes::issue(env)?.class();
    let arr = env.new_object_array(list.len() as i32, class, JObject::null())?;
    for (k, i) in list.iter().enumerate() {
        let o = issue(env, i)?;
        env.set_object_array_element(&arr, k as i32, &o)?;
        env.delete_local_ref(o)?;
    }
    Ok(arr.into())
}

/// Builds an `org.lexedi.Report` (which owns a handle to the core report, so that it can be
/// passed back to `acknowledge`).
pub fn report<'l>(env: &mut JNIEnv<'l>, r: Report) -> JResult<JObject<'l>> {
    let errors = issues(env, &r.errors)?;
    let warnings = issues(env, &r.warnings)?;
    let valid = r.valid;
    let h = into_handle(r);
    let out = classes::report(env).and_then(|c| {
        c.new_object(
            env,
            &[
                JValue::Long(h),
                JValue::Bool(u8::from(valid)),
                JValue::Object(&errors),
                JValue::Object(&warnings),
            ],
        )
    });
    if out.is_err() {
        crate::handles::free::<Report>(h);
    }
    out
}

/// Builds an `org.lexedi.Receipt`.
pub fn receipt<'l>(env: &mut JNIEnv<'l>, r: Receipt) -> JResult<JObject<'l>> {
    let Receipt {
        message: msg,
        report: rep,
        ack,
        duplicate,
        outcome,
        http_status,
        duplicate_of_lead,
        routing,
        dead_letter_reason,
        ..
    } = r;
    let m = message(env, msg)?;
    let rp = report(env, rep)?;
    let a = match ack {
        Some(a) => message(env, a)?,
        None => JObject::null(),
    };
    let outcome = env.new_string(outcome.as_str())?;
    let dup_of = new_opt_string(env, duplicate_of_lead.as_deref())?;
    let routing = new_opt_string(env, routing.map(|r| r.as_str()))?;
    let dead = new_opt_string(env, dead_letter_reason.as_deref())?;
    Ok(env.new_object(
        "org/lexedi/Receipt",
        "(Lorg/lexedi/Message;Lorg/lexedi/Report;Lorg/lexedi/Message;ZLjava/lang/String;ILjava/lang/String;\
         Ljava/lang/String;Ljava/lang/String;)V",
        &[
            JValue::Object(&m),
            JValue::Object(&rp),
            JValue::Object(&a),
            JValue::Bool(u8::from(duplicate)),
            JValue::Object(&outcome),
            JValue::Int(i32::from(http_status)),
            JValue::Object(&dup_of),
            JValue::Object(&routing),
            JValue::Object(&dead),
        ],
    )?)
}

/// Builds an `org.lexedi.ForwardDecision`.
pub fn forward_decision<'l>(
    env: &mut JNIEnv<'l>,
    d: &lex_core::api::ForwardDecision,
) -> JResult<JObject<'l>> {
    let code = env.new_string(d.code)?;
    let rule = new_opt_string(env, d.rule_id)?;
    let policy = new_opt_string(env, d.policy.as_deref())?;
    let reason = env.new_string(&d.reason)?;
    let retain = new_opt_string(env, d.retain_until.as_deref())?;
    Ok(env.new_object(
        "org/lexedi/ForwardDecision",
        "(ZLjava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;ZLjava/lang/String;)V",
        &[
            JValue::Bool(u8::from(d.allowed)),
            JValue::Object(&code),
            JValue::Object(&rule),
            JValue::Object(&policy),
            JValue::Object(&reason),
            JValue::Bool(u8::from(d.audit_required)),
            JValue::Object(&retain),
        ],
    )?)
}
