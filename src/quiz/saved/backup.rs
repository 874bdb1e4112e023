//! Moving progress by hand: a versioned backup file, and reading one back.
//!
//! Safari and an installed iPhone app keep separate storage, and Safari clears
//! unused sites after 7 days, so people need to carry their progress
//! themselves. An import is validated strictly before anything changes.
//!
//! The file, written by serde:
//! - version 2: `{"app": "safeguarding-check", "kind": "progress-backup", "version": 2,
//!   "exported_at": ms, "store": store}`: everything the app keeps (see `store`),
//!   records and debriefs included;
//! - version 1 (read only): the same with `"progress": progress` of schema 1 or 2.

use serde::{Deserialize, Serialize};

use super::store::{LegacyProgress, Store, StoreError};
use crate::quiz::text::wording::plural;

pub const BACKUP_VERSION: u32 = 2;
const APP: &str = "safeguarding-check";
const KIND: &str = "progress-backup";
/// A backup of a lifetime of practice and records is well under this.
pub const MAX_BACKUP_BYTES: usize = 5_000_000;

/// Why a file could not be imported, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    NotJson,
    NotABackup,
    FromNewerVersion,
    Damaged,
    UnknownItems(usize),
}

impl ImportError {
    pub fn message(&self) -> String {
        match self {
            ImportError::TooLarge => "This file is too large to be a progress backup from this app.".into(),
            ImportError::NotJson | ImportError::NotABackup => {
                "This file is not a progress backup from this app. Choose the file you saved with \u{201c}Export my progress\u{201d}."
                    .into()
            }
            ImportError::FromNewerVersion => {
                "This backup was made by a newer version of the app. Reload the app to update it, then try again.".into()
            }
            ImportError::Damaged => "This backup is damaged, so nothing was imported. Try an earlier copy.".into(),
            ImportError::UnknownItems(n) => format!(
                "This backup mentions {} this version of the app does not have, so nothing was imported.",
                plural(*n, "question", "questions")
            ),
        }
    }
}

/// What a backup holds, to show before the person chooses Merge or Replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub answers: u64,
    pub quizzes: usize,
    pub records: usize,
    /// A trainer's sessions, and learners' results for their debriefs.
    pub sessions: usize,
    pub results: usize,
    /// When it was made (moved back to now if the other device's clock was fast).
    pub exported_at_ms: u64,
    /// How far ahead of this device's clock the backup's latest date was, in
    /// ms, when more than [`CLOCK_GRACE_MS`]; else 0. Its dates were moved back to now.
    pub clock_ahead_ms: u64,
}

impl Summary {
    /// What the backup holds, for the preview before Merge or Replace, with
    /// `made_on` the day it was made as words: "This backup, made on 3
    /// November 2026, has 12 answers, 1 finished quiz and 0 records." A
    /// trainer's sessions and results are named when there are any, so a
    /// backup made to move a debrief never looks empty.
    pub fn description(&self, made_on: &str) -> String {
        let mut held = format!(
            "{}, {} and {}",
            plural(self.answers as usize, "answer", "answers"),
            plural(self.quizzes, "finished quiz", "finished quizzes"),
            plural(self.records, "record", "records")
        );
        if self.sessions + self.results > 0 {
            held = format!(
                "{held}, and for a trainer {} and {}",
                plural(self.sessions, "session", "sessions"),
                plural(self.results, "learner's result", "learners' results")
            );
        }
        format!("This backup, made on {made_on}, has {held}.")
    }
}

/// Clocks a few minutes apart are normal; more than this is worth a word.
pub const CLOCK_GRACE_MS: u64 = 10 * 60_000;

impl Summary {
    /// A plain note when the other device's clock looked wrong, e.g. "The
    /// device this backup came from had its clock about 2 days fast, so its
    /// later dates were set to today." `None` when the clocks agreed.
    pub fn clock_note(&self) -> Option<String> {
        const HOUR: u64 = 3_600_000;
        const DAY: u64 = 24 * HOUR;
        let ahead = match self.clock_ahead_ms {
            0 => return None,
            ms if ms < 2 * HOUR => "up to 2 hours".to_string(),
            ms if ms < 2 * DAY => format!("about {} hours", (ms + HOUR / 2) / HOUR),
            ms => format!("about {} days", (ms + DAY / 2) / DAY),
        };
        Some(format!(
            "The device this backup came from had its clock {ahead} fast, so dates after today were changed to today. Everything else was kept."
        ))
    }
}

#[derive(Serialize)]
struct BackupFile<'a> {
    app: &'a str,
    kind: &'a str,
    version: u32,
    exported_at: u64,
    store: &'a Store,
}

/// The envelope, read first with anything else ignored, to choose how to read the rest.
#[derive(Deserialize)]
struct Envelope {
    app: String,
    kind: String,
    version: u32,
}

/// Either version of the file: version 1 holds `progress`, version 2 `store`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnyVersion {
    #[allow(dead_code)]
    app: String,
    #[allow(dead_code)]
    kind: String,
    #[allow(dead_code)]
    version: u32,
    exported_at: u64,
    #[serde(default)]
    progress: Option<LegacyProgress>,
    #[serde(default)]
    store: Option<Store>,
}

/// The backup file's text.
pub fn export(store: &Store, now_ms: u64) -> String {
    let file = BackupFile { app: APP, kind: KIND, version: BACKUP_VERSION, exported_at: now_ms, store };
    serde_json::to_string(&file).unwrap_or_default()
}

fn damaged(error: StoreError) -> ImportError {
    match error {
        StoreError::FromNewerVersion(_) => ImportError::FromNewerVersion,
        StoreError::Corrupt(_) => ImportError::Damaged,
    }
}

/// Reads a backup, checking everything: size, shape, version, and that every
/// item it names exists (`known_item`). Dates after `now_ms` (the other
/// device's clock was fast) are moved back to `now_ms` and counted in
/// [`Summary::clock_ahead_ms`], not refused: this device's clock is the one
/// in hand. Linear in the file's length.
/// `today` is this device's local day number at `now_ms`.
pub fn import(text: &str, known_item: impl Fn(&str) -> bool, now_ms: u64, today: i64) -> Result<(Store, Summary), ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge);
    }
    let envelope: Envelope = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ImportError::NotABackup,
        _ => ImportError::NotJson,
    })?;
    if envelope.app != APP || envelope.kind != KIND {
        return Err(ImportError::NotABackup);
    }
    if envelope.version > BACKUP_VERSION {
        return Err(ImportError::FromNewerVersion);
    }
    let file: AnyVersion = serde_json::from_str(text).map_err(|_| ImportError::Damaged)?;
    let mut store = match (envelope.version, file.progress, file.store) {
        (1, Some(progress), None) => progress.migrate().map_err(damaged)?,
        (BACKUP_VERSION, None, Some(store)) if store.schema_version > super::store::SCHEMA_VERSION => {
            return Err(ImportError::FromNewerVersion);
        }
        (BACKUP_VERSION, None, Some(store)) if store.schema_version >= 3 => store.upgraded(),
        _ => return Err(ImportError::Damaged),
    };
    store.check().map_err(damaged)?;
    let unknown = store.progress.items.keys().filter(|id| !known_item(id)).count();
    if unknown > 0 {
        return Err(ImportError::UnknownItems(unknown));
    }
    let ahead_ms = store.latest_time().max(file.exported_at).saturating_sub(now_ms);
    // Day numbers move only for a clock that was really fast: a phone in a
    // time zone further east is a day ahead with a right clock.
    store.bring_back_to(now_ms, today, ahead_ms > CLOCK_GRACE_MS);
    let summary = Summary {
        answers: store.progress.items.values().map(|r| u64::from(r.right()) + u64::from(r.wrong())).sum(),
        quizzes: store.attempts.live_count(),
        records: store.records.live_count(),
        sessions: store.sessions.live_count(),
        results: store.debrief.live_count(),
        exported_at_ms: file.exported_at.min(now_ms),
        clock_ahead_ms: if ahead_ms > CLOCK_GRACE_MS { ahead_ms } else { 0 },
    };
    Ok((store, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::learner::schedule::Scheduler;

    const NOW: u64 = 1_795_669_200_000; // 2026-11-26
    const TODAY: i64 = 20_783;

    fn store() -> Store {
        let mut s = Store::default();
        s.record_answer("q1", true, NOW - 3_600_000, TODAY, &Scheduler::default());
        s.record_answer("q2", false, NOW - 60_000, TODAY, &Scheduler::default());
        s
    }

    fn known(id: &str) -> bool {
        matches!(id, "q1" | "q2")
    }

    #[test]
    fn export_then_import_round_trips_with_a_summary() {
        let s = store();
        let (back, summary) = import(&export(&s, NOW), known, NOW, TODAY).unwrap();
        assert_eq!(back, s);
        assert_eq!(
            summary,
            Summary { answers: 2, quizzes: 0, records: 0, sessions: 0, results: 0, exported_at_ms: NOW, clock_ahead_ms: 0 }
        );
        assert_eq!(summary.clock_note(), None);
        assert_eq!(
            summary.description("26 November 2026"),
            "This backup, made on 26 November 2026, has 2 answers, 0 finished quizzes and 0 records."
        );
        let trainer = Summary { answers: 1, quizzes: 1, records: 1, sessions: 1, results: 70, ..summary };
        assert_eq!(
            trainer.description("1 December 2026"),
            "This backup, made on 1 December 2026, has 1 answer, 1 finished quiz and 1 record, and for a trainer 1 session and 70 learners' results."
        );
    }

    #[test]
    fn a_version_1_backup_is_still_read() {
        let v1 = format!(
            r#"{{"app":"safeguarding-check","kind":"progress-backup","version":1,"exported_at":{NOW},"progress":{{"schema_version":2,
            "attempts":[{{"at":{NOW},"mode":"quick","topic":null,"correct":8,"total":10}}],"best":null,
            "items":{{"q1":{{"s":3173,"d":5000,"last":{TODAY},"due":{},"n":1,"lapses":0,"right":1,"wrong":0,"log":[[29927820,1]]}}}},"days":[{TODAY}]}}}}"#,
            TODAY + 3
        );
        let (back, summary) = import(&v1, known, NOW, TODAY).unwrap();
        assert_eq!((summary.answers, summary.quizzes), (1, 1));
        assert_eq!(back.last_attempt().unwrap().1.score.correct, 8);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let good = export(&store(), NOW);
        let cases: Vec<(String, ImportError)> = vec![
            (good[..good.len() / 2].to_string(), ImportError::NotJson),
            ("{}".into(), ImportError::NotABackup),
            (good.replace("progress-backup", "shopping-list"), ImportError::NotABackup),
            (good.replace("\"version\":2", "\"version\":3"), ImportError::FromNewerVersion),
            (good.replace("\"schema_version\":7", "\"schema_version\":9"), ImportError::FromNewerVersion),
            (good.replace("\"schema_version\":7", "\"schema_version\":2"), ImportError::Damaged),
            (good.replace("\"exported_at\"", "\"extra\":0,\"exported_at\""), ImportError::Damaged),
            (good.replace("\"right\":1", "\"right\":-1"), ImportError::Damaged),
            (good.replace("\"q2\"", "\"q-gone\""), ImportError::UnknownItems(1)),
            (" ".repeat(MAX_BACKUP_BYTES + 1), ImportError::TooLarge),
        ];
        for (text, expected) in cases {
            assert_eq!(import(&text, known, NOW, TODAY).map(|_| ()), Err(expected.clone()), "{}", &text[..text.len().min(60)]);
            assert!(!expected.message().is_empty());
        }
    }

    /// A backup made on a phone whose clock was 2 days fast is taken in, its
    /// dates moved back to now, with a note; this device's data is not refused.
    #[test]
    fn a_backup_from_a_fast_clock_is_brought_back_to_now() {
        const DAY: u64 = 86_400_000;
        let mut fast = store();
        let ahead = NOW + 2 * DAY;
        fast.record_answer("q1", true, ahead, TODAY + 2, &Scheduler::default());
        let record = crate::quiz::learner::record::Record {
            made_at_ms: ahead,
            name: None,
            finished_at_ms: ahead,
            offset_minutes: Some(0),
            time_spent_ms: None,
            role: None,
            organisation: None,
            activity: "Quick check".into(),
            topics: vec![],
            correct: 7,
            total: 10,
            passed: None,
            pass_mark: None,
            refresher_due_day: TODAY + 2 + 365,
            learnt: String::new(),
            practice: String::new(),
            supervision: String::new(),
        };
        fast.save_record("r1", record, None, ahead);
        let (back, summary) = import(&export(&fast, ahead), known, NOW, TODAY).unwrap();
        assert_eq!(summary.exported_at_ms, NOW);
        assert_eq!(summary.clock_ahead_ms, 2 * DAY);
        assert!(summary.clock_note().unwrap().contains("about 2 days fast"), "{:?}", summary.clock_note());
        let mut latest = 0;
        back.clone().each_time(&mut |t| latest = latest.max(*t));
        assert_eq!(latest, NOW, "nothing is left in the future");
        assert_eq!(back.progress.items["q1"].right(), 2, "nothing is lost");
        // Day numbers too: practice "in two days" is today, a review falls due
        // as many days sooner, and no streak or schedule waits for the clock.
        assert_eq!(back.progress.days.keys().copied().max(), Some(TODAY));
        let q1 = &back.progress.items["q1"].memory();
        let fast_q1 = &fast.progress.items["q1"].memory();
        assert_eq!((q1.last_review_day, q1.due_day - q1.last_review_day), (TODAY, fast_q1.due_day - fast_q1.last_review_day));
        let record = back.records.get("r1").unwrap();
        assert_eq!((record.finished_at_ms, record.refresher_due_day), (NOW, TODAY + 365), "the refresher keeps its period");
        // A right clock further east (Sydney, a day ahead of London) keeps its day numbers.
        let mut sydney = store();
        sydney.record_answer("q1", true, NOW, TODAY + 1, &Scheduler::default());
        let (back, summary) = import(&export(&sydney, NOW), known, NOW + 3_600_000, TODAY).unwrap();
        assert_eq!(summary.clock_note(), None);
        assert_eq!(back.progress.items["q1"].memory().last_review_day, TODAY + 1, "not moved: the clock was right");
        // A few minutes fast is normal: the times are still brought back, without a note.
        let (_, summary) = import(&export(&store(), NOW + 60_000), known, NOW, TODAY).unwrap();
        assert_eq!((summary.clock_ahead_ms, summary.clock_note()), (0, None));
        // A clear marker in the future stays before the entries it was before.
        let mut cleared = fast.clone();
        cleared.clear_all(ahead);
        cleared.record_answer("q2", true, ahead + 1, TODAY + 2, &Scheduler::default());
        let (back, _) = import(&export(&cleared, ahead + 1), known, NOW, TODAY).unwrap();
        let mut mine = Store::default();
        mine.replace_with(&back, NOW);
        assert_eq!(mine.progress.items.keys().collect::<Vec<_>>(), vec!["q2"], "what was made after the clear survives");
    }

    /// 160,000 keys in 2 MB: read or refused in linear time, not frozen.
    #[test]
    fn a_two_megabyte_backup_of_160000_keys_is_handled_quickly() {
        let mut text = String::from(r#"{"app":"safeguarding-check","kind":"progress-backup","version":2,"exported_at":1,"store":{"#);
        for n in 0..160_000 {
            text.push_str(&format!("\"k{n:06}\":1,"));
        }
        text.push_str("\"z\":1}}");
        assert!(text.len() > 1_900_000, "{}", text.len());
        let started = std::time::Instant::now();
        let result = import(&text, known, NOW, TODAY);
        let took = started.elapsed();
        assert_eq!(result.map(|_| ()), Err(ImportError::Damaged));
        assert!(took.as_secs_f64() < 1.0, "took {took:?}");
    }
}
