//! The `claimcheck/report/v1` JSON of `claimcheck check --format json`.

use std::io::{self, Write};

use crate::compare::Report;

/// Writes the report as one pretty-printed JSON object, with a final newline.
pub fn write(out: &mut dyn Write, report: &Report) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, report)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{ReportDocument, Verdict};

    #[test]
    fn writes_the_report_schema() {
        let report = Report::new(
            vec![ReportDocument {
                id: "a".into(),
                path: "a.md".into(),
                published: None,
            }],
            1,
            3,
            vec![],
        );
        let mut buf = Vec::new();
        write(&mut buf, &report).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["schema"], "claimcheck/report/v1");
        assert_eq!(v["documents"][0]["published"], serde_json::Value::Null);
        assert_eq!(v["summary"]["claims"], 3);
        assert_eq!(v["summary"]["conflict"], 0);
        assert_eq!(Verdict::Conflict.as_str(), "conflict");
    }
}
