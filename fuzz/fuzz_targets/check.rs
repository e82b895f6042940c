//! Fuzz target: see `claimcheck_fuzz::check_pair`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| claimcheck_fuzz::check_pair(data));
