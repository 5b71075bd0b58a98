//! Readers and writers for the four wire formats.
//!
//! Every reader turns bytes into one or more [`Message`]s (an X12 or EDIFACT interchange may
//! carry several); every writer turns messages into text. Readers enforce
//! [`crate::options::Limits`] and report normalisations as warnings on the message.

pub mod edi;
pub mod edifact;
pub mod json_read;
pub mod json_write;
pub mod x12;
pub mod xml;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::format::{Format, detect};
use crate::message::Message;
use crate::options::ReadOptions;
use crate::report::{Issue, Level};

/// Options for writing any format.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOptions {
    /// Pretty output (JSON indentation, XML indentation, a line break after each EDI segment).
    /// Default true.
    pub pretty: bool,
    /// Partner profile for X12 envelopes.
    pub x12: x12::Profile,
    /// Partner profile for EDIFACT envelopes.
    pub edifact: edifact::Profile,
}

impl Default for WriteOptions {
    fn default() -> Self {
        WriteOptions {
            pretty: true,
            x12: x12::Profile::default(),
            edifact: edifact::Profile::default(),
        }
    }
}

/// Resolves the format to read: the one given, else detection from content.
pub fn resolve_format(input: &[u8], format: Option<Format>) -> Result<Format> {
    if let Some(f) = format {
        return Ok(f);
    }
    detect(input).ok_or_else(|| {
        let trimmed = input.iter().all(|b| b.is_ascii_whitespace());
        if input.is_empty() || trimmed {
            Error::at(ErrorKind::EmptyInput, "the input is empty", Location::at_offset(input, 0))
        } else {
            Error::at(
                ErrorKind::UnknownFormat,
                "cannot detect the format: expected '{' (JSON), '<' (XML), 'ISA' (X12) or 'UNA'/'UNB' (EDIFACT)",
                Location::at_offset(input, 0),
            )
        }
    })
}

/// Reads every message in `input`.
pub fn read(input: &[u8], format: Format, opts: &ReadOptions) -> Result<Vec<Message>> {
    match format {
        Format::Json => read_json(input, opts).map(|m| vec![m]),
        Format::Xml => xml::read(input, opts),
        Format::X12 => x12::read(input, opts),
        Format::Edifact => edifact::read(input, opts),
    }
}

/// Reads one JSON-EDI message.
pub fn read_json(input: &[u8], opts: &ReadOptions) -> Result<Message> {
    let value = json_read::parse(input, &opts.limits)?;
    let mut issues = Vec::new();
    if input.starts_with(b"\xEF\xBB\xBF") {
        issues.push(Issue::new(
            Level::Warning,
            "BOM_STRIPPED",
            "",
            "",
            "a UTF-8 byte-order mark at the start of the input was ignored",
        ));
    }
    Message::from_value_with_issues(value, Format::Json, issues)
}

/// Writes messages in `format`. JSON and XML hold exactly one message per document;
/// X12 and EDIFACT put several messages in one interchange. The writer's warnings (see
/// [`write_with_warnings`]) are not returned here.
pub fn write(messages: &[Message], format: Format, opts: &WriteOptions) -> Result<String> {
    write_with_warnings(messages, format, opts).map(|(text, _)| text)
}

/// Writes messages in `format` and returns the writer's warnings with the text: today only
/// [`PLACEHOLDER_ID_CODE`], when an X12 or EDIFACT interchange id had to be invented.
pub fn write_with_warnings(
    messages: &[Message],
    format: Format,
    opts: &WriteOptions,
) -> Result<(String, Vec<Issue>)> {
    let mut warnings = Vec::new();
    let text = match format {
        Format::Json | Format::Xml if messages.len() != 1 => {
            return Err(Error::invalid_argument(format!(
                "a {format} document holds exactly one message, got {}",
                messages.len()
            )));
        }
        Format::Json => messages[0].to_json(opts.pretty),
        Format::Xml => xml::write(&messages[0], opts)?,
        Format::X12 => x12::write_reporting(messages, opts, &mut warnings)?,
        Format::Edifact => edifact::write_reporting(messages, opts, &mut warnings)?,
    };
    Ok((text, warnings))
}

/// The interchange id that the X12 and EDIFACT writers use when the first message has no
/// usable `header.senderId` (or `receiverId`) and the partner profile sets none: ISA06/ISA08
/// or UNB 0004/0010 become `LEX`, with a [`PLACEHOLDER_ID_CODE`] warning. The payload block
/// still carries the header as it is, so reading the interchange back gives the message
/// without the id. X12's `strict_ids` profile refuses the placeholder (`UNREPRESENTABLE`).
pub const PLACEHOLDER_ID: &str = "LEX";

/// The warning code for [`PLACEHOLDER_ID`].
pub const PLACEHOLDER_ID_CODE: &str = "EDI_PLACEHOLDER_ID";

/// The warning that `field` (`senderId`/`receiverId`) was written as [`PLACEHOLDER_ID`] in
/// `element` (`ISA06`, `UNB S002 0004`, ...).
pub(crate) fn placeholder_warning(field: &str, element: &str) -> Issue {
    let pointer = format!("/lex/header/{field}");
    Issue::new(
        Level::Warning,
        PLACEHOLDER_ID_CODE,
        crate::normalize::pointer_to_field(&pointer),
        pointer,
        format!(
            "no header.{field} and no partner-profile id: {element} was written as the placeholder {PLACEHOLDER_ID:?}"
        ),
    )
}
