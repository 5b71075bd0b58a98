//! What functions accept as a message: `str`, `bytes`/`bytearray`, a mapping, or a `Message`.

use crate::errors;
use crate::message::Message;
use crate::tree;
use lex_core::api::{Limits, ReadOptions};
use lex_core::{Format, Value, api};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyString};
use std::borrow::Cow;

/// A message argument, converted from Python while the GIL is held; the core work on it runs
/// later with the GIL released (every variant is `Send`).
pub enum Input<'a> {
    /// Raw text in any of the four formats (bytes are borrowed, not copied).
    Bytes(Cow<'a, [u8]>),
    /// A tree built from a Python mapping.
    Tree(Value),
    /// An already-read message.
    Message(&'a lex_core::Message),
}

impl<'a> Input<'a> {
    /// Extracts an input; mappings are converted within `limits`.
    pub fn extract(obj: &'a Bound<'_, PyAny>, limits: &Limits) -> PyResult<Input<'a>> {
        if let Ok(m) = obj.cast::<Message>() {
            return Ok(Input::Message(&m.get().inner));
        }
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Input::Bytes(Cow::Borrowed(b.as_bytes())));
        }
        if let Ok(s) = obj.cast::<PyString>() {
            let text = s.to_cow().map_err(|_| {
                errors::to_py(
                    obj.py(),
                    &lex_core::Error::new(
                        lex_core::ErrorKind::InvalidEncoding,
                        "the text is not valid Unicode (unpaired surrogate)",
                    ),
                )
            })?;
            return Ok(Input::Bytes(match text {
                Cow::Borrowed(t) => Cow::Borrowed(t.as_bytes()),
                Cow::Owned(t) => Cow::Owned(t.into_bytes()),
            }));
        }
        if let Ok(b) = obj.cast::<PyByteArray>() {
            return Ok(Input::Bytes(Cow::Owned(b.to_vec())));
        }
        // Mappings are messages; lists and tuples go to the core too, which says why a
        // non-object is not a message (NOT_A_LEX_MESSAGE), as it does for the same JSON text.
        if obj.cast::<pyo3::types::PyMapping>().is_ok()
            || obj.is_instance_of::<pyo3::types::PyList>()
            || obj.is_instance_of::<pyo3::types::PyTuple>()
        {
            return tree::to_value(obj, limits).map(Input::Tree);
        }
        let type_name = obj.get_type().name()?.to_cow()?.into_owned();
        Err(errors::argument(
            obj.py(),
            format!("expected a message as str, bytes, dict or lex.Message, not {type_name}"),
        ))
    }

    /// Reads the input as exactly one message.
    pub fn message(
        self,
        format: Option<Format>,
        read: &ReadOptions,
    ) -> lex_core::Result<Cow<'a, lex_core::Message>> {
        match self {
            Input::Bytes(b) => api::parse(&b, format, read).map(Cow::Owned),
            Input::Tree(v) => api::from_value(v).map(Cow::Owned),
            Input::Message(m) => Ok(Cow::Borrowed(m)),
        }
    }

    /// Reads every message of the input.
    pub fn messages(
        self,
        format: Option<Format>,
        read: &ReadOptions,
    ) -> lex_core::Result<Vec<lex_core::Message>> {
        match self {
            Input::Bytes(b) => api::parse_all(&b, format, read),
            Input::Tree(v) => api::from_value(v).map(|m| vec![m]),
            Input::Message(m) => Ok(vec![m.clone()]),
        }
    }
}
