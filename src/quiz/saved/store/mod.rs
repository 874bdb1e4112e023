//! Everything the app keeps on the device, as one typed value with pure
//! operations: the answers and review schedule ([`Progress`]), finished
//! attempts, quizzes in progress, completion records and their drafts, a
//! trainer's debrief results and the trainer's sessions.
//!
//! **Merge, don't overwrite.** Each collection is keyed by id, and each entry
//! carries the time (ms since the Unix epoch) it last changed. A deletion is
//! kept as a tombstone (an entry with no value), and "Clear my data" as a
//! clear marker (`cleared_at`). [`Store::merge`] keeps the newer entry for each
//! id and drops whatever is at or before the clear marker, so it is
//! commutative, associative and idempotent (tests/native/store_properties.rs), and
//! merging an older copy never brings deleted data back. Progress merges
//! finer: each question's reviews from both copies are kept, and its
//! schedule replayed from them (see [`Progress`]), so merging a backup from
//! another device loses no answer; the days practised are the union, and
//! each mode key's best and last dropped scores are kept
//! (tests/native/merge_history.rs). The browser layer
//! merges what another tab saved before it writes, so no tab writes over
//! another's work.
//!
//! **The stored format** is serde's JSON of [`Store`]:
//! `{"schema_version": 6, "cleared_at", "progress", "attempts", "quizzes",
//! "records", "drafts", "debrief", "sessions"}`, each collection an array of
//! `{"id", "at": ms, "value": … or null}` sorted by id. Versions 1 and 2 stored only progress
//! under the same key, and the quiz in progress, the records and the debrief
//! under keys of their own: [`Store::decode`] migrates the first, and
//! [`Store::take_in_legacy`] the others. Time and randomness are always passed in.
//!
//! **Best and last scores** are kept per [`ModeKey`] (quick check, full
//! assessment, each topic, each trainer's quiz link; mistakes and spaced
//! reviews have a last score but never a best): [`Store::best_for`],
//! [`Store::last_for`] and [`Store::is_new_best`] look at the attempts kept and
//! at `progress.archive`, which keeps the best and latest score of each mode
//! key among attempts dropped for space.
//!
//! **Its files, a job each:** this one holds the type, its format and its
//! checks; `collection` the tombstoned collection; `clock` the times kept
//! and a fast clock's repair; `merge` merging, clearing and replacing;
//! `operations` what the screens do; `legacy` taking in versions 1 and 2.

use std::collections::BTreeMap;

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::quiz::learner::progress::{Archive, ItemRecord, ModeKey, Progress, SANE_DAYS};
use crate::quiz::learner::record::{self, Record, RecordDraft, RECORDS_KEPT};
use crate::quiz::learner::schedule::Scheduler;
use crate::quiz::links::link::{QuizResult, QuizSpec};
use crate::quiz::room::debrief::{Added, Tally, RESULTS_KEPT};
use crate::quiz::room::presenting::Presentation;
use crate::quiz::run::attempt::Attempt;
use crate::quiz::run::attempt::Mode;
use crate::quiz::run::finished::FinishedAttempt;
use crate::quiz::run::finished::ScoreRecord;
use crate::quiz::run::quiz_names::kind_title;
use crate::quiz::run::resume::SavedQuiz;
use crate::quiz::text::calendar::local_day;

/// The stored format's version. 1 and 2 held progress alone; 4 added the
/// optional `offset` (minutes east of UTC) to attempts, scores and records;
/// 5 added the time spent (`active`, `active_at`, `time_spent`) and a
/// record's `role` and `organisation`; 6 keeps answers, layouts and drafts
/// by the ids of the parts chosen, and an attempt's mark for each answer
/// (see [`stored_answer`](crate::quiz::run::stored_answer), which still reads the
/// positions earlier versions wrote); 7 keeps a session's presentation (its
/// slide and group-work timer, see
/// [`Presentation`](crate::quiz::room::presenting::Presentation)). Versions 3
/// to 6 are read as they are. Older tabs see a newer version and stop saving.
pub const SCHEMA_VERSION: u32 = 7;
/// Stored text larger than this is not something this app wrote.
pub const MAX_STORED_BYTES: usize = 5_000_000;
/// Finished attempts kept (the best and last score of each mode key are kept apart, whatever their age).
pub const ATTEMPTS_KEPT: usize = 200;
/// Quizzes in progress kept at once, newest first.
pub const QUIZZES_KEPT: usize = 20;
/// Record drafts kept, newest first.
pub const DRAFTS_KEPT: usize = 50;
/// A trainer's sessions kept, newest first.
pub const SESSIONS_KEPT: usize = 100;

mod clock;
mod collection;
mod legacy;
mod merge;
mod operations;
#[cfg(test)]
mod tests;

pub use collection::{Collection, Entry, TimeVisitor};
pub use legacy::LegacyData;
pub(crate) use legacy::LegacyProgress;

/// Why stored text could not be read as a store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoreError {
    /// Not JSON, or not shaped like anything this app stored; says which check failed.
    Corrupt(&'static str),
    /// Written by a newer version of the app; it must not be overwritten.
    FromNewerVersion(u32),
}

/// Everything the app keeps (see the module documentation for the format).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Store {
    pub schema_version: u32,
    /// When "Clear my data" was last used (ms); nothing from at or before it is kept.
    pub cleared_at: u64,
    pub progress: Progress,
    /// Finished attempts, by quiz id.
    pub attempts: Collection<FinishedAttempt>,
    /// Quizzes in progress, by quiz id; each tab's quiz is its own entry.
    pub quizzes: Collection<SavedQuiz>,
    /// Completion records, by record id.
    pub records: Collection<Record>,
    /// What has been typed into the record form, by attempt id.
    pub drafts: Collection<RecordDraft>,
    /// Learners' results on a trainer's device, by `<quiz id>-<learner token>`.
    pub debrief: Collection<QuizResult>,
    /// The trainer's sessions (quiz links made), by quiz id.
    pub sessions: Collection<TrainerSession>,
}

/// A quiz link a trainer made. Stored as `{"spec": "?view=trainer-quiz&…",
/// "made_at": ms, "presentation"?: {...}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainerSession {
    pub spec: QuizSpec,
    #[serde(rename = "made_at")]
    pub made_at_ms: u64,
    /// The session as slides, once presented: the slide showing and the timer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presentation: Option<Presentation>,
}

impl Default for Store {
    fn default() -> Self {
        Store {
            schema_version: SCHEMA_VERSION,
            cleared_at: 0,
            progress: Progress::default(),
            attempts: Collection::default(),
            quizzes: Collection::default(),
            records: Collection::default(),
            drafts: Collection::default(),
            debrief: Collection::default(),
            sessions: Collection::default(),
        }
    }
}

/// The key a learner's result is kept under: one per quiz and learner.
pub(super) fn result_key(result: &QuizResult) -> String {
    format!("{}-{}", result.spec.id(), result.token)
}

pub(super) fn parse<T: DeserializeOwned>(text: &str) -> Result<T, StoreError> {
    serde_json::from_str(text).map_err(|_| StoreError::Corrupt("not a store this app wrote"))
}

impl Store {
    /// The stored text.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads stored text of any version this app has written, migrating older ones.
    ///
    /// Errors: [`StoreError::FromNewerVersion`] for a newer format (leave it
    /// untouched), [`StoreError::Corrupt`] for anything else that is not ours.
    /// Linear in the text's length; at most [`MAX_STORED_BYTES`] are read.
    pub fn decode(text: &str) -> Result<Store, StoreError> {
        if text.len() > MAX_STORED_BYTES {
            return Err(StoreError::Corrupt("too large"));
        }
        /// Only the version, read first, so a newer format is recognised even
        /// when the rest of it means nothing to this version.
        #[derive(Deserialize)]
        struct Version {
            schema_version: u32,
        }
        let Version { schema_version } = parse(text)?;
        let store = match schema_version {
            1 | 2 => parse::<LegacyProgress>(text)?.migrate()?,
            3..=6 | SCHEMA_VERSION => parse::<Store>(text)?.upgraded(),
            v if v > SCHEMA_VERSION => return Err(StoreError::FromNewerVersion(v)),
            _ => return Err(StoreError::Corrupt("unknown schema_version")),
        };
        store.check()?;
        // What this app writes is already tidy; this makes sure of it, so
        // `merge` can rely on every copy having applied its own clear marker.
        let mut store = store;
        store.tidy();
        Ok(store)
    }

    /// A store of version 3 to 6 as version 7: the same fields, the new ones
    /// absent, and answers still by position until they are next written.
    pub(crate) fn upgraded(self) -> Store {
        Store { schema_version: self.schema_version.max(SCHEMA_VERSION), ..self }
    }

    /// Checks what serde cannot: sizes, scores, dates and texts within their limits.
    pub fn check(&self) -> Result<(), StoreError> {
        let corrupt = |what| Err(StoreError::Corrupt(what));
        if self.schema_version != SCHEMA_VERSION {
            return corrupt("wrong schema_version");
        }
        if !self.progress.is_sane() {
            return corrupt("progress out of range");
        }
        let fits = [
            self.attempts.fits(ATTEMPTS_KEPT),
            self.quizzes.fits(QUIZZES_KEPT),
            self.records.fits(RECORDS_KEPT),
            self.drafts.fits(DRAFTS_KEPT),
            self.debrief.fits(RESULTS_KEPT),
            self.sessions.fits(SESSIONS_KEPT),
        ];
        if !fits.iter().all(|&ok| ok) {
            return corrupt("too many entries, or ids out of order or repeated");
        }
        if !self.attempts.live().all(|(_, a)| a.is_sane()) {
            return corrupt("impossible attempt");
        }
        if !self.records.live().all(|(_, r)| r.is_sane()) {
            return corrupt("impossible record");
        }
        if !self.drafts.live().all(|(_, d)| d.is_sane()) {
            return corrupt("draft too long");
        }
        Ok(())
    }
}
