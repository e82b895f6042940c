//! Renderers: turn extracted claims (and, later, findings) into the output
//! formats users pick with `--format`. One file per schema or format; each
//! writes to any `io::Write` and never prints on its own.

pub mod claims;
pub mod diagnostic;
pub mod github;
pub mod html;
pub mod json;
pub mod location;
pub mod markdown;
pub mod rdjsonl;
pub mod sarif;
pub mod table;

#[cfg(test)]
mod fixture;
