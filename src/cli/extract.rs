//! `claimcheck extract`: load articles, extract their claims and write them
//! as `claimcheck/claims/v1` (json, jsonl or a table), or regenerate the
//! per-article claims ledger (`--ledger claims/`).

use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, Result, bail};

use claimcheck::extract::extract;
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
    /// pretty-printed, deterministic) instead of printing. Existing files of
    /// the same name are replaced atomically; others are left alone.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["format", "output"])]
    pub ledger: Option<std::path::PathBuf>,
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
    let documents: Vec<DocumentClaims> = loaded
        .documents
        .iter()
        .map(|doc| DocumentClaims::new(doc, extract(doc)))
        .collect();
    match &args.ledger {
        Some(dir) => write_ledger(dir, documents, common)?,
        None => {
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

/// Writes `DIR/<doc-id>.json` for every document, each a claims/v1 object
/// holding that one document.
fn write_ledger(dir: &Path, documents: Vec<DocumentClaims>, common: &Common) -> Result<()> {
    super::ensure_dir(dir)?;
    let count = documents.len();
    let mut seen = std::collections::HashSet::new();
    for doc in documents {
        let name = format!("{}.json", file_name_for(&doc.id));
        if !seen.insert(name.clone()) {
            bail!(
                "two articles have the id {:?}; the ledger needs unique ids ({})",
                doc.id,
                doc.path
            );
        }
        let file = ClaimsFile::new(vec![doc]);
        let mut bytes = Vec::new();
        claims::write_json(&mut bytes, &file).context("serialising claims")?;
        super::write_atomic(&dir.join(name), &bytes)?;
    }
    if !common.quiet {
        eprintln!(
            "claimcheck: wrote {count} ledger file{} to {}",
            if count == 1 { "" } else { "s" },
            dir.display()
        );
    }
    Ok(())
}

/// A document id as a safe file name: letters, digits, `-`, `_` and `.` kept,
/// anything else replaced by `_` (no path separators, no leading dot).
fn file_name_for(id: &str) -> String {
    let mut name: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.starts_with('.') {
        name.insert(0, '_');
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ledger_file_names() {
        let cases = [
            ("2018-03-20-liberman", "2018-03-20-liberman"),
            ("a/b", "a_b"),
            ("..", "_.."),
            ("", "_"),
            ("héllo wörld", "h_llo_w_rld"),
        ];
        for (id, want) in cases {
            assert_eq!(file_name_for(id), want, "{id}");
        }
    }
}
