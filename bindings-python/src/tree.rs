//! Python objects ↔ the core's `Value` tree, walked directly (no JSON text in between).
//!
//! Both directions use an explicit stack instead of recursion, so a deeply nested (or, from
//! Python, cyclic) structure is a `DEPTH_LIMIT_EXCEEDED` error rather than a stack overflow.

use crate::errors;
use lex_core::api::Limits;
use lex_core::value::{Map, Number, escape_pointer_token};
use lex_core::{Error, ErrorKind, Location, Value};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString, PyTuple, PyType,
};

/// A container being filled while walking a Python object.
struct Pending<'py> {
    /// The object (keys present) or array being built.
    node: Node,
    /// The key under which the next child goes (objects only).
    key: Option<String>,
    /// The children still to convert, with their keys for objects.
    children: std::vec::IntoIter<(Option<String>, Bound<'py, PyAny>)>,
}

enum Node {
    Object(Map),
    Array(Vec<Value>),
}

impl Pending<'_> {
    fn add(&mut self, value: Value) {
        match &mut self.node {
            Node::Object(m) => {
                m.insert(self.key.take().unwrap_or_default(), value);
            }
            Node::Array(a) => a.push(value),
        }
    }

    fn finish(self) -> Value {
        match self.node {
            Node::Object(m) => Value::Object(m),
            Node::Array(a) => Value::Array(a),
        }
    }
}

enum Converted<'py> {
    Leaf(Value),
    Container(Pending<'py>),
}

static DECIMAL: PyOnceLock<Py<PyType>> = PyOnceLock::new();

fn pointer(stack: &[Pending<'_>]) -> String {
    let mut p = String::new();
    for frame in stack {
        p.push('/');
        match (&frame.node, &frame.key) {
            (Node::Object(_), Some(k)) => p.push_str(&escape_pointer_token(k)),
            (Node::Array(a), _) => p.push_str(&a.len().to_string()),
            (Node::Object(_), None) => {}
        }
    }
    p
}

fn bad(stack: &[Pending<'_>], kind: ErrorKind, message: String) -> Error {
    Error::at(kind, message, Location::path(pointer(stack)))
}

fn number(lexeme: &str) -> Option<Value> {
    Number::from_lexeme(lexeme).map(Value::Number)
}

/// Converts one Python object: a leaf value, or a container whose children are pending.
fn convert_one<'py>(obj: &Bound<'py, PyAny>, stack: &[Pending<'py>]) -> PyResult<Converted<'py>> {
    let py = obj.py();
    let unsupported = |what: String| -> PyErr {
        errors::to_py(
            py,
            &bad(
                stack,
                ErrorKind::InvalidArgument,
                format!(
                    "cannot convert {what} to a LEX value (use dict, list, str, int, float, bool or None)"
                ),
            ),
        )
    };
    if obj.is_none() {
        return Ok(Converted::Leaf(Value::Null));
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Converted::Leaf(Value::Bool(b.is_true())));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow().map_err(|_| {
            errors::to_py(
                py,
                &bad(
                    stack,
                    ErrorKind::InvalidEncoding,
                    "the string is not valid Unicode (unpaired surrogate)".into(),
                ),
            )
        })?;
        return Ok(Converted::Leaf(Value::String(text.into_owned())));
    }
    if obj.is_instance_of::<PyInt>() {
        // `int(obj)` drops subclass behaviour (an IntEnum's str() is its name).
        let exact = py.get_type::<PyInt>().call1((obj,))?;
        let lexeme = exact.str()?.to_cow()?.into_owned();
        return number(&lexeme)
            .map(Converted::Leaf)
            .ok_or_else(|| unsupported(format!("the int {lexeme}")));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        // Python's repr is the shortest text that reads back as the same float.
        let lexeme = PyFloat::new(py, f.value()).repr()?.to_cow()?.into_owned();
        return number(&lexeme)
            .map(Converted::Leaf)
            .ok_or_else(|| unsupported(format!("the float {lexeme} (not finite)")));
    }
    let decimal = DECIMAL.import(py, "decimal", "Decimal")?;
    if obj.is_instance(decimal)? {
        let lexeme = obj.str()?.to_cow()?.into_owned();
        return number(&lexeme)
            .map(Converted::Leaf)
            .ok_or_else(|| unsupported(format!("the Decimal {lexeme}")));
    }
    let (node, children) = if let Ok(d) = obj.cast::<PyDict>() {
        (
            Node::Object(lex_core::value::map_with_capacity(d.len())),
            keyed(d.items().into_any(), stack)?,
        )
    } else if let Ok(m) = obj.cast::<PyMapping>() {
        (
            Node::Object(Map::default()),
            keyed(m.items()?.into_any(), stack)?,
        )
    } else if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let seq = obj.cast::<PySequence>()?;
        let mut items = Vec::with_capacity(seq.len()?);
        for item in seq.try_iter()? {
            items.push((None, item?));
        }
        (Node::Array(Vec::with_capacity(items.len())), items)
    } else {
        let type_name = obj.get_type().name()?.to_cow()?.into_owned();
        return Err(unsupported(format!("a value of type {type_name}")));
    };
    Ok(Converted::Container(Pending {
        node,
        key: None,
        children: children.into_iter(),
    }))
}

/// The `(key, value)` pairs of a mapping's items, in iteration order; keys must be `str`.
fn keyed<'py>(
    items: Bound<'py, PyAny>,
    stack: &[Pending<'py>],
) -> PyResult<Vec<(Option<String>, Bound<'py, PyAny>)>> {
    let py = items.py();
    let mut out = Vec::new();
    for pair in items.try_iter()? {
        let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = pair?.extract()?;
        let key = match k.cast::<PyString>() {
            Ok(s) => s.to_cow()?.into_owned(),
            Err(_) => {
                let shown = k.repr()?.to_cow()?.into_owned();
                return Err(errors::to_py(
                    py,
                    &bad(
                        stack,
                        ErrorKind::InvalidArgument,
                        format!("object keys must be str, not {shown}"),
                    ),
                ));
            }
        };
        out.push((Some(key), v));
    }
    Ok(out)
}

/// Converts a Python object (dict, list, str, int, float, Decimal, bool, None) into a tree,
/// preserving key order. Nesting deeper than `limits.max_depth` or more than
/// `limits.max_nodes` values is a limit error.
pub fn to_value(root: &Bound<'_, PyAny>, limits: &Limits) -> PyResult<Value> {
    let py = root.py();
    let mut stack: Vec<Pending<'_>> = Vec::new();
    let mut next = root.clone();
    let mut nodes: usize = 0;
    loop {
        nodes += 1;
        if nodes > limits.max_nodes {
            let e = bad(
                &stack,
                ErrorKind::CountLimit,
                format!("more than {} values", limits.max_nodes),
            );
            return Err(errors::to_py(py, &e));
        }
        let mut done = match convert_one(&next, &stack)? {
            Converted::Leaf(v) => Some(v),
            Converted::Container(p) => {
                if stack.len() >= limits.max_depth {
                    let e = bad(
                        &stack,
                        ErrorKind::DepthLimit,
                        format!("nesting deeper than {} levels", limits.max_depth),
                    );
                    return Err(errors::to_py(py, &e));
                }
                stack.push(p);
                None
            }
        };
        // Attach finished values to their parents until a parent has a child left to convert.
        loop {
            let Some(top) = stack.last_mut() else {
                return Ok(done.unwrap_or_default());
            };
            if let Some(v) = done.take() {
                top.add(v);
            }
            if let Some((key, child)) = top.children.next() {
                top.key = key;
                next = child;
                break;
            }
            done = stack.pop().map(Pending::finish);
        }
    }
}

fn leaf<'py>(py: Python<'py>, v: &Value) -> PyResult<Option<Bound<'py, PyAny>>> {
    Ok(Some(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Number(n) => {
            let lexeme = n.lexeme();
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if lexeme.contains(['.', 'e', 'E']) {
                // The core only stores valid JSON numbers, which Python's float() accepts.
                py.get_type::<PyFloat>().call1((lexeme,))?
            } else {
                // An integer beyond 64 bits: Python ints are unbounded.
                py.get_type::<PyInt>().call1((lexeme,))?
            }
        }
        Value::Array(_) | Value::Object(_) => return Ok(None),
    }))
}

enum Children<'a> {
    Array(std::slice::Iter<'a, Value>),
    Object(indexmap::map::Iter<'a, String, Value>),
}

fn empty_container<'py, 'a>(
    py: Python<'py>,
    v: &'a Value,
) -> Option<(Bound<'py, PyAny>, Children<'a>)> {
    match v {
        Value::Array(a) => Some((PyList::empty(py).into_any(), Children::Array(a.iter()))),
        Value::Object(m) => Some((PyDict::new(py).into_any(), Children::Object(m.iter()))),
        _ => None,
    }
}

/// Converts a tree into plain Python objects: dict (key order kept), list, str, int (integer
/// lexemes), float (other numbers), bool, None.
pub fn to_py<'py>(py: Python<'py>, root: &Value) -> PyResult<Bound<'py, PyAny>> {
    if let Some(obj) = leaf(py, root)? {
        return Ok(obj);
    }
    let Some((top, children)) = empty_container(py, root) else {
        return Ok(py.None().into_bound(py));
    };
    let mut stack = vec![(top.clone(), children)];
    while let Some((container, children)) = stack.last_mut() {
        let (key, child) = match children {
            Children::Array(it) => match it.next() {
                Some(c) => (None, c),
                None => {
                    stack.pop();
                    continue;
                }
            },
            Children::Object(it) => match it.next() {
                Some((k, c)) => (Some(k), c),
                None => {
                    stack.pop();
                    continue;
                }
            },
        };
        let (obj, nested) = match leaf(py, child)? {
            Some(obj) => (obj, None),
            None => match empty_container(py, child) {
                Some((obj, nested)) => (obj.clone(), Some((obj, nested))),
                None => (py.None().into_bound(py), None),
            },
        };
        match key {
            Some(k) => container.cast::<PyDict>()?.set_item(k, obj)?,
            None => container.cast::<PyList>()?.append(obj)?,
        }
        if let Some(frame) = nested {
            stack.push(frame);
        }
    }
    Ok(top)
}
