//! Renderers: turn extracted claims (and, later, findings) into the output
//! formats users pick with `--format`. One file per schema or format; each
//! writes to any `io::Write` and never prints on its own.

pub mod claims;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;
