//! Completion records for CPD and supervision: what was done, the score, and
//! the learner's own reflections, kept on the device.

use super::json::{self, object, Json};
use super::wording::is_hidden_character;

const RECORDS_VERSION: u32 = 1;
pub const RECORDS_KEPT: usize = 200;
/// The longest reflection kept, in characters.
pub const REFLECTION_MAX: usize = 2_000;
pub const NAME_MAX: usize = 60;
/// The refresher period when the trainer's link does not set one.
pub const DEFAULT_REFRESH_MONTHS: u32 = 12;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// When the record was made (ms since the epoch); also its id.
    pub made_at_ms: u64,
    pub name: Option<String>,
    /// When the quiz was finished.
    pub finished_at_ms: u64,
    /// "Quick check", "Full assessment", a topic's title, a trainer's title…
    pub activity: String,
    pub topics: Vec<String>,
    pub correct: u32,
    pub total: u32,
    /// Some(passed?) when the quiz had a pass mark.
    pub passed: Option<bool>,
    /// The local day number the refresher is due.
    pub refresher_due_day: i64,
    pub learnt: String,
    pub practice: String,
    pub supervision: String,
}

/// Text typed by the person, kept as plain text: hidden characters removed
/// (line breaks kept), trimmed, and cut to `max` characters.
pub fn clean_reflection(text: &str, max: usize) -> String {
    let kept: String = text.chars().filter(|c| !is_hidden_character(*c)).take(max).collect();
    kept.trim().to_owned()
}

impl Record {
    fn to_json(&self) -> Json {
        object([
            ("made_at", self.made_at_ms.into()),
            ("name", self.name.as_deref().into()),
            ("finished_at", self.finished_at_ms.into()),
            ("activity", self.activity.as_str().into()),
            ("topics", Json::Array(self.topics.iter().map(|t| t.as_str().into()).collect())),
            ("correct", self.correct.into()),
            ("total", self.total.into()),
            ("passed", self.passed.into()),
            ("refresher_due_day", Json::Int(self.refresher_due_day)),
            ("learnt", self.learnt.as_str().into()),
            ("practice", self.practice.as_str().into()),
            ("supervision", self.supervision.as_str().into()),
        ])
    }

    fn from_json(value: &Json) -> Option<Record> {
        let text = |key: &str, max: usize| value.get(key)?.as_str().filter(|t| t.chars().count() <= max).map(str::to_owned);
        let record = Record {
            made_at_ms: value.get("made_at")?.as_u64()?,
            name: match value.get("name")? {
                Json::Null => None,
                n => Some(n.as_str().filter(|t| t.chars().count() <= NAME_MAX)?.to_owned()),
            },
            finished_at_ms: value.get("finished_at")?.as_u64()?,
            activity: text("activity", 200)?,
            topics: value.get("topics")?.as_array()?.iter().map(|t| t.as_str().map(str::to_owned)).collect::<Option<_>>()?,
            correct: value.get("correct")?.as_u32()?,
            total: value.get("total")?.as_u32()?,
            passed: match value.get("passed")? {
                Json::Null => None,
                p => Some(p.as_bool()?),
            },
            refresher_due_day: match value.get("refresher_due_day")? {
                Json::Int(d) => *d,
                _ => return None,
            },
            learnt: text("learnt", REFLECTION_MAX)?,
            practice: text("practice", REFLECTION_MAX)?,
            supervision: text("supervision", REFLECTION_MAX)?,
        };
        (record.total > 0 && record.correct <= record.total).then_some(record)
    }
}

/// The records file (also what "Export my records" saves).
pub fn encode(records: &[Record]) -> String {
    object([("version", RECORDS_VERSION.into()), ("records", Json::Array(records.iter().map(Record::to_json).collect()))]).to_text()
}

/// None if the text is not a records file this app wrote.
pub fn decode(text: &str) -> Option<Vec<Record>> {
    let doc = json::parse(text).ok()?;
    if doc.get("version").and_then(Json::as_u32) != Some(RECORDS_VERSION) {
        return None;
    }
    let records = doc.get("records")?.as_array()?;
    if records.len() > RECORDS_KEPT {
        return None;
    }
    records.iter().map(Record::from_json).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            made_at_ms: 1_795_669_200_000,
            name: Some("Sam Jones".into()),
            finished_at_ms: 1_795_669_100_000,
            activity: "Full assessment".into(),
            topics: vec!["Principle 3: Always share information".into()],
            correct: 17,
            total: 20,
            passed: Some(true),
            refresher_due_day: 21_148,
            learnt: "Record decisions and reasons.\nShare early.".into(),
            practice: "I will note why I did not share.".into(),
            supervision: "Escalation with other local authorities.".into(),
        }
    }

    #[test]
    fn records_round_trip() {
        let records = vec![record(), Record { name: None, passed: None, ..record() }];
        assert_eq!(decode(&encode(&records)), Some(records));
    }

    #[test]
    fn damaged_records_are_refused_whole() {
        let good = encode(&[record()]);
        for bad in [
            good.replace("\"correct\":17", "\"correct\":21"),
            good.replace("\"version\":1", "\"version\":2"),
            good.replace("\"total\":20", "\"total\":0"),
            good.replace("\"passed\":true", "\"passed\":\"yes\""),
            good[..good.len() - 3].to_string(),
        ] {
            assert_eq!(decode(&bad), None, "{bad}");
        }
    }

    #[test]
    fn reflections_are_kept_as_plain_capped_text() {
        assert_eq!(clean_reflection("  line one\nline\u{7} two\u{202E}  ", 100), "line one\nline two");
        assert_eq!(clean_reflection(&"x".repeat(5000), REFLECTION_MAX).len(), REFLECTION_MAX);
    }
}
