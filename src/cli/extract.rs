//! `claimcheck extract`: load articles, extract their claims and write them
//! as `claimcheck/claims/v1` (json, jsonl or a table), or regenerate the
//! per-article claims ledger (`--ledger claims/`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use claimcheck::document::Document;
use claimcheck::extract::extract;
use claimcheck::ledger::{Ledger, LedgerWarning};
use claimcheck::report::claims::{self, ClaimsFile, DocumentClaims};

use super::{Common, Exit, Output, OutputFormat};

pub const AFTER_HELP: &str = "\
Examples:
  claimcheck extract corpus/                     table on a terminal, JSON when piped
  claimcheck extract --format jsonl articles.jsonl
  cat story.txt | claimcheck extract --published 2018-03-20 -
  claimcheck extract corpus/ --ledger claims/    regenerate claims/<doc-id>.json

Exit status:
  0  every input was read
  2  usage error, or an input that could not be read (each named on stderr;
     the claims of the other articles are still written)
A closed output pipe (e.g. `| head`) counts as success.";

/// Options of `claimcheck extract` (beyond [`Common`]).
#[derive(Debug, Clone, clap::Args)]
pub struct ExtractArgs {
    /// Write one claims/v1 JSON file per article into DIR (`DIR/<doc-id>.json`,
    /// pretty-printed, deterministic, with the article's content hash and the
    /// extractor version) instead of printing. Every article is re-extracted;
    /// files whose content is unchanged are not rewritten, changed ones are
    /// replaced atomically, files of articles not read are left alone.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["format", "output"])]
    pub ledger: Option<std::path::PathBuf>,

    /// With --ledger: reuse the claims of articles whose content hash and
    /// extractor version match their ledger file instead of re-extracting
    /// them (what `check` does).
    #[arg(long, requires = "ledger")]
    pub incremental: bool,
}

pub fn run(args: &ExtractArgs, common: &Common) -> Result<ExitCode> {
    let format = common.format_or_default();
    if !matches!(
        format,
        OutputFormat::Json | OutputFormat::Jsonl | OutputFormat::Table
    ) {
        bail!("extract writes json, jsonl or table, not {format:?} (see --help)");
    }
    let loaded = super::load_documents(common)?;
    match &args.ledger {
        Some(dir) => write_ledger(dir, args, &loaded.documents, common)?,
        None => {
            let documents: Vec<DocumentClaims> = loaded
                .documents
                .iter()
                .map(|doc| DocumentClaims::new(doc, extract(doc)))
                .collect();
            let file = ClaimsFile::new(documents);
            let mut out = Output::open(common.output.as_deref())?;
            let w = out.writer();
            match format {
                OutputFormat::Jsonl => claims::write_jsonl(w, &file),
                OutputFormat::Table => claims::write_table(w, &file, common.terminal_width()),
                _ => claims::write_json(w, &file),
            }
            .context("writing claims")?;
            out.finish()?;
        }
    }
    let exit = if loaded.errors.is_empty() {
        Exit::Ok
    } else {
        Exit::Error
    };
    Ok(exit.into())
}

/// Brings `DIR/<doc-id>.json` up to date for every document through the
/// [`Ledger`] (the one writer of ledger files): re-extracted unless
/// `--incremental`; unchanged files are not rewritten. Duplicate ids are an
/// error (nothing is written).
fn write_ledger(
    dir: &Path,
    args: &ExtractArgs,
    documents: &[Document],
    common: &Common,
) -> Result<()> {
    let mut ledger = Ledger::open(dir)?.reuse(args.incremental);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    ledger.claims_all(documents, threads);
    let mut duplicate = None;
    for warning in ledger.take_warnings() {
        match warning {
            LedgerWarning::DuplicateId { .. } => duplicate = duplicate.or(Some(warning)),
            other => eprintln!("claimcheck: warning: {other}"),
        }
    }
    if let Some(d) = duplicate {
        bail!("{d}; the ledger needs unique ids (nothing was written)");
    }
    ledger.save()?;
    if !common.quiet {
        let s = ledger.stats();
        eprintln!(
            "claimcheck: ledger {}: {} extracted, {} reused, {} file{} written{}",
            dir.display(),
            s.extracted,
            s.reused,
            s.written,
            if s.written == 1 { "" } else { "s" },
            if s.unused > 0 {
                format!(", {} left for articles not read in this run", s.unused)
            } else {
                String::new()
            }
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use claimcheck::ledger::entry_file_name;

    #[test]
    fn ledger_file_names_follow_document_ids() {
        let cases = [
            ("2018-03-20-liberman", "2018-03-20-liberman.json"),
            ("a/b", "a_b.json"),
            ("..", "_...json"),
            ("", "_.json"),
            ("héllo wörld", "h_llo_w_rld.json"),
        ];
        for (id, want) in cases {
            assert_eq!(entry_file_name(id), want, "{id}");
        }
    }
}
