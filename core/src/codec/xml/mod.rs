//! xml codec (being implemented; see the issue tracker).

use crate::error::{Error, ErrorKind, Result};
use crate::message::Message;
use crate::options::ReadOptions;

/// Reads every message in the input.
pub fn read(_input: &[u8], _opts: &ReadOptions) -> Result<Vec<Message>> {
    Err(Error::new(
        ErrorKind::UnknownFormat,
        "xml reading is not available yet",
    ))
}

/// Writes one message.
pub fn write(_message: &Message, _opts: &super::WriteOptions) -> Result<String> {
    Err(Error::new(
        ErrorKind::Unrepresentable,
        "xml writing is not available yet",
    ))
}
