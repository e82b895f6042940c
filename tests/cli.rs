//! End-to-end tests of the `claimcheck` binary: `extract` on the fixtures in
//! `tests/fixtures/` (good articles in every format, and one bad file of each
//! kind), exit codes, error lines, span exactness, determinism, stdin,
//! `--output`, `--ledger` and closed pipes.

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
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().unwrap();
        pipe.write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
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
fn jsonl_is_one_claim_per_line_with_its_document() {
    let json = stdout_json(&claimcheck(&["extract", "--format", "json", ARTICLES]));
    let out = claimcheck(&["extract", "--format", "jsonl", ARTICLES]);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let total: usize = documents(&json)
        .iter()
        .map(|d| d["claims"].as_array().unwrap().len())
        .sum();
    assert_eq!(text.lines().count(), total);
    for line in text.lines() {
        let c: Value = serde_json::from_str(line).unwrap();
        let d = doc(&json, c["doc"].as_str().unwrap());
        let same = d["claims"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["id"] == c["id"] && x["text"] == c["text"] && x["span"] == c["span"]);
        assert!(same, "{line}");
    }
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
