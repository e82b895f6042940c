//! `claimcheck.toml`: the project configuration of `check` (and `accept`,
//! `report`). Owns discovery (the current directory and its parents, first
//! of `claimcheck.toml` / `.claimcheck.toml` wins), parsing with spans so a
//! bad key or value names the file, line and column, validation into a plain
//! [`Config`], the corpus include/exclude globs, and the starter file that
//! `claimcheck init` writes ([`STARTER`]).
//!
//! Relative paths in the file (corpus, reference facts, baseline) are
//! relative to the directory holding it.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobBuilder, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::compare::AlignConfig;
use crate::frame::Lexicon;
use crate::gate::{FailOn, SeverityLevel, SeverityPolicy};

/// File names looked for in each directory, in order.
pub const CONFIG_NAMES: [&str; 2] = ["claimcheck.toml", ".claimcheck.toml"];

/// Default baseline file, relative to the project root.
pub const DEFAULT_BASELINE: &str = "claims/baseline.json";

/// Default directory of reference facts, relative to the project root.
pub const DEFAULT_REFERENCE_DIR: &str = "claims/reference";

/// Deepest directory nesting followed when expanding a glob.
const MAX_DEPTH: usize = 64;

/// Why a configuration could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read the configuration: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// A syntax error, unknown key or bad value at a known place.
    #[error("{path}:{line}:{column}: {message}")]
    Invalid {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
}

/// The validated configuration. [`Config::default`] is what runs without a
/// file (and with `--isolated`).
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// The file read, if any.
    pub file: Option<PathBuf>,
    /// Directory that relative paths resolve against (empty: the current one).
    pub root: PathBuf,
    /// Corpus paths or globs, used when no PATHS are given.
    pub include: Vec<String>,
    /// Globs of files to leave out of the corpus.
    pub exclude: Vec<String>,
    exclude_set: Option<GlobSet>,
    /// Entity aliases: surface form → canonical name.
    pub aliases: Vec<(String, String)>,
    /// Predicate synonyms: word → class, or word → a word whose class it shares.
    pub synonyms: Vec<(String, String)>,
    /// Alignment threshold, weights and numeric tolerance.
    pub align: AlignConfig,
    pub fail_on: Option<FailOn>,
    pub severity: SeverityPolicy,
    /// Reference-fact files or directories (None: `claims/reference` if it exists).
    pub reference: Option<Vec<PathBuf>>,
    /// Baseline file (None: `claims/baseline.json`).
    pub baseline: Option<PathBuf>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConfig {
    #[serde(default)]
    corpus: RawCorpus,
    #[serde(default)]
    aliases: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    synonyms: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    align: RawAlign,
    #[serde(default)]
    gate: RawGate,
    #[serde(default)]
    severity: RawSeverity,
    #[serde(default)]
    reference: RawReference,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCorpus {
    #[serde(default)]
    include: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawAlign {
    threshold: Option<Spanned<f64>>,
    entity_weight: Option<Spanned<f64>>,
    predicate_weight: Option<Spanned<f64>>,
    time_weight: Option<Spanned<f64>>,
    attribution_weight: Option<Spanned<f64>>,
    min_entity_overlap: Option<Spanned<f64>>,
    min_predicate_similarity: Option<Spanned<f64>>,
    tolerance: Option<Spanned<f64>>,
    approx_tolerance: Option<Spanned<f64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawGate {
    fail_on: Option<FailOn>,
    baseline: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawSeverity {
    agree: Option<SeverityLevel>,
    related: Option<SeverityLevel>,
    conflict: Option<SeverityLevel>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawReference {
    paths: Option<Vec<Spanned<String>>>,
}

/// The first configuration file in `dir` or its parents.
pub fn discover(dir: &Path) -> Option<PathBuf> {
    dir.ancestors().find_map(|d| {
        CONFIG_NAMES
            .iter()
            .map(|name| d.join(name))
            .find(|p| p.is_file())
    })
}

/// The path from `cwd` to `dir` when `dir` is `cwd` or one of its parents
/// ("" or "../.."), so paths stay relative for annotations; else `dir`.
pub fn relative_to(dir: &Path, cwd: &Path) -> PathBuf {
    match cwd.strip_prefix(dir) {
        Ok(rest) => rest.components().map(|_| "..").collect(),
        Err(_) => dir.to_path_buf(),
    }
}

impl Config {
    /// Reads and validates a configuration file; `root` is the directory
    /// its relative paths resolve against (usually its parent, as the user
    /// would write it).
    pub fn load(path: &Path, root: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Config::parse(&text, path, root)
    }

    /// Parses configuration text read from `path`.
    pub fn parse(text: &str, path: &Path, root: &Path) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        let invalid = |span: Option<Range<usize>>, message: String| {
            let (line, column) = line_column(text, span.map_or(0, |s| s.start));
            ConfigError::Invalid {
                path: shown.clone(),
                line,
                column,
                message,
            }
        };
        let raw: RawConfig =
            toml::from_str(text).map_err(|e| invalid(e.span(), one_line(e.message())))?;

        let mut config = Config {
            file: Some(path.to_path_buf()),
            root: root.to_path_buf(),
            ..Config::default()
        };

        for pattern in &raw.corpus.include {
            if is_glob(pattern.get_ref()) {
                glob(pattern.get_ref())
                    .map_err(|e| invalid(Some(pattern.span()), format!("corpus.include: {e}")))?;
            }
            config.include.push(pattern.get_ref().clone());
        }
        let mut excludes = GlobSetBuilder::new();
        for pattern in &raw.corpus.exclude {
            let g = glob(pattern.get_ref())
                .map_err(|e| invalid(Some(pattern.span()), format!("corpus.exclude: {e}")))?;
            excludes.add(g);
            config.exclude.push(pattern.get_ref().clone());
        }
        if !config.exclude.is_empty() {
            let set = excludes
                .build()
                .map_err(|e| invalid(None, format!("corpus.exclude: {e}")))?;
            config.exclude_set = Some(set);
        }

        for (table, map, out) in [
            ("aliases", &raw.aliases, &mut config.aliases),
            ("synonyms", &raw.synonyms, &mut config.synonyms),
        ] {
            for (key, value) in map {
                if key.trim().is_empty() || value.get_ref().trim().is_empty() {
                    return Err(invalid(
                        Some(value.span()),
                        format!("{table}: keys and values must not be empty"),
                    ));
                }
                out.push((key.trim().to_string(), value.get_ref().trim().to_string()));
            }
        }

        let a = &raw.align;
        let align = &mut config.align;
        let fields: [(&str, &Option<Spanned<f64>>, &mut f64, f64); 9] = [
            ("threshold", &a.threshold, &mut align.threshold, 1.0),
            (
                "entity-weight",
                &a.entity_weight,
                &mut align.entity_weight,
                1.0,
            ),
            (
                "predicate-weight",
                &a.predicate_weight,
                &mut align.predicate_weight,
                1.0,
            ),
            ("time-weight", &a.time_weight, &mut align.time_weight, 1.0),
            (
                "attribution-weight",
                &a.attribution_weight,
                &mut align.attribution_weight,
                1.0,
            ),
            (
                "min-entity-overlap",
                &a.min_entity_overlap,
                &mut align.min_entity_overlap,
                1.0,
            ),
            (
                "min-predicate-similarity",
                &a.min_predicate_similarity,
                &mut align.min_predicate_similarity,
                1.0,
            ),
            ("tolerance", &a.tolerance, &mut align.tolerance, 0.5),
            (
                "approx-tolerance",
                &a.approx_tolerance,
                &mut align.approx_tolerance,
                0.5,
            ),
        ];
        for (key, value, slot, max) in fields {
            if let Some(v) = value {
                let x = *v.get_ref();
                if !(0.0..=max).contains(&x) {
                    return Err(invalid(
                        Some(v.span()),
                        format!("align.{key} must be between 0 and {max}, not {x}"),
                    ));
                }
                *slot = x;
            }
        }

        config.fail_on = raw.gate.fail_on;
        config.baseline = raw.gate.baseline.map(|b| config.root.join(b.get_ref()));
        config.severity = SeverityPolicy {
            agree: raw.severity.agree,
            related: raw.severity.related,
            conflict: raw.severity.conflict,
        };
        config.reference = raw
            .reference
            .paths
            .map(|ps| ps.iter().map(|p| config.root.join(p.get_ref())).collect());
        Ok(config)
    }

    /// The baseline file: from the config, else `claims/baseline.json`
    /// under the root.
    pub fn baseline_path(&self) -> PathBuf {
        self.baseline
            .clone()
            .unwrap_or_else(|| self.root.join(DEFAULT_BASELINE))
    }

    /// The reference-fact paths: from the config, else `claims/reference`
    /// under the root when that directory exists.
    pub fn reference_paths(&self) -> Vec<PathBuf> {
        match &self.reference {
            Some(paths) => paths.clone(),
            None => {
                let dir = self.root.join(DEFAULT_REFERENCE_DIR);
                if dir.is_dir() { vec![dir] } else { Vec::new() }
            }
        }
    }

    /// The corpus paths: plain entries joined to the root, globs expanded
    /// to the files they match (sorted).
    pub fn corpus_paths(&self) -> Result<Vec<PathBuf>, ConfigError> {
        let mut out = Vec::new();
        for pattern in &self.include {
            if !is_glob(pattern) {
                out.push(self.root.join(pattern));
                continue;
            }
            let matcher = glob(pattern)
                .map_err(|e| ConfigError::Invalid {
                    path: self.shown(),
                    line: 1,
                    column: 1,
                    message: format!("corpus.include: {e}"),
                })?
                .compile_matcher();
            let base = literal_prefix(pattern);
            let mut files = Vec::new();
            walk(&self.root.join(&base), 0, &mut files);
            files.sort();
            for file in files {
                let rel = file.strip_prefix(&self.root).unwrap_or(&file);
                if matcher.is_match(slashed(rel)) && !self.is_excluded(&file) {
                    out.push(file);
                }
            }
        }
        Ok(out)
    }

    /// True when `path` (as loaded, under the root) matches an exclude glob.
    pub fn is_excluded(&self, path: &Path) -> bool {
        let Some(set) = &self.exclude_set else {
            return false;
        };
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let rel = rel.strip_prefix(".").unwrap_or(rel);
        set.is_match(slashed(rel))
    }

    /// Adds the configured aliases and synonyms to a lexicon. A synonym's
    /// value may name a class ("transfer") or a word the lexicon already
    /// knows ("supplied"), whose class is then used.
    pub fn extend_lexicon(&self, lex: &mut Lexicon) {
        let synonyms: Vec<(String, String)> = self
            .synonyms
            .iter()
            .map(|(word, target)| {
                let lower = target.to_lowercase();
                let class = lex
                    .verb_class(&lower)
                    .or_else(|| lex.object_class(&lower))
                    .map_or(lower.clone(), str::to_string);
                (word.clone(), class)
            })
            .collect();
        lex.extend(self.aliases.iter().cloned(), synonyms);
    }

    fn shown(&self) -> String {
        self.file.as_ref().map_or_else(
            || "claimcheck.toml".to_string(),
            |p| p.display().to_string(),
        )
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = text.get(..offset).unwrap_or("");
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
    (line, column)
}

/// toml's messages may span lines; keep the first, which names the key.
fn one_line(message: &str) -> String {
    message
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_glob(pattern: &str) -> bool {
    pattern.contains(['*', '?', '[', '{'])
}

fn glob(pattern: &str) -> Result<Glob, globset::Error> {
    GlobBuilder::new(pattern.trim_start_matches("./"))
        .literal_separator(true)
        .build()
}

/// The directories of a glob before its first wildcard ("corpus/**/*.md" →
/// "corpus").
fn literal_prefix(pattern: &str) -> PathBuf {
    pattern
        .trim_start_matches("./")
        .split('/')
        .take_while(|part| !is_glob(part))
        .collect()
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every file under `dir` (symbolic links to directories are not followed).
fn walk(dir: &Path, depth: usize, out: &mut Vec<PathBuf>) {
    if depth > MAX_DEPTH {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(&path, depth + 1, out),
            Ok(_) if path.is_file() => out.push(path),
            _ => {}
        }
    }
}

/// The commented starter file `claimcheck init` writes. Every key is shown
/// with its default, commented out where the default is built in.
pub const STARTER: &str = r#"# claimcheck.toml: configuration of `claimcheck check`.
# claimcheck looks for this file (or .claimcheck.toml) in the current
# directory and its parents; the first one found wins. `--config FILE` picks
# another, `--isolated` ignores them all. Command-line flags override it.
# Relative paths are relative to this file's directory.

[corpus]
# Articles checked when `claimcheck check` is run without PATHS: files,
# directories (read recursively) or globs (`*` stays within a directory,
# `**` crosses directories).
include = ["corpus"]
# Globs of files to leave out.
exclude = []

[gate]
# Which verdicts fail the check (exit status 1): "conflict", "related"
# (conflicts and related findings such as TIV-vs-dollar issues) or "never".
fail-on = "conflict"
# Findings accepted by an editor (`claimcheck accept ID --reason "..."`).
baseline = "claims/baseline.json"

[severity]
# Severity reported per verdict: "error", "warning", "info", or "off" to
# hide the verdict. Unset keeps claimcheck's own judgement.
# conflict = "error"
# related = "warning"
# agree = "info"

[reference]
# Trusted figures (claimcheck/reference/v1 JSON): files or directories.
paths = ["claims/reference"]

[align]
# When two claims count as "about the same thing": a weighted score of
# entity overlap, predicate similarity, time compatibility and attribution.
# threshold = 0.6
# entity-weight = 0.35
# predicate-weight = 0.35
# time-weight = 0.2
# attribution-weight = 0.1
# min-entity-overlap = 0.6
# min-predicate-similarity = 0.5
# Relative numeric tolerance on top of rounding (0.02 = 2%).
# tolerance = 0.0
# How far "about", "some", "nearly" widen a value (0.1 = 10%).
# approx-tolerance = 0.1

[aliases]
# Other names of an entity: "surface form" = "canonical name".
# "Kigali government" = "Rwanda"
# "IDF" = "Israel Defense Forces"

[synonyms]
# Words that mean a predicate: "word" = "class" or "word" = "known word".
# "shipped" = "supplied"
# "slain" = "killed"
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, ConfigError> {
        Config::parse(text, Path::new("claimcheck.toml"), Path::new("proj"))
    }

    fn error_at(text: &str) -> (usize, usize, String) {
        match parse(text) {
            Err(ConfigError::Invalid {
                line,
                column,
                message,
                ..
            }) => (line, column, message),
            other => panic!("expected an error for {text:?}, got {other:?}"),
        }
    }

    #[test]
    fn starter_file_parses_to_the_defaults() {
        let c = parse(STARTER).expect("the starter file is valid");
        assert_eq!(c.include, ["corpus"]);
        assert_eq!(c.fail_on, Some(FailOn::Conflict));
        assert_eq!(c.align, AlignConfig::default());
        assert_eq!(c.baseline_path(), Path::new("proj/claims/baseline.json"));
        assert_eq!(
            c.reference,
            Some(vec![PathBuf::from("proj/claims/reference")])
        );
    }

    #[test]
    fn errors_name_the_key_line_and_column() {
        let cases: &[(&str, usize, usize, &str)] = &[
            ("[corpus]\ninclde = [\"x\"]\n", 2, 1, "inclde"),
            ("colour = true\n", 1, 1, "colour"),
            ("[align]\nthreshold = 1.5\n", 2, 13, "threshold"),
            ("[align]\ntolerance = -0.1\n", 2, 13, "tolerance"),
            ("[align]\nthreshold = \"high\"\n", 2, 13, "string"),
            ("[gate]\nfail-on = \"sometimes\"\n", 2, 11, "sometimes"),
            ("[severity]\nconflict = \"fatal\"\n", 2, 12, "fatal"),
            ("[corpus]\nexclude = [\"a/[b\"]\n", 2, 12, "exclude"),
            ("[aliases]\n\"X\" = \"\"\n", 2, 7, "empty"),
            ("[corpus\n", 1, 8, ""),
        ];
        for (text, line, column, needle) in cases {
            let (l, c, m) = error_at(text);
            assert_eq!((l, c), (*line, *column), "{text:?}: {m}");
            assert!(m.contains(needle), "{text:?}: {m}");
        }
    }

    #[test]
    fn values_are_read_and_paths_resolve_against_the_root() {
        let c = parse(
            "[corpus]\ninclude = [\"news/**/*.md\"]\nexclude = [\"news/drafts/**\"]\n\
             [align]\nthreshold = 0.7\ntolerance = 0.02\n\
             [gate]\nfail-on = \"related\"\nbaseline = \"b.json\"\n\
             [severity]\nrelated = \"off\"\n\
             [aliases]\n\"Kigali government\" = \"Rwanda\"\n",
        )
        .expect("valid");
        assert_eq!(c.align.threshold, 0.7);
        assert_eq!(c.align.tolerance, 0.02);
        assert_eq!(c.fail_on, Some(FailOn::Related));
        assert_eq!(c.baseline_path(), Path::new("proj/b.json"));
        assert_eq!(c.severity.related, Some(SeverityLevel::Off));
        assert_eq!(
            c.aliases,
            [("Kigali government".to_string(), "Rwanda".to_string())]
        );
        assert!(c.is_excluded(Path::new("proj/news/drafts/a.md")));
        assert!(!c.is_excluded(Path::new("proj/news/a.md")));
    }

    #[test]
    fn synonyms_resolve_known_words_to_their_class() {
        let c = parse("[synonyms]\nfurnished = \"supplied\"\n").expect("valid");
        let mut lex = Lexicon::default();
        let before = lex.verb_class("supplied").map(str::to_string);
        assert!(before.is_some());
        assert_eq!(lex.verb_class("furnished"), None);
        c.extend_lexicon(&mut lex);
        assert_eq!(lex.verb_class("furnished").map(str::to_string), before);
    }

    #[test]
    fn literal_prefix_stops_at_the_first_wildcard() {
        for (pattern, prefix) in [
            ("corpus/**/*.md", "corpus"),
            ("./a/b/*.txt", "a/b"),
            ("*.md", ""),
            ("news/2018-*/x.md", "news"),
        ] {
            assert_eq!(literal_prefix(pattern), PathBuf::from(prefix), "{pattern}");
        }
    }

    #[test]
    fn relative_root_climbs_to_the_config_directory() {
        assert_eq!(
            relative_to(Path::new("/r"), Path::new("/r")),
            PathBuf::new()
        );
        assert_eq!(
            relative_to(Path::new("/r"), Path::new("/r/a/b")),
            PathBuf::from("../..")
        );
        assert_eq!(
            relative_to(Path::new("/other"), Path::new("/r")),
            PathBuf::from("/other")
        );
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé\nx", 7), (3, 1));
        assert_eq!(line_column("ab\ncé=", 6), (2, 3));
        assert_eq!(line_column("", 10), (1, 1));
    }
}
