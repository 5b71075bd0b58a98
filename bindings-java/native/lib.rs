//! JNI glue for the Java library `org.lexedi:lex`.
//!
//! This crate only translates: Java arguments become `lex_core::api` calls, results become
//! Java objects, core errors become `org.lexedi.LexException` subclasses. Every export runs
//! inside [`guard::guard`], which catches panics so that a Rust panic surfaces as a
//! `LexException` with code `INTERNAL_ERROR` instead of crashing the JVM.

mod classes;
mod exports;
mod guard;
mod handles;
mod java_objects;
mod values;
