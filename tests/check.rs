//! Integration tests for `claimcheck check` and `claimcheck compare`: the
//! binary on small fixtures of our own (tests/fixtures/check/).

use std::path::PathBuf;
use std::process::{Command, Output};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/check")
        .join(name)
}

fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the claimcheck binary runs")
}

/// `check --format json --no-reference` on a fixture directory: exit code and report.
fn check_json(dir: &str, extra: &[&str]) -> (i32, serde_json::Value) {
    let path = fixture(dir);
    let path = path.to_string_lossy();
    let mut args = vec!["check", path.as_ref(), "--format", "json"];
    args.extend_from_slice(extra);
    if !extra.iter().any(|a| a.starts_with("--reference")) {
        args.push("--no-reference");
    }
    let out = claimcheck(&args);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: stdout {:?} stderr {:?}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (out.status.code().unwrap_or(-1), report)
}

fn verdicts(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| f["verdict"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn disagreeing_casualty_counts_conflict_with_both_sentences() {
    let (code, report) = check_json("casualties", &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(report["schema"], "claimcheck/report/v1");
    assert_eq!(verdicts(&report), ["conflict"]);
    let finding = &report["findings"][0];
    assert_eq!(finding["severity"], "error");
    let sentences: Vec<&str> = finding["claims"]
        .as_array()
        .map(|cs| cs.iter().filter_map(|c| c["sentence"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("Three people were killed")),
        "{sentences:?}"
    );
    assert!(
        sentences
            .iter()
            .any(|s| s.starts_with("Five people were killed")),
        "{sentences:?}"
    );
    // The conflicting figures, plus the dates that scope them as context.
    let conflicting: Vec<(&str, &str)> = finding["claims"]
        .as_array()
        .map(|cs| {
            cs.iter()
                .filter(|c| c["verdict"] == "conflict")
                .filter_map(|c| Some((c["doc"].as_str()?, c["text"].as_str()?)))
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(
        conflicting,
        [
            ("evening-report", "Five people"),
            ("morning-report", "Three people")
        ]
    );
    assert_eq!(report["summary"]["documents"], 2);
    assert_eq!(report["summary"]["conflict"], 1);
    let id = finding["id"].as_str().unwrap_or("");
    assert_eq!(id.len(), 16, "{id}");
}

#[test]
fn finding_ids_are_stable_across_runs() {
    let (_, a) = check_json("casualties", &[]);
    let (_, b) = check_json("casualties", &[]);
    assert_eq!(a["findings"][0]["id"], b["findings"][0]["id"]);
}

#[test]
fn rounded_figures_agree_and_pass_the_gate() {
    let (code, report) = check_json("rounding", &[]);
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(verdicts(&report), ["agree"]);
    let explanation = report["findings"][0]["explanation"].as_str().unwrap_or("");
    assert!(explanation.contains("only as rounding"), "{explanation}");
    assert!(
        report["findings"][0]["topic"]
            .as_str()
            .unwrap_or("")
            .starts_with("France → Kenya · arms transfers")
    );
}

#[test]
fn tiv_reference_is_a_category_issue_not_an_agreement() {
    let reference = fixture("reference");
    let flag = format!("--reference={}", reference.display());
    let (code, report) = check_json("rounding", &[&flag]);
    assert_eq!(code, 0, "related findings do not fail the default gate");
    let finding = report["findings"]
        .as_array()
        .and_then(|fs| {
            fs.iter()
                .find(|f| f["explanation"].as_str().is_some_and(|e| e.contains("TIV")))
        })
        .cloned()
        .unwrap_or_default();
    assert_eq!(finding["verdict"], "related", "{report:#}");
    assert_eq!(finding["severity"], "warning");
    assert!(
        finding["explanation"]
            .as_str()
            .unwrap_or("")
            .contains("not a price in dollars")
    );
    assert!(
        finding["claims"]
            .as_array()
            .is_some_and(|cs| cs.iter().any(|c| c["doc"] == "reference:facts"))
    );
    // --fail-on related turns the category issue into a failure.
    let (code, _) = check_json("rounding", &[&flag, "--fail-on", "related"]);
    assert_eq!(code, 1);
}

#[test]
fn recent_supply_conflicts_with_earlier_denial() {
    let (code, report) = check_json("denial", &[]);
    assert_eq!(code, 1, "{report:#}");
    assert_eq!(verdicts(&report)[0], "conflict");
    let finding = &report["findings"][0];
    let texts: Vec<&str> = finding["claims"]
        .as_array()
        .map(|cs| cs.iter().filter_map(|c| c["text"].as_str()).collect())
        .unwrap_or_default();
    assert!(
        texts.contains(&"recently") && texts.contains(&"since then"),
        "{texts:?}"
    );
    assert!(
        finding["topic"]
            .as_str()
            .unwrap_or("")
            .starts_with("France → Kenya"),
        "{finding:#}"
    );
    // --fail-on never passes the gate with the same findings.
    let (code, _) = check_json("denial", &["--fail-on", "never"]);
    assert_eq!(code, 0);
}

#[test]
fn parenthetical_conversions_are_checked() {
    let (code, report) = check_json("conversion_ok", &[]);
    assert_eq!(
        (code, verdicts(&report)),
        (0, vec!["agree".to_string()]),
        "{report:#}"
    );
    let (code, report) = check_json("conversion_bad", &[]);
    assert_eq!(
        (code, verdicts(&report)),
        (1, vec!["conflict".to_string()]),
        "{report:#}"
    );
    assert!(
        report["findings"][0]["explanation"]
            .as_str()
            .unwrap_or("")
            .contains("45 miles")
    );
}

#[test]
fn table_and_markdown_name_the_claims() {
    let path = fixture("casualties");
    let path = path.to_string_lossy();
    let out = claimcheck(&[
        "check",
        path.as_ref(),
        "--format",
        "table",
        "--no-reference",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    for needle in [
        "CONFLICT",
        "Springfield · killed",
        "Three people",
        "Five people",
        "2021-05-03",
        "1 conflict",
    ] {
        assert!(text.contains(needle), "{needle} missing:\n{text}");
    }
    let out = claimcheck(&[
        "check",
        path.as_ref(),
        "--format",
        "markdown",
        "--no-reference",
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("## conflict (error): Springfield · killed"),
        "{text}"
    );
    assert!(
        text.contains("> **morning-report**: Three people were killed"),
        "{text}"
    );
}

#[test]
fn compare_filters_one_subject() {
    let path = fixture("denial");
    let path = path.to_string_lossy();
    let out = claimcheck(&[
        "compare",
        "Kenya",
        path.as_ref(),
        "--format",
        "json",
        "--no-reference",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(1));
    let out = claimcheck(&[
        "compare",
        "Atlantis",
        path.as_ref(),
        "--format",
        "json",
        "--no-reference",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap_or_default();
    assert_eq!(report["findings"].as_array().map(Vec::len), Some(0));
}

#[test]
fn missing_input_exits_2() {
    let out = claimcheck(&[
        "check",
        "tests/fixtures/check/no-such-dir",
        "--format",
        "json",
        "--no-reference",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-dir"));
    let out = claimcheck(&["check", "--fail-on", "sometimes"]);
    assert_eq!(out.status.code(), Some(2));
}
