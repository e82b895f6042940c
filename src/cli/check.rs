//! `claimcheck check` and `claimcheck compare`: extract, frame, align and
//! judge the claims of the articles (and the reference facts of
//! `claims/reference/`), render the findings, and map them to the exit code
//! (`--fail-on`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;

use claimcheck::compare::{self, AlignConfig, Report, ReportDocument, Verdict};
use claimcheck::document::Document;
use claimcheck::frame::{FramedClaim, Framer};
use claimcheck::reference;
use claimcheck::report;

use super::{Common, Exit, OutputFormat};

/// Reference facts read when `--reference` is not given and the directory exists.
const DEFAULT_REFERENCE_DIR: &str = "claims/reference";

/// Which findings fail the gate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum FailOn {
    /// Exit 1 when at least one finding is a conflict.
    #[default]
    Conflict,
    /// Exit 1 on conflicts and on related findings (e.g. TIV-vs-dollar category issues).
    Related,
    /// Always exit 0 unless an input could not be read.
    Never,
}

/// Options of `claimcheck check` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Which findings make the exit status 1.
    #[arg(long, value_enum, value_name = "VERDICT", default_value_t = FailOn::Conflict)]
    pub fail_on: FailOn,

    /// Directory of reference facts (claimcheck/reference/v1 JSON files)
    /// [default: claims/reference, when it exists].
    #[arg(long, value_name = "DIR")]
    pub reference: Option<PathBuf>,

    /// Do not read reference facts.
    #[arg(long, conflicts_with = "reference")]
    pub no_reference: bool,

    /// Only report findings about this topic, entity, source or document
    /// (e.g. "Rwanda", "SIPRI").
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,
}

/// Options of `claimcheck compare` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// The topic or entity to compare (e.g. "Rwanda", "SIPRI").
    pub topic: String,

    /// Directory of reference facts [default: claims/reference, when it exists].
    #[arg(long, value_name = "DIR")]
    pub reference: Option<PathBuf>,

    /// Do not read reference facts.
    #[arg(long, conflicts_with = "reference")]
    pub no_reference: bool,
}

pub fn run(args: &CheckArgs, common: &Common) -> Result<ExitCode> {
    let (mut report, input_errors) = build(common, args.reference.as_deref(), args.no_reference)?;
    if let Some(topic) = &args.topic {
        report.filter_topic(topic);
    }
    render(&report, common)?;
    if input_errors {
        return Ok(Exit::Error.into());
    }
    Ok(gate(&report, args.fail_on).into())
}

pub fn run_compare(args: &CompareArgs, common: &Common) -> Result<ExitCode> {
    let (mut report, input_errors) = build(common, args.reference.as_deref(), args.no_reference)?;
    report.filter_topic(&args.topic);
    render(&report, common)?;
    Ok(if input_errors { Exit::Error } else { Exit::Ok }.into())
}

/// The exit status for a report under `--fail-on`.
pub fn gate(report: &Report, fail_on: FailOn) -> Exit {
    let fails = |v: Verdict| match fail_on {
        FailOn::Conflict => v == Verdict::Conflict,
        FailOn::Related => v != Verdict::Agree,
        FailOn::Never => false,
    };
    if report.findings.iter().any(|f| fails(f.verdict)) {
        Exit::Findings
    } else {
        Exit::Ok
    }
}

/// Loads, extracts, frames and compares; returns the report and whether
/// some input could not be read.
fn build(
    common: &Common,
    reference_dir: Option<&Path>,
    no_reference: bool,
) -> Result<(Report, bool)> {
    let loaded = super::load_documents(common)?;
    if loaded.documents.is_empty() && !loaded.errors.is_empty() {
        bail!("no article could be read");
    }
    let mut framer = Framer::default();
    for doc in &loaded.documents {
        framer.learn(&doc.text);
    }
    let references = match reference_dir {
        _ if no_reference => Vec::new(),
        Some(dir) => reference::load_dir(dir, framer.lexicon())
            .with_context(|| format!("reading reference facts from {}", dir.display()))?,
        None if Path::new(DEFAULT_REFERENCE_DIR).is_dir() => {
            reference::load_dir(Path::new(DEFAULT_REFERENCE_DIR), framer.lexicon())
                .with_context(|| format!("reading reference facts from {DEFAULT_REFERENCE_DIR}"))?
        }
        None => Vec::new(),
    };
    let mut items: Vec<FramedClaim> = Vec::new();
    for doc in &loaded.documents {
        let claims = claimcheck::extract::extract(doc);
        items.extend(framer.frame(doc, claims));
    }
    let claims = items.len();
    let mut documents: Vec<ReportDocument> = loaded.documents.iter().map(report_document).collect();
    for set in &references {
        documents.push(ReportDocument {
            id: set.id.clone(),
            path: set.path.display().to_string(),
            published: None,
        });
        items.extend(set.items.iter().cloned());
    }
    let findings = compare::compare(items, &AlignConfig::default(), framer.lexicon());
    let report = Report::new(documents, loaded.documents.len(), claims, findings);
    Ok((report, !loaded.errors.is_empty()))
}

fn report_document(doc: &Document) -> ReportDocument {
    ReportDocument {
        id: doc.id.clone(),
        path: doc.path.clone(),
        published: doc.published,
    }
}

fn render(report: &Report, common: &Common) -> Result<()> {
    let format = common.format_or_default();
    let mut output = super::Output::open(common.output.as_deref())?;
    let out = output.writer();
    match format {
        OutputFormat::Table => report::table::write(out, report, common.terminal_width()),
        OutputFormat::Json => report::json::write(out, report),
        OutputFormat::Markdown => report::markdown::write(out, report),
        OutputFormat::Jsonl => report.findings.iter().try_for_each(|f| {
            serde_json::to_writer(&mut *out, f)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
        }),
        other => bail!(
            "--format {} is not supported by check yet (use table, json, jsonl or markdown)",
            format_name(other)
        ),
    }
    .context("writing the report")?;
    output.finish()
}

fn format_name(f: OutputFormat) -> String {
    f.to_possible_value()
        .map_or_else(|| format!("{f:?}"), |v| v.get_name().to_string())
}
