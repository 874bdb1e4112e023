//! What the app keeps on the device between visits, and its stored format.
//!
//! The format carries a `schema_version`. Reading is strict: anything that is
//! not a progress record of a version we know is reported, never guessed at,
//! so the caller can keep the original text aside instead of overwriting it.

use super::json::{self, object, Json};
use super::scoring::Score;

pub const SCHEMA_VERSION: u32 = 1;

/// Stored text larger than this is not progress this app wrote.
const MAX_STORED_BYTES: usize = 1_000_000;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attempt {
    pub score: Score,
    /// When the quiz was finished, in milliseconds since the Unix epoch.
    pub finished_at_ms: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub schema_version: u32,
    pub last: Option<Attempt>,
    pub best: Option<Attempt>,
}

impl Default for Progress {
    fn default() -> Self {
        Progress { schema_version: SCHEMA_VERSION, last: None, best: None }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    /// Not JSON, or not shaped like progress; says which check failed.
    Corrupt(&'static str),
    /// Written by a newer version of the app; it must not be overwritten.
    FromNewerVersion(u32),
}

impl Progress {
    /// Records a finished quiz: it becomes the last score, and the best if it beats it.
    pub fn record(&mut self, score: Score, finished_at_ms: u64) {
        let attempt = Attempt { score, finished_at_ms };
        self.last = Some(attempt);
        let is_new_best = match &self.best {
            None => true,
            Some(best) => score.beats(&best.score),
        };
        if is_new_best {
            self.best = Some(attempt);
        }
    }

    pub fn encode(&self) -> String {
        object([
            ("schema_version", self.schema_version.into()),
            ("last", self.last.as_ref().map_or(Json::Null, Attempt::to_json)),
            ("best", self.best.as_ref().map_or(Json::Null, Attempt::to_json)),
        ])
        .to_text()
    }

    pub fn decode(text: &str) -> Result<Progress, ProgressError> {
        if text.len() > MAX_STORED_BYTES {
            return Err(ProgressError::Corrupt("too large"));
        }
        let doc = json::parse(text).map_err(|_| ProgressError::Corrupt("not JSON"))?;
        // The version is read first, so a newer format is recognised even when
        // the rest of it means nothing to this version.
        let version = doc
            .get("schema_version")
            .and_then(Json::as_u32)
            .ok_or(ProgressError::Corrupt("no schema_version"))?;
        if version > SCHEMA_VERSION {
            return Err(ProgressError::FromNewerVersion(version));
        }
        if version == 0 {
            return Err(ProgressError::Corrupt("schema_version 0"));
        }
        let Json::Object(members) = &doc else { return Err(ProgressError::Corrupt("not an object")) };
        if members.iter().any(|(key, _)| !matches!(key.as_str(), "schema_version" | "last" | "best")) {
            return Err(ProgressError::Corrupt("unknown field"));
        }
        Ok(Progress {
            schema_version: version,
            last: Attempt::from_optional_json(doc.get("last"))?,
            best: Attempt::from_optional_json(doc.get("best"))?,
        })
    }
}

impl Attempt {
    fn to_json(&self) -> Json {
        object([
            ("correct", self.score.correct.into()),
            ("total", self.score.total.into()),
            ("finished_at_ms", self.finished_at_ms.into()),
        ])
    }

    /// A missing or null field is no attempt; anything else must be a real one.
    fn from_optional_json(value: Option<&Json>) -> Result<Option<Attempt>, ProgressError> {
        let Some(value) = value.filter(|v| !v.is_null()) else { return Ok(None) };
        let field = |name| value.get(name).and_then(Json::as_u64);
        let (Some(correct), Some(total), Some(finished_at_ms)) =
            (field("correct"), field("total"), field("finished_at_ms"))
        else {
            return Err(ProgressError::Corrupt("not an attempt"));
        };
        let (Ok(correct), Ok(total)) = (u32::try_from(correct), u32::try_from(total)) else {
            return Err(ProgressError::Corrupt("impossible score"));
        };
        if total == 0 || correct > total {
            return Err(ProgressError::Corrupt("impossible score"));
        }
        Ok(Some(Attempt { score: Score { correct, total }, finished_at_ms }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(correct: u32, total: u32) -> Score {
        Score { correct, total }
    }

    #[test]
    fn first_attempt_is_last_and_best() {
        let mut p = Progress::default();
        p.record(score(6, 10), 1000);
        assert_eq!(p.last, p.best);
    }

    #[test]
    fn a_worse_attempt_keeps_the_best() {
        let mut p = Progress::default();
        p.record(score(8, 10), 1000);
        p.record(score(5, 10), 2000);
        assert_eq!(p.last.unwrap().score, score(5, 10));
        assert_eq!(p.best.unwrap().score, score(8, 10));
        assert_eq!(p.best.unwrap().finished_at_ms, 1000);
    }

    #[test]
    fn a_better_attempt_becomes_best() {
        let mut p = Progress::default();
        p.record(score(5, 10), 1000);
        p.record(score(9, 10), 2000);
        assert_eq!(p.best.unwrap().score, score(9, 10));
    }

    #[test]
    fn encode_then_decode_round_trips() {
        let mut p = Progress::default();
        p.record(score(7, 10), 1_700_000_000_000);
        assert_eq!(Progress::decode(&p.encode()), Ok(p));
    }

    #[test]
    fn junk_is_corrupt_not_a_panic() {
        let six_mb = "x".repeat(6 * 1024 * 1024);
        for text in ["{", "null", "[]", "42", "\"x\"", "", "{}", six_mb.as_str()] {
            assert!(
                matches!(Progress::decode(text), Err(ProgressError::Corrupt(_))),
                "{:?} should be corrupt",
                &text[..text.len().min(20)]
            );
        }
    }

    #[test]
    fn wrong_shape_is_corrupt() {
        for text in [
            r#"{"schema_version":1,"last":"yesterday","best":null}"#,
            r#"{"schema_version":1,"last":null,"best":null,"extra":1}"#,
            r#"{"schema_version":"1","last":null,"best":null}"#,
            r#"{"schema_version":1,"last":{"correct":11,"total":10,"finished_at_ms":1},"best":null}"#,
            r#"{"schema_version":1,"last":{"correct":1,"total":10},"best":null}"#,
            r#"{"schema_version":1,"last":{"correct":-1,"total":10,"finished_at_ms":1},"best":null}"#,
            r#"{"schema_version":0,"last":null,"best":null}"#,
        ] {
            assert!(matches!(Progress::decode(text), Err(ProgressError::Corrupt(_))), "{text}");
        }
    }

    #[test]
    fn a_newer_version_is_reported_not_read() {
        assert_eq!(
            Progress::decode(r#"{"schema_version":2,"whatever":true}"#),
            Err(ProgressError::FromNewerVersion(2))
        );
    }
}
