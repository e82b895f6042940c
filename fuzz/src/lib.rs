//! Fuzz targets of claimcheck, as plain functions: each takes arbitrary
//! bytes, runs one stage of the pipeline, and panics only when an invariant
//! breaks. `fuzz_targets/*.rs` hand them to libFuzzer; `tests/pathological.rs`
//! replays the saved inputs of `fuzz/regressions/` through the same code.

#[path = "bodies.rs"]
mod bodies;

pub use bodies::{check_pair, extract_bytes, load_bytes};
