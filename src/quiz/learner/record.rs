//! Completion records for CPD and supervision: what was done, the score, and
//! the learner's own reflections, kept on the device.
//!
//! In the [`Store`](crate::quiz::saved::store::Store) each record is a [`Record`] under its
//! own id, and the reflections typed so far for a finished attempt are a
//! [`RecordDraft`] under the attempt's id, so nothing typed is lost to Back,
//! a reload or another tab. "Export my records" writes a [`RecordsFile`].

use crate::quiz::links::link::NAME_MAX;
use serde::{Deserialize, Serialize};

use crate::quiz::content::bank::Bank;
use crate::quiz::run::finished::FinishedAttempt;
use crate::quiz::run::quiz_kind::QuizKind;
use crate::quiz::text::calendar::{add_months, local_day, OFFSET_RANGE};
use crate::quiz::text::wording::is_hidden_character;

/// The records file's format version (`{"version": 1, "records": [...]}`).
pub const RECORDS_VERSION: u32 = 1;
pub const RECORDS_KEPT: usize = 200;
/// The longest reflection kept, in characters.
pub const REFLECTION_MAX: usize = 2_000;
/// The longest name kept, in characters.
/// The longest activity title kept, in characters.
const ACTIVITY_MAX: usize = 200;
/// The longest job title kept, in characters.
pub const ROLE_MAX: usize = 80;
/// The longest organisation name kept, in characters.
pub const ORGANISATION_MAX: usize = 120;
/// What every record's learning is drawn from: the training deck behind the
/// question bank (its title, and the year of its figures).
pub const SOURCE: &str = "Learning from serious child safeguarding incidents: why it matters. Figures from 2018-19.";

/// How every record was made, said on it, so it claims no more trust than
/// it can carry: the learner made it on their own device, the score is the
/// app's marking, and its id cannot be looked up anywhere.
pub const MADE_BY: &str = "Made by the learner on their own device with Safeguarding Check, which marked the answers given. No organisation has checked or issued this record, and its id names this record only: there is nothing to look it up against.";
/// The refresher period when the trainer's link does not set one.
pub const DEFAULT_REFRESH_MONTHS: u32 = 12;

/// One completion record. Stored with the keys `made_at`, `name`, `role`,
/// `organisation`, `finished_at`, `offset`, `time_spent`, `activity`,
/// `topics`, `correct`, `total`, `passed`, `refresher_due_day`, `learnt`,
/// `practice` and `supervision`; times in ms since the Unix epoch,
/// `refresher_due_day` a local day number. `role`, `organisation`, `offset`
/// and `time_spent` are left out when absent (records before version 5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// When the record was made.
    #[serde(rename = "made_at")]
    pub made_at_ms: u64,
    pub name: Option<String>,
    /// The person's job title, as they typed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Where they work, as they typed it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// When the quiz was finished.
    #[serde(rename = "finished_at")]
    pub finished_at_ms: u64,
    /// The device's offset from UTC (minutes east) when the quiz was
    /// finished, so "Completed" shows the day it happened wherever the phone
    /// goes. `None` for records from before version 4.
    #[serde(rename = "offset", default, skip_serializing_if = "Option::is_none")]
    pub offset_minutes: Option<i64>,
    /// The time spent answering, in ms, as the app measured it (see
    /// `SavedQuiz::active_ms`). `None` for quizzes from before version 5.
    #[serde(rename = "time_spent", default, skip_serializing_if = "Option::is_none")]
    pub time_spent_ms: Option<u64>,
    /// "Quick check", "Full assessment", a topic's title, a trainer's title…
    pub activity: String,
    pub topics: Vec<String>,
    pub correct: u32,
    pub total: u32,
    /// Some(passed?) when the quiz had a pass mark.
    pub passed: Option<bool>,
    /// The pass mark, in percent, when the quiz had one. `None` for records
    /// made before version 6 (their certificate then gives none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_mark: Option<u32>,
    /// The local day number the refresher is due.
    pub refresher_due_day: i64,
    pub learnt: String,
    pub practice: String,
    pub supervision: String,
}

/// What the person has typed so far into the record form for one attempt.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordDraft {
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub organisation: String,
    pub learnt: String,
    pub practice: String,
    pub supervision: String,
}

impl From<&Record> for RecordDraft {
    /// The words of a saved record, to edit it again.
    fn from(record: &Record) -> RecordDraft {
        RecordDraft {
            name: record.name.clone().unwrap_or_default(),
            role: record.role.clone().unwrap_or_default(),
            organisation: record.organisation.clone().unwrap_or_default(),
            learnt: record.learnt.clone(),
            practice: record.practice.clone(),
            supervision: record.supervision.clone(),
        }
    }
}

impl RecordDraft {
    /// A blank form for the next record, with the role and organisation of
    /// `previous` (the newest record) filled in: they rarely change. The name
    /// is not carried over, since a shared device has more than one person.
    pub fn next_after(previous: Option<&Record>) -> RecordDraft {
        RecordDraft {
            role: previous.and_then(|r| r.role.clone()).unwrap_or_default(),
            organisation: previous.and_then(|r| r.organisation.clone()).unwrap_or_default(),
            ..RecordDraft::default()
        }
    }
}

/// Text typed by the person, kept as plain text: a tab (from Word or a
/// table) becomes a space, other hidden characters are removed (line
/// breaks kept), and it is trimmed and cut to `max` characters.
pub fn clean_reflection(text: &str, max: usize) -> String {
    let kept: String = text.chars().map(|c| if c == '\t' { ' ' } else { c }).filter(|c| !is_hidden_character(*c)).take(max).collect();
    kept.trim().to_owned()
}

impl Record {
    /// The record for a finished attempt, with the person's words from `draft`,
    /// made at `now_ms`. `offset_then` is the offset from UTC (minutes east)
    /// in force on this device when the attempt finished, used if the attempt
    /// did not keep its own; the offset decides the local day the refresher falls due.
    pub fn from_attempt(attempt: &FinishedAttempt, bank: &Bank, draft: &RecordDraft, now_ms: u64, offset_then: i64) -> Record {
        let offset_minutes = attempt.offset_minutes.unwrap_or(offset_then);
        let kind = &attempt.kind;
        let topic_ids: Vec<String> = match kind {
            QuizKind::Trainer(spec) => spec.topics.clone(),
            QuizKind::Topic(topic) => vec![topic.clone()],
            _ => Vec::new(),
        };
        let one_line = |text: &str, max: usize| Some(clean_reflection(text, max).replace('\n', " ")).filter(|n| !n.is_empty());
        let months = kind.link().and_then(|l| l.refresh_months).unwrap_or(DEFAULT_REFRESH_MONTHS);
        Record {
            made_at_ms: now_ms,
            name: one_line(&draft.name, NAME_MAX),
            role: one_line(&draft.role, ROLE_MAX),
            organisation: one_line(&draft.organisation, ORGANISATION_MAX),
            finished_at_ms: attempt.finished_at_ms,
            offset_minutes: Some(offset_minutes),
            time_spent_ms: attempt.active_ms,
            activity: attempt.title.chars().take(ACTIVITY_MAX).collect(),
            topics: topic_ids.iter().filter_map(|t| bank.topic(t).map(|t| t.title.clone())).collect(),
            correct: attempt.score.correct,
            total: attempt.score.total,
            passed: attempt.passed(),
            pass_mark: attempt.kind.pass_mark(),
            refresher_due_day: add_months(local_day(attempt.finished_at_ms, offset_minutes), months),
            learnt: clean_reflection(&draft.learnt, REFLECTION_MAX),
            practice: clean_reflection(&draft.practice, REFLECTION_MAX),
            supervision: clean_reflection(&draft.supervision, REFLECTION_MAX),
        }
    }

    /// What the record is called on paper: a "Certificate of completion"
    /// only for a passed assessment; anything else (practice, a topic, an
    /// assessment not passed) is a "CPD learning record".
    pub fn kind_name(&self) -> &'static str {
        if self.passed == Some(true) {
            "Certificate of completion"
        } else {
            "CPD learning record"
        }
    }

    /// The record's reference for a manager's files, from its id in the
    /// store (the attempt's id, 16 hex digits): "SC-0A1B-2C3D-4E5F-6071".
    /// Other ids (records from version 2) are shown the same way, cut to 16
    /// letters and digits.
    pub fn reference(id: &str) -> String {
        let plain: Vec<char> = id.chars().filter(char::is_ascii_alphanumeric).take(16).map(|c| c.to_ascii_uppercase()).collect();
        let groups: Vec<String> = plain.chunks(4).map(|g| g.iter().collect()).collect();
        format!("SC-{}", groups.join("-"))
    }

    /// Checks what serde cannot: a possible score and texts within their limits.
    pub fn is_sane(&self) -> bool {
        let within = |text: &str, max: usize| text.chars().count() <= max;
        self.total > 0
            && self.correct <= self.total
            && self.offset_minutes.is_none_or(|o| OFFSET_RANGE.contains(&o))
            && self.name.as_deref().is_none_or(|n| within(n, NAME_MAX))
            && self.role.as_deref().is_none_or(|n| within(n, ROLE_MAX))
            && self.organisation.as_deref().is_none_or(|n| within(n, ORGANISATION_MAX))
            && within(&self.activity, ACTIVITY_MAX)
            && [&self.learnt, &self.practice, &self.supervision].iter().all(|t| within(t, REFLECTION_MAX))
    }
}

impl RecordDraft {
    /// Checks the typed texts are within their limits.
    pub fn is_sane(&self) -> bool {
        self.name.chars().count() <= NAME_MAX
            && self.role.chars().count() <= ROLE_MAX
            && self.organisation.chars().count() <= ORGANISATION_MAX
            && [&self.learnt, &self.practice, &self.supervision].iter().all(|t| t.chars().count() <= REFLECTION_MAX)
    }
}

/// The records file: what "Export my records" saves, and what version 1 and 2
/// of the app kept under its records key. `{"version": 1, "records": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordsFile {
    pub version: u32,
    pub records: Vec<Record>,
}

/// The records file's text.
pub fn encode(records: &[Record]) -> String {
    serde_json::to_string(&RecordsFile { version: RECORDS_VERSION, records: records.to_vec() }).unwrap_or_default()
}

/// None if the text is not a records file this app wrote, or any record in it is damaged.
pub fn decode(text: &str) -> Option<Vec<Record>> {
    let file: RecordsFile = serde_json::from_str(text).ok()?;
    let fits = file.version == RECORDS_VERSION && file.records.len() <= RECORDS_KEPT && file.records.iter().all(Record::is_sane);
    fits.then_some(file.records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record() -> Record {
        Record {
            made_at_ms: 1_795_669_200_000,
            name: Some("Sam Jones".into()),
            role: Some("Social worker".into()),
            organisation: Some("Leeds City Council".into()),
            finished_at_ms: 1_795_669_100_000,
            offset_minutes: Some(0),
            time_spent_ms: Some(754_000),
            activity: "Full assessment".into(),
            topics: vec!["Principle 3: Always share information".into()],
            correct: 17,
            total: 20,
            passed: Some(true),
            pass_mark: None,
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
    fn the_first_release_format_still_reads() {
        let v1 = r#"{"version":1,"records":[{"made_at":5,"name":null,"finished_at":4,"activity":"Quick check","topics":[],
            "correct":6,"total":10,"passed":null,"refresher_due_day":21000,"learnt":"","practice":"","supervision":""}]}"#;
        let records = decode(v1).unwrap();
        assert_eq!((records[0].made_at_ms, records[0].correct), (5, 6));
    }

    #[test]
    fn damaged_records_are_refused_whole() {
        let good = encode(&[record()]);
        for bad in [
            good.replace("\"correct\":17", "\"correct\":21"),
            good.replace("\"version\":1", "\"version\":2"),
            good.replace("\"total\":20", "\"total\":0"),
            good.replace("\"passed\":true", "\"passed\":\"yes\""),
            good.replace("\"learnt\":", "\"extra\":1,\"learnt\":"),
            good[..good.len() - 3].to_string(),
        ] {
            assert_eq!(decode(&bad), None, "{bad}");
        }
    }

    #[test]
    fn only_a_passed_assessment_is_a_certificate() {
        assert_eq!(record().kind_name(), "Certificate of completion");
        for passed in [Some(false), None] {
            assert_eq!(Record { passed, ..record() }.kind_name(), "CPD learning record", "{passed:?}");
        }
    }

    #[test]
    fn references_are_grouped_and_plain() {
        assert_eq!(Record::reference("0a1b2c3d4e5f6071"), "SC-0A1B-2C3D-4E5F-6071");
        assert_eq!(Record::reference("rec-12"), "SC-REC1-2");
    }

    #[test]
    fn role_and_organisation_carry_over_but_not_the_name() {
        let next = RecordDraft::next_after(Some(&record()));
        assert_eq!((next.name.as_str(), next.role.as_str(), next.organisation.as_str()), ("", "Social worker", "Leeds City Council"));
        assert_eq!(RecordDraft::next_after(None), RecordDraft::default());
    }

    #[test]
    fn reflections_are_kept_as_plain_capped_text() {
        assert_eq!(clean_reflection("  line one\nline\u{7} two\u{202E}  ", 100), "line one\nline two");
        assert_eq!(clean_reflection("Col1\tCol2\tCol3", 100), "Col1 Col2 Col3", "words from a table stay apart");
        assert_eq!(clean_reflection(&"x".repeat(5000), REFLECTION_MAX).len(), REFLECTION_MAX);
    }
}
