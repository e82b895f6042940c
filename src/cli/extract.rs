//! `claimcheck extract`: print the claims of documents.
