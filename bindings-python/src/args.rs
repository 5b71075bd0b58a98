//! Typed arguments: each converts a Python value with the core's parser (`lex_core::api::
//! parse_*`), so a wrong type, an unknown name, a level of 0 or 4 and a negative limit all
//! raise `lex.ArgumentError` with the core's code and text.

use crate::errors;
use lex_core::api;
use lex_core::api::TransitionPolicy;
use lex_core::{Format, MessageType};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyInt, PyString};

fn text<'py>(obj: &Bound<'py, PyAny>, name: &str) -> PyResult<String> {
    match obj.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(errors::to_py(obj.py(), &api::wrong_type(name, "a string"))),
    }
}

fn int(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<i64> {
    // bool is an int subclass in Python; `level=True` is a mistake, not level 1.
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(errors::to_py(
            obj.py(),
            &api::wrong_type(name, "an integer"),
        ));
    }
    // An int beyond i64 is out of every range: report it as the largest value.
    Ok(obj.extract::<i64>().unwrap_or(i64::MAX))
}

macro_rules! named_arg {
    ($(#[$doc:meta])* $ty:ident, $inner:ty, $name:literal, $parse:path) => {
        $(#[$doc])*
        pub struct $ty(pub $inner);

        impl<'a, 'py> FromPyObject<'a, 'py> for $ty {
            type Error = PyErr;
            fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
                let name = text(&obj, $name)?;
                $parse(&name).map($ty).map_err(|e| errors::to_py(obj.py(), &e))
            }
        }
    };
}

named_arg!(
    /// A format name (`json`, `xml`, `x12`, `edifact`).
    FormatArg, Format, "format", api::parse_format
);
named_arg!(
    /// A transition policy name (`default`, `strict-table`).
    PolicyArg, TransitionPolicy, "policy", api::parse_policy
);
named_arg!(
    /// A message type wire name (`LEAD`, ...).
    MessageTypeArg, MessageType, "message_type", api::parse_message_type
);

/// A conformance level: 1, 2 or 3.
pub struct LevelArg(pub u8);

impl<'a, 'py> FromPyObject<'a, 'py> for LevelArg {
    type Error = PyErr;
    fn extract(obj: pyo3::Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let level = int(&obj, "level")?;
        api::parse_level(level)
            .map(LevelArg)
            .map_err(|e| errors::to_py(obj.py(), &e))
    }
}

/// A resource limit: a positive integer (the parameter name is given by the caller).
pub fn limit(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<usize> {
    let value = int(obj, name)?;
    api::parse_limit(name, value).map_err(|e| errors::to_py(obj.py(), &e))
}
