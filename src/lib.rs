//! claimcheck: extract numeric and dated claims from news articles, frame them,
//! compare them across articles and report agreements and conflicts.
//!
//! The pipeline is visible in the module tree and data flows forward:
//! [`document`] (load articles) → [`text`] (lines, sentences, clauses) →
//! [`extract`] (claims) → [`frame`] (who/what/when/attribution) →
//! [`compare`] (alignment and verdicts) → [`report`] (renderers) / gate.
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod claim;
pub mod compare;
pub mod config;
pub mod document;
pub mod extract;
pub mod findings_cache;
pub mod frame;
pub mod gate;
pub mod ledger;
pub mod reference;
pub mod report;
pub mod text;

pub use claim::{Claim, Kind, Mention, Qualifier, Span, Value};
pub use document::Document;
