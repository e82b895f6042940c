//! The claims ledger through the binary: `claimcheck extract --ledger`
//! (regenerate) and `--incremental` (reuse), unreadable entries, concurrent
//! writers and a writer killed mid-run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .output()
        .expect("the claimcheck binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Writes `n` small articles with varied figures into `dir`.
fn articles(dir: &Path, n: usize) {
    std::fs::create_dir_all(dir).unwrap();
    for i in 0..n {
        let text = format!(
            "---\ntitle: Item {i}\ndate: 2018-03-{:02}\n---\n\nThe council spent ${} million on {} new buses in {}, \
             and about {}% of riders approved.\n\nA second paragraph says {} people attended.\n",
            1 + i % 28,
            3 + i % 50,
            10 + i % 90,
            2005 + i % 12,
            40 + i % 60,
            100 + i
        );
        std::fs::write(dir.join(format!("item-{i:04}.md")), text).unwrap();
    }
}

fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    out.sort();
    out
}

/// Every file in the ledger directory is a complete claims/v1 object (and,
/// unless `killed`, no temporary file is left behind).
fn assert_all_valid(dir: &Path, killed: bool) {
    for path in entries(dir) {
        let bytes = std::fs::read(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if killed && name.starts_with(".claimcheck-") {
            continue;
        }
        assert!(!name.ends_with(".tmp"), "temporary file left: {name}");
        let v: serde_json::Value = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("{name} is not valid JSON ({e})"));
        assert_eq!(v["schema"], "claimcheck/claims/v1", "{name}");
        assert!(v["documents"][0]["content_hash"].is_string(), "{name}");
    }
}

#[test]
fn incremental_reuses_and_reports_unreadable_entries() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let ledger = tmp.path().join("claims");
    articles(&corpus, 5);
    let (c, l) = (corpus.to_str().unwrap(), ledger.to_str().unwrap());

    let first = claimcheck(&["extract", c, "--ledger", l, "--incremental"]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("5 extracted, 0 reused, 5 files written"),
        "{}",
        stderr(&first)
    );
    assert_all_valid(&ledger, false);

    let second = claimcheck(&["extract", c, "--ledger", l, "--incremental"]);
    assert!(
        stderr(&second).contains("0 extracted, 5 reused, 0 files written"),
        "{}",
        stderr(&second)
    );

    // An edited article and a corrupt entry are re-extracted; the corrupt
    // one is named in a warning.
    let edited = corpus.join("item-0001.md");
    let text = std::fs::read_to_string(&edited)
        .unwrap()
        .replace("buses", "trams");
    std::fs::write(&edited, text).unwrap();
    std::fs::write(
        ledger.join("item-0003.json"),
        "{\"schema\": \"claimcheck/cl",
    )
    .unwrap();
    let third = claimcheck(&["extract", c, "--ledger", l, "--incremental"]);
    assert_eq!(third.status.code(), Some(0), "{}", stderr(&third));
    let err = stderr(&third);
    assert!(
        err.contains("warning:") && err.contains("item-0003.json"),
        "{err}"
    );
    assert!(
        err.contains("2 extracted, 3 reused, 2 files written"),
        "{err}"
    );
    assert_all_valid(&ledger, false);

    // Regenerating (no --incremental) re-extracts all and rewrites nothing.
    let regen = claimcheck(&["extract", c, "--ledger", l]);
    assert!(
        stderr(&regen).contains("5 extracted, 0 reused, 0 files written"),
        "{}",
        stderr(&regen)
    );
}

#[test]
fn duplicate_ids_fail_without_writing() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    articles(&a, 1);
    articles(&b, 1);
    let ledger = tmp.path().join("claims");
    let out = claimcheck(&[
        "extract",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--ledger",
        ledger.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unique ids"), "{}", stderr(&out));
    assert!(entries(&ledger).is_empty());
}

#[test]
fn concurrent_writers_leave_valid_files() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let ledger = tmp.path().join("claims");
    articles(&corpus, 60);
    let (c, l) = (corpus.to_str().unwrap(), ledger.to_str().unwrap());
    let runs: Vec<_> = (0..4)
        .map(|_| {
            Command::new(env!("CARGO_BIN_EXE_claimcheck"))
                .args(["extract", c, "--ledger", l, "-q"])
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for run in runs {
        let out = run.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    assert_eq!(entries(&ledger).len(), 60);
    assert_all_valid(&ledger, false);
}

#[cfg(unix)]
#[test]
fn a_killed_writer_never_leaves_a_broken_entry() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    let ledger = tmp.path().join("claims");
    articles(&corpus, 400);
    let (c, l) = (corpus.to_str().unwrap(), ledger.to_str().unwrap());
    // A full run, timed: entries are written at its end, so the kills below
    // land in the last part of a run.
    let started = std::time::Instant::now();
    let full = claimcheck(&["extract", c, "--ledger", l, "-q"]);
    assert_eq!(full.status.code(), Some(0), "{}", stderr(&full));
    let full = started.elapsed();
    let mut interrupted = 0;
    for round in 0..8u32 {
        // Change every article so the round rewrites every entry.
        let marker = format!("Round {round} added");
        for i in 0..400 {
            let path = corpus.join(format!("item-{i:04}.md"));
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, format!("{text}\n{marker} {} seats.\n", round + 2)).unwrap();
        }
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
            .args(["extract", c, "--ledger", l, "-q"])
            .spawn()
            .unwrap();
        std::thread::sleep(full.mul_f64(0.6 + 0.05 * f64::from(round)));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Whatever was written is whole; a stray temporary file (hidden,
        // `.claimcheck-*.tmp`) is not an entry and is ignored by the ledger.
        let mut updated = 0;
        let mut total = 0;
        for path in entries(&ledger) {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if name.starts_with(".claimcheck-") {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            let v: serde_json::Value = serde_json::from_slice(&bytes)
                .unwrap_or_else(|e| panic!("round {round}: {name} is broken ({e})"));
            assert_eq!(v["schema"], "claimcheck/claims/v1");
            total += 1;
            updated += usize::from(String::from_utf8_lossy(&bytes).contains(&marker));
        }
        assert_eq!(total, 400, "round {round}: no entry lost");
        interrupted += usize::from(updated > 0 && updated < total);
    }
    // Not asserted (timing-dependent), shown with --nocapture.
    println!("{interrupted} of 8 kills landed while entries were being written");
    let done = claimcheck(&["extract", c, "--ledger", l, "--incremental"]);
    assert_eq!(done.status.code(), Some(0), "{}", stderr(&done));
    assert_all_valid(&ledger, true);
}

/// The findings of `check --format json` (ids and topics).
fn topics(out: &Output) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("report is not JSON ({e}): {}", stderr(out)));
    v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["topic"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn check_reuses_the_findings_of_an_unchanged_archive_and_only_then() {
    let root = tempfile::tempdir().unwrap();
    let docs = root.path().join("articles");
    let ledger = root.path().join("claims");
    std::fs::create_dir_all(&docs).unwrap();
    for i in 0..8 {
        // One report of the mill fire gives another toll.
        let killed = if i == 6 { "Five" } else { "Three" };
        let text = format!(
            "---\ndate: 2019-05-0{}\n---\n\nThe Oakwood mill fire in Springfield on May 1, 2019: \
             {killed} people were killed, fire chief Dana Whitcombe said.\n\nA second paragraph \
             says the Oakwood mill had 40 workers.\n",
            2 + i % 7
        );
        std::fs::write(docs.join(format!("item-{i:04}.md")), text).unwrap();
    }
    let check = || {
        claimcheck(&[
            "check",
            "--isolated",
            "--no-baseline",
            "--format",
            "json",
            "--ledger",
            ledger.to_str().unwrap(),
            docs.to_str().unwrap(),
        ])
    };
    let first = check();
    assert!(
        matches!(first.status.code(), Some(0 | 1)),
        "{}",
        stderr(&first)
    );
    let want = topics(&first);
    assert!(!want.is_empty(), "the articles disagree on purpose");
    let cache = ledger.join(".findings-cache.json");
    assert!(cache.is_file(), "{:?}", entries(&ledger));
    assert_all_valid_but_cache(&ledger);
    let second = check();
    assert_eq!(
        second.stdout, first.stdout,
        "an unchanged archive gives the same report"
    );

    // Proof the second run read the cache: a marked topic comes back.
    let marked = std::fs::read_to_string(&cache).unwrap().replacen(
        &format!("\"topic\":{}", serde_json::json!(want[0])),
        "\"topic\":\"MARK\"",
        1,
    );
    assert!(marked.contains("MARK"), "topic not found in the cache");
    std::fs::write(&cache, &marked).unwrap();
    assert_eq!(topics(&check())[0], "MARK");

    // Any edit to an article is a miss: the comparison runs again.
    let item = docs.join("item-0003.md");
    let text = std::fs::read_to_string(&item).unwrap();
    std::fs::write(
        &item,
        text.replace("A second paragraph", "Another paragraph"),
    )
    .unwrap();
    assert!(!topics(&check()).contains(&"MARK".to_string()));
    // So is a deleted ledger entry, and a corrupt cache.
    std::fs::write(&cache, &marked).unwrap();
    std::fs::remove_file(ledger.join("item-0005.json")).unwrap();
    assert!(!topics(&check()).contains(&"MARK".to_string()));
    assert!(
        ledger.join("item-0005.json").is_file(),
        "the ledger is brought up to date"
    );
    std::fs::write(&cache, &marked[..marked.len() / 2]).unwrap();
    let after_corrupt = check();
    assert!(!topics(&after_corrupt).contains(&"MARK".to_string()));
    assert_eq!(
        check().stdout,
        after_corrupt.stdout,
        "the cache is rewritten"
    );
}

/// [`assert_all_valid`] for the entries, beside the findings cache.
fn assert_all_valid_but_cache(dir: &Path) {
    let scratch = tempfile::tempdir().unwrap();
    for path in entries(dir) {
        let name = path.file_name().unwrap();
        if name != ".findings-cache.json" {
            std::fs::copy(&path, scratch.path().join(name)).unwrap();
        }
    }
    assert_all_valid(scratch.path(), false);
}
