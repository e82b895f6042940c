//! `claimcheck extract`: load articles, extract their claims and write them
//! as `claimcheck/claims/v1` (json, jsonl or a table), or regenerate the
//! per-article claims ledger (`--ledger claims/`).
//!
//! Documents flow through in batches: a reader thread loads them (streaming
//! JSON Lines line by line) and hands over batches of at most
//! [`BATCH_DOCS`] documents or [`BATCH_BYTES`] of text per thread through a
//! channel of [`BATCHES_IN_FLIGHT`]; each batch is extracted in parallel on the `-j`
//! pool and written in input order. With `--format jsonl` each batch is
//! written (and flushed) as soon as it is done, so memory stays bounded
//! whatever the input's size and the output is the same for any `-j`.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use claimcheck::document::{self, Document, Entry, Event};
use claimcheck::extract::extract;
use claimcheck::ledger::{Ledger, LedgerWarning};
use claimcheck::report::claims::{self, ClaimsFile, DocumentClaims};

use super::progress::Progress;
use super::{Common, Exit, Output, OutputFormat};

/// Most documents in one batch, per thread.
pub const BATCH_DOCS: usize = 256;
/// Most text (bytes) in one batch, per thread; a single larger document is a
/// batch alone. Memory holds about three batches (one read ahead, one
/// being read, one extracted) and the claims of one.
pub const BATCH_BYTES: usize = 2 << 20;
/// Batches read ahead while one is extracted.
pub const BATCHES_IN_FLIGHT: usize = 1;

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
    super::require_paths(common, "extract")?;
    let progress = Progress::new("extract", common.quiet, named_bytes(&common.paths));
    let errors = match &args.ledger {
        Some(dir) => {
            let mut entries = Vec::new();
            let errors = stream_batches(common, &progress, |batch| {
                entries.extend(batch);
                Ok(())
            })?;
            let documents: Vec<Document> = entries.into_iter().map(|e| e.document).collect();
            write_ledger(dir, args, &documents, common, &progress)?;
            errors
        }
        None => {
            let mut out = Output::open(common.output.as_deref())?;
            let mut collected: Vec<DocumentClaims> = Vec::new();
            let errors = stream_batches(common, &progress, |batch| {
                if format == OutputFormat::Jsonl {
                    let lines: Vec<std::io::Result<Vec<u8>>> = batch
                        .into_par_iter()
                        .map(|e| claims::jsonl_lines(&document_claims(e, true, &progress)))
                        .collect();
                    let w = out.writer();
                    for line in lines {
                        w.write_all(&line?)?;
                    }
                    w.flush()?;
                } else {
                    let with_text = format == OutputFormat::Json;
                    let done: Vec<DocumentClaims> = batch
                        .into_par_iter()
                        .map(|e| document_claims(e, with_text, &progress))
                        .collect();
                    collected.extend(done);
                }
                Ok(())
            })
            .context("writing claims")?;
            progress.finish();
            if format != OutputFormat::Jsonl {
                let file = ClaimsFile::new(collected);
                let w = out.writer();
                match format {
                    OutputFormat::Table => claims::write_table(w, &file, common.terminal_width()),
                    _ => claims::write_json(w, &file),
                }
                .context("writing claims")?;
            }
            out.finish()?;
            errors
        }
    };
    Ok(if errors == 0 { Exit::Ok } else { Exit::Error }.into())
}

/// One document's claims: those it came with (a claims file), else
/// extracted now; counted by `progress`.
fn document_claims(entry: Entry, with_text: bool, progress: &Progress) -> DocumentClaims {
    let Entry { document, claims } = entry;
    let claims = claims.unwrap_or_else(|| extract(&document));
    progress.add(document.text.len());
    if with_text {
        DocumentClaims::with_text(document, claims)
    } else {
        DocumentClaims::new(&document, claims)
    }
}

/// Reads `common.paths` on a reader thread and calls `each` with batches of
/// documents in input order, printing load errors and warnings as they come.
/// Returns the number of inputs that could not be read; an error from
/// `each` stops the reading and is returned.
pub fn stream_batches(
    common: &Common,
    progress: &Progress,
    mut each: impl FnMut(Vec<Entry>) -> Result<()>,
) -> Result<usize> {
    let (send, receive) = mpsc::sync_channel::<Vec<Entry>>(BATCHES_IN_FLIGHT);
    let options = common.load_options();
    let threads = common.threads();
    let (most_docs, most_bytes) = (BATCH_DOCS * threads, BATCH_BYTES * threads);
    std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut errors = 0;
            let mut batch = Vec::new();
            let mut bytes = 0;
            let flow = document::stream_paths(&common.paths, &options, &mut |event| {
                if let Some(line) = super::load_message(&event) {
                    progress.eprintln(&line);
                }
                match event {
                    Event::Document(entry) => {
                        bytes += entry.document.text.len();
                        batch.push(entry);
                        if batch.len() >= most_docs || bytes >= most_bytes {
                            bytes = 0;
                            // A closed channel: the writer has stopped.
                            send.send(std::mem::take(&mut batch))
                                .map_or(ControlFlow::Break(()), ControlFlow::Continue)?;
                        }
                    }
                    Event::Error(_) => errors += 1,
                    Event::Warning(_) => {}
                }
                ControlFlow::Continue(())
            });
            if flow.is_continue() && !batch.is_empty() {
                let _ = send.send(batch);
            }
            errors
        });
        let mut outcome = Ok(());
        for batch in receive.iter() {
            outcome = each(batch);
            if outcome.is_err() {
                break;
            }
        }
        // Unblocks the reader if it is waiting to send.
        drop(receive);
        let errors = reader
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        outcome.map(|()| errors)
    })
}

/// The total size of the regular files named (for the progress bar's
/// total), or None when directories or stdin are among them.
fn named_bytes(paths: &[PathBuf]) -> Option<u64> {
    paths.iter().try_fold(0u64, |sum, p| {
        let meta = std::fs::metadata(p).ok().filter(|m| m.is_file())?;
        Some(sum + meta.len())
    })
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
    progress: &Progress,
) -> Result<()> {
    let mut ledger = Ledger::open(dir)?.reuse(args.incremental);
    ledger.claims_all_with(documents, common.threads(), &|d| progress.add(d.text.len()));
    progress.finish();
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
