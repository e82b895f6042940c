//! End-to-end tests of the `claimcheck` binary: `extract` on the fixtures in
//! `tests/fixtures/` (good articles in every format, and one bad file of each
//! kind), exit codes, error lines, span exactness, determinism, stdin,
//! `--output`, `--ledger` and closed pipes; `-j` (the same output on any
//! number of threads), streaming JSON Lines through stdin in bounded memory,
//! `check` on claims files, the sharded pipeline of the README, symbolic
//! link loops, unreadable files and directories of many small files.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const ARTICLES: &str = "tests/fixtures/articles";
const BAD: &str = "tests/fixtures/bad";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn claimcheck(args: &[&str]) -> Output {
    claimcheck_with_stdin(args, None)
}

fn claimcheck_with_stdin(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(root())
        .env_remove("NO_COLOR")
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run claimcheck");
    // Written from another thread: claimcheck streams its output, so it
    // stops reading while nobody reads what it writes.
    let input = stdin.map(<[u8]>::to_vec);
    let writer = child.stdin.take().map(|mut pipe| {
        std::thread::spawn(move || {
            if let Some(input) = input {
                let _ = pipe.write_all(&input);
            }
        })
    });
    let out = child.wait_with_output().unwrap();
    if let Some(w) = writer {
        w.join().unwrap();
    }
    out
}

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}):\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn documents(v: &Value) -> &Vec<Value> {
    v["documents"].as_array().expect("documents array")
}

/// The document in `v` with id `id`.
fn doc<'a>(v: &'a Value, id: &str) -> &'a Value {
    documents(v)
        .iter()
        .find(|d| d["id"] == id)
        .unwrap_or_else(|| panic!("no document {id}"))
}

/// The text claim spans point into: the file's bytes, or for a JSON Lines
/// record (`path` = `file.jsonl:LINE`) the record's text.
fn source_text(path: &str) -> String {
    if let Some((file, line)) = path.rsplit_once(".jsonl:") {
        let file = root().join(format!("{file}.jsonl"));
        let line: usize = line.parse().unwrap();
        let content = std::fs::read_to_string(file).unwrap();
        let record: Value = serde_json::from_str(content.lines().nth(line - 1).unwrap()).unwrap();
        let text = record
            .get("text")
            .or_else(|| record.get("content"))
            .unwrap();
        return text.as_str().unwrap().to_string();
    }
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// Checks every claim of every document against its source text.
fn assert_claims_are_exact(v: &Value) {
    for d in documents(v) {
        let path = d["path"].as_str().unwrap();
        let text = source_text(path);
        let id = d["id"].as_str().unwrap();
        for c in d["claims"].as_array().unwrap() {
            let start = c["span"]["start"].as_u64().unwrap() as usize;
            let end = c["span"]["end"].as_u64().unwrap() as usize;
            assert!(start < end && end <= text.len(), "{path}: bad span {c}");
            assert_eq!(
                c["text"].as_str().unwrap(),
                &text[start..end],
                "{path}: text is not the span's bytes"
            );
            assert_eq!(c["id"], format!("{id}:{start}-{end}"));
            let line = text[..start].matches('\n').count() + 1;
            let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
            let column = text[line_start..start].chars().count() + 1;
            assert_eq!(c["line"].as_u64().unwrap() as usize, line, "{path}: {c}");
            assert_eq!(
                c["column"].as_u64().unwrap() as usize,
                column,
                "{path}: {c}"
            );
            let sentence = c["sentence"].as_str().unwrap();
            assert!(
                sentence.contains(c["text"].as_str().unwrap()),
                "{path}: sentence {sentence:?} lacks claim {}",
                c["text"]
            );
            let kind = c["kind"].as_str().unwrap();
            assert!(
                ["money", "percent", "count", "duration", "measure", "date"].contains(&kind),
                "{kind}"
            );
        }
    }
}

/// The claims of document `id` as (kind, text, low, high, unit).
fn claims_of(v: &Value, id: &str) -> Vec<(String, String, Value, Value, Value)> {
    doc(v, id)["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["text"].as_str().unwrap().to_string(),
                c["value"]["low"].clone(),
                c["value"]["high"].clone(),
                c["unit"].clone(),
            )
        })
        .collect()
}

#[test]
fn extract_json_has_the_schema_and_metadata() {
    let out = claimcheck(&["extract", "--format", "json", ARTICLES]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = stdout_json(&out);
    assert_eq!(v["schema"], "claimcheck/claims/v1");
    let ids: Vec<&str> = documents(&v)
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    // Sorted by file name; JSON Lines records in line order.
    assert_eq!(
        ids,
        [
            "budget-vote",
            "dateline-report",
            "harbour-visit",
            "wire-1",
            "wire-2"
        ]
    );
    let cases: &[(&str, Value, Value, &str)] = &[
        (
            "budget-vote",
            "2020-11-03".into(),
            "Council passes budget after long night".into(),
            "tests/fixtures/articles/budget-vote.md",
        ),
        (
            "dateline-report",
            "2017-09-24".into(),
            Value::Null,
            "tests/fixtures/articles/dateline-report.txt",
        ),
        (
            "harbour-visit",
            "2019-05-14".into(),
            Value::Null,
            "tests/fixtures/articles/harbour-visit.txt",
        ),
        (
            "wire-1",
            "2021-02-05".into(),
            "Grain prices".into(),
            "tests/fixtures/articles/wire.jsonl:1",
        ),
        (
            "wire-2",
            "2021-02-06".into(),
            Value::Null,
            "tests/fixtures/articles/wire.jsonl:3",
        ),
    ];
    for (id, published, title, path) in cases {
        let d = doc(&v, id);
        assert_eq!(&d["published"], published, "{id}");
        assert_eq!(&d["title"], title, "{id}");
        assert_eq!(d["path"], *path, "{id}");
        assert!(d["claims"].is_array(), "{id}");
    }
    assert_eq!(doc(&v, "wire-2")["source"], "Wire");
    assert_claims_are_exact(&v);
}

#[test]
fn extract_finds_the_fixture_figures() {
    let out = claimcheck(&["extract", "--format", "json", ARTICLES]);
    let v = stdout_json(&out);
    // (document, kind, text as written, low, high, unit or counted noun, qualifier)
    type Want<'a> = (
        &'a str,
        &'a str,
        &'a str,
        f64,
        Option<f64>,
        &'a str,
        &'a str,
    );
    let want: &[Want] = &[
        (
            "harbour-visit",
            "money",
            "$3,500",
            3500.0,
            Some(3500.0),
            "USD",
            "exact",
        ),
        (
            "harbour-visit",
            "percent",
            "98%",
            98.0,
            Some(98.0),
            "%",
            "exact",
        ),
        (
            "harbour-visit",
            "count",
            "about 800,000 people",
            800_000.0,
            Some(800_000.0),
            "people",
            "approx",
        ),
        (
            "harbour-visit",
            "count",
            "34 countries",
            34.0,
            Some(34.0),
            "countries",
            "exact",
        ),
        (
            "harbour-visit",
            "duration",
            "four-day",
            4.0,
            Some(4.0),
            "day",
            "exact",
        ),
        (
            "harbour-visit",
            "measure",
            "155 mm",
            155.0,
            Some(155.0),
            "mm",
            "exact",
        ),
        (
            "harbour-visit",
            "measure",
            "60 kilometers",
            60.0,
            Some(60.0),
            "km",
            "exact",
        ),
        (
            "budget-vote",
            "money",
            "€2.5bn",
            2.5e9,
            Some(2.5e9),
            "EUR",
            "exact",
        ),
        (
            "budget-vote",
            "money",
            "some $5billion",
            5e9,
            Some(5e9),
            "USD",
            "approx",
        ),
        (
            "budget-vote",
            "percent",
            "12.5 percentage points",
            12.5,
            Some(12.5),
            "pp",
            "exact",
        ),
        (
            "budget-vote",
            "money",
            "Between $300 and $500 million",
            300e6,
            Some(500e6),
            "USD",
            "range",
        ),
        (
            "dateline-report",
            "duration",
            "10-day",
            10.0,
            Some(10.0),
            "day",
            "exact",
        ),
        (
            "dateline-report",
            "count",
            "More than 1,200 workers",
            1200.0,
            None,
            "workers",
            "more_than",
        ),
        (
            "dateline-report",
            "money",
            "roughly £40m",
            40e6,
            Some(40e6),
            "GBP",
            "approx",
        ),
        ("wire-1", "percent", "7%", 7.0, Some(7.0), "%", "exact"),
        (
            "wire-2",
            "money",
            "USD 385 million",
            385e6,
            Some(385e6),
            "USD",
            "exact",
        ),
    ];
    for &(id, kind, text, low, high, unit, qualifier) in want {
        let d = doc(&v, id);
        let claims = d["claims"].as_array().unwrap();
        let found = claims
            .iter()
            .find(|c| c["kind"] == kind && c["text"] == text);
        let Some(c) = found else {
            panic!("{id}: no {kind} claim {text:?} in {claims:#?}");
        };
        assert_eq!(c["value"]["low"].as_f64(), Some(low), "{id} {text}");
        if let Some(high) = high {
            assert_eq!(c["value"]["high"].as_f64(), Some(high), "{id} {text}");
        }
        let got_unit = if kind == "count" {
            &c["noun"]
        } else {
            &c["unit"]
        };
        assert_eq!(got_unit, unit, "{id} {text}");
        assert_eq!(c["qualifier"], qualifier, "{id} {text}");
    }
    // The labelled date on the first line is metadata, not a claim.
    let harbour = claims_of(&v, "harbour-visit");
    assert!(
        !harbour.iter().any(|(_, t, ..)| t.contains("2019-05-14")),
        "{harbour:?}"
    );
    // Relative dates resolve against the publication date of each format.
    let cases: &[(&str, &str, &str, &str)] = &[
        ("harbour-visit", "Last year", "2018-01-01", "2018-12-31"),
        ("wire-1", "last week", "2021-01-25", "2021-01-31"),
    ];
    for &(id, text, start, end) in cases {
        let d = doc(&v, id);
        let c = d["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["kind"] == "date" && c["text"] == text)
            .unwrap_or_else(|| panic!("{id}: no date {text:?}"));
        assert_eq!(c["value"]["start"], start, "{id} {text}");
        assert_eq!(c["value"]["end"], end, "{id} {text}");
    }
}

#[test]
fn output_is_deterministic() {
    for format in ["json", "jsonl", "table"] {
        let a = claimcheck(&["extract", "--format", format, ARTICLES]);
        let b = claimcheck(&["extract", "--format", format, ARTICLES]);
        assert_eq!(a.status.code(), Some(0), "{format}: {}", stderr(&a));
        assert!(!a.stdout.is_empty(), "{format}");
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
}

#[test]
fn jsonl_is_one_claim_per_line_with_doc() {
    let json = stdout_json(&claimcheck(&["extract", "--format", "json", ARTICLES]));
    let out = claimcheck(&["extract", "--format", "jsonl", ARTICLES]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // The claims of the json form, in the same order, one per line, each
    // with its document's id; the first line of a document carries it.
    let mut want = Vec::new();
    for d in documents(&json) {
        for (i, c) in d["claims"].as_array().unwrap().iter().enumerate() {
            want.push((d.clone(), i == 0, c.clone()));
        }
    }
    assert!(!want.is_empty());
    assert_eq!(lines.len(), want.len());
    for (line, (d, first, claim)) in lines.iter_mut().zip(&want) {
        let line = line.as_object_mut().unwrap();
        assert_eq!(line.remove("doc").unwrap(), d["id"]);
        let head = line.remove("document");
        assert_eq!(head.is_some(), *first, "{}", d["id"]);
        if let Some(head) = head {
            let path = d["path"].as_str().unwrap();
            assert_eq!(head["path"], path);
            assert_eq!(head["text"].as_str().unwrap(), source_text(path), "{path}");
            let body_start = head["body_start"].as_u64().unwrap() as usize;
            assert!(body_start < source_text(path).len(), "{path}");
        }
        assert_eq!(&Value::Object(line.clone()), claim);
    }
}

/// The document ids of `extract --format jsonl` output, in order: the `doc`
/// of each run of claim lines.
fn jsonl_doc_ids(stdout: &[u8]) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for line in String::from_utf8_lossy(stdout).lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        let id = v["doc"].as_str().unwrap().to_string();
        if ids.last() != Some(&id) {
            ids.push(id);
        }
    }
    ids
}

#[test]
fn table_has_a_header_and_a_summary() {
    let out = claimcheck(&["extract", "--format", "table", ARTICLES]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "doc",
        "line:col",
        "kind",
        "as written",
        "qualifier",
        "in 5 documents",
    ] {
        assert!(text.contains(want), "{want} missing:\n{text}");
    }
}

#[test]
fn json_is_the_default_when_piped() {
    let out = claimcheck(&["extract", ARTICLES]);
    assert_eq!(stdout_json(&out)["schema"], "claimcheck/claims/v1");
}

#[test]
fn bad_inputs_are_reported_one_line_each_and_good_ones_still_processed() {
    let good = "tests/fixtures/articles/harbour-visit.txt";
    let out = claimcheck(&[
        "extract",
        "--format",
        "json",
        BAD,
        good,
        "tests/fixtures/no-such-file.txt",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    let want: &[(&str, &str)] = &[
        ("tests/fixtures/bad/bad-date.md", "not a date"),
        ("tests/fixtures/bad/binary.txt", "binary file"),
        ("tests/fixtures/bad/invalid-utf8.txt", "invalid UTF-8"),
        ("tests/fixtures/bad/malformed.jsonl:2", "invalid JSON"),
        ("tests/fixtures/bad/unterminated.md", "never closed"),
        ("tests/fixtures/no-such-file.txt", "no such file"),
    ];
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), want.len(), "{err}");
    for (line, (path, msg)) in lines.iter().zip(want) {
        let prefix = format!("claimcheck: error: {path}: ");
        assert!(
            line.starts_with(&prefix),
            "{line:?} should start with {prefix:?}"
        );
        assert!(line.contains(msg), "{line:?} should say {msg:?}");
    }
    let v = stdout_json(&out);
    let ids: Vec<&str> = documents(&v)
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ok-1", "ok-2", "harbour-visit"]);
    assert_claims_are_exact(&v);
}

#[test]
fn missing_path_and_empty_directory_exit_2() {
    let empty = tempfile::tempdir().unwrap();
    std::fs::write(empty.path().join("photo.jpg"), b"\xff\xd8").unwrap();
    let empty_path = empty.path().to_str().unwrap();
    let cases: &[(&[&str], &str)] = &[
        (
            &["extract", "nope/missing.md"],
            "nope/missing.md: no such file",
        ),
        (&["extract", empty_path], "no articles found"),
        (&["extract"], "no input"),
        (
            &["extract", "--published", "someday", ARTICLES],
            "not a date",
        ),
        (
            &["extract", "--format", "sarif", ARTICLES],
            "extract writes json, jsonl or table",
        ),
        (&["extract", "--bogus", ARTICLES], "--bogus"),
    ];
    for (args, msg) in cases {
        let out = claimcheck(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(msg), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn stdin_text_and_jsonl() {
    let text = b"Officials said 98% of the 1,200 workers returned.";
    let out = claimcheck_with_stdin(
        &[
            "extract",
            "--format",
            "json",
            "--published",
            "2018-03-20",
            "-",
        ],
        Some(text),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = stdout_json(&out);
    let d = doc(&v, "stdin");
    assert_eq!(d["path"], "-");
    assert_eq!(d["published"], "2018-03-20");
    for c in d["claims"].as_array().unwrap() {
        let (s, e) = (
            c["span"]["start"].as_u64().unwrap() as usize,
            c["span"]["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(c["text"].as_str().unwrap().as_bytes(), &text[s..e]);
    }

    let jsonl = b"{\"id\":\"a\",\"content\":\"Some 40 ships.\",\"dct\":\"2020-01-02\"}\n";
    let out = claimcheck_with_stdin(&["extract", "--format", "json", "-"], Some(jsonl));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = stdout_json(&out);
    assert_eq!(doc(&v, "a")["published"], "2020-01-02");
    assert_eq!(doc(&v, "a")["path"], "-:1");
}

#[test]
fn output_file_is_written_whole_and_keeps_the_exit_code() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("claims.json");
    std::fs::write(&target, "old").unwrap();
    let t = target.to_str().unwrap();
    let out = claimcheck(&["extract", "--output", t, ARTICLES, "missing.txt"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let written: Value = serde_json::from_slice(&std::fs::read(&target).unwrap()).unwrap();
    assert_eq!(written["schema"], "claimcheck/claims/v1");
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p != &target)
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");

    let nowhere = dir.path().join("no/such/dir/out.json");
    let out = claimcheck(&["extract", "--output", nowhere.to_str().unwrap(), ARTICLES]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("claimcheck: error: "),
        "{}",
        stderr(&out)
    );
}

#[test]
fn ledger_writes_one_file_per_article_deterministically() {
    let dir = tempfile::tempdir().unwrap();
    let ledger = dir.path().join("claims");
    let l = ledger.to_str().unwrap();
    let out = claimcheck(&["extract", ARTICLES, "--ledger", l]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let mut names: Vec<String> = std::fs::read_dir(&ledger)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "budget-vote.json",
            "dateline-report.json",
            "harbour-visit.json",
            "wire-1.json",
            "wire-2.json"
        ]
    );
    let first: Vec<Vec<u8>> = names
        .iter()
        .map(|n| std::fs::read(ledger.join(n)).unwrap())
        .collect();
    for (name, bytes) in names.iter().zip(&first) {
        let v: Value = serde_json::from_slice(bytes).unwrap();
        assert_eq!(v["schema"], "claimcheck/claims/v1");
        assert_eq!(documents(&v).len(), 1);
        assert_eq!(
            format!("{}.json", documents(&v)[0]["id"].as_str().unwrap()),
            *name
        );
        assert!(
            bytes.ends_with(b"}\n"),
            "{name}: pretty JSON ends with a newline"
        );
    }
    let again = claimcheck(&["extract", ARTICLES, "--ledger", l]);
    assert_eq!(again.status.code(), Some(0));
    for (name, bytes) in names.iter().zip(&first) {
        assert_eq!(&std::fs::read(ledger.join(name)).unwrap(), bytes, "{name}");
    }
}

#[test]
fn help_explains_options_and_exit_codes() {
    let out = claimcheck(&["extract", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8(out.stdout).unwrap();
    for want in [
        "--format",
        "--published",
        "--output",
        "--quiet",
        "--ledger",
        "Exit status",
        "0 ",
        "2 ",
    ] {
        assert!(help.contains(want), "{want} missing in:\n{help}");
    }
    let out = claimcheck(&["--help"]);
    let help = String::from_utf8(out.stdout).unwrap();
    for want in ["extract", "check", "Exit status", "1  findings"] {
        assert!(help.contains(want), "{want} missing in:\n{help}");
    }
}

#[test]
fn a_closed_pipe_is_success() {
    // Enough output that the writer hits the closed pipe.
    let mut input = Vec::new();
    for i in 0..3000 {
        writeln!(
            input,
            "{{\"id\":\"d{i}\",\"text\":\"It cost $3,500 and 98% agreed; 40 ships came.\"}}"
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["extract", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(&input).unwrap();
    drop(stdin);
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

/// `claims/` is generated from `corpus/`; this fails when it is stale, so a
/// change of the extractor shows up as a reviewed diff of the ledger.
#[test]
fn claims_ledger_is_up_to_date() {
    let dir = tempfile::tempdir().unwrap();
    let fresh = dir.path().join("claims");
    let out = claimcheck(&["extract", "corpus/", "--ledger", fresh.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut stale = Vec::new();
    for entry in std::fs::read_dir(&fresh).unwrap() {
        let name = entry.unwrap().file_name();
        let want = std::fs::read(fresh.join(&name)).unwrap();
        let have = std::fs::read(root().join("claims").join(&name)).unwrap_or_default();
        if want != have {
            stale.push(name.to_string_lossy().into_owned());
        }
    }
    assert!(
        stale.is_empty(),
        "claims/ is out of date for {stale:?}; regenerate it with \
         `cargo run --release -- extract corpus/ --ledger claims/` and review the diff"
    );
}

/// An article of our own words with figures that vary with `i`, so every
/// document gives different claims.
fn generated_article(i: usize) -> String {
    format!(
        "The harbour board approved ${}.{} million for {} new ferries on March {}, 2019. \
         About {}% of residents backed the plan, officials said. Some {} people came \
         to the meeting, which lasted {} hours. Nothing else was decided.",
        i % 90 + 1,
        i % 10,
        i % 40 + 2,
        i % 28 + 1,
        i % 99 + 1,
        i * 7 % 5000 + 10,
        i % 9 + 2,
    )
}

/// `n` generated articles as JSON Lines, every `filler`-th padded with a
/// long paragraph without figures.
fn generated_jsonl(n: usize, filler: usize) -> Vec<u8> {
    let pad = "The ferries will run along the coast and stop at the old pier. ".repeat(40);
    let mut out = Vec::new();
    for i in 0..n {
        let mut text = generated_article(i);
        if filler > 0 && i % filler == 0 {
            text.push(' ');
            text.push_str(&pad);
        }
        let record =
            serde_json::json!({"id": format!("gen-{i}"), "text": text, "published": "2019-03-30"});
        writeln!(out, "{record}").unwrap();
    }
    out
}

/// The findings of a `check --format json` run (ids, verdicts, claims).
fn findings(out: &Output) -> Value {
    let v = stdout_json(out);
    assert_eq!(v["schema"], "claimcheck/report/v1");
    v["findings"].clone()
}

#[test]
fn threads_do_not_change_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let many = dir.path().join("many.jsonl");
    std::fs::write(&many, generated_jsonl(3000, 7)).unwrap();
    let many = many.to_str().unwrap();
    for input in ["corpus/", ARTICLES, many] {
        for format in ["json", "jsonl", "table"] {
            let one = claimcheck(&["extract", "-j", "1", "--format", format, input]);
            let two = claimcheck(&["extract", "--threads", "2", "--format", format, input]);
            assert_eq!(
                one.status.code(),
                Some(0),
                "{input} {format}: {}",
                stderr(&one)
            );
            assert!(!one.stdout.is_empty());
            assert!(
                one.stdout == two.stdout,
                "{input} {format}: -j1 and -j2 differ"
            );
        }
    }
    let jsonl = claimcheck(&["extract", "-j", "2", "--format", "jsonl", many]);
    assert_eq!(jsonl_doc_ids(&jsonl.stdout).len(), 3000);
    // The ledger and check too.
    let mut ledgers = Vec::new();
    for j in ["1", "2"] {
        let ledger = dir.path().join(format!("ledger-{j}"));
        let out = claimcheck(&[
            "extract",
            "-j",
            j,
            "corpus/",
            "--ledger",
            ledger.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(&ledger)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        files.sort();
        ledgers.push(files);
    }
    assert_eq!(ledgers[0].len(), 7);
    assert!(
        ledgers[0] == ledgers[1],
        "ledger differs between -j1 and -j2"
    );
    let one = claimcheck(&[
        "check",
        "-j",
        "1",
        "--isolated",
        "--format",
        "json",
        "corpus/",
    ]);
    let two = claimcheck(&[
        "check",
        "-j",
        "2",
        "--isolated",
        "--format",
        "json",
        "corpus/",
    ]);
    assert_eq!(one.status.code(), Some(1), "{}", stderr(&one));
    assert_eq!(one.stdout, two.stdout);
    let bad = claimcheck(&["extract", "-j", "0", ARTICLES]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn streamed_jsonl_reports_a_bad_line_once_and_goes_on() {
    let mut input = generated_jsonl(2500, 0);
    // Line 1201 is malformed; line 1202 is not an object.
    let at = input
        .iter()
        .enumerate()
        .filter(|(_, b)| **b == b'\n')
        .nth(1199)
        .map(|(i, _)| i + 1)
        .unwrap();
    input.splice(
        at..at,
        b"{\"id\": \"broken\", \"text\": \n[1, 2]\n".iter().copied(),
    );
    let out = claimcheck_with_stdin(&["extract", "--format", "jsonl", "-"], Some(&input));
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "{err}");
    assert!(
        lines[0].starts_with("claimcheck: error: -:1201: invalid JSON"),
        "{err}"
    );
    assert!(
        lines[1].starts_with("claimcheck: error: -:1202: expected a JSON object"),
        "{err}"
    );
    let ids = jsonl_doc_ids(&out.stdout);
    let want: Vec<String> = (0..2500).map(|i| format!("gen-{i}")).collect();
    assert_eq!(ids, want);
    // Text the article format would sniff stays one document.
    let out = claimcheck_with_stdin(
        &["extract", "--format", "jsonl", "-"],
        Some(b"Some 40 ships came."),
    );
    assert_eq!(out.status.code(), Some(0));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["doc"], "stdin");
}

/// Runs claimcheck with `input` on stdin and returns its exit code and peak
/// resident memory in KiB: `VmHWM` of `/proc/PID/status`, read until its
/// output ends. (`wait4`'s ru_maxrss would count the test process's own
/// memory: Linux carries the high-water mark across `exec`.)
#[cfg(target_os = "linux")]
fn peak_rss_kib(args: &[&str], input: &[u8]) -> (i32, u64) {
    use std::sync::atomic::{AtomicBool, Ordering};
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let status = format!("/proc/{}/status", child.id());
    let done = AtomicBool::new(false);
    let peak = std::thread::scope(|s| {
        s.spawn(move || {
            let _ = stdin.write_all(input);
        });
        let poll = s.spawn(|| {
            let mut peak = 0;
            while !done.load(Ordering::Relaxed) {
                let hwm = std::fs::read_to_string(&status).ok().and_then(|t| {
                    let line = t.lines().find(|l| l.starts_with("VmHWM:"))?;
                    line.split_whitespace().nth(1)?.parse::<u64>().ok()
                });
                peak = peak.max(hwm.unwrap_or(0));
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            peak
        });
        let mut n = 0u64;
        let mut buf = vec![0; 1 << 16];
        while let Ok(k) = std::io::Read::read(&mut stdout, &mut buf) {
            if k == 0 {
                break;
            }
            n += k as u64;
        }
        assert!(n > 0);
        done.store(true, Ordering::Relaxed);
        poll.join().unwrap()
    });
    let code = child.wait().unwrap().code().unwrap_or(-1);
    assert!(peak > 0, "no VmHWM read");
    (code, peak)
}

#[cfg(target_os = "linux")]
#[test]
fn streaming_stdin_runs_in_bounded_memory() {
    // 4x the input must not take much more memory: documents are read,
    // extracted and written in bounded batches.
    let small = generated_jsonl(4000, 2);
    let large = generated_jsonl(16000, 2);
    assert!(large.len() > 20 << 20, "{}", large.len());
    let args = ["extract", "--format", "jsonl", "-j", "1", "-"];
    let (code_small, rss_small) = peak_rss_kib(&args, &small);
    let (code_large, rss_large) = peak_rss_kib(&args, &large);
    assert_eq!((code_small, code_large), (0, 0));
    eprintln!(
        "peak RSS {rss_small} KiB for {} MB, {rss_large} KiB for {} MB",
        small.len() >> 20,
        large.len() >> 20
    );
    assert!(
        rss_large < rss_small + 8 * 1024,
        "peak RSS grows with the input: {rss_small} KiB for {} MB, {rss_large} KiB for {} MB",
        small.len() >> 20,
        large.len() >> 20
    );
}

#[test]
fn check_reads_claims_files_like_the_articles() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("corpus.claims.jsonl");
    let json = dir.path().join("corpus.claims.json");
    for (format, path) in [("jsonl", &jsonl), ("json", &json)] {
        let out = claimcheck(&[
            "extract",
            "--format",
            format,
            "corpus/",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    for format in ["json", "sarif", "text", "markdown"] {
        let want = claimcheck(&["check", "--isolated", "--format", format, "corpus/"]);
        assert_eq!(want.status.code(), Some(1), "{}", stderr(&want));
        for path in [&jsonl, &json] {
            let got = claimcheck(&[
                "check",
                "--isolated",
                "--format",
                format,
                path.to_str().unwrap(),
            ]);
            assert_eq!(got.status.code(), Some(1), "{}", stderr(&got));
            assert!(
                got.stdout == want.stdout,
                "{format} of {}:\n{}",
                path.display(),
                String::from_utf8_lossy(&got.stdout)
            );
        }
    }
    // Stdin, and claims mixed with articles.
    let bytes = std::fs::read(&jsonl).unwrap();
    let got = claimcheck_with_stdin(
        &["check", "--isolated", "--format", "json", "-"],
        Some(&bytes),
    );
    let want = claimcheck(&["check", "--isolated", "--format", "json", "corpus/"]);
    assert_eq!(findings(&got), findings(&want));
    let mixed = claimcheck(&[
        "check",
        "--isolated",
        "--format",
        "json",
        jsonl.to_str().unwrap(),
        ARTICLES,
    ]);
    assert_eq!(mixed.status.code(), Some(1), "{}", stderr(&mixed));
    assert_eq!(stdout_json(&mixed)["summary"]["documents"], 12);
    // A ledger file has no text: its claims still compare.
    let ledger = claimcheck(&[
        "check",
        "--isolated",
        "--format",
        "json",
        "claims/2018-03-20-liberman-in-kigali.json",
        "claims/2018-09-13-liberman-baku-tbilisi.json",
    ]);
    assert_eq!(ledger.status.code(), Some(1), "{}", stderr(&ledger));
    // A claim that does not match its text is one error, the rest are read.
    let mut lines: Vec<Value> = String::from_utf8(bytes)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    lines[0]["span"]["start"] = 0.into();
    let edited: String = lines.iter().map(|l| format!("{l}\n")).collect();
    let out = claimcheck_with_stdin(
        &["check", "--isolated", "--format", "json", "-"],
        Some(edited.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.starts_with("claimcheck: error: -:1: claims record") && err.contains("does not match"),
        "{err}"
    );
    assert_eq!(stdout_json(&out)["summary"]["documents"], 6);
}

/// The worked example of the README's "Streaming and large archives":
/// shards extracted in parallel by separate processes, then checked together.
#[cfg(unix)]
#[test]
fn sharded_pipeline_of_the_readme_works() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.jsonl");
    // The corpus articles as JSON Lines records, then generated ones.
    let mut articles = Vec::new();
    let mut corpus: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .collect();
    corpus.sort();
    for p in &corpus {
        let id = p.file_stem().unwrap().to_str().unwrap();
        let text = std::fs::read_to_string(p).unwrap();
        writeln!(articles, "{}", serde_json::json!({"id": id, "text": text})).unwrap();
    }
    assert_eq!(corpus.len(), 7);
    articles.extend(generated_jsonl(400, 0));
    std::fs::write(&big, &articles).unwrap();
    // The README's commands verbatim, with this build of claimcheck on PATH.
    let script = r#"
        set -e
        split -n l/4 big.jsonl shard.
        ls shard.?? | xargs -P 4 -I{} sh -c 'claimcheck extract --format jsonl - < {} > {}.claims.jsonl'
        claimcheck check --isolated --format json shard.*.claims.jsonl > sharded.json || test $? -eq 1
        claimcheck check --isolated --format json big.jsonl > whole.json || test $? -eq 1
        test "$(ls shard.*.claims.jsonl | wc -l)" -eq 4
    "#;
    let bin = Path::new(env!("CARGO_BIN_EXE_claimcheck"))
        .parent()
        .unwrap();
    let path = std::env::join_paths(std::iter::once(bin.to_path_buf()).chain(
        std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()),
    ))
    .unwrap();
    let out = Command::new("sh")
        .args(["-c", script])
        .current_dir(dir.path())
        .env("PATH", path)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let read = |name: &str| -> Value {
        serde_json::from_slice(&std::fs::read(dir.path().join(name)).unwrap()).unwrap()
    };
    let (sharded, whole) = (read("sharded.json"), read("whole.json"));
    assert_eq!(sharded["summary"]["documents"], 407);
    assert!(!whole["findings"].as_array().unwrap().is_empty());
    assert_eq!(sharded["findings"], whole["findings"]);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_once_and_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let root_dir = dir.path().join("articles");
    std::fs::create_dir_all(root_dir.join("inner")).unwrap();
    std::fs::write(root_dir.join("a.txt"), "Some 40 ships came.").unwrap();
    std::fs::write(root_dir.join("inner/b.txt"), "About 98% agreed.").unwrap();
    std::os::unix::fs::symlink(&root_dir, root_dir.join("inner/up")).unwrap();
    std::os::unix::fs::symlink("self.txt", root_dir.join("self.txt")).unwrap();
    let out = claimcheck(&["extract", "--format", "json", root_dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    let warnings: Vec<&str> = err.lines().collect();
    assert_eq!(warnings.len(), 2, "{err}");
    assert!(
        warnings[0].contains("inner/up: symbolic link loop"),
        "{err}"
    );
    assert!(
        warnings[1].contains("self.txt") && warnings[1].starts_with("claimcheck: warning: "),
        "{err}"
    );
    let v = stdout_json(&out);
    let ids: Vec<&str> = documents(&v)
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a", "b"]);
}

#[cfg(target_os = "linux")]
#[test]
fn an_unreadable_file_is_named_and_the_others_processed() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Some 40 ships came.").unwrap();
    std::fs::write(dir.path().join("c.txt"), "About 98% agreed.").unwrap();
    // Reading /proc/self/mem from offset 0 fails with EIO, even for root.
    std::os::unix::fs::symlink("/proc/self/mem", dir.path().join("b.txt")).unwrap();
    let locked = dir.path().join("d.txt");
    std::fs::write(&locked, "Locked.").unwrap();
    std::fs::set_permissions(&locked, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    let root_user = std::fs::read(&locked).is_ok();
    let out = claimcheck(&["extract", "--format", "json", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    let b = dir.path().join("b.txt");
    assert!(
        err.starts_with(&format!("claimcheck: error: {}: ", b.display())),
        "{err}"
    );
    let want_errors = if root_user { 1 } else { 2 };
    assert_eq!(err.lines().count(), want_errors, "{err}");
    if !root_user {
        assert!(err.contains("d.txt: permission denied"), "{err}");
    }
    let v = stdout_json(&out);
    let ids: Vec<&str> = documents(&v)
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    let want: &[&str] = if root_user {
        &["a", "c", "d"]
    } else {
        &["a", "c"]
    };
    assert_eq!(ids, want);
}

#[test]
fn a_directory_of_many_small_files() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        let sub = dir.path().join(format!("{:02}", i % 30));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("{i:05}.txt")), generated_article(i)).unwrap();
    }
    let out = claimcheck(&["extract", "--format", "jsonl", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids = jsonl_doc_ids(&out.stdout);
    let mut want: Vec<String> = (0..3000).map(|i| format!("{i:05}")).collect();
    want.sort_by_key(|id| (id.parse::<usize>().unwrap() % 30, id.clone()));
    assert_eq!(ids, want);
}
