//! Integration tests of the editorial review gate: `claimcheck check` as CI
//! runs it, in scratch git repositories holding a copy of the sample corpus
//! and its reference facts — config discovery and errors, the baseline
//! (`--update-baseline`, `accept`, changed and stale entries), inline
//! suppressions, `--changed-since`, and the exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

const NEW_ARTICLE: &str = "2018-09-14-oil-ties.md";
/// The figure the new article contradicts (the corpus says about 40 percent).
const NEW_FIGURE: &str = "about 60 percent";

fn manifest() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    let entries = std::fs::read_dir(from).expect("read dir");
    for entry in entries.flatten() {
        let path = entry.path();
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            std::fs::copy(&path, &target).expect("copy file");
        }
    }
}

fn git(dir: &Path, args: &[&str]) {
    let out = Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// A git repository with corpus/, claims/reference/ and the starter
/// claimcheck.toml, all committed.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    git(root, &["init", "-q"]);
    copy_dir(&manifest().join("corpus"), &root.join("corpus"));
    copy_dir(
        &manifest().join("claims/reference"),
        &root.join("claims/reference"),
    );
    let out = claimcheck(root, &["init"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    std::fs::write(
        root.join(".gitignore"),
        "claims/*.json\n!claims/baseline.json\n",
    )
    .expect("write .gitignore");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "corpus"]);
    dir
}

fn claimcheck(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .output()
        .expect("the claimcheck binary runs")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// `check --format json` plus `extra`: exit code, report and stderr.
fn check(dir: &Path, extra: &[&str]) -> (i32, Value, String) {
    let mut args = vec!["check", "--format", "json"];
    args.extend_from_slice(extra);
    let out = claimcheck(dir, &args);
    let report = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout {:?} stderr {:?}",
            String::from_utf8_lossy(&out.stdout),
            stderr(&out)
        )
    });
    (out.status.code().unwrap_or(-1), report, stderr(&out))
}

fn findings(report: &Value) -> Vec<Value> {
    report["findings"].as_array().cloned().unwrap_or_default()
}

fn failing(report: &Value) -> Vec<Value> {
    findings(report)
        .into_iter()
        .filter(|f| f["fails_gate"] == true)
        .collect()
}

/// The ids in the scratch repository's baseline.
fn baselined_ids(root: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(root.join("claims/baseline.json")).unwrap_or_default();
    let baseline: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    baseline["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|e| e["id"].as_str().map(str::to_string))
        .collect()
}

fn add_new_article(root: &Path) -> String {
    let text = std::fs::read_to_string(manifest().join("tests/fixtures/gate").join(NEW_ARTICLE))
        .expect("fixture");
    std::fs::write(root.join("corpus").join(NEW_ARTICLE), &text).expect("write article");
    text
}

/// 1-based line and column of `needle` in `text`.
fn position(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).expect("needle in text");
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = at - before.rfind('\n').map_or(0, |i| i + 1) + 1;
    (line as u64, column as u64)
}

#[test]
fn gate_lifecycle_baseline_accept_edit_and_delete() {
    let dir = scratch();
    let root = dir.path();

    // The corpus carries a real disagreement: it fails until baselined.
    let (code, report, _) = check(root, &[]);
    assert_eq!(code, 1, "{report:#}");
    assert!(!failing(&report).is_empty());

    let (code, report, err) = check(root, &["--update-baseline", "--by", "Desk"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(report["summary"]["failing"], 0);
    let baseline: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("claims/baseline.json")).expect("baseline written"),
    )
    .expect("baseline is JSON");
    assert_eq!(baseline["schema"], "claimcheck/baseline/v1");
    let entries = baseline["findings"].as_array().cloned().unwrap_or_default();
    assert!(!entries.is_empty());
    assert_eq!(entries[0]["by"], "Desk");
    assert!(entries[0]["claims"][0]["sentence"].is_string());
    let (code, report, _) = check(root, &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(report["summary"]["accepted"], entries.len());
    assert!(findings(&report).iter().any(|f| f["accepted"] == true));

    // A new article contradicting a corpus figure fails, pointing at its line.
    let text = add_new_article(root);
    let (code, report, _) = check(root, &[]);
    assert_eq!(code, 1, "{report:#}");
    let fails = failing(&report);
    assert_eq!(fails.len(), 1, "{report:#}");
    let claim = fails[0]["claims"]
        .as_array()
        .and_then(|cs| {
            cs.iter()
                .find(|c| c["doc"] == NEW_ARTICLE.trim_end_matches(".md"))
                .cloned()
        })
        .expect("the finding cites the new article");
    let (line, column) = position(&text, NEW_FIGURE);
    assert_eq!(claim["text"], NEW_FIGURE);
    assert_eq!(
        (claim["line"].as_u64(), claim["column"].as_u64()),
        (Some(line), Some(column))
    );
    let id = fails[0]["id"].as_str().unwrap_or_default().to_string();

    // The GitHub annotation and the SARIF result point at that line.
    let out = claimcheck(root, &["check", "--format", "github"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let annotations = String::from_utf8_lossy(&out.stdout);
    let expected = format!("::error file=corpus/{NEW_ARTICLE},line={line},");
    assert!(
        annotations
            .lines()
            .any(|l| l.starts_with(&expected) && l.contains(&format!("col={column},"))),
        "{expected} in {annotations}"
    );
    assert!(
        !annotations.contains(&format!("finding {}", baselined_ids(root)[0])),
        "accepted findings are not annotated: {annotations}"
    );
    let out = claimcheck(root, &["check", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    let located = sarif["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|r| r["locations"].as_array().cloned().unwrap_or_default())
        .any(|l| {
            let p = &l["physicalLocation"];
            p["artifactLocation"]["uri"]
                .as_str()
                .is_some_and(|u| u.ends_with(NEW_ARTICLE))
                && p["region"]["startLine"].as_u64() == Some(line)
        });
    assert!(located, "{sarif:#}");

    // Only findings that involve the changed article with --changed-since.
    let (code, changed, _) = check(root, &["--changed-since", "HEAD"]);
    assert_eq!(code, 1);
    let new_doc = NEW_ARTICLE.trim_end_matches(".md");
    assert!(!findings(&changed).is_empty());
    for f in findings(&changed) {
        assert!(
            f["claims"]
                .as_array()
                .is_some_and(|cs| cs.iter().any(|c| c["doc"] == new_doc)),
            "{f:#}"
        );
    }
    // The same with explicit PATHS against the archive.
    let new_path = format!("corpus/{NEW_ARTICLE}");
    let (code, against, _) = check(
        root,
        &[new_path.as_str(), "--against", "corpus", "--no-ledger"],
    );
    assert_eq!(code, 1);
    assert_eq!(findings(&against).len(), findings(&changed).len());

    // accept needs a reason, then makes the run pass.
    let out = claimcheck(root, &["accept", &id]);
    assert_eq!(out.status.code(), Some(2));
    let out = claimcheck(root, &["accept", &id, "--reason", "  "]);
    assert_eq!(out.status.code(), Some(2));
    let out = claimcheck(root, &["accept", "ffffffffffff", "--reason", "x"]);
    assert_eq!(out.status.code(), Some(2), "an unknown id is an error");
    let out = claimcheck(
        root,
        &[
            "accept",
            &id[..8],
            "--reason",
            "energy ministry confirmed 60%",
            "--by",
            "Ed",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (code, report, _) = check(root, &[]);
    assert_eq!(code, 0, "{report:#}");
    let accepted = findings(&report)
        .into_iter()
        .find(|f| f["id"] == id.as_str())
        .expect("still reported");
    assert_eq!(accepted["accepted"], true);
    assert_eq!(
        accepted["baseline"]["reason"],
        "energy ministry confirmed 60%"
    );

    // An unrelated edit elsewhere in the article does not revive it...
    let article = root.join("corpus").join(NEW_ARTICLE);
    let edited = text.replace(
        "# Oil ties",
        "# Oil ties\n\nA paragraph added later.\n\n# Details",
    );
    std::fs::write(&article, &edited).expect("edit");
    let (code, _, err) = check(root, &[]);
    assert_eq!(code, 0, "{err}");

    // ...but editing the accepted figure makes it fail again.
    std::fs::write(&article, edited.replace(NEW_FIGURE, "about 65 percent")).expect("edit");
    let (code, report, err) = check(root, &[]);
    assert_eq!(code, 1, "{report:#}");
    assert!(err.contains(&format!("stale baseline entry {id}")), "{err}");
    std::fs::write(&article, &edited).expect("restore");

    // Deleting an article leaves stale baseline entries, reported.
    std::fs::remove_file(root.join("corpus/2017-07-11-kagame-visit-ends.md")).expect("delete");
    let (_, report, err) = check(root, &[]);
    let stale = report["stale_baseline"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(
        stale.iter().any(|s| s["docs"]
            .as_array()
            .is_some_and(|d| d.iter().any(|d| d == "2017-07-11-kagame-visit-ends"))),
        "{report:#}"
    );
    assert!(err.contains("stale baseline entry"), "{err}");
}

#[test]
fn config_is_discovered_upwards_and_overridden() {
    let dir = scratch();
    let root = dir.path();
    let sub = root.join("desk/drafts");
    std::fs::create_dir_all(&sub).expect("mkdir");

    // From a subdirectory, the root's claimcheck.toml names the corpus.
    let (code, report, err) = check(&sub, &["--fail-on", "never"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(report["summary"]["documents"], 7);
    let path = report["documents"][0]["path"].as_str().unwrap_or_default();
    assert!(path.starts_with("../../corpus/"), "{path}");

    // A nearer .claimcheck.toml wins.
    std::fs::write(
        root.join("desk/.claimcheck.toml"),
        "[corpus]\ninclude = [\"../corpus/2018-09-1*.md\"]\n[gate]\nfail-on = \"never\"\n",
    )
    .expect("write");
    let (code, report, err) = check(&sub, &["--no-ledger"]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(report["summary"]["documents"], 2, "{report:#}");

    // --config picks a file; --isolated ignores them (and then needs PATHS).
    std::fs::write(
        root.join("other.toml"),
        "[corpus]\ninclude = [\"corpus\"]\nexclude = [\"corpus/2018-*\"]\n",
    )
    .expect("write");
    let (_, report, err) = check(root, &["--config", "other.toml", "--fail-on", "never"]);
    assert_eq!(report["summary"]["documents"], 3, "{err}");
    let out = claimcheck(root, &["check", "--isolated"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("no input"), "{}", stderr(&out));

    // init does not overwrite without --force.
    let out = claimcheck(root, &["init"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("already exists"));
    let out = claimcheck(root, &["init", "--force"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn config_errors_name_file_line_and_column() {
    let dir = scratch();
    let root = dir.path();
    let cases = [
        (
            "[corpus]\ninclude = [\"corpus\"]\nexlude = []\n",
            "claimcheck.toml:3:1:",
            "exlude",
        ),
        (
            "[align]\nthreshold = 7\n",
            "claimcheck.toml:2:13:",
            "threshold",
        ),
        (
            "[gate]\nfail-on = \"always\"\n",
            "claimcheck.toml:2:11:",
            "always",
        ),
        ("[corpus\n", "claimcheck.toml:1:", ""),
    ];
    for (text, place, key) in cases {
        std::fs::write(root.join("claimcheck.toml"), text).expect("write");
        let out = claimcheck(root, &["check"]);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{text:?}: {err}");
        assert!(err.contains(place) && err.contains(key), "{text:?}: {err}");
        assert_eq!(err.lines().count(), 1, "one clear message: {err}");
    }
}

#[test]
fn a_corrupt_or_unwritable_baseline_is_an_error_that_keeps_the_file() {
    let dir = scratch();
    let root = dir.path();
    let path = root.join("claims/baseline.json");
    let corrupt = "{\"schema\": \"claimcheck/baseline/v1\", \"findings\": [\n";
    std::fs::write(&path, corrupt).expect("write");
    for args in [
        vec!["check"],
        vec!["check", "--update-baseline"],
        vec!["accept", "abc", "--reason", "x"],
    ] {
        let out = claimcheck(root, &args);
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains("claims/baseline.json:2:"), "{err}");
        assert_eq!(
            std::fs::read_to_string(&path).ok().as_deref(),
            Some(corrupt)
        );
    }
    // A baseline that cannot be written (its directory is a file).
    std::fs::write(root.join("blocker"), "").expect("write");
    let out = claimcheck(
        root,
        &[
            "check",
            "--update-baseline",
            "--baseline",
            "blocker/baseline.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("blocker/baseline.json"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn inline_suppressions_are_counted_and_unused_ones_reported() {
    let dir = scratch();
    let root = dir.path();
    let text = add_new_article(root);
    let (line, _) = position(&text, NEW_FIGURE);
    let mut lines: Vec<&str> = text.lines().collect();
    let at = usize::try_from(line).unwrap_or(1) - 1;
    lines.insert(
        at,
        "<!-- claimcheck-disable-next-line checked with the desk -->",
    );
    lines.push("Nothing to see here. <!-- claimcheck-disable-line -->");
    std::fs::write(root.join("corpus").join(NEW_ARTICLE), lines.join("\n")).expect("write");

    let (code, report, err) = check(root, &["--changed-since", "HEAD"]);
    assert_eq!(code, 0, "{report:#}\n{err}");
    assert_eq!(report["summary"]["suppressed"], 1, "{report:#}");
    let uses = report["suppressions"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let used: Vec<bool> = uses.iter().map(|u| u["used"] == true).collect();
    assert_eq!(used, [true, false], "{report:#}");
    assert!(err.contains("unused claimcheck-disable comment"), "{err}");
}

#[test]
fn output_file_quiet_and_pipes_keep_the_exit_code() {
    let dir = scratch();
    let root = dir.path();
    let out = claimcheck(
        root,
        &["check", "--format", "json", "--output", "report.json"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("report.json")).expect("written"))
            .expect("json");
    assert!(findings(&report).len() > failing(&report).len());

    let (code, quiet, err) = check(root, &["--quiet"]);
    assert_eq!(code, 1);
    assert!(err.is_empty(), "{err}");
    assert_eq!(findings(&quiet).len(), failing(&quiet).len());
    assert!(!findings(&quiet).is_empty());

    // Findings come out in the same order every time.
    let (_, again, _) = check(root, &[]);
    let ids = |r: &Value| -> Vec<Value> { findings(r).iter().map(|f| f["id"].clone()).collect() };
    assert_eq!(ids(&again), ids(&report));
}
