//! `claimcheck check`, `compare`, `accept` and `report`: load the project
//! configuration, extract (through the claims ledger), frame, align and judge
//! the claims of the articles and of the reference facts, run the review
//! gate (baseline, inline suppressions, `fail-on`), render the findings and
//! map them to the exit code. The logic lives in the library
//! (`claimcheck::config`, `claimcheck::gate`); this file wires flags to it.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result, bail};
use clap::ValueEnum;

use rayon::prelude::*;

use claimcheck::claim::Claim;
use claimcheck::compare::{self, Report, ReportDocument};
use claimcheck::config::{self, Config};
use claimcheck::document::Document;
use claimcheck::findings_cache;
use claimcheck::frame::{FramedClaim, Framer, Lexicon};
use claimcheck::gate::{self, Baseline, FailOn, changed};
use claimcheck::ledger::{Ledger, entry_file_name};
use claimcheck::reference;
use claimcheck::report;

use super::progress::Progress;
use super::{Common, Exit, OutputFormat};

pub const AFTER_HELP: &str = "\
Configuration: claimcheck.toml or .claimcheck.toml, looked for in the current
directory and its parents (first match wins; --config FILE picks one,
--isolated ignores them; flags override it). `claimcheck init` writes one.
Without PATHS, the corpus of the configuration ([corpus] include) is checked.

Baseline: findings accepted with `claimcheck accept ID --reason \"...\"` (or all
at once with --update-baseline) are stored in claims/baseline.json and no
longer fail; a baselined finding whose claims change fails again. Inline,
<!-- claimcheck-disable-next-line --> or <!-- claimcheck-disable-line -->
silences the findings of that line's claims.

Examples:
  claimcheck check                              the configured corpus
  claimcheck check corpus/ --format markdown
  claimcheck check --changed-since origin/main --format github
  claimcheck check drafts/new.md --against corpus/
  claimcheck accept 5ae65656f893b664 --reason \"checked with the desk\"

Exit status:
  0  no finding fails the gate
  1  findings fail the gate (--fail-on; accepted and suppressed ones do not)
  2  usage, configuration or input error (one message on stderr)
Writing the report with --output does not change the exit status; a closed
output pipe (e.g. `| head`) counts as success.";

/// Which findings fail the gate (command-line form of [`FailOn`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOnArg {
    /// Exit 1 when at least one conflict is neither accepted nor suppressed.
    Conflict,
    /// Exit 1 on conflicts and on related findings (e.g. TIV-vs-dollar category issues).
    Related,
    /// Always exit 0 unless an input could not be read.
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(f: FailOnArg) -> FailOn {
        match f {
            FailOnArg::Conflict => FailOn::Conflict,
            FailOnArg::Related => FailOn::Related,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

/// Where the configuration, reference facts, baseline and ledger come from
/// (shared by check, compare, accept and report).
#[derive(Debug, Clone, clap::Args)]
pub struct ProjectArgs {
    /// Read this configuration file instead of looking for claimcheck.toml.
    #[arg(long, value_name = "FILE", conflicts_with = "isolated")]
    pub config: Option<PathBuf>,

    /// Ignore every configuration file.
    #[arg(long)]
    pub isolated: bool,

    /// Reference facts (claimcheck/reference/v1 JSON): a file or directory
    /// [default: the config's [reference] paths, else claims/reference].
    #[arg(long, value_name = "PATH")]
    pub reference: Option<PathBuf>,

    /// Do not read reference facts.
    #[arg(long, conflicts_with = "reference")]
    pub no_reference: bool,

    /// The baseline file [default: the config's gate.baseline, else
    /// claims/baseline.json].
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Ignore the baseline: every finding counts.
    #[arg(long, conflicts_with = "baseline")]
    pub no_baseline: bool,

    /// Reuse and update the claims ledger in DIR (claims re-extracted only
    /// for changed articles) [default: claims/ beside the config when the
    /// corpus comes from the config; off for explicit PATHS].
    #[arg(long, value_name = "DIR")]
    pub ledger: Option<PathBuf>,

    /// Extract every article; do not read or write the ledger.
    #[arg(long, conflicts_with = "ledger")]
    pub no_ledger: bool,
}

/// Options of `claimcheck check` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    /// Which findings make the exit status 1 [default: the config's
    /// gate.fail-on, else conflict].
    #[arg(long, value_enum, value_name = "VERDICT")]
    pub fail_on: Option<FailOnArg>,

    #[command(flatten)]
    pub project: ProjectArgs,

    /// Only report findings about this topic, entity, source or document
    /// (e.g. "Rwanda", "SIPRI").
    #[arg(long, value_name = "TOPIC")]
    pub topic: Option<String>,

    /// Accept every finding that fails the gate now: write them to the
    /// baseline (keeping the reasons of entries already there, dropping
    /// stale ones). The run then passes.
    #[arg(long, conflicts_with_all = ["no_baseline", "changed_since", "against"])]
    pub update_baseline: bool,

    /// Reason recorded for findings added by --update-baseline.
    #[arg(long, value_name = "TEXT", requires = "update_baseline", value_parser = non_empty)]
    pub reason: Option<String>,

    /// Who accepts (--update-baseline) [default: git config user.name, else $USER].
    #[arg(long, value_name = "NAME", value_parser = non_empty)]
    pub by: Option<String>,

    /// Report only findings that involve an article changed since this git
    /// revision (`git diff --name-only REV`, plus untracked files), checked
    /// against the whole corpus.
    #[arg(long, value_name = "GIT-REV")]
    pub changed_since: Option<String>,

    /// Check PATHS (the new or changed articles) against the articles of DIR
    /// too, and report only findings that involve PATHS.
    #[arg(long, value_name = "DIR", conflicts_with = "changed_since")]
    pub against: Vec<PathBuf>,
}

/// Options of `claimcheck compare` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct CompareArgs {
    /// The topic or entity to compare (e.g. "Rwanda", "SIPRI").
    pub topic: String,

    #[command(flatten)]
    pub project: ProjectArgs,
}

/// Options of `claimcheck accept` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct AcceptArgs {
    /// The finding to accept (its id, or a unique prefix of it, as `check` prints it).
    #[arg(value_name = "FINDING-ID")]
    pub id: String,

    /// Why the finding is acceptable (required; stored in the baseline).
    #[arg(long, value_name = "TEXT", value_parser = non_empty)]
    pub reason: String,

    /// Who accepts it [default: git config user.name, else $USER].
    #[arg(long, value_name = "NAME", value_parser = non_empty)]
    pub by: Option<String>,

    #[command(flatten)]
    pub project: ProjectArgs,
}

/// Options of `claimcheck report` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub project: ProjectArgs,
}

fn non_empty(s: &str) -> Result<String, String> {
    let t = s.trim();
    if t.is_empty() {
        Err("must not be empty".to_string())
    } else {
        Ok(t.to_string())
    }
}

/// Everything one run produced.
struct Run {
    report: Report,
    documents: Vec<Document>,
    claims: Vec<FramedClaim>,
    baseline: Baseline,
    baseline_path: PathBuf,
    fail_on: FailOn,
    input_errors: bool,
}

/// Prints a warning on stderr (a closed stderr is ignored).
fn warn(message: impl std::fmt::Display) {
    let _ = writeln!(std::io::stderr(), "claimcheck: {message}");
}

pub fn run(args: &CheckArgs, common: &Common) -> Result<ExitCode> {
    let mut extra = args.against.clone();
    extra.extend(common.paths.iter().cloned());
    let paths = if args.against.is_empty() {
        common.paths.clone()
    } else {
        extra
    };
    let mut run = build(
        &args.project,
        common,
        &paths,
        args.fail_on.map(FailOn::from),
    )?;

    if args.update_baseline {
        let by = who(args.by.as_deref());
        let reason = args
            .reason
            .as_deref()
            .unwrap_or("accepted with --update-baseline");
        let next = run.baseline.updated(&run.report, reason, &by, today());
        next.save(&run.baseline_path)?;
        if !common.quiet {
            warn(format_args!(
                "wrote {} accepted finding(s) to {}",
                next.findings.len(),
                run.baseline_path.display()
            ));
        }
        run.baseline = next;
        let suppressions = suppressions(&run.documents);
        gate::apply(&mut run.report, &run.baseline, &suppressions, run.fail_on);
    }

    let changed: Option<HashSet<String>> = if let Some(rev) = &args.changed_since {
        let cwd = std::env::current_dir().context("reading the current directory")?;
        let files = changed::changed_since(rev, &cwd)?;
        Some(changed::documents_in(&run.documents, &files))
    } else if !args.against.is_empty() {
        if common.paths.is_empty() {
            bail!("--against DIR needs the new or changed articles as PATHS");
        }
        Some(changed::documents_in(&run.documents, &common.paths))
    } else {
        None
    };
    if !common.quiet {
        notes(&run.report);
    }
    if let Some(docs) = &changed {
        gate::retain_involving(&mut run.report, docs);
    }
    if let Some(topic) = &args.topic {
        run.report.filter_topic(topic);
    }
    if common.quiet {
        gate::retain_failing(&mut run.report);
    }
    render(&run, common)?;
    let failing = gate::fails(&run.report);
    if failing && !common.quiet {
        warn(format_args!(
            "{} finding(s) fail the gate; fix the text, or accept one with \
             `claimcheck accept FINDING-ID --reason \"...\"`",
            run.report.summary.failing
        ));
    }
    Ok(if run.input_errors {
        Exit::Error
    } else if failing {
        Exit::Findings
    } else {
        Exit::Ok
    }
    .into())
}

pub fn run_compare(args: &CompareArgs, common: &Common) -> Result<ExitCode> {
    let mut run = build(&args.project, common, &common.paths, None)?;
    run.report.filter_topic(&args.topic);
    render(&run, common)?;
    Ok(if run.input_errors {
        Exit::Error
    } else {
        Exit::Ok
    }
    .into())
}

pub fn run_accept(args: &AcceptArgs, common: &Common) -> Result<ExitCode> {
    let mut run = build(&args.project, common, &common.paths, None)?;
    let wanted = args.id.trim();
    let matches: Vec<_> = run
        .report
        .findings
        .iter()
        .filter(|f| f.id.starts_with(wanted))
        .collect();
    let finding = match matches.as_slice() {
        [one] => (*one).clone(),
        [] => bail!(
            "no finding {wanted} in this run (`claimcheck check` lists the ids; \
             an edited claim gets a new id)"
        ),
        many => bail!(
            "{wanted} is ambiguous: {}",
            many.iter()
                .map(|f| f.id.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    let by = who(args.by.as_deref());
    run.baseline.accept(&finding, &args.reason, &by, today());
    run.baseline.save(&run.baseline_path)?;
    if !common.quiet {
        warn(format_args!(
            "accepted {} ({}) in {}",
            finding.id,
            finding.topic,
            run.baseline_path.display()
        ));
    }
    Ok(if run.input_errors {
        Exit::Error
    } else {
        Exit::Ok
    }
    .into())
}

pub fn run_report(args: &ReportArgs, common: &Common) -> Result<ExitCode> {
    let mut common = common.clone();
    common.format = Some(OutputFormat::Html);
    if common.output.is_none() && std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        common.output = Some(PathBuf::from("report.html"));
    }
    let run = build(&args.project, &common, &common.paths, None)?;
    render(&run, &common)?;
    if let Some(out) = &common.output
        && !common.quiet
    {
        warn(format_args!("wrote {}", out.display()));
    }
    Ok(if run.input_errors {
        Exit::Error
    } else {
        Exit::Ok
    }
    .into())
}

/// The configuration: `--isolated` → defaults; `--config FILE`; else the
/// first claimcheck.toml from the current directory up.
fn load_config(project: &ProjectArgs) -> Result<Config> {
    if project.isolated {
        return Ok(Config::default());
    }
    if let Some(file) = &project.config {
        let root = file.parent().unwrap_or(Path::new("")).to_path_buf();
        return Ok(Config::load(file, &root)?);
    }
    let cwd = std::env::current_dir().context("reading the current directory")?;
    match config::discover(&cwd) {
        Some(file) => {
            let dir = file.parent().unwrap_or(&cwd);
            let root = config::relative_to(dir, &cwd);
            let shown = root.join(file.file_name().unwrap_or_default());
            Ok(Config::load(&file, &root).map_err(|e| rename_path(e, &file, &shown))?)
        }
        None => Ok(Config::default()),
    }
}

/// Shows a discovered config by its path relative to the current directory.
fn rename_path(e: config::ConfigError, file: &Path, shown: &Path) -> config::ConfigError {
    let from = file.display().to_string();
    let to = shown.display().to_string();
    match e {
        config::ConfigError::Invalid {
            path,
            line,
            column,
            message,
        } => config::ConfigError::Invalid {
            path: if path == from { to } else { path },
            line,
            column,
            message,
        },
        other => other,
    }
}

/// Loads, extracts, frames, compares and gates.
fn build(
    project: &ProjectArgs,
    common: &Common,
    paths: &[PathBuf],
    fail_on: Option<FailOn>,
) -> Result<Run> {
    let config = load_config(project)?;
    // Read before anything is written: a bad baseline stops the run.
    let baseline_path = project
        .baseline
        .clone()
        .unwrap_or_else(|| config.baseline_path());
    let baseline = if project.no_baseline {
        Baseline::default()
    } else {
        Baseline::load(&baseline_path)?
    };
    let from_config = paths.is_empty();
    let paths: Vec<PathBuf> = if from_config {
        let paths = config.corpus_paths()?;
        if paths.is_empty() {
            bail!(
                "no input: name files or directories to read, or `-` for stdin \
                 (e.g. `claimcheck check corpus/`), or list the corpus in \
                 claimcheck.toml ([corpus] include; `claimcheck init` writes one)"
            );
        }
        paths
    } else {
        paths.to_vec()
    };
    let mut input = common.clone();
    input.paths = paths;
    let inputs = super::load_documents(&input, "check")?;
    let mut entries = inputs.entries;
    entries.retain(|e| !config.is_excluded(Path::new(&e.document.path)));
    if entries.is_empty() {
        if inputs.errors == 0 {
            bail!("no article found in the input");
        }
        bail!("no article could be read");
    }
    // Documents read from claims files (`extract` output) bring their claims.
    let (documents, given): (Vec<Document>, Vec<Option<Vec<Claim>>>) =
        entries.into_iter().map(|e| (e.document, e.claims)).unzip();
    let loaded = Loaded {
        documents,
        errors: inputs.errors,
    };

    let mut lexicon = Lexicon::default();
    config.extend_lexicon(&mut lexicon);
    let mut framer = Framer::new(lexicon);
    for doc in &loaded.documents {
        framer.learn(&doc.text);
    }

    let reference_paths = match &project.reference {
        _ if project.no_reference => Vec::new(),
        Some(path) => vec![path.clone()],
        None => config.reference_paths(),
    };
    let mut references = Vec::new();
    for path in &reference_paths {
        let sets = if path.is_dir() {
            reference::load_dir(path, framer.lexicon())
        } else {
            reference::load_file(path, framer.lexicon()).map(|s| vec![s])
        }
        .with_context(|| format!("reading reference facts from {}", path.display()))?;
        references.extend(sets);
    }

    let ledger_dir = match &project.ledger {
        _ if project.no_ledger => None,
        Some(dir) => Some(dir.clone()),
        None if from_config => Some(config.root.join("claims")),
        None => None,
    };
    let mut documents: Vec<ReportDocument> = loaded.documents.iter().map(report_document).collect();
    for set in &references {
        documents.push(ReportDocument {
            id: set.id.clone(),
            path: set.path.display().to_string(),
            published: None,
        });
    }
    // The findings cache: when nothing the comparison reads has changed
    // since the last run over this ledger, its findings are reused and
    // extraction, framing and comparison are skipped. Not for claims files
    // (their claims are not the ledger's) nor HTML (it shows every claim).
    let cache = match &ledger_dir {
        Some(dir)
            if given.iter().all(Option::is_none) && common.format != Some(OutputFormat::Html) =>
        {
            Some((
                dir.clone(),
                cache_key(&loaded.documents, &config, &references),
            ))
        }
        _ => None,
    };
    let cached = cache.as_ref().and_then(|(dir, key)| {
        let ledger_complete = loaded
            .documents
            .iter()
            .all(|d| dir.join(entry_file_name(&d.id)).is_file());
        ledger_complete
            .then(|| findings_cache::load(dir, key))
            .flatten()
    });
    let (findings, claim_count, article_claims) = match cached {
        Some(hit) => (hit.findings, hit.claims, Vec::new()),
        None => {
            let framed = frame_all(
                &loaded.documents,
                given,
                ledger_dir.as_deref(),
                &framer,
                references.iter().map(|set| set.items.len()).sum(),
                common,
            )?;
            let claim_count = framed.len();
            // Only the HTML report shows every claim; others need no copy.
            let (mut items, article_claims) = if common.format == Some(OutputFormat::Html) {
                let shown = framed.clone();
                (framed, shown)
            } else {
                (framed, Vec::new())
            };
            for set in &references {
                items.extend(set.items.iter().cloned());
            }
            let findings = compare::compare(items, &config.align, framer.lexicon());
            if let Some((dir, key)) = &cache
                && let Err(e) = findings_cache::store(dir, key, claim_count, &findings)
                && !common.quiet
            {
                // Only time is lost: the next run compares again.
                warn(format_args!(
                    "warning: cannot write the findings cache in {}: {e}",
                    dir.display()
                ));
            }
            (findings, claim_count, article_claims)
        }
    };
    let mut report = Report::new(documents, loaded.documents.len(), claim_count, findings);
    config.severity.apply(&mut report);

    let fail_on = fail_on.or(config.fail_on).unwrap_or_default();
    let suppressions = suppressions(&loaded.documents);
    gate::apply(&mut report, &baseline, &suppressions, fail_on);

    Ok(Run {
        report,
        documents: loaded.documents,
        claims: article_claims,
        baseline,
        baseline_path,
        fail_on,
        input_errors: loaded.errors > 0,
    })
}

/// Documents framed per batch: each batch is extracted (when not through
/// the ledger) and framed on the threads and appended to the result, so the
/// claims of the whole archive are never held twice (extracted and framed).
const FRAME_BATCH: usize = 256;

/// The claims of every document, framed: from claims files as given, else
/// through the ledger in `ledger_dir` (read or extracted and stored), else
/// extracted; on `-j` threads, with progress. The vector has room for
/// `extra` more claims (the reference facts).
fn frame_all(
    documents: &[Document],
    given: Vec<Option<Vec<Claim>>>,
    ledger_dir: Option<&Path>,
    framer: &Framer,
    extra: usize,
    common: &Common,
) -> Result<Vec<FramedClaim>> {
    let progress = Progress::new("check", common.quiet, None);
    // None: extract while framing.
    let claims: Vec<Option<Vec<Claim>>> = match ledger_dir {
        Some(dir) => {
            let mut ledger = Ledger::open(dir)?;
            let claims = claims_through_ledger(&mut ledger, documents, given, common, &progress);
            progress.finish();
            if !common.quiet {
                for w in ledger.take_warnings() {
                    warn(format_args!("warning: {w}"));
                }
            }
            ledger.save()?;
            claims.into_iter().map(Some).collect()
        }
        None => given,
    };
    let count_progress = ledger_dir.is_none();
    let mut framed: Vec<FramedClaim> = Vec::new();
    let mut claims = claims.into_iter();
    for docs in documents.chunks(FRAME_BATCH) {
        let batch: Vec<Option<Vec<Claim>>> = claims.by_ref().take(docs.len()).collect();
        let batch: Vec<Vec<FramedClaim>> = batch
            .into_par_iter()
            .zip(docs.par_iter())
            .map(|(claims, doc)| {
                let claims = claims.unwrap_or_else(|| claimcheck::extract::extract(doc));
                if count_progress {
                    progress.add(doc.text.len());
                }
                framer.frame(doc, claims)
            })
            .collect();
        for claims in batch {
            framed.extend(claims);
        }
    }
    progress.finish();
    framed.reserve_exact(extra);
    Ok(framed)
}

/// The findings cache key: every article, the configuration that shapes
/// framing and alignment, and the reference facts.
fn cache_key(
    documents: &[Document],
    config: &Config,
    references: &[reference::ReferenceSet],
) -> findings_cache::CacheKey {
    let mut key = findings_cache::KeyBuilder::new();
    for doc in documents {
        key.document(doc);
    }
    let settings = format!("{:?}", (&config.aliases, &config.synonyms, &config.align));
    key.add("config", settings.as_bytes());
    // Framing and comparison code changes without a version bump (a rebuilt
    // or upgraded binary): its size and modification time are part of the key.
    key.add("binary", binary_identity().as_bytes());
    for set in references {
        let items = serde_json::to_vec(&set.items).unwrap_or_default();
        key.add("reference", set.id.as_bytes())
            .add("reference-path", set.path.to_string_lossy().as_bytes())
            .add("reference-items", &items);
    }
    key.finish()
}

/// The running executable's size and modification time ("" when unknown:
/// then only the version in the key tells builds apart).
fn binary_identity() -> String {
    std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let modified = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{}:{modified}", m.len())
        })
        .unwrap_or_default()
}

/// The documents read in one run; `errors` inputs could not be read.
struct Loaded {
    documents: Vec<Document>,
    errors: usize,
}

/// The claims of every document: those it came with (a claims file), else
/// from the ledger (read or extracted, on `-j` threads), in document order.
fn claims_through_ledger(
    ledger: &mut Ledger,
    documents: &[Document],
    given: Vec<Option<Vec<Claim>>>,
    common: &Common,
    progress: &Progress,
) -> Vec<Vec<Claim>> {
    let hook = |d: &Document| progress.add(d.text.len());
    if given.iter().all(Option::is_none) {
        return ledger.claims_all_with(documents, common.threads(), &hook);
    }
    let todo: Vec<Document> = documents
        .iter()
        .zip(&given)
        .filter(|(_, g)| g.is_none())
        .map(|(d, _)| d.clone())
        .collect();
    let mut extracted = ledger
        .claims_all_with(&todo, common.threads(), &hook)
        .into_iter();
    given
        .into_iter()
        .map(|g| g.unwrap_or_else(|| extracted.next().unwrap_or_default()))
        .collect()
}

fn suppressions(documents: &[Document]) -> Vec<gate::Suppression> {
    documents.iter().flat_map(gate::suppression::scan).collect()
}

/// Stale baseline entries and unused suppressions, on stderr.
fn notes(report: &Report) {
    for s in &report.stale_baseline {
        let why = match &s.changed_into {
            Some(id) => format!("its claims changed, see finding {id}"),
            None => "it matches no finding".to_string(),
        };
        warn(format_args!(
            "warning: stale baseline entry {} ({}; {}): {why}; \
             `claimcheck check --update-baseline` removes it",
            s.id,
            s.topic,
            s.docs.join(", ")
        ));
    }
    for s in report.suppressions.iter().filter(|s| !s.used) {
        warn(format_args!(
            "warning: {}:{}: unused claimcheck-disable comment (no finding on line {}); remove it",
            s.path, s.line, s.target_line
        ));
    }
}

fn report_document(doc: &Document) -> ReportDocument {
    ReportDocument {
        id: doc.id.clone(),
        path: doc.path.clone(),
        published: doc.published,
    }
}

/// The report without accepted or suppressed findings, for the formats that
/// annotate code review or print diagnostics (each one asks for action);
/// json, jsonl, markdown, table and html keep them, marked.
fn actionable(report: &Report) -> Report {
    let mut r = report.clone();
    gate::retain(&mut r, |r, f| !r.is_silenced(&f.id));
    r
}

/// One line of `--format jsonl`: a finding with its gate status.
#[derive(serde::Serialize)]
struct JsonlFinding<'a> {
    #[serde(flatten)]
    finding: &'a claimcheck::compare::Finding,
    #[serde(flatten)]
    status: Option<&'a claimcheck::compare::finding::GateStatus>,
}

fn render(run: &Run, common: &Common) -> Result<()> {
    let format = common.format_or_default();
    let report = &run.report;
    let mut output = super::Output::open(common.output.as_deref())?;
    let out = output.writer();
    match format {
        OutputFormat::Table => report::table::write(out, report, common.terminal_width()),
        OutputFormat::Json => report::json::write(out, report),
        OutputFormat::Markdown => report::markdown::write(out, report),
        OutputFormat::Html => report::html::write(out, report, &run.documents, &run.claims),
        OutputFormat::Jsonl => report.findings.iter().try_for_each(|f| {
            let line = JsonlFinding {
                finding: f,
                status: report.status(&f.id),
            };
            serde_json::to_writer(&mut *out, &line)
                .map_err(std::io::Error::from)
                .and_then(|()| out.write_all(b"\n"))
        }),
        OutputFormat::Text => out.write_all(
            report::diagnostic::render(&actionable(report), &run.documents, common.color_enabled())
                .as_bytes(),
        ),
        OutputFormat::Github => {
            out.write_all(report::github::render(&actionable(report), &run.documents).as_bytes())
        }
        OutputFormat::Rdjsonl => {
            out.write_all(report::rdjsonl::render(&actionable(report), &run.documents).as_bytes())
        }
        OutputFormat::Sarif => {
            out.write_all(report::sarif::render(&actionable(report), &run.documents).as_bytes())
        }
    }
    .context("writing the report")?;
    output.finish()
}

/// Who accepts a finding: `--by`, else git's user.name, else $USER.
fn who(by: Option<&str>) -> String {
    if let Some(by) = by {
        return by.to_string();
    }
    let git = std::process::Command::new("git")
        .args(["config", "user.name"])
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .filter(|s| !s.is_empty());
    git.or_else(|| {
        ["USER", "USERNAME"]
            .iter()
            .find_map(|k| std::env::var(k).ok().filter(|s| !s.trim().is_empty()))
    })
    .unwrap_or_else(|| "unknown".to_string())
}

/// Today's date (UTC) from the system clock.
fn today() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map(|d| d.date_naive())
        .unwrap_or_default()
}
