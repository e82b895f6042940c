//! The claim model: what extraction produces and every later stage consumes.
//!
//! A [`Claim`] is one numeric or dated statement found in a document: its kind,
//! the exact source span, the normalised value, the unit and the qualifier.
//! Serialised, it is the claim object of the `claimcheck/claims/v1` schema.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize, Serializer};

/// Schema identifier of the claims ledger (`claimcheck extract --format json`).
pub const CLAIMS_SCHEMA: &str = "claimcheck/claims/v1";

/// What a claim measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// An amount of money; `unit` is an ISO 4217 code.
    Money,
    /// A percentage (`unit` = `%`) or percentage points (`unit` = `pp`).
    Percent,
    /// A number of things; `noun` names what is counted.
    Count,
    /// A length of time; `unit` is second … decade.
    Duration,
    /// A physical quantity; `unit` is the stated symbol, `normalized` the SI value.
    Measure,
    /// A calendar date or period; `value` is an inclusive interval.
    Date,
}

impl Kind {
    /// Lower-case name as used in the schema.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::Count => "count",
            Kind::Duration => "duration",
            Kind::Measure => "measure",
            Kind::Date => "date",
        }
    }
}

/// How the text hedges or bounds the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is ("$3,500").
    #[default]
    Exact,
    /// about, around, some, roughly, nearly, almost, an estimated …
    Approx,
    /// over, more than, above, exceeding …
    MoreThan,
    /// at least, no fewer than …
    AtLeast,
    /// under, fewer than, less than, below …
    LessThan,
    /// up to, no more than, at most …
    AtMost,
    /// between … and …, "$300-$500 million", vague counts ("dozens of").
    Range,
}

impl Qualifier {
    /// The period a date qualified this way covers: "since October 2014"
    /// runs on from its first day, "until May" up to its last, "after 2013"
    /// from the day after, "before 2020" up to the day before; other
    /// qualifiers keep the date's own days.
    pub fn period(
        self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> (Option<NaiveDate>, Option<NaiveDate>) {
        match self {
            Qualifier::AtLeast => (Some(start), None),
            Qualifier::MoreThan => (end.succ_opt(), None),
            Qualifier::AtMost => (None, Some(end)),
            Qualifier::LessThan => (None, start.pred_opt()),
            Qualifier::Exact | Qualifier::Approx | Qualifier::Range => (Some(start), Some(end)),
        }
    }
}

/// Byte offsets into the document text, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// The normalised value of a claim.
///
/// Numeric kinds carry `{"low", "high"}` (equal for exact values, `high` null
/// for open upper bounds such as "more than 90 people"); dates carry an
/// inclusive `{"start", "end"}` interval.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Date {
        start: NaiveDate,
        end: NaiveDate,
    },
    Number {
        #[serde(serialize_with = "serialize_number")]
        low: Option<f64>,
        #[serde(serialize_with = "serialize_number")]
        high: Option<f64>,
    },
}

impl Value {
    /// An exact number.
    pub fn exact(v: f64) -> Self {
        Value::Number {
            low: Some(v),
            high: Some(v),
        }
    }
    /// A numeric interval; either end may be open.
    pub fn between(low: Option<f64>, high: Option<f64>) -> Self {
        Value::Number { low, high }
    }
    /// An inclusive date interval.
    pub fn dates(start: NaiveDate, end: NaiveDate) -> Self {
        Value::Date { start, end }
    }
    /// `(low, high)` for numeric values.
    pub fn bounds(&self) -> Option<(Option<f64>, Option<f64>)> {
        match self {
            Value::Number { low, high } => Some((*low, *high)),
            Value::Date { .. } => None,
        }
    }
    /// `(start, end)` for date values.
    pub fn interval(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            Value::Date { start, end } => Some((*start, *end)),
            Value::Number { .. } => None,
        }
    }
}

/// Writes whole numbers without a fractional part (`3500`, not `3500.0`), so
/// the ledger reads as the article does and diffs stay quiet.
fn serialize_number<S: Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        None => s.serialize_none(),
        Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
        Some(x) => s.serialize_f64(*x),
    }
}

/// A measure converted to SI (metres, kilograms, square metres, litres, m/s, …).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Normalized {
    #[serde(serialize_with = "serialize_number")]
    pub low: Option<f64>,
    #[serde(serialize_with = "serialize_number")]
    pub high: Option<f64>,
    /// SI unit symbol: m, kg, m2, m3, m/s, s.
    pub unit: String,
}

/// The date that scopes a non-date claim, taken from a date claim in the same clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimeScope {
    /// The date expression as written ("In 2013", "Last year").
    pub text: String,
    /// Span of that expression.
    pub span: Span,
    /// Resolved interval, or None when it cannot be resolved (unknown publication date).
    pub start: Option<NaiveDate>,
    pub end: Option<NaiveDate>,
    /// The grain (day, month, year, …).
    pub unit: String,
}

/// One extracted claim (an element of `documents[].claims` in `claimcheck/claims/v1`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// `<doc>:<start>-<end>`.
    pub id: String,
    pub kind: Kind,
    /// Exactly `document_text[span.start..span.end]`.
    pub text: String,
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// 1-based column of `span.start`, in characters.
    pub column: usize,
    /// Normalised value; `null` for a date that cannot be resolved.
    pub value: Option<Value>,
    /// ISO 4217 code, `%`, `pp`, a time unit, a measure symbol, or a date grain.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    /// The sentence containing the claim.
    pub sentence: String,
    /// Byte span of that sentence in the document.
    pub sentence_span: Span,
    /// For counts: the counted noun ("people", "countries").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub noun: Option<String>,
    /// For measures: the value in SI units.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub normalized: Option<Normalized>,
    /// For dates: true when resolved against the publication date ("last week").
    #[serde(skip_serializing_if = "is_false", default)]
    pub relative: bool,
    /// For relative dates: the anchor used (the publication date), if known.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub anchor: Option<NaiveDate>,
    /// For non-date claims: the date claim scoping it in the same clause.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub time: Option<TimeScope>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl Claim {
    /// Byte offset of the claim in its sentence: from the spans, else where
    /// its text first occurs in the sentence, else 0.
    pub fn offset_in_sentence(&self) -> usize {
        self.span
            .start
            .checked_sub(self.sentence_span.start)
            .filter(|&o| o <= self.sentence.len())
            .or_else(|| self.sentence.find(&self.text))
            .unwrap_or(0)
    }
}

#[cfg(test)]
impl Claim {
    /// A claim for unit tests: `text` at byte `at` of document `doc`, an
    /// exact value with no unit, on line 1, its sentence being its text.
    /// Tests set what they need on top with struct update syntax.
    pub(crate) fn sample(doc: &str, kind: Kind, text: &str, at: usize, value: Value) -> Claim {
        let span = Span::new(at, at + text.len());
        Claim {
            id: format!("{doc}:{}-{}", span.start, span.end),
            kind,
            text: text.into(),
            span,
            line: 1,
            column: 1,
            value: Some(value),
            unit: None,
            qualifier: Qualifier::Exact,
            sentence: text.into(),
            sentence_span: span,
            noun: None,
            normalized: None,
            relative: false,
            anchor: None,
            time: None,
        }
    }
}

/// What an extractor recognised, before document context (id, line, sentence) is attached.
///
/// Extractors return these; [`crate::extract`] turns them into [`Claim`]s.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub kind: Kind,
    pub span: Span,
    pub value: Option<Value>,
    pub unit: Option<String>,
    pub qualifier: Qualifier,
    pub noun: Option<String>,
    pub normalized: Option<Normalized>,
    pub relative: bool,
    pub anchor: Option<NaiveDate>,
}

impl Mention {
    /// A mention with only kind, span and value set.
    pub fn new(kind: Kind, span: Span, value: Option<Value>) -> Self {
        Mention {
            kind,
            span,
            value,
            unit: None,
            qualifier: Qualifier::Exact,
            noun: None,
            normalized: None,
            relative: false,
            anchor: None,
        }
    }
    pub fn unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }
    pub fn qualifier(mut self, q: Qualifier) -> Self {
        self.qualifier = q;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_serialise_without_fraction() {
        let v = Value::exact(3500.0);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"low":3500,"high":3500}"#
        );
        let v = Value::between(Some(90.0), None);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"low":90,"high":null}"#
        );
        let v = Value::exact(12.75);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"low":12.75,"high":12.75}"#
        );
    }

    #[test]
    fn values_round_trip() {
        for v in [
            Value::exact(13_000_000.0),
            Value::between(Some(300e6), Some(500e6)),
            Value::dates(
                NaiveDate::from_ymd_opt(2018, 3, 1).unwrap(),
                NaiveDate::from_ymd_opt(2018, 3, 31).unwrap(),
            ),
        ] {
            let s = serde_json::to_string(&v).unwrap();
            let back: Value = serde_json::from_str(&s).unwrap();
            assert_eq!(back, v, "{s}");
        }
    }
}
