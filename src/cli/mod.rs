//! The command line: argument parsing, configuration and exit codes.

pub mod check;
pub mod extract;
