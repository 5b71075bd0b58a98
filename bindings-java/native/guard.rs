//! Panic and error boundary for every JNI export.

use jni::JNIEnv;
use jni::objects::{JObject, JValue};
use lex_core::api::ErrorFamily;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// Why an export failed.
pub enum Fail {
    /// A core error to throw as the matching `LexException` subclass.
    Lex(lex_core::Error),
    /// A JNI error; a Java exception may already be pending.
    Jni(jni::errors::Error),
}

impl From<lex_core::Error> for Fail {
    fn from(e: lex_core::Error) -> Self {
        Fail::Lex(e)
    }
}

impl From<jni::errors::Error> for Fail {
    fn from(e: jni::errors::Error) -> Self {
        Fail::Jni(e)
    }
}

/// Result type of export bodies.
pub type JResult<T> = Result<T, Fail>;

/// Runs `body`, converting errors and panics into pending Java exceptions. Returns
/// `fallback` (ignored by Java, since an exception is pending) on failure.
pub fn guard<'l, T>(
    env: &mut JNIEnv<'l>,
    fallback: T,
    body: impl FnOnce(&mut JNIEnv<'l>) -> JResult<T>,
) -> T {
    let outcome = catch_unwind(AssertUnwindSafe(|| body(env)));
    match outcome {
        Ok(Ok(v)) => v,
        Ok(Err(Fail::Lex(e))) => {
            throw_lex(env, &e);
            fallback
        }
        Ok(Err(Fail::Jni(e))) => {
            if !env.exception_check().unwrap_or(false) {
                let err = lex_core::Error::new(
                    lex_core::ErrorKind::Internal,
                    format!("JNI call failed: {e}"),
                );
                throw_lex(env, &err);
            }
            fallback
        }
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_string());
            let err = lex_core::Error::new(
                lex_core::ErrorKind::Internal,
                format!("internal error (a panic was caught at the Java boundary): {what}"),
            );
            // A pending exception from before the panic must not hide this one.
            let _ = env.exception_clear();
            throw_lex(env, &err);
            fallback
        }
    }
}

fn exception_class(e: &lex_core::Error) -> &'static str {
    // The core decides the family; one Java class each, all under LexException.
    match e.kind.family() {
        ErrorFamily::Parse => "org/lexedi/ParseException",
        ErrorFamily::Limit => "org/lexedi/LimitException",
        ErrorFamily::Argument => "org/lexedi/ArgumentException",
        ErrorFamily::Conversion => "org/lexedi/ConversionException",
        ErrorFamily::Io => "org/lexedi/IoException",
        ErrorFamily::Internal => "org/lexedi/InternalException",
    }
}

fn opt(v: Option<u64>) -> i64 {
    v.and_then(|x| i64::try_from(x).ok()).unwrap_or(-1)
}

/// Throws the `LexException` subclass for `e` with its code and location.
pub fn throw_lex(env: &mut JNIEnv<'_>, e: &lex_core::Error) {
    let build = |env: &mut JNIEnv<'_>| -> jni::errors::Result<()> {
        let class = exception_class(e);
        let code = env.new_string(e.code())?;
        let message = env.new_string(&e.message)?;
        let loc = &e.location;
        let seg_id: JObject = match &loc.segment_id {
            Some(s) => env.new_string(s)?.into(),
            None => JObject::null(),
        };
        let path: JObject = match &loc.path {
            Some(s) => env.new_string(s)?.into(),
            None => JObject::null(),
        };
        let obj = env.new_object(
            class,
            "(Ljava/lang/String;Ljava/lang/String;JJJJLjava/lang/String;JJLjava/lang/String;)V",
            &[
                JValue::Object(&code),
                JValue::Object(&message),
                JValue::Long(opt(loc.line)),
                JValue::Long(opt(loc.column)),
                JValue::Long(opt(loc.offset)),
                JValue::Long(opt(loc.segment)),
                JValue::Object(&seg_id),
                JValue::Long(opt(loc.element)),
                JValue::Long(opt(loc.component)),
                JValue::Object(&path),
            ],
        )?;
        env.throw(jni::objects::JThrowable::from(obj))
    };
    if build(env).is_err() && !env.exception_check().unwrap_or(false) {
        let _ = env.throw_new("java/lang/RuntimeException", e.to_string());
    }
}
