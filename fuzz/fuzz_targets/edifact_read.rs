#![no_main]
//! Fuzzes the edifact reader: no panic, no hang, and read → write → read is the identity.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    common::read_write_read(data, lex_core::Format::Edifact);
});
