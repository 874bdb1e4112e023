//! Moving progress by hand: a versioned backup file, and reading one back.
//!
//! Safari and an installed iPhone app keep separate storage, and Safari clears
//! unused sites after 7 days, so people need to carry their progress
//! themselves. An import is validated strictly before anything changes.

use super::json::{self, object, Json};
use super::progress::{Progress, ProgressError};

pub const BACKUP_VERSION: u32 = 1;
const APP: &str = "safeguarding-check";
const KIND: &str = "progress-backup";
/// A backup of a lifetime of practice is well under this.
pub const MAX_BACKUP_BYTES: usize = 2_000_000;

/// Why a file could not be imported, in words for the person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    TooLarge,
    NotJson,
    NotABackup,
    FromNewerVersion,
    Damaged,
    UnknownItems(usize),
    DatesInTheFuture,
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
                "This backup mentions {n} question{} this version of the app does not have, so nothing was imported.",
                if *n == 1 { "" } else { "s" }
            ),
            ImportError::DatesInTheFuture => {
                "This backup has dates in the future, so nothing was imported. Check the date on this device.".into()
            }
        }
    }
}

/// What a backup holds, to show before the person chooses Merge or Replace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub answers: u64,
    pub quizzes: usize,
    pub exported_at_ms: u64,
}

/// The backup file's text.
pub fn export(progress: &Progress, now_ms: u64) -> String {
    object([
        ("app", APP.into()),
        ("kind", KIND.into()),
        ("version", BACKUP_VERSION.into()),
        ("exported_at", now_ms.into()),
        ("progress", progress.to_json()),
    ])
    .to_text()
}

/// Reads a backup, checking everything: size, shape, version, that every item
/// it names exists (`known_item`), and that no date is in the future.
pub fn import(text: &str, known_item: impl Fn(&str) -> bool, now_ms: u64) -> Result<(Progress, Summary), ImportError> {
    if text.len() > MAX_BACKUP_BYTES {
        return Err(ImportError::TooLarge);
    }
    let doc = json::parse(text).map_err(|_| ImportError::NotJson)?;
    if doc.get("app").and_then(Json::as_str) != Some(APP) || doc.get("kind").and_then(Json::as_str) != Some(KIND) {
        return Err(ImportError::NotABackup);
    }
    match doc.get("version").and_then(Json::as_u32) {
        Some(BACKUP_VERSION) => {}
        Some(v) if v > BACKUP_VERSION => return Err(ImportError::FromNewerVersion),
        _ => return Err(ImportError::Damaged),
    }
    let Json::Object(members) = &doc else { return Err(ImportError::NotABackup) };
    if members.iter().any(|(k, _)| !matches!(k.as_str(), "app" | "kind" | "version" | "exported_at" | "progress")) {
        return Err(ImportError::Damaged);
    }
    let exported_at_ms = doc.get("exported_at").and_then(Json::as_u64).ok_or(ImportError::Damaged)?;
    let progress = Progress::from_json(doc.get("progress").ok_or(ImportError::Damaged)?).map_err(|e| match e {
        ProgressError::FromNewerVersion(_) => ImportError::FromNewerVersion,
        ProgressError::Corrupt(_) => ImportError::Damaged,
    })?;
    let unknown = progress.items.keys().filter(|id| !known_item(id)).count();
    if unknown > 0 {
        return Err(ImportError::UnknownItems(unknown));
    }
    // A day's grace for clocks and time zones.
    let latest_ms = now_ms + 86_400_000;
    let latest_day = (latest_ms / 86_400_000) as i64 + 1;
    let future = exported_at_ms > latest_ms
        || progress.attempts.iter().chain(progress.best.iter()).any(|a| a.finished_at_ms > latest_ms)
        || progress.items.values().any(|r| r.memory.last_review_day > latest_day || r.log.iter().any(|&(m, _)| m * 60_000 > latest_ms))
        || progress.active_days.last().is_some_and(|&d| d > latest_day);
    if future {
        return Err(ImportError::DatesInTheFuture);
    }
    let summary = Summary {
        answers: progress.items.values().map(|r| u64::from(r.right) + u64::from(r.wrong)).sum(),
        quizzes: progress.attempts.len(),
        exported_at_ms,
    };
    Ok((progress, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::progress::{Attempt, Mode};
    use crate::quiz::schedule::Scheduler;
    use crate::quiz::scoring::Score;

    const NOW: u64 = 1_795_669_200_000; // 2026-11-26
    const TODAY: i64 = 20_783;

    fn progress() -> Progress {
        let mut p = Progress::default();
        p.record_answer("q1", true, NOW - 3_600_000, TODAY, &Scheduler::default());
        p.record_answer("q2", false, NOW - 60_000, TODAY, &Scheduler::default());
        p.record(Attempt { score: Score { correct: 8, total: 10 }, finished_at_ms: NOW, mode: Mode::Quick, topic: None }, TODAY);
        p
    }

    fn known(id: &str) -> bool {
        matches!(id, "q1" | "q2")
    }

    #[test]
    fn export_then_import_round_trips_with_a_summary() {
        let p = progress();
        let (back, summary) = import(&export(&p, NOW), known, NOW).unwrap();
        assert_eq!(back.encode(), p.encode());
        assert_eq!(summary, Summary { answers: 2, quizzes: 1, exported_at_ms: NOW });
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let good = export(&progress(), NOW);
        let cases: Vec<(String, ImportError)> = vec![
            (good[..good.len() / 2].to_string(), ImportError::NotJson),
            ("{}".into(), ImportError::NotABackup),
            (good.replace("progress-backup", "shopping-list"), ImportError::NotABackup),
            (good.replace("\"version\":1", "\"version\":2"), ImportError::FromNewerVersion),
            (good.replace("\"schema_version\":2", "\"schema_version\":9"), ImportError::FromNewerVersion),
            (good.replace("\"exported_at\"", "\"extra\":0,\"exported_at\""), ImportError::Damaged),
            (good.replace("\"correct\":8", "\"correct\":80"), ImportError::Damaged),
            (good.replace("\"q2\"", "\"q-gone\""), ImportError::UnknownItems(1)),
            (
                good.replace(&format!("\"exported_at\":{NOW}"), &format!("\"exported_at\":{}", NOW + 10 * 86_400_000)),
                ImportError::DatesInTheFuture,
            ),
            (" ".repeat(MAX_BACKUP_BYTES + 1), ImportError::TooLarge),
        ];
        for (text, expected) in cases {
            assert_eq!(import(&text, known, NOW).map(|_| ()), Err(expected.clone()), "{}", &text[..text.len().min(60)]);
            assert!(!expected.message().is_empty());
        }
    }
}
