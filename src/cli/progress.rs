//! The progress bar of long runs (indicatif): documents done, documents/s,
//! bytes and MB/s, on stderr. It stays hidden unless stderr is a terminal
//! and `--quiet` is off, and appears only once a run has taken
//! [`SHOW_AFTER`], so short runs print nothing. Counting is lock-free and
//! may be called from every worker thread; the library never sees the bar,
//! only a callback that counts.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

/// How long a run goes before the bar appears.
pub const SHOW_AFTER: Duration = Duration::from_secs(1);

/// Templates: with a known total (bytes of the files named), and without
/// (stdin, JSON Lines streams).
const WITH_TOTAL: &str = "{spinner} {prefix} [{elapsed_precise}] {wide_bar} {docs} · {bytes}/{total_bytes} · {bytes_per_sec} · ETA {eta}";
const WITHOUT_TOTAL: &str =
    "{spinner} {prefix} [{elapsed_precise}] {docs} · {bytes} · {bytes_per_sec}";

/// Counts documents and bytes; draws a bar when it may.
pub struct Progress {
    /// None when the bar may never show (stderr not a terminal, or quiet).
    bar: Option<ProgressBar>,
    docs: Arc<AtomicU64>,
    started: Instant,
    shown: AtomicBool,
}

impl Progress {
    /// A counter labelled `what` ("extract"); `total_bytes` when known.
    pub fn new(what: &str, quiet: bool, total_bytes: Option<u64>) -> Progress {
        let enabled = !quiet && io::stderr().is_terminal();
        Progress::with(what, enabled, total_bytes)
    }

    fn with(what: &str, enabled: bool, total_bytes: Option<u64>) -> Progress {
        let docs = Arc::new(AtomicU64::new(0));
        let bar = enabled.then(|| {
            let counted = Arc::clone(&docs);
            let template = if total_bytes.is_some() {
                WITH_TOTAL
            } else {
                WITHOUT_TOTAL
            };
            let style = ProgressStyle::with_template(template)
                .unwrap_or_else(|_| ProgressStyle::default_bar())
                .with_key(
                    "docs",
                    move |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                        let n = counted.load(Ordering::Relaxed);
                        let secs = state.elapsed().as_secs_f64().max(1e-3);
                        let _ = write!(w, "{n} docs ({:.0} docs/s)", n as f64 / secs);
                    },
                );
            let bar = ProgressBar::with_draw_target(total_bytes, ProgressDrawTarget::hidden());
            bar.set_style(style);
            bar.set_prefix(what.to_string());
            bar
        });
        Progress {
            bar,
            docs,
            started: Instant::now(),
            shown: AtomicBool::new(false),
        }
    }

    /// Counts one finished document of `bytes` bytes (any thread).
    pub fn add(&self, bytes: usize) {
        self.docs.fetch_add(1, Ordering::Relaxed);
        let Some(bar) = &self.bar else {
            return;
        };
        bar.inc(u64::try_from(bytes).unwrap_or(u64::MAX));
        if !self.shown.load(Ordering::Relaxed)
            && self.started.elapsed() >= SHOW_AFTER
            && !self.shown.swap(true, Ordering::Relaxed)
        {
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(8));
            bar.enable_steady_tick(Duration::from_millis(250));
        }
    }

    /// Documents counted so far.
    #[cfg(test)]
    fn documents(&self) -> u64 {
        self.docs.load(Ordering::Relaxed)
    }

    /// Writes one line on stderr without tearing the bar (a closed stderr is
    /// ignored).
    pub fn eprintln(&self, line: &str) {
        let write = || {
            let _ = writeln!(io::stderr(), "{line}");
        };
        match &self.bar {
            Some(bar) => bar.suspend(write),
            None => write(),
        }
    }

    /// Removes the bar from the terminal.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_from_many_threads_and_hides_when_disabled() {
        let p = Progress::with("test", false, Some(1000));
        std::thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..250 {
                        p.add(4);
                    }
                });
            }
        });
        assert_eq!(p.documents(), 1000);
        assert!(p.bar.is_none());
    }

    #[test]
    fn templates_parse() {
        for t in [WITH_TOTAL, WITHOUT_TOTAL] {
            assert!(ProgressStyle::with_template(t).is_ok(), "{t}");
        }
    }

    #[test]
    fn enabled_bar_counts_bytes() {
        let p = Progress::with("test", true, None);
        p.add(10);
        p.add(5);
        let bar = p.bar.as_ref().unwrap();
        assert_eq!(bar.position(), 15);
        assert!(
            !p.shown.load(Ordering::Relaxed),
            "not before {SHOW_AFTER:?}"
        );
        assert_eq!(p.documents(), 2);
    }
}
