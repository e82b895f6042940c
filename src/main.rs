//! The `claimcheck` binary: parses arguments, runs the subcommand, and maps
//! errors to one stderr line and exit code 2 (a closed pipe is success).

mod cli;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => code,
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "claimcheck: error: {e:#}");
            cli::Exit::Error.into()
        }
    }
}
