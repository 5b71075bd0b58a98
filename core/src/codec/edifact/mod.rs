//! edifact codec (being implemented; see the issue tracker).

use crate::error::{Error, ErrorKind, Result};
use crate::message::Message;
use crate::options::ReadOptions;

/// Partner profile for envelopes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Profile {}
/// Reads every message in the input.
pub fn read(_input: &[u8], _opts: &ReadOptions) -> Result<Vec<Message>> {
    Err(Error::new(
        ErrorKind::UnknownFormat,
        "edifact reading is not available yet",
    ))
}

/// Writes messages in one interchange.
pub fn write(_messages: &[Message], _opts: &super::WriteOptions) -> Result<String> {
    Err(Error::new(
        ErrorKind::Unrepresentable,
        "edifact writing is not available yet",
    ))
}
