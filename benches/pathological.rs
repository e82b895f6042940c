//! Pathological-input benchmark (a plain bench binary, `harness = false`).
//!
//! ```text
//! cargo bench --bench pathological              # every case, 1 MB and 4 MB
//! cargo bench --bench pathological -- dollar    # cases whose name contains "dollar"
//! cargo bench --bench pathological -- --size 10 # base size 10 MB (and 40 MB); 0.25 is fine
//! ```
//!
//! For each degenerate input (10 MB on one line, 1 MB of digits, 100,000
//! "$" signs, repeated "between … and …", number words, odd Unicode, …) it
//! times, single-threaded and best of 3, the quantity scan, the date scan
//! and the whole `extract_text` at the base size and at 4× it, and prints
//! the times, MB/s and the 4×/1× ratio (about 4 when time is linear in the
//! size; 16 when quadratic). Figures are recorded in `docs/robustness.md`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use claimcheck::extract::{date, extract_text, quantity};
use claimcheck::text::TextIndex;

/// One pathological input: a name and the unit repeated to reach a size.
struct Case {
    name: &'static str,
    unit: &'static str,
}

const CASES: &[Case] = &[
    Case {
        name: "news text on one line",
        unit: "Officials said some $13 million, over 90% and 34 countries in 2013, last week; ",
    },
    Case {
        name: "news text, many lines",
        unit: "Officials said some $13 million went to 34 countries in 2013.\n",
    },
    Case {
        name: "digits",
        unit: "0123456789",
    },
    Case {
        name: "digits with separators",
        unit: "1,234,567.89",
    },
    Case {
        name: "dollar signs",
        unit: "$",
    },
    Case {
        name: "dollar and digit",
        unit: "$1",
    },
    Case {
        name: "percent signs",
        unit: "%",
    },
    Case {
        name: "digit and percent",
        unit: "1%",
    },
    Case {
        name: "unicode minus signs",
        unit: "\u{2212}",
    },
    Case {
        name: "between … and …",
        unit: "between 5 and ",
    },
    Case {
        name: "between $ … and $ …",
        unit: "between $300 and $",
    },
    Case {
        name: "number lists",
        unit: "5, ",
    },
    Case {
        name: "to-chains",
        unit: "3 to ",
    },
    Case {
        name: "number words",
        unit: "one two three ",
    },
    Case {
        name: "compound number words",
        unit: "twenty-one hundred and ",
    },
    Case {
        name: "vague counts",
        unit: "tens of thousands of ",
    },
    Case {
        name: "articles",
        unit: "a ",
    },
    Case {
        name: "months",
        unit: "September ",
    },
    Case {
        name: "relative dates",
        unit: "last week next month ",
    },
    Case {
        name: "years",
        unit: "in 2009 ",
    },
    Case {
        name: "combining marks",
        unit: "5\u{301} %\u{301} ",
    },
    Case {
        name: "right-to-left and zero-width",
        unit: "\u{202e}٣٤ دولة 34 countries \u{200f}\u{200b}",
    },
    Case {
        name: "mixed scripts",
        unit: "二〇一八年 ₹500 crore Ελλάδα 3 км 🙂 ",
    },
];

/// CPU time of the current thread, so other work on a shared machine does
/// not count; `None` where the clock is unavailable.
#[cfg(unix)]
fn thread_cpu_time() -> Option<Duration> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec for the duration of the call.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32))
}

#[cfg(not(unix))]
fn thread_cpu_time() -> Option<Duration> {
    None
}

/// Best of three runs of `f`, in thread CPU time where the system reports
/// it, else in wall-clock time.
fn best_of_3(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let (c, t) = (thread_cpu_time(), Instant::now());
            f();
            match (c, thread_cpu_time()) {
                (Some(a), Some(b)) => b.saturating_sub(a),
                _ => t.elapsed(),
            }
        })
        .min()
        .unwrap_or_default()
}

/// `unit` repeated to at least `bytes`.
fn make(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()).max(1))
}

fn mb_s(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / 1e6 / t.as_secs_f64().max(1e-9)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut base_mb = 1.0f64;
    let mut filter: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--size" => base_mb = it.next().and_then(|s| s.parse().ok()).unwrap_or(1.0),
            "--bench" => {}
            s if s.starts_with('-') => {}
            s => filter = Some(s.to_string()),
        }
    }
    let published = NaiveDate::from_ymd_opt(2018, 3, 20);
    news_baseline();
    let base = (base_mb * f64::from(1u32 << 20)) as usize;
    println!(
        "{:<30} {:>6} {:>10} {:>10} {:>10} {:>10} {:>9} {:>7}",
        "case", "MB", "quantity", "date", "index", "extract", "MB/s", "4x/1x"
    );
    for case in CASES {
        if filter.as_deref().is_some_and(|f| !case.name.contains(f)) {
            continue;
        }
        let mut prev: Option<Duration> = None;
        for size in [base, 4 * base] {
            let text = make(case.unit, size);
            let tq = best_of_3(|| {
                black_box(quantity::scan(black_box(&text)));
            });
            let td = best_of_3(|| {
                black_box(date::scan(black_box(&text), published));
            });
            let ti = best_of_3(|| {
                black_box(TextIndex::new(black_box(&text)));
            });
            let te = best_of_3(|| {
                black_box(extract_text("bench", black_box(&text), 0, published));
            });
            let ratio = prev.map_or(String::new(), |p| {
                format!("{:.1}", te.as_secs_f64() / p.as_secs_f64().max(1e-9))
            });
            println!(
                "{:<30} {:>6.1} {:>9.1?} {:>9.1?} {:>9.1?} {:>9.1?} {:>9.1} {:>7}",
                case.name,
                text.len() as f64 / 1e6,
                tq,
                td,
                ti,
                te,
                mb_s(text.len(), te),
                ratio
            );
            prev = Some(te);
        }
    }
}

/// Real news for scale: the article texts of the GVA development file (when
/// the shared data is beside the repository), quantity scan alone and whole
/// extraction, in MB/s.
fn news_baseline() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/eval/gva/gva_dev.jsonl");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!("(no {}: real-news baseline skipped)", path.display());
        return;
    };
    let mut text = String::new();
    for line in raw.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        for a in v["articles"].as_array().into_iter().flatten() {
            if let Some(c) = a["content"].as_str() {
                text.push_str(c);
                text.push_str("\n\n");
            }
        }
    }
    let tq = best_of_3(|| {
        black_box(quantity::scan(black_box(&text)));
    });
    let te = best_of_3(|| {
        black_box(extract_text("news", black_box(&text), 0, None));
    });
    println!(
        "real news (gva_dev, {:.1} MB): quantity scan {:.0} MB/s, whole extraction {:.0} MB/s\n",
        text.len() as f64 / 1e6,
        mb_s(text.len(), tq),
        mb_s(text.len(), te)
    );
}
