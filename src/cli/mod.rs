//! The command line: argument parsing (clap derive), the options shared by
//! every subcommand ([`Common`]), document loading with error reporting,
//! output files written atomically, and the mapping of outcomes to exit codes.
//!
//! Subcommands live in their own files (`extract.rs`, `check.rs`); each takes
//! its own clap struct plus [`Common`] and returns the process exit code.
//! `-j N` sizes the one rayon thread pool every stage runs on; the progress
//! bar is in `progress.rs`.

pub mod check;
pub mod extract;
pub mod progress;

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Parser, Subcommand, ValueEnum};

use claimcheck::document::{self, Entry, Event, LoadOptions};

/// Exit codes, explained in every `--help`.
pub const EXIT_CODES: &str = "\
Exit status:
  0  success (for check: no finding fails the gate)
  1  findings fail the gate (check, see --fail-on; accepted and suppressed
     findings do not fail)
  2  usage or configuration error, or an input that could not be read (each
     named on stderr)
Writing with --output does not change the exit status; a closed output pipe
(e.g. `| head`) counts as success.";

/// The process outcome, mapped to an exit code in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// Everything read; nothing fails the gate.
    Ok,
    /// Findings fail the gate.
    Findings,
    /// Usage, configuration or input error.
    Error,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        match e {
            Exit::Ok => ExitCode::SUCCESS,
            Exit::Findings => ExitCode::from(1),
            Exit::Error => ExitCode::from(2),
        }
    }
}

/// claimcheck: find the numeric and dated claims in news articles and check
/// whether articles agree.
#[derive(Debug, Parser)]
#[command(name = "claimcheck", version, after_help = EXIT_CODES)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print the claims (money, percent, count, duration, measure, date) found in articles.
    #[command(after_help = extract::AFTER_HELP)]
    Extract {
        #[command(flatten)]
        args: extract::ExtractArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Compare claims across articles and report agreements and conflicts;
    /// the review gate for CI (config, baseline, suppressions, exit codes).
    #[command(after_help = check::AFTER_HELP)]
    Check {
        #[command(flatten)]
        args: check::CheckArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Show the comparison table for one topic or entity.
    #[command(after_help = EXIT_CODES)]
    Compare {
        #[command(flatten)]
        args: check::CompareArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Accept a finding: record it in the baseline with a reason, so it no
    /// longer fails `check` (until its claims change).
    #[command(after_help = EXIT_CODES)]
    Accept {
        #[command(flatten)]
        args: check::AcceptArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Write the self-contained HTML report (`check --format html`) to
    /// --output [default: report.html on a terminal, else stdout].
    #[command(after_help = EXIT_CODES)]
    Report {
        #[command(flatten)]
        args: check::ReportArgs,
        #[command(flatten)]
        common: Common,
    },
    /// Write a commented starter claimcheck.toml in the current directory.
    #[command(after_help = EXIT_CODES)]
    Init {
        /// Overwrite an existing claimcheck.toml.
        #[arg(long)]
        force: bool,
    },
}

/// Output formats. Each subcommand supports a subset (see its `--help`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    /// A table for people (the default on a terminal).
    Table,
    /// One JSON object with a versioned schema (the default otherwise).
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
    /// A Markdown report (check).
    Markdown,
    /// Compiler-style diagnostics (check).
    Text,
    /// SARIF 2.1.0 (check).
    Sarif,
    /// GitHub Actions workflow commands (check).
    Github,
    /// reviewdog JSON Lines (check).
    Rdjsonl,
    /// A self-contained HTML report (check).
    Html,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless NO_COLOR is set.
    #[default]
    Auto,
    Always,
    Never,
}

/// Options shared by every subcommand.
#[derive(Debug, Clone, clap::Args)]
pub struct Common {
    /// Articles to read: files, directories (read recursively, in sorted
    /// order) or `-` for stdin. Formats: .txt, .md (front matter), .jsonl.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Publication date for every article read (YYYY-MM-DD, "March 20, 2018"
    /// or "20 March 2018"); overrides front matter and datelines. Relative
    /// dates ("last week") resolve against it.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    pub published: Option<NaiveDate>,

    /// Output format [default: table on a terminal, json otherwise].
    #[arg(long, short = 'f', value_enum, value_name = "FORMAT")]
    pub format: Option<OutputFormat>,

    /// Write the output to FILE (atomically: a temporary file in the same
    /// directory, then renamed) instead of stdout. Does not change the exit code.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print only what fails: errors on stderr and, for check, the findings
    /// that fail the gate. Also hides the progress bar (shown on a terminal
    /// for runs longer than a second).
    #[arg(long, short = 'q')]
    pub quiet: bool,

    /// When to use colour (NO_COLOR is honoured in auto mode).
    #[arg(long, value_enum, value_name = "WHEN", default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Extract documents on at most N threads [default: the number of
    /// cores]. The output is the same whatever N.
    #[arg(long = "threads", short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
}

fn parse_published(s: &str) -> Result<NaiveDate, String> {
    document::published::parse_date(s)
        .ok_or_else(|| format!("{s:?} is not a date (use YYYY-MM-DD, e.g. 2018-03-20)"))
}

impl Common {
    /// The format to write: the one asked for, else table on a terminal
    /// (when writing to stdout) and json otherwise.
    pub fn format_or_default(&self) -> OutputFormat {
        self.format.unwrap_or_else(|| {
            if self.output.is_none() && io::stdout().is_terminal() {
                OutputFormat::Table
            } else {
                OutputFormat::Json
            }
        })
    }

    /// Whether to colour the output (stdout is a terminal in auto mode).
    pub fn color_enabled(&self) -> bool {
        match self.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                self.output.is_none()
                    && io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
            }
        }
    }

    /// The terminal width when writing to a terminal.
    pub fn terminal_width(&self) -> Option<u16> {
        if self.output.is_some() || !io::stdout().is_terminal() {
            return None;
        }
        std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.parse().ok())
            .or_else(|| comfy_table::Table::new().width())
            .or(Some(120))
    }

    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            published: self.published,
        }
    }

    /// The thread count: `-j N`, else the number of cores.
    pub fn threads(&self) -> usize {
        match self.threads {
            Some(n) => usize::from(n),
            None => std::thread::available_parallelism().map_or(1, |n| n.get()),
        }
    }
}

/// What [`load_documents`] read: the documents (with their claims when read
/// from claims files) and how many inputs failed.
#[derive(Debug, Default)]
pub struct Inputs {
    pub entries: Vec<Entry>,
    pub errors: usize,
}

/// The stderr line of a load event that is not a document.
pub fn load_message(event: &Event) -> Option<String> {
    match event {
        Event::Document(_) => None,
        Event::Error(e) => Some(format!("claimcheck: error: {e}")),
        Event::Warning(w) => Some(format!("claimcheck: warning: {w}")),
    }
}

/// The "no input" usage error, with an example for `command`.
pub fn require_paths(common: &Common, command: &str) -> Result<()> {
    if common.paths.is_empty() {
        bail!(
            "no input: name files or directories to read, or `-` for stdin \
             (e.g. `claimcheck {command} corpus/`)"
        );
    }
    Ok(())
}

/// Loads the documents named in `common.paths`, printing one line per input
/// error or warning on stderr as it is met (`claimcheck: error: PATH:
/// message`). The caller exits 2 when `errors` is not zero, after handling
/// the good documents.
pub fn load_documents(common: &Common, command: &str) -> Result<Inputs> {
    require_paths(common, command)?;
    let mut inputs = Inputs::default();
    let _ = document::stream_paths(&common.paths, &common.load_options(), &mut |event| {
        if let Some(line) = load_message(&event) {
            // stderr may be closed too; nothing more to do then.
            let _ = writeln!(io::stderr(), "{line}");
        }
        match event {
            Event::Document(entry) => inputs.entries.push(entry),
            Event::Error(_) => inputs.errors += 1,
            Event::Warning(_) => {}
        }
        std::ops::ControlFlow::Continue(())
    });
    Ok(inputs)
}

/// Sizes rayon's global pool (every parallel stage runs on it) to `-j N`.
fn init_threads(threads: usize) {
    // Fails only if a pool already exists, and then that one is used.
    let _ = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build_global();
}

/// Where output goes: stdout, or a temporary file renamed over `--output`
/// when complete.
pub enum Output {
    Stdout(io::BufWriter<io::StdoutLock<'static>>),
    File {
        temp: io::BufWriter<tempfile::NamedTempFile>,
        path: PathBuf,
    },
}

impl Output {
    /// Opens `path`'s temporary file (or stdout when None).
    pub fn open(path: Option<&Path>) -> Result<Output> {
        let Some(path) = path else {
            return Ok(Output::Stdout(io::BufWriter::new(io::stdout().lock())));
        };
        let temp = temp_beside(path)?;
        Ok(Output::File {
            temp: io::BufWriter::new(temp),
            path: path.to_path_buf(),
        })
    }

    pub fn writer(&mut self) -> &mut dyn Write {
        match self {
            Output::Stdout(w) => w,
            Output::File { temp, .. } => temp,
        }
    }

    /// Flushes, and for a file renames it into place.
    pub fn finish(self) -> Result<()> {
        match self {
            Output::Stdout(mut w) => w.flush().context("writing to stdout"),
            Output::File { temp, path } => {
                let temp = temp
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .with_context(|| format!("writing {}", path.display()))?;
                persist(temp, &path)
            }
        }
    }
}

/// A temporary file in the directory of `path`, so the final rename stays on
/// one file system and is atomic.
fn temp_beside(path: &Path) -> Result<tempfile::NamedTempFile> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(".claimcheck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a temporary file in {}", dir.display()))
}

fn persist(temp: tempfile::NamedTempFile, path: &Path) -> Result<()> {
    claimcheck::gate::baseline::keep_permissions(temp.as_file(), path)
        .with_context(|| format!("writing {}", path.display()))?;
    temp.as_file()
        .sync_all()
        .with_context(|| format!("writing {}", path.display()))?;
    temp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot replace {}", path.display()))?;
    Ok(())
}

/// Writes `bytes` to `path` atomically (temporary file beside it, then
/// rename): readers see the old file or the new one, never half of one.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temp = temp_beside(path)?;
    temp.write_all(bytes)
        .with_context(|| format!("writing {}", path.display()))?;
    persist(temp, path)
}

/// True when the error comes from writing to a closed pipe.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match &cli.command {
        Command::Extract { common, .. }
        | Command::Check { common, .. }
        | Command::Compare { common, .. }
        | Command::Accept { common, .. }
        | Command::Report { common, .. } => init_threads(common.threads()),
        Command::Init { .. } => {}
    }
    match &cli.command {
        Command::Extract { args, common } => extract::run(args, common),
        Command::Check { args, common } => check::run(args, common),
        Command::Compare { args, common } => check::run_compare(args, common),
        Command::Accept { args, common } => check::run_accept(args, common),
        Command::Report { args, common } => check::run_report(args, common),
        Command::Init { force } => init(*force),
    }
}

/// `claimcheck init`: writes the starter configuration, refusing to replace
/// an existing one without `--force`.
fn init(force: bool) -> Result<ExitCode> {
    let path = Path::new(claimcheck::config::CONFIG_NAMES[0]);
    if !force && path.exists() {
        bail!(
            "{} already exists (use --force to overwrite it)",
            path.display()
        );
    }
    write_atomic(path, claimcheck::config::STARTER.as_bytes())?;
    let _ = writeln!(
        io::stderr(),
        "claimcheck: wrote {}; edit [corpus] include, then run `claimcheck check`",
        path.display()
    );
    Ok(Exit::Ok.into())
}
