//! Date claims: absolute, ranged and relative dates resolved against the publication date.

use chrono::NaiveDate;

use crate::claim::Mention;

/// Finds every date mention in `text`; relative ones resolve against `published`.
pub fn scan(_text: &str, _published: Option<NaiveDate>) -> Vec<Mention> {
    Vec::new()
}
