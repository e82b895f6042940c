//! End-to-end tests of the self-contained HTML report (`check --format html`):
//! the report of `corpus/`, checked as text and — in the tests named
//! `browser_*` — loaded in headless Chromium (DOM after the script ran, a
//! screenshot, and a net log that must hold no request but the file itself),
//! a hostile article whose payloads must not run, and (ignored by default) a
//! 1,000-article report's size and load time.
//!
//! Browser tests SKIP with a message when `chromium` is not installed, unless
//! `CLAIMCHECK_REQUIRE_BROWSER=1` is set (CI), when they fail instead. Set
//! `CHROMIUM=/path/to/binary` to use another Chromium build. Screenshots and
//! reports are kept in `target/html-report/` for a person to look at.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use claimcheck::compare::{self, AlignConfig, Report, ReportDocument};
use claimcheck::document::{self, Document, LoadOptions};
use claimcheck::frame::{FramedClaim, Framer};
use claimcheck::report::html;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Where reports and screenshots are kept after a run.
fn out_dir() -> PathBuf {
    let dir = root().join("target").join("html-report");
    std::fs::create_dir_all(&dir).expect("create target/html-report");
    dir
}

/// What `check` computes, built through the library: the report, the
/// articles and every framed claim.
struct Built {
    report: Report,
    documents: Vec<Document>,
    claims: Vec<FramedClaim>,
}

fn build(paths: &[PathBuf], reference: Option<&Path>) -> Built {
    let loaded = document::load_paths(paths, &LoadOptions::default());
    assert!(loaded.errors.is_empty(), "load errors: {:?}", loaded.errors);
    let mut framer = Framer::default();
    for doc in &loaded.documents {
        framer.learn(&doc.text);
    }
    let references = match reference {
        Some(dir) => {
            claimcheck::reference::load_dir(dir, framer.lexicon()).expect("reference facts")
        }
        None => Vec::new(),
    };
    let mut claims: Vec<FramedClaim> = Vec::new();
    for doc in &loaded.documents {
        claims.extend(framer.frame(doc, claimcheck::extract::extract(doc)));
    }
    let mut documents: Vec<ReportDocument> = loaded
        .documents
        .iter()
        .map(|d| ReportDocument {
            id: d.id.clone(),
            path: d.path.clone(),
            published: d.published,
        })
        .collect();
    let mut items = claims.clone();
    for set in &references {
        documents.push(ReportDocument {
            id: set.id.clone(),
            path: set.path.display().to_string(),
            published: None,
        });
        items.extend(set.items.iter().cloned());
    }
    let findings = compare::compare(items, &AlignConfig::default(), framer.lexicon());
    let report = Report::new(documents, loaded.documents.len(), claims.len(), findings);
    Built {
        report,
        documents: loaded.documents,
        claims,
    }
}

/// The HTML report of `corpus/`, written by the binary (`check --format html
/// --output FILE`), and the library's view of the same run (to compare counts).
/// Writes the corpus report to `target/html-report/<name>.html`: one file
/// per test, since tests run in parallel and one must not rewrite the page
/// another's browser is loading.
fn corpus_report(name: &str) -> (PathBuf, String, Built) {
    // Cargo runs integration tests in the package root: relative paths read
    // as the binary's do.
    let corpus = PathBuf::from("corpus");
    assert!(corpus.is_dir(), "corpus/ is missing");
    let built = build(&[corpus], Some(Path::new("claims/reference")));
    let file = out_dir().join(format!("{name}.html"));
    let _ = std::fs::remove_file(&file);
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "check",
            "--isolated",
            "--no-baseline",
            "--no-ledger",
            "--format",
            "html",
            "--output",
        ])
        .arg(&file)
        .arg("corpus")
        .current_dir(root())
        .output()
        .expect("run claimcheck");
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Exit 1: the corpus carries a real conflict; the report is written all the same.
    assert_eq!(out.status.code(), Some(1), "check: {stderr}");
    let html = std::fs::read_to_string(&file).expect("read report");
    (file, html, built)
}

// ------------------------------------------------------------------ browser

/// The Chromium binary, or None (the test skips) — unless
/// CLAIMCHECK_REQUIRE_BROWSER=1, when a missing browser fails the test.
fn chromium() -> Option<PathBuf> {
    let found = std::env::var_os("CHROMIUM").map(PathBuf::from).or_else(|| {
        let path = std::env::var_os("PATH")?;
        std::env::split_paths(&path)
            .flat_map(|dir| ["chromium", "chromium-browser", "google-chrome"].map(|n| dir.join(n)))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var("CLAIMCHECK_REQUIRE_BROWSER").as_deref() != Ok("1"),
            "CLAIMCHECK_REQUIRE_BROWSER=1 but no chromium found (apt-get install -y chromium)"
        );
        eprintln!(
            "SKIPPED: chromium is not installed (apt-get install -y chromium); set CLAIMCHECK_REQUIRE_BROWSER=1 to fail instead"
        );
    }
    found
}

/// Runs headless Chromium on a local file with networking features off and
/// a fresh profile; returns its output, the wall time and the net log text.
fn run_chromium(browser: &Path, page: &Path, extra: &[&str]) -> (Output, Duration, String) {
    let profile = tempfile::tempdir().expect("profile dir");
    let net_log = profile.path().join("net-log.json");
    let url = format!(
        "file://{}",
        page.canonicalize().expect("page path").display()
    );
    let started = Instant::now();
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--log-net-log={}", net_log.display()))
        .args(extra)
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    // Read the pipes on threads so a large DOM cannot block the browser.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stdout, &mut buf);
        buf
    });
    let err_thread = std::thread::spawn(move || {
        let mut buf = Vec::new();
        let _ = std::io::Read::read_to_end(&mut stderr, &mut buf);
        buf
    });
    let deadline = started + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait chromium") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish within 90 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = started.elapsed();
    let output = Output {
        status,
        stdout: out_thread.join().unwrap_or_default(),
        stderr: err_thread.join().unwrap_or_default(),
    };
    let log = std::fs::read_to_string(&net_log).unwrap_or_default();
    (output, elapsed, log)
}

/// The URLs the page itself asked for: `URL_REQUEST_START_JOB` events of
/// the net log whose initiator is an origin (a `file://` page is the opaque
/// origin "null"). Chromium's own background requests (update checks,
/// accounts) carry the initiator "not an origin" and are left out: they are
/// the browser's, not the report's.
fn page_requests(net_log: &str) -> Vec<String> {
    let log: serde_json::Value = serde_json::from_str(net_log)
        // Chromium may leave the closing brackets off; read what is there.
        .or_else(|_| {
            serde_json::from_str(&format!("{}]}}", net_log.trim_end().trim_end_matches(',')))
        })
        .expect("net log is JSON");
    let start_job = log
        .pointer("/constants/logEventTypes/URL_REQUEST_START_JOB")
        .and_then(serde_json::Value::as_u64)
        .expect("net log constants");
    let mut urls: Vec<String> = log
        .get("events")
        .and_then(serde_json::Value::as_array)
        .into_iter()
        .flatten()
        .filter(|e| e.get("type").and_then(serde_json::Value::as_u64) == Some(start_job))
        .filter_map(|e| e.get("params"))
        .filter(|p| p.get("initiator").and_then(serde_json::Value::as_str) != Some("not an origin"))
        .filter_map(|p| p.get("url").and_then(serde_json::Value::as_str))
        .map(str::to_string)
        .collect();
    urls.sort();
    urls.dedup();
    urls
}

fn dump_dom(browser: &Path, page: &Path) -> (String, Duration, String) {
    let (out, elapsed, log) = run_chromium(browser, page, &["--dump-dom"]);
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8_lossy(&out.stdout).into_owned(),
        elapsed,
        log,
    )
}

// -------------------------------------------------------------------- tests

#[test]
fn corpus_report_has_every_finding_and_highlight() {
    let (_, html, built) = corpus_report("corpus");
    let s = &built.report.summary;
    for (label, n) in [
        ("Articles", s.documents),
        ("Claims", s.claims),
        ("Conflicts", s.conflict),
        ("Agreements", s.agree),
        ("Related", s.related),
    ] {
        assert!(
            html.contains(&format!("<dt>{label}</dt><dd>{n}</dd>")),
            "header {label} = {n}"
        );
    }
    assert!(s.conflict >= 1, "the corpus carries a real disagreement");
    assert_eq!(
        html.matches("<li class=\"fd ").count(),
        built.report.findings.len()
    );
    // Every article claim is highlighted in the article view (claims that
    // cross another claim's end are the only ones that may be left out).
    let marks = html.matches("<mark class=\"c k-").count();
    assert!(
        marks >= built.claims.len(),
        "{marks} marks for {} claims",
        built.claims.len()
    );
    // The SIPRI/Rwanda conflict shows sentences of at least two articles, each
    // with its figure highlighted.
    let rwanda = built
        .report
        .findings
        .iter()
        .position(|f| f.topic.contains("Rwanda") && f.verdict == compare::Verdict::Conflict)
        .expect("a Rwanda conflict");
    let card = card(&html, rwanda);
    assert!(
        card.matches("<section class=\"side\">").count() >= 3,
        "articles plus reference side by side"
    );
    let docs: std::collections::BTreeSet<&str> = built.report.findings[rwanda]
        .claims
        .iter()
        .map(|c| c.framed.doc.as_str())
        .filter(|d| !d.starts_with("reference:"))
        .collect();
    assert!(docs.len() >= 2, "{docs:?}");
    for c in &built.report.findings[rwanda].claims {
        if !c.framed.doc.starts_with("reference:") {
            let text = html::escape(&c.framed.claim.text);
            assert!(
                card.contains(&format!("\">{text}</mark>")),
                "{text} highlighted in the finding"
            );
        }
    }
    assert!(html.contains("<figure class=\"tl\""), "timelines drawn");
}

/// The HTML of finding `i`'s card.
fn card(html: &str, i: usize) -> &str {
    let start = html.find(&format!("id=\"f{i}\" ")).expect("finding card");
    let end = html[start..]
        .find("</li><li class=\"fd ")
        .or_else(|| html[start..].find("</ol>"))
        .expect("card end");
    &html[start..start + end]
}

#[test]
fn browser_corpus_report_loads_offline() {
    let Some(browser) = chromium() else { return };
    let (page, html, built) = corpus_report("corpus-browser");
    assert!(!html.is_empty());
    let (dom, elapsed, log) = dump_dom(&browser, &page);
    eprintln!("chromium --dump-dom on corpus-browser.html: {elapsed:?}");
    assert!(
        dom.contains("data-js=\"ready\""),
        "the inline script did not run (CSP hash?)"
    );
    let n = built.report.findings.len();
    assert!(
        dom.contains(&format!("{n} of {n} findings shown")),
        "filter summary after JS"
    );
    assert_eq!(dom.matches("<li class=\"fd ").count(), n);
    assert!(dom.matches("<mark class=\"c k-").count() >= built.claims.len());
    let urls = page_requests(&log);
    assert!(!log.is_empty(), "no net log written");
    assert!(urls.is_empty(), "network requests attempted: {urls:?}");

    let shot = out_dir().join("corpus.png");
    let _ = std::fs::remove_file(&shot);
    let (out, _, _) = run_chromium(
        &browser,
        &page,
        &[
            &format!("--screenshot={}", shot.display()),
            "--window-size=1280,2400",
        ],
    );
    assert!(
        out.status.success(),
        "screenshot failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let size = std::fs::metadata(&shot).map(|m| m.len()).unwrap_or(0);
    assert!(
        size > 20_000,
        "screenshot {} is {size} bytes",
        shot.display()
    );
}

/// Payloads that would mark the page if any of them ran.
const HOSTILE: &[&str] = &[
    "<script>document.title='PWNED';document.documentElement.setAttribute('data-pwned','script')</script>",
    "\"><img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">",
    "'><svg onload=\"document.documentElement.setAttribute('data-pwned','svg')\"></svg>",
    "</textarea></style></title><script>document.title='PWNED2'</script>",
];

fn hostile_articles(dir: &Path) -> Vec<PathBuf> {
    let mut body = String::new();
    for p in HOSTILE {
        body.push_str(&format!(
            "Officials said Israel sold arms worth $13 million to Rwanda in 2013 {p} according to SIPRI.\n\n"
        ));
    }
    let a = format!(
        "---\ntitle: \"Hostile <script>document.title='PWNED3'</script> title\"\ndate: 2018-03-20\nurl: javascript:alert(1)\n---\n\n{body}"
    );
    let b = "---\ntitle: Plain\ndate: 2018-03-22\n---\n\nSIPRI says Israel sold arms worth $20 million to Rwanda in 2013.\n";
    let pa = dir.join("hostile.md");
    let pb = dir.join("plain.md");
    std::fs::write(&pa, a).expect("write hostile");
    std::fs::write(&pb, b).expect("write plain");
    vec![pa, pb]
}

#[test]
fn hostile_article_is_escaped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let built = build(&hostile_articles(dir.path()), None);
    let html = html::render(&built.report, &built.documents, &built.claims);
    assert_eq!(
        html.matches("<script").count(),
        1,
        "only our own script element"
    );
    for tag in ["<img", "<svg onload", "<textarea", "</style></title>"] {
        assert!(!html.contains(tag), "{tag} leaked");
    }
    assert!(html.contains("&lt;script&gt;document.title=&#39;PWNED&#39;"));
    assert!(
        !html.contains("href=\"javascript:"),
        "the url is never a link"
    );
}

#[test]
fn browser_hostile_article_does_not_execute() {
    let Some(browser) = chromium() else { return };
    // End to end: the binary writes the page.
    let dir = tempfile::tempdir().expect("tempdir");
    hostile_articles(dir.path());
    let page = out_dir().join("hostile.html");
    let _ = std::fs::remove_file(&page);
    let out = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args([
            "check",
            "--isolated",
            "--no-reference",
            "--no-baseline",
            "--fail-on",
            "never",
            "--format",
            "html",
            "--output",
        ])
        .arg(&page)
        .arg(dir.path())
        .current_dir(root())
        .output()
        .expect("run claimcheck");
    assert!(
        out.status.success(),
        "check failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let (dom, _, log) = dump_dom(&browser, &page);
    assert!(dom.contains("data-js=\"ready\""), "our script ran");
    let html_tag = &dom[dom.find("<html").expect("html element")..];
    let html_tag = &html_tag[..html_tag.find('>').unwrap_or(0)];
    assert!(
        !html_tag.contains("data-pwned"),
        "a payload ran: {html_tag}"
    );
    assert!(
        !dom.contains("PWNED</title>") && !dom.contains("<title>PWNED"),
        "title changed"
    );
    assert!(dom.contains("<title>claimcheck report</title>"));
    assert!(!dom.contains("<img"), "an img element was created");
    assert!(dom.contains("&lt;script&gt;"), "payload shown as text");
    assert!(page_requests(&log).is_empty());
}

/// The net-log check can fail: a page that does fetch is caught.
#[test]
fn browser_net_log_catches_a_fetching_page() {
    let Some(browser) = chromium() else { return };
    let page = out_dir().join("fetching.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><title>x</title><img src=\"http://claimcheck-test.invalid/pixel.png\">",
    )
    .expect("write");
    let (_, _, log) = dump_dom(&browser, &page);
    let urls = page_requests(&log);
    assert_eq!(urls, ["http://claimcheck-test.invalid/pixel.png"]);
}

/// A 1,000-article archive: 200 stories of 5 articles each, every story
/// about its own pair of countries (8 sellers × 25 buyers), the articles restating its figures a week
/// apart, and the fourth article of each story drifting one figure (so
/// conflicts, agreements and related findings all form).
fn thousand_articles(dir: &Path) -> Vec<PathBuf> {
    const SELLERS: [&str; 8] = [
        "Israel", "France", "Germany", "China", "Turkey", "Italy", "India", "Japan",
    ];
    const BUYERS: [&str; 25] = [
        "Rwanda",
        "Georgia",
        "Ukraine",
        "Iran",
        "Syria",
        "Lebanon",
        "Egypt",
        "Jordan",
        "Iraq",
        "Pakistan",
        "Vietnam",
        "Canada",
        "Netherlands",
        "Moldova",
        "Uganda",
        "Tanzania",
        "Zambia",
        "Kenya",
        "Ethiopia",
        "Ghana",
        "Eritrea",
        "Sudan",
        "Nigeria",
        "Armenia",
        "Kazakhstan",
    ];
    for i in 0..1000usize {
        let story = i / 5;
        let take = i % 5;
        let buyer = BUYERS[story % BUYERS.len()];
        let seller = SELLERS[(story / BUYERS.len()) % SELLERS.len()];
        let year = 2008 + story % 10;
        let amount = 10 + (story * 7) % 40 + if take == 3 { 5 } else { 0 };
        let (month, day) = (1 + story % 12, 1 + take * 6);
        let text = format!(
            "---\ntitle: {seller} and {buyer}, part {take}\ndate: 2018-{month:02}-{day:02}\nsource: Test Wire\n---\n\n\
             # {seller} and {buyer}, part {take}\n\n\
             {seller} sold arms worth ${amount} million to {buyer} in {year}, according to SIPRI. \
             The deal included {n} armoured vehicles, and about {pct}% of the order has been delivered.\n\n\
             The defence minister of {buyer} ended a {dur}-day visit on Thursday. More than {people} people \
             attended the talks in the capital last week, where officials discussed training, spare parts \
             and the maintenance of older equipment bought in the 1990s.\n\n\
             Critics in {buyer} said exports from {seller} had grown by {growth} percent since {since}, while \
             the ministry put the total at ${total} million over five years. Opposition members asked for \
             the contracts to be published in full.\n\n\
             Analysts noted that the border region lies about {km} kilometers from the capital and that \
             roughly {troops} soldiers are stationed there. A parliamentary committee will meet next month.\n\n\
             Diplomats from both sides described the talks as frank but friendly. Much of the discussion \
             turned on maintenance contracts, the training of technicians and the rules that govern the \
             resale of equipment to third parties, which {seller} has long insisted on. People close to the \
             negotiations said the question of local assembly had not been settled, and that a further \
             round would be needed before any agreement could be signed.\n\n\
             In the capital, the reaction was mixed. Business groups welcomed the prospect of jobs at the \
             port and in the repair yards, while rights groups asked how the equipment would be used and \
             who would check that the terms were respected. The government has promised to answer those \
             questions in parliament, though it has not said when. Newspapers friendly to the ministry \
             called the visit a success; others noted that similar promises had been made before and \
             quietly dropped once the cameras had gone.\n",
            n = 10 + story % 30,
            pct = 40 + story % 50,
            dur = 2 + story % 5,
            people = 100 + story % 900,
            growth = 5 + story % 20,
            since = 2010 + story % 6,
            total = 100 + story % 300,
            km = 50 + story % 400,
            troops = 1000 + 10 * (story % 500),
        );
        std::fs::write(dir.join(format!("story-{i:04}.md")), text).expect("write article");
    }
    vec![dir.to_path_buf()]
}

#[test]
#[ignore = "slow: 1,000-article report size and Chromium load time (cargo test --test html -- --ignored --nocapture)"]
fn large_report_stays_small_and_loads_fast() {
    // Kept in target/html-report/large-articles/ so the run can be repeated by hand.
    let dir = out_dir().join("large-articles");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create large-articles");
    let paths = thousand_articles(&dir);
    let t = Instant::now();
    let built = build(&paths, None);
    let html = html::render(&built.report, &built.documents, &built.claims);
    let render_time = t.elapsed();
    let page = out_dir().join("large.html");
    std::fs::write(&page, &html).expect("write");
    eprintln!(
        "1,000 articles: {} claims, {} findings, {} bytes ({:.2} MB); check+render {render_time:?}",
        built.claims.len(),
        built.report.findings.len(),
        html.len(),
        html.len() as f64 / 1e6
    );
    assert_eq!(built.report.summary.documents, 1000);
    assert!(html.len() < 10_000_000, "report is {} bytes", html.len());
    let Some(browser) = chromium() else { return };
    // Time to open: `--screenshot` waits for the load event and paints the
    // first screen. The same run on an empty page is the browser's start-up,
    // taken off (best of three runs each, to damp a busy machine).
    let shot = |page: &Path| {
        (0..3)
            .map(|_| {
                let png = out_dir().join("timing.png");
                let (out, elapsed, _) = run_chromium(
                    &browser,
                    page,
                    &[
                        &format!("--screenshot={}", png.display()),
                        "--window-size=1280,900",
                    ],
                );
                assert!(
                    out.status.success(),
                    "chromium failed: {}",
                    String::from_utf8_lossy(&out.stderr)
                );
                elapsed
            })
            .min()
            .unwrap_or_default()
    };
    let empty = out_dir().join("empty.html");
    std::fs::write(&empty, "<!DOCTYPE html><title>x</title>").expect("write");
    let base = shot(&empty);
    let full = shot(&page);
    let load = full.saturating_sub(base);
    eprintln!("chromium --screenshot: empty page {base:?}, report {full:?}, open ≈ {load:?}");
    let (dom, elapsed, _) = dump_dom(&browser, &page);
    eprintln!("chromium --dump-dom (serialises the whole DOM): {elapsed:?}");
    assert!(dom.contains("data-js=\"ready\""));
    let n = built.report.findings.len();
    assert!(dom.contains(&format!("{n} of {n} findings shown")));
    assert!(
        load < Duration::from_secs(2),
        "report took {load:?} to open beyond browser start-up"
    );
}
