//! `claimcheck check`: compare claims across documents and report findings.
//!
//! Placeholder written by the extract/CLI engineer so the command tree
//! compiles; the comparer engineer replaces it (same names and signatures).

use std::process::ExitCode;

use super::Common;

/// Options of `claimcheck check` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {}

/// Options of `claimcheck compare` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// The topic or entity to compare (e.g. "Rwanda").
    pub topic: String,
}

pub fn run(_args: &CheckArgs, _common: &Common) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`claimcheck check` is not implemented yet")
}

pub fn run_compare(_args: &CompareArgs, _common: &Common) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`claimcheck compare` is not implemented yet")
}
