//! The progress bar, seen from a terminal: `script` (util-linux) runs the
//! binary on a pseudo-terminal, and a stream that pauses past the bar's
//! one-second delay makes it appear. Without a terminal, or with `--quiet`,
//! nothing but the claims may reach the output.

use std::process::{Command, Stdio};

/// Seconds the stream pauses: well past the bar's one-second delay, so a
/// binary that starts late on a loaded machine still meets the pause.
const PAUSE: &str = "3";

/// One JSON Lines article.
fn article(id: usize) -> String {
    format!(
        r#"{{"id": "a{id}", "text": "Officials said {id} people were hurt and $3 million was paid in 2013."}}"#
    )
}

/// A shell pipeline that writes some articles, pauses, writes more, and
/// pipes them into `claimcheck extract --format jsonl -` with `flags`.
fn pipeline(flags: &str) -> String {
    let first: Vec<String> = (0..20).map(article).collect();
    let second: Vec<String> = (20..40).map(article).collect();
    format!(
        "(printf '%s\\n' '{}'; sleep {PAUSE}; printf '%s\\n' '{}') | '{}' extract --format jsonl {flags} - > /dev/null",
        first.join("' '"),
        second.join("' '"),
        env!("CARGO_BIN_EXE_claimcheck")
    )
}

/// Runs `command` with stdin, stdout and stderr on a pseudo-terminal and
/// returns what the terminal showed; None when util-linux `script` is not
/// available.
fn on_terminal(command: &str) -> Option<String> {
    let mut child = Command::new("script")
        .args(["-q", "-e", "-c", command, "/dev/null"])
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .ok()?;
    // `script` ends the session when its own input ends: hold it open
    // until the command is done.
    let input = child.stdin.take();
    let out = child.wait_with_output().expect("script runs");
    drop(input);
    // Another `script` (BSD, macOS) has no -e/-c: it fails before running.
    if !out.status.success() && out.stdout.is_empty() {
        return None;
    }
    assert!(
        out.status.success(),
        "{command}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_bar_shows_on_a_terminal_after_a_second_and_never_with_quiet() {
    let Some(shown) = on_terminal(&pipeline("")) else {
        eprintln!("skipped: util-linux `script` is not available");
        return;
    };
    assert!(
        shown.contains("extract") && shown.contains("docs ("),
        "no progress bar on the terminal: {shown:?}"
    );
    let quiet = on_terminal(&pipeline("--quiet")).unwrap_or_default();
    assert!(!quiet.contains("docs ("), "--quiet drew a bar: {quiet:?}");
}

#[test]
fn no_bar_when_stderr_is_not_a_terminal() {
    let out = Command::new("sh")
        .args(["-c", &pipeline("")])
        .output()
        .expect("sh runs");
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("docs ("), "bar on a pipe: {stderr:?}");
}
