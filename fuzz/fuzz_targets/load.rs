//! Fuzz target: see `claimcheck_fuzz::load_bytes`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimcheck_fuzz::load_bytes(data));
