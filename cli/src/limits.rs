//! Command-line flags for the readers' resource limits (same defaults as the library).

use lex_core::api::Limits;

/// `--max-bytes`, `--max-depth`, `--max-string-bytes`, `--max-nodes`.
#[derive(clap::Args, Clone, Debug)]
pub struct LimitArgs {
    /// Largest accepted input (one message, or one NDJSON line), in bytes [default: 67108864].
    #[arg(long, value_name = "BYTES")]
    max_bytes: Option<usize>,
    /// Deepest accepted nesting [default: 128].
    #[arg(long, value_name = "N")]
    max_depth: Option<usize>,
    /// Longest accepted string or EDI element, in bytes [default: 16777216].
    #[arg(long, value_name = "BYTES")]
    max_string_bytes: Option<usize>,
    /// Most values, elements or segments in one input [default: 4000000].
    #[arg(long, value_name = "N")]
    max_nodes: Option<usize>,
}

impl LimitArgs {
    /// The limits: defaults overridden by the flags given.
    pub fn to_limits(&self) -> Limits {
        let d = Limits::default();
        Limits {
            max_input_bytes: self.max_bytes.unwrap_or(d.max_input_bytes),
            max_depth: self.max_depth.unwrap_or(d.max_depth),
            max_string_bytes: self.max_string_bytes.unwrap_or(d.max_string_bytes),
            max_nodes: self.max_nodes.unwrap_or(d.max_nodes),
            ..d
        }
    }
}
