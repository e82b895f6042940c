//! `claimcheck check`: compare claims across documents and report findings.
