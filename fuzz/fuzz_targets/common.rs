//! Shared property for the reader targets: whatever a reader accepts, writing it back in the
//! same format and reading that again gives the identical tree (and nothing panics).

use lex_core::api::WriteOptions;
use lex_core::api::ReadOptions;
use lex_core::{Format, api};

pub fn read_write_read(data: &[u8], format: Format) {
    let read = ReadOptions::default();
    let Ok(messages) = api::parse_all(data, Some(format), &read) else {
        return;
    };
    let write = WriteOptions::default();
    let text = match api::serialize_all(&messages, format, &write) {
        Ok(t) => t,
        // JSON/XML hold one message; an unrepresentable message is a clean error.
        Err(_) => return,
    };
    let again = api::parse_all(text.as_bytes(), Some(format), &read)
        .unwrap_or_else(|e| panic!("re-reading our own {format} output failed: {e}\n{text}"));
    assert_eq!(messages.len(), again.len());
    for (a, b) in messages.iter().zip(&again) {
        assert_eq!(a.root(), b.root(), "{format} round trip changed the tree");
    }
}
