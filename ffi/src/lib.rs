//! # lex-ffi: the C ABI of the LEX 1.0 toolkit
//!
//! Builds `liblex.so` and `liblex.a`; the header `include/lex.h` is generated from this crate
//! by a pinned cbindgen (`make header`). Conventions (see `ARCHITECTURE.md` next to this
//! crate): every symbol is `lex_<type>_<verb>`; handles are opaque and each has exactly one
//! `_free`; inputs are `(const uint8_t *ptr, size_t len)` UTF-8; owned text comes back as a
//! [`lex_buf`] freed with [`lex_buf_free`]; every fallible function returns a [`lex_status`],
//! writes its outputs only on success and can hand back a [`lex_error`]; no panic crosses
//! the boundary.
//!
//! This crate only translates: every operation is one call into `lex_core::api`.

// The C names are the API: `lex_message`, `LEX_STATUS_OK`, ... are spelled as C sees them.
#![allow(non_camel_case_types)]
// Every exported function shares one safety contract, written once in the header preamble
// and in ARCHITECTURE.md ("pointers are NULL or valid for the stated length; handles come
// from this library and are not used after their `_free`"), instead of 100 copies.
#![allow(clippy::missing_safety_doc)]
#![deny(missing_docs)]

mod args;
mod boundary;
mod builder;
mod constants;
#[cfg(feature = "debug-hooks")]
mod debug;
mod error;
mod exchange;
mod lifecycle;
mod message;
mod options;
mod receiver;
mod report;
mod types;

pub use args::*;
pub use boundary::lex_status;
pub use builder::*;
pub use constants::*;
#[cfg(feature = "debug-hooks")]
pub use debug::*;
pub use error::*;
pub use exchange::*;
pub use lifecycle::*;
pub use message::*;
pub use options::*;
pub use receiver::*;
pub use report::*;
pub use types::*;

#[cfg(test)]
mod tests {
    /// The thread-safety promises of the header hold at the type level: every shared handle
    /// wraps `Send + Sync` data.
    #[test]
    fn shared_handles_are_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<crate::lex_message>();
        check::<crate::lex_message_list>();
        check::<crate::lex_report>();
        check::<crate::lex_receipt>();
        check::<crate::lex_receipt_list>();
        check::<crate::lex_receiver>();
        check::<crate::lex_error>();
        check::<crate::lex_forward_decision>();
    }

    #[test]
    fn abi_version_packs_major_and_minor() {
        assert_eq!(crate::lex_abi_version() >> 16, crate::LEX_ABI_VERSION_MAJOR);
        assert_eq!(
            crate::lex_abi_version() & 0xFFFF,
            crate::LEX_ABI_VERSION_MINOR
        );
    }
}
