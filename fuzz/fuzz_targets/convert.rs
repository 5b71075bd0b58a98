#![no_main]
//! Fuzzes detect + convert: any input that reads converts to every format, and every
//! conversion reads back to the identical tree.

use lex_core::api::WriteOptions;
use lex_core::api::ReadOptions;
use lex_core::{Format, api};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let read = ReadOptions::default();
    let Some(from) = api::detect(data) else { return };
    let Ok(messages) = api::parse_all(data, Some(from), &read) else {
        return;
    };
    if messages.len() != 1 {
        return;
    }
    for to in Format::ALL {
        let Ok(text) = api::serialize(&messages[0], to, &WriteOptions::default()) else {
            continue;
        };
        let back = api::parse(text.as_bytes(), Some(to), &read)
            .unwrap_or_else(|e| panic!("{from} -> {to}: our output does not read back: {e}\n{text}"));
        assert_eq!(messages[0].root(), back.root(), "{from} -> {to} changed the tree");
    }
});
