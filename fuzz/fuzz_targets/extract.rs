//! Fuzz target: see `claimcheck_fuzz::extract_bytes`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimcheck_fuzz::extract_bytes(data));
