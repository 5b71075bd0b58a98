//! Timing for the small throughput programs (`edi-speed`, `xml-speed`); the published figures
//! come from criterion and the per-language harnesses.

use std::time::{Duration, Instant};

/// Best time per call of `f` over `rounds` rounds of at least 0.2 s each, after one warm-up
/// call.
pub fn best_per_call(rounds: u32, mut f: impl FnMut()) -> Duration {
    f();
    let mut best = Duration::MAX;
    for _ in 0..rounds {
        let start = Instant::now();
        let mut n = 0u32;
        while start.elapsed() < Duration::from_millis(200) {
            f();
            n += 1;
        }
        best = best.min(start.elapsed() / n.max(1));
    }
    best
}

/// The value of `--rounds`: a positive number, else `None`.
pub fn rounds_arg(value: Option<String>) -> Option<u32> {
    value.and_then(|n| n.parse().ok()).filter(|n| *n > 0)
}
