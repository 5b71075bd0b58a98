//! Classes and constructors looked up once per process. `FindClass` and `GetMethodID` cost
//! more than the object they help build (a report makes one `Issue` per finding), so the
//! result objects are built from these cached ids. A global reference keeps each class
//! loaded, which keeps its method ids valid; a JNI library is bound to one class loader, so
//! one cache per process is right.

use crate::guard::JResult;
use jni::JNIEnv;
use jni::objects::{GlobalRef, JClass, JMethodID, JObject, JValue};
use jni::sys::jvalue;
use std::sync::OnceLock;

/// A class and one of its constructors.
pub struct Ctor {
    class: GlobalRef,
    id: JMethodID,
    sig: &'static str,
}

impl Ctor {
    /// The class, to create arrays of it.
    pub fn class(&self) -> &JClass<'static> {
        <&JClass>::from(self.class.as_obj())
    }

    /// Calls the constructor. `args` are checked against the signature's argument count; their
    /// types are those the callers in this crate pass for the signature they name.
    pub fn new_object<'l>(
        &self,
        env: &mut JNIEnv<'l>,
        args: &[JValue<'_, '_>],
    ) -> JResult<JObject<'l>> {
        debug_assert_eq!(args.len(), arg_count(self.sig), "{}", self.sig);
        let raw: Vec<jvalue> = args.iter().map(JValue::as_jni).collect();
        // SAFETY: `id` is the constructor of `class` with signature `sig`, and every caller
        // passes the argument types of that signature (reviewed with each signature below).
        Ok(unsafe { env.new_object_unchecked(self.class(), self.id, &raw) }?)
    }
}

fn arg_count(sig: &str) -> usize {
    let args = sig.trim_start_matches('(').split(')').next().unwrap_or("");
    let (mut n, mut chars) = (0, args.chars());
    while let Some(c) = chars.next() {
        match c {
            '[' => continue,
            'L' => {
                for d in chars.by_ref() {
                    if d == ';' {
                        break;
                    }
                }
                n += 1;
            }
            _ => n += 1,
        }
    }
    n
}

fn lookup(
    env: &mut JNIEnv<'_>,
    cell: &'static OnceLock<Ctor>,
    class: &str,
    sig: &'static str,
) -> JResult<&'static Ctor> {
    if let Some(c) = cell.get() {
        return Ok(c);
    }
    let cls = env.find_class(class)?;
    let id = env.get_method_id(&cls, "<init>", sig)?;
    let global = env.new_global_ref(&cls)?;
    env.delete_local_ref(cls)?;
    Ok(cell.get_or_init(|| Ctor {
        class: global,
        id,
        sig,
    }))
}

/// `org.lexedi.Issue(String level, String code, String field, String pointer, String message,
/// String rule, Object rejected, String[] allowed, String constraint, Object threshold,
/// String from, String to, String suggestion)`.
pub fn issue(env: &mut JNIEnv<'_>) -> JResult<&'static Ctor> {
    static CELL: OnceLock<Ctor> = OnceLock::new();
    lookup(
        env,
        &CELL,
        "org/lexedi/Issue",
        "(Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;\
         Ljava/lang/String;Ljava/lang/Object;[Ljava/lang/String;Ljava/lang/String;Ljava/lang/Object;\
         Ljava/lang/String;Ljava/lang/String;Ljava/lang/String;)V",
    )
}

/// `org.lexedi.Report(long handle, boolean valid, Issue[] errors, Issue[] warnings)`.
pub fn report(env: &mut JNIEnv<'_>) -> JResult<&'static Ctor> {
    static CELL: OnceLock<Ctor> = OnceLock::new();
    lookup(
        env,
        &CELL,
        "org/lexedi/Report",
        "(JZ[Lorg/lexedi/Issue;[Lorg/lexedi/Issue;)V",
    )
}

/// `org.lexedi.Message(long handle)`.
pub fn message(env: &mut JNIEnv<'_>) -> JResult<&'static Ctor> {
    static CELL: OnceLock<Ctor> = OnceLock::new();
    lookup(env, &CELL, "org/lexedi/Message", "(J)V")
}

/// `java.lang.String()`, for `String[]` arrays.
pub fn string(env: &mut JNIEnv<'_>) -> JResult<&'static Ctor> {
    static CELL: OnceLock<Ctor> = OnceLock::new();
    lookup(env, &CELL, "java/lang/String", "()V")
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_signature_arguments() {
        assert_eq!(super::arg_count("(J)V"), 1);
        assert_eq!(super::arg_count("()V"), 0);
        assert_eq!(
            super::arg_count("(JZ[Lorg/lexedi/Issue;[Lorg/lexedi/Issue;)V"),
            4
        );
        assert_eq!(super::arg_count("([B[[ILjava/lang/String;)V"), 3);
    }
}
