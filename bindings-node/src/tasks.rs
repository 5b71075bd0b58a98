//! Async variants: the work runs on the libuv thread pool (N-API async work), the event loop
//! stays free. The input is copied (bytes) or shared (`Arc<Message>`) into the task, so the
//! caller may reuse its buffer at once. Panics are caught in `compute`, which napi-rs does not
//! do for async work.

use crate::args::{self, ReadArgs, ValidateArgs, WriteArgs};
use crate::error::{guard, guard_core, to_napi};
use crate::js_out::JsReport;
use crate::message::NativeMessage;
use lex_core::api::ReadOptions;
use lex_core::api::ValidateOptions;
use lex_core::api::WriteOptions;
use lex_core::{Format, Message, Report, api};
use napi::bindgen_prelude::{AsyncTask, Uint8ArraySlice};
use napi::{Env, Task};
use napi_derive::napi;
use std::sync::Arc;

/// What an async task works on.
pub enum Input {
    /// Raw bytes in any format.
    Bytes(Vec<u8>, Option<Format>),
    /// An already-read message.
    Message(Arc<Message>),
}

/// The outcome of the work, turned into a JavaScript value or error on the main thread.
type Outcome<T> = lex_core::Result<T>;

fn settle<T>(r: Outcome<T>) -> napi::Result<T> {
    r.map_err(|e| to_napi(&e))
}

/// `validateAsync`: validation; resolves to the report as a plain object.
pub struct ValidateTask {
    input: Input,
    opts: ValidateOptions,
}

impl Task for ValidateTask {
    type Output = Outcome<Report>;
    type JsValue = JsReport;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(guard_core(|| match &self.input {
            Input::Bytes(b, f) => api::validate_input(b, *f, &self.opts),
            Input::Message(m) => Ok(api::validate(m, &self.opts)),
        }))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<JsReport> {
        settle(output).map(JsReport)
    }
}

/// `convertAsync`: conversion or serialisation; resolves to the text.
pub struct ConvertTask {
    input: Input,
    to: Format,
    read: ReadOptions,
    write: WriteOptions,
}

impl Task for ConvertTask {
    type Output = Outcome<String>;
    type JsValue = String;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(guard_core(|| match &self.input {
            Input::Bytes(b, from) => api::convert(b, self.to, *from, &self.read, &self.write),
            Input::Message(m) => api::serialize(m, self.to, &self.write),
        }))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<String> {
        settle(output)
    }
}

/// `parseAsync`: reads one message.
pub struct ParseTask {
    input: Vec<u8>,
    format: Option<Format>,
    read: ReadOptions,
}

impl Task for ParseTask {
    type Output = Outcome<Message>;
    type JsValue = NativeMessage;

    fn compute(&mut self) -> napi::Result<Self::Output> {
        Ok(guard_core(|| {
            api::parse(&self.input, self.format, &self.read)
        }))
    }

    fn resolve(&mut self, _env: Env, output: Self::Output) -> napi::Result<NativeMessage> {
        settle(output).map(NativeMessage::new)
    }
}

/// Validates bytes on the thread pool.
#[napi(catch_unwind, ts_return_type = "Promise<string>")]
pub fn validate_async(
    input: Uint8ArraySlice,
    options: Option<ValidateArgs>,
) -> napi::Result<AsyncTask<ValidateTask>> {
    guard(|| {
        let (format, opts) = args::validate(options.as_ref())?;
        Ok(AsyncTask::new(ValidateTask {
            input: Input::Bytes(input.to_vec(), format),
            opts,
        }))
    })
}

/// Validates a message on the thread pool.
#[napi(catch_unwind, ts_return_type = "Promise<string>")]
pub fn validate_message_async(
    message: &NativeMessage,
    options: Option<ValidateArgs>,
) -> napi::Result<AsyncTask<ValidateTask>> {
    guard(|| {
        let (_, opts) = args::validate(options.as_ref())?;
        Ok(AsyncTask::new(ValidateTask {
            input: Input::Message(Arc::clone(&message.inner)),
            opts,
        }))
    })
}

/// Converts bytes on the thread pool.
#[napi(catch_unwind, ts_return_type = "Promise<string>")]
pub fn convert_async(
    input: Uint8ArraySlice,
    to: String,
    options: Option<WriteArgs>,
) -> napi::Result<AsyncTask<ConvertTask>> {
    guard(|| {
        let to = args::required_format(&to)?;
        let (from, read, write) = args::write(options.as_ref())?;
        Ok(AsyncTask::new(ConvertTask {
            input: Input::Bytes(input.to_vec(), from),
            to,
            read,
            write,
        }))
    })
}

/// Writes a message in another format on the thread pool.
#[napi(catch_unwind, ts_return_type = "Promise<string>")]
pub fn serialize_async(
    message: &NativeMessage,
    to: String,
    options: Option<WriteArgs>,
) -> napi::Result<AsyncTask<ConvertTask>> {
    guard(|| {
        let to = args::required_format(&to)?;
        let (_, read, write) = args::write(options.as_ref())?;
        Ok(AsyncTask::new(ConvertTask {
            input: Input::Message(Arc::clone(&message.inner)),
            to,
            read,
            write,
        }))
    })
}

/// Reads one message on the thread pool.
#[napi(catch_unwind, ts_return_type = "Promise<NativeMessage>")]
pub fn parse_async(
    input: Uint8ArraySlice,
    options: Option<ReadArgs>,
) -> napi::Result<AsyncTask<ParseTask>> {
    guard(|| {
        let (format, read) = args::read(options.as_ref())?;
        Ok(AsyncTask::new(ParseTask {
            input: input.to_vec(),
            format,
            read,
        }))
    })
}
