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

use std::collections::BTreeMap;

use serde::{de::DeserializeOwned, Deserialize, Serialize};

use crate::quiz::learner::draw::kind_title;
use crate::quiz::learner::progress::{Archive, ItemRecord, ModeKey, Progress, SANE_DAYS};
use crate::quiz::learner::record::{self, Record, RecordDraft, RECORDS_KEPT};
use crate::quiz::learner::schedule::Scheduler;
use crate::quiz::links::link::{QuizResult, QuizSpec};
use crate::quiz::room::debrief::{Added, Tally, RESULTS_KEPT};
use crate::quiz::run::attempt::Attempt;
use crate::quiz::run::attempt::ScoreRecord;
use crate::quiz::run::resume::SavedQuiz;
use crate::quiz::run::session::Mode;
use crate::quiz::run::session::Session;
use crate::quiz::text::wording::local_day;

/// The stored format's version. 1 and 2 held progress alone; 4 added the
/// optional `offset` (minutes east of UTC) to attempts, scores and records;
/// 5 added the time spent (`active`, `active_at`, `time_spent`) and a
/// record's `role` and `organisation`; 6 keeps answers, layouts and drafts
/// by the ids of the parts chosen, and an attempt's mark for each answer
/// (see [`stored_answer`](crate::quiz::run::stored_answer), which still reads the
/// positions earlier versions wrote). Versions 3 to 5 are read as they are.
/// Older tabs see a newer version and stop saving.
pub const SCHEMA_VERSION: u32 = 6;
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

/// One entry of a collection: its id, when it last changed, and its value
/// (`None` once deleted: a tombstone, so an older copy cannot bring it back).
/// Stored as `{"id", "at": ms since the Unix epoch, "value": … or null}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry<T> {
    pub id: String,
    /// When it last changed, in ms since the Unix epoch.
    pub at: u64,
    pub value: Option<T>,
}

/// Entries sorted by id, each id once. Stored as a JSON array of entries.
///
/// A sorted `Vec` rather than a `BTreeMap`: the app has seven collections,
/// and seven copies of the B-tree's code measured 45 KB of wasm (about
/// 0.15 s of download on 3G); a few hundred entries search fast either way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Collection<T>(Vec<Entry<T>>);

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Collection(Vec::new())
    }
}

impl<T: Clone + PartialEq + Serialize> Collection<T> {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|e| e.id.as_str().cmp(id))
    }

    /// Every entry, tombstones included, sorted by id.
    pub fn entries(&self) -> &[Entry<T>] {
        &self.0
    }

    /// True if it holds at most `kept` entries, with the ids in order and
    /// each once (as this app writes them).
    fn fits(&self, kept: usize) -> bool {
        self.0.len() <= kept && self.0.windows(2).all(|w| w[0].id < w[1].id)
    }

    /// True if `id` is here, live or deleted (its tombstone kept): an id
    /// once used, so a stale copy from elsewhere must not bring it back.
    pub fn has_ever(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// The live value under `id`.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0.get(self.find(id).ok()?)?.value.as_ref()
    }

    /// Every live value with its id, ordered by `time(entry's change time,
    /// value)` (ms), oldest first; ties by id.
    fn live_by_time(&self, time: impl Fn(u64, &T) -> u64) -> Vec<(&str, &T)> {
        let keys = by_time(self.0.iter().filter_map(|e| Some((time(e.at, e.value.as_ref()?), e.id.as_str()))));
        keys.into_iter().filter_map(|(_, id)| Some((id, self.get(id)?))).collect()
    }

    /// Every live value with its id, most recently changed first.
    pub fn newest_first(&self) -> Vec<(&str, &T)> {
        let mut live = self.live_by_time(|at, _| at);
        live.reverse();
        live
    }

    /// Every live value with its id, in id order.
    pub fn live(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().filter_map(|e| Some((e.id.as_str(), e.value.as_ref()?)))
    }

    /// How many live values there are.
    pub fn live_count(&self) -> usize {
        self.0.iter().filter(|e| e.value.is_some()).count()
    }

    /// Sets `id` to `value` (`None` deletes) at `now_ms`, never before its
    /// last change, so a later change always wins, whatever the clock did.
    /// Returns what was there.
    fn set(&mut self, id: &str, value: Option<T>, now_ms: u64) -> Option<T> {
        match self.find(id) {
            Ok(at) => {
                let entry = &mut self.0[at];
                entry.at = now_ms.max(entry.at + 1);
                std::mem::replace(&mut entry.value, value)
            }
            Err(at) => {
                self.0.insert(at, Entry { id: id.to_owned(), at: now_ms, value });
                None
            }
        }
    }

    /// Puts `value` under `id`.
    pub fn put(&mut self, id: &str, value: T, now_ms: u64) {
        self.set(id, Some(value), now_ms);
    }

    /// Deletes `id`, leaving a tombstone; returns what was there.
    pub fn delete(&mut self, id: &str, now_ms: u64) -> Option<T> {
        self.set(id, None, now_ms)
    }

    /// Which of two entries for one id wins: the newer; at the same time a
    /// tombstone, then the larger value as JSON text, so every tab picks the same.
    fn newer<'a>(ours: &'a Entry<T>, theirs: &'a Entry<T>) -> &'a Entry<T> {
        let theirs_wins = match theirs.at.cmp(&ours.at) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => match (&ours.value, &theirs.value) {
                (Some(_), None) => true,
                (None, _) => false,
                (Some(a), Some(b)) => a != b && serde_json::to_string(b).ok() > serde_json::to_string(a).ok(),
            },
        };
        if theirs_wins {
            theirs
        } else {
            ours
        }
    }

    /// Takes in another copy: for each id the newer entry (a merge of two sorted lists).
    fn merge(&mut self, other: &Collection<T>) {
        let ours = std::mem::take(&mut self.0);
        let mut merged = Vec::with_capacity(ours.len().max(other.0.len()));
        let (mut a, mut b) = (ours.into_iter().peekable(), other.0.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => match x.id.cmp(&y.id) {
                    std::cmp::Ordering::Less => a.next(),
                    std::cmp::Ordering::Greater => b.next().cloned(),
                    std::cmp::Ordering::Equal => {
                        let (x, y) = (a.next(), b.next());
                        x.zip(y).map(|(x, y)| Collection::newer(&x, y).clone())
                    }
                },
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next().cloned(),
                (None, None) => break,
            };
            merged.extend(next);
        }
        self.0 = merged;
    }

    /// Drops everything changed at or before `cleared_at_ms`, then all but the
    /// `kept` most recently changed entries (tombstones included).
    fn tidy(&mut self, cleared_at_ms: u64, kept: usize) {
        self.0.retain(|e| e.at > cleared_at_ms);
        if self.0.len() > kept {
            let times = by_time(self.0.iter().map(|e| (e.at, e.id.as_str())));
            let (at, id) = times[times.len() - kept];
            let first_kept = (at, id.to_owned());
            self.0.retain(|e| (e.at, e.id.as_str()) >= (first_kept.0, first_kept.1.as_str()));
        }
    }

    /// The latest change, in ms.
    fn latest_ms(&self) -> u64 {
        self.0.iter().map(|e| e.at).max().unwrap_or(0)
    }

    /// Calls `f` on each entry's time of change, and `inner` on each value's own times.
    fn each_time(&mut self, f: &mut dyn FnMut(&mut u64), inner: fn(&mut T, &mut TimeVisitor<'_>)) {
        for entry in &mut self.0 {
            f(&mut entry.at);
            if let Some(value) = &mut entry.value {
                inner(value, f);
            }
        }
    }
}

/// What [`Store::each_time`] calls on each time kept, in ms.
pub type TimeVisitor<'a> = dyn FnMut(&mut u64) + 'a;

/// `(time in ms, id)` keys, sorted by time then id. Every sort in the store
/// goes through this one function on one element type: each other sort the
/// standard library compiles in adds several KB of wasm.
fn by_time<'a>(keys: impl Iterator<Item = (u64, &'a str)>) -> Vec<(u64, &'a str)> {
    let mut keys: Vec<(u64, &str)> = keys.collect();
    keys.sort_unstable();
    keys
}

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
    pub attempts: Collection<Attempt>,
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

/// A quiz link a trainer made. Stored as `{"spec": "?view=trainer-quiz&…", "made_at": ms}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainerSession {
    pub spec: QuizSpec,
    #[serde(rename = "made_at")]
    pub made_at_ms: u64,
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
fn result_key(result: &QuizResult) -> String {
    format!("{}-{}", result.spec.id(), result.token)
}

fn parse<T: DeserializeOwned>(text: &str) -> Result<T, StoreError> {
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
            3..=5 | SCHEMA_VERSION => parse::<Store>(text)?.upgraded(),
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

    /// Calls `f` on every time the store keeps, in ms since the Unix epoch:
    /// the clear marker, each entry's time of change, and the times inside
    /// progress, attempts, quizzes in progress, records and sessions.
    pub fn each_time(&mut self, f: &mut dyn FnMut(&mut u64)) {
        f(&mut self.cleared_at);
        self.progress.each_time(f);
        self.attempts.each_time(f, |a, f| {
            f(&mut a.started_at_ms);
            f(&mut a.finished_at_ms);
        });
        self.quizzes.each_time(f, |q, f| f(&mut q.started_at_ms));
        self.records.each_time(f, |r, f| {
            f(&mut r.made_at_ms);
            f(&mut r.finished_at_ms);
        });
        self.drafts.each_time(f, |_, _| {});
        self.debrief.each_time(f, |_, _| {});
        self.sessions.each_time(f, |s, f| f(&mut s.made_at_ms));
    }

    /// Moves every time after `now_ms` back to `now_ms`, and every day
    /// number after `today` back to `today` (a backup from a device whose
    /// clock was fast): days practised, when questions were last reviewed and
    /// fall due (keeping their intervals), and when refreshers fall due
    /// (keeping their periods). Returns the latest time there was, in ms.
    ///
    /// With `days` false only the times move: a phone further east with a
    /// right clock is a day ahead in day numbers, and that is not an error.
    pub fn bring_back_to(&mut self, now_ms: u64, today: i64, days: bool) -> u64 {
        if days {
            self.bring_days_back(today);
        }
        let cleared_at = self.cleared_at;
        let mut latest = 0;
        self.each_time(&mut |t| {
            latest = latest.max(*t);
            *t = (*t).min(now_ms);
        });
        // Entries are kept only if changed after the clear marker: keep the
        // marker before the entries it was before.
        if cleared_at >= now_ms {
            self.cleared_at = now_ms.saturating_sub(1);
        }
        latest
    }

    /// The latest time the store keeps, in ms.
    pub fn latest_time(&mut self) -> u64 {
        let mut latest = 0;
        self.each_time(&mut |t| latest = latest.max(*t));
        latest
    }

    fn bring_days_back(&mut self, today: i64) {
        self.progress.bring_days_back(today);
        for entry in &mut self.records.0 {
            if let Some(record) = &mut entry.value {
                let finished_day = local_day(record.finished_at_ms, record.offset_minutes.unwrap_or(0));
                record.refresher_due_day -= (finished_day - today).max(0);
            }
        }
    }

    /// A store of version 3 to 5 as version 6: the same fields, the new ones
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

    /// Takes in another copy (another tab's save, a backup), losing nothing
    /// from either and bringing back nothing deleted. See the module documentation.
    pub fn merge(&mut self, other: &Store) {
        // Both sides forget what the later clear covers before anything is
        // combined, so the size limits never keep something the clear removes.
        self.cleared_at = self.cleared_at.max(other.cleared_at);
        self.tidy();
        // The other copy needs the same only if its clear is the older one
        // (most saves merge a copy that already has it: no clone then).
        let tidied;
        let other = if other.cleared_at < self.cleared_at {
            let mut copy = other.clone();
            copy.cleared_at = self.cleared_at;
            copy.tidy();
            tidied = copy;
            &tidied
        } else {
            other
        };
        self.progress.merge(&other.progress);
        self.attempts.merge(&other.attempts);
        self.quizzes.merge(&other.quizzes);
        self.records.merge(&other.records);
        self.drafts.merge(&other.drafts);
        self.debrief.merge(&other.debrief);
        self.sessions.merge(&other.sessions);
        self.tidy();
    }

    /// Applies the clear marker and the size limits.
    fn tidy(&mut self) {
        let cleared = self.cleared_at;
        self.progress.forget_until(cleared);
        self.tidy_attempts();
        self.quizzes.tidy(cleared, QUIZZES_KEPT);
        self.records.tidy(cleared, RECORDS_KEPT);
        self.drafts.tidy(cleared, DRAFTS_KEPT);
        self.debrief.tidy(cleared, RESULTS_KEPT);
        self.sessions.tidy(cleared, SESSIONS_KEPT);
    }

    /// "Clear my data": deletes everything, and marks the time so that no tab
    /// or older copy brings any of it back.
    pub fn clear_all(&mut self, now_ms: u64) {
        self.cleared_at = self.cleared_at.max(now_ms).max(self.latest_ms());
        self.tidy();
    }

    /// The time (ms) a change made at `now_ms` is stamped with: never at or
    /// before the clear marker. A clear made while the device's clock was fast
    /// would otherwise swallow every change until real time caught up.
    pub fn stamp(&self, now_ms: u64) -> u64 {
        now_ms.max(self.cleared_at + 1)
    }

    /// The latest time anything here changed, in ms.
    pub fn latest_ms(&self) -> u64 {
        [
            self.progress.latest_ms(),
            self.attempts.latest_ms(),
            self.quizzes.latest_ms(),
            self.records.latest_ms(),
            self.drafts.latest_ms(),
            self.debrief.latest_ms(),
            self.sessions.latest_ms(),
        ]
        .into_iter()
        .max()
        .unwrap_or(0)
    }

    /// Takes in a backup (Merge): it adds, it never deletes, and what it
    /// holds counts even if this device was cleared after the backup was made.
    pub fn merge_backup(&mut self, imported: &Store) {
        let fresh = imported_after(imported, self.cleared_at + 1);
        self.merge(&fresh);
    }

    /// Replaces everything here with a backup (Replace): this store is
    /// cleared at `now_ms` and the backup's entries stamped just after, so
    /// every tab takes the backup instead of what it had.
    pub fn replace_with(&mut self, imported: &Store, now_ms: u64) {
        self.clear_all(now_ms);
        let fresh = imported_after(imported, self.cleared_at + 1);
        self.merge(&fresh);
    }

    // ---- Answers

    /// Records one answer to a question or flip card.
    pub fn record_answer(&mut self, item: &str, right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) {
        self.progress.record_answer(item, right, now_ms, today, scheduler);
    }

    // ---- Quizzes in progress and finished attempts

    /// Applies the clear marker and the size limit to the attempts. Best and
    /// last scores are worked out from the attempts kept; an attempt dropped
    /// for space leaves its score in `progress.archive`, under its mode key.
    fn tidy_attempts(&mut self) {
        let cleared = self.cleared_at;
        // Only when some will be dropped for space (not on every save).
        let before: Vec<(ModeKey, u64, ScoreRecord)> = if self.attempts.0.len() > ATTEMPTS_KEPT {
            let live = self.attempts.0.iter().filter(|e| e.at > cleared);
            live.filter_map(|e| e.value.as_ref().map(|a| (ModeKey::of(&a.kind), e.at, a.score_record(&e.id)))).collect()
        } else {
            Vec::new()
        };
        self.attempts.tidy(cleared, ATTEMPTS_KEPT);
        for (key, at, score) in before {
            if self.attempts.find(&score.id).is_err() {
                self.progress.archive_score(key, at, score);
            }
        }
    }

    /// The scores of the attempts kept of mode key `key`.
    fn kept_scores<'a>(&'a self, key: &'a ModeKey) -> impl Iterator<Item = ScoreRecord> + 'a {
        self.attempts.live().filter(|(_, a)| key.is_of(&a.kind)).map(|(id, a)| a.score_record(id))
    }

    /// The best score of mode key `key` so far, of the attempts kept and of
    /// those dropped for space: the highest proportion right, and of equal
    /// ones the latest ([`ScoreRecord::rank`]). Always `None` for mistakes and
    /// spaced reviews, which never count for a best.
    pub fn best_for(&self, key: &ModeKey) -> Option<ScoreRecord> {
        if !key.counts_for_best() {
            return None;
        }
        let archived = self.progress.archive.best(key).cloned();
        self.kept_scores(key).chain(archived).reduce(|a, b| ScoreRecord::better(&a, &b).clone())
    }

    /// The latest score of mode key `key` (the latest to finish, of the
    /// attempts kept and of those dropped for space).
    pub fn last_for(&self, key: &ModeKey) -> Option<ScoreRecord> {
        let archived = self.progress.archive.last(key).cloned();
        self.kept_scores(key).chain(archived).reduce(|a, b| ScoreRecord::later(&a, &b).clone())
    }

    /// True if attempt `id` is a new best score, to say so on its results:
    /// its mode key counts for a best, it passed (if its quiz has a pass
    /// mark), and it strictly beats ([`Score::beats`](crate::quiz::answering::scoring::Score::beats))
    /// every earlier score of its mode key, of which there is at least one.
    /// "Earlier" means finished before it (ties by id), among the attempts
    /// kept and the scores kept of those dropped for space. False for an
    /// attempt not kept.
    pub fn is_new_best(&self, id: &str) -> bool {
        let Some(attempt) = self.attempts.get(id) else { return false };
        let key = ModeKey::of(&attempt.kind);
        if !key.counts_for_best() || attempt.passed() == Some(false) {
            return false;
        }
        let finished = (attempt.finished_at_ms, id);
        let archived = self.progress.archive.of_key(&key).iter().map(|a| a.score.clone());
        let mut earlier =
            self.kept_scores(&key).chain(archived).filter(|s| s.id != id && (s.finished_at_ms, s.id.as_str()) < finished).peekable();
        earlier.peek().is_some() && earlier.all(|s| attempt.score.beats(&s.score()))
    }

    /// Keeps the quiz in progress `id` as it now stands, with its time spent
    /// brought up to `now_ms` (see `SavedQuiz::touched`).
    pub fn save_quiz(&mut self, id: &str, quiz: SavedQuiz, now_ms: u64) {
        let quiz = quiz.touched(self.quizzes.get(id), now_ms);
        self.quizzes.put(id, quiz, now_ms);
        self.quizzes.tidy(self.cleared_at, QUIZZES_KEPT);
    }

    /// The quizzes in progress, most recently used first.
    pub fn quizzes_in_progress(&self) -> Vec<(&str, &SavedQuiz)> {
        self.quizzes.newest_first()
    }

    /// Deletes the quiz in progress `id` without finishing it.
    pub fn discard_quiz(&mut self, id: &str, now_ms: u64) {
        self.quizzes.delete(id, now_ms);
        // Its tombstone counts towards the limit, so what is written always reads back.
        self.quizzes.tidy(self.cleared_at, QUIZZES_KEPT);
    }

    /// Finishes quiz `id`: it is no longer in progress, the attempt is kept
    /// under the same id, and it counts for the day's practice (and for its
    /// mode key's best and last scores).
    /// The attempt's time spent is the quiz's, brought up to `now_ms`.
    pub fn finish_quiz(&mut self, id: &str, attempt: Attempt, now_ms: u64, today: i64) {
        let active_ms = self.quizzes.get(id).map(|q| q.active_ms_at(now_ms));
        let attempt = Attempt { active_ms: attempt.active_ms.or(active_ms), ..attempt };
        self.quizzes.delete(id, now_ms);
        self.quizzes.tidy(self.cleared_at, QUIZZES_KEPT);
        self.progress.mark_day(today, now_ms);
        self.attempts.put(id, attempt, now_ms);
        self.tidy_attempts();
    }

    /// Finishes quiz `id` as `session` ended, keeping `attempt` (made from
    /// that session by `Attempt::from_session`): a deferred-feedback quiz's
    /// answers, held back from spaced review until it was submitted, count
    /// now (an immediate-feedback quiz's counted as each was checked); then
    /// as [`Store::finish_quiz`]. `now_ms` is ms since the Unix epoch and
    /// `today` the device's local day number. The app's results page and the
    /// end-to-end tests' prepared stores both finish quizzes through this.
    pub fn finish_session(&mut self, id: &str, session: &Session, attempt: Attempt, now_ms: u64, today: i64) {
        if session.defers_feedback() {
            if let Some(marking) = session.marking() {
                for (item, right) in marking.results() {
                    self.record_answer(item, right, now_ms, today, &Scheduler::default());
                }
            }
        }
        self.finish_quiz(id, attempt, now_ms, today);
    }

    /// Finished attempts, oldest first.
    pub fn attempts_oldest_first(&self) -> Vec<(&str, &Attempt)> {
        self.attempts.live_by_time(|_, a| a.finished_at_ms)
    }

    /// The most recently finished attempt.
    pub fn last_attempt(&self) -> Option<(&str, &Attempt)> {
        self.attempts_oldest_first().pop()
    }

    // ---- Records

    /// Keeps a record under `id`, and drops the draft it was made from.
    pub fn save_record(&mut self, id: &str, record: Record, attempt_id: Option<&str>, now_ms: u64) {
        self.records.put(id, record, now_ms);
        if let Some(attempt) = attempt_id {
            self.drafts.delete(attempt, now_ms);
        }
        self.records.tidy(self.cleared_at, RECORDS_KEPT);
    }

    /// Deletes record `id`; returns it, for Undo.
    pub fn delete_record(&mut self, id: &str, now_ms: u64) -> Option<Record> {
        self.records.delete(id, now_ms)
    }

    /// Records, oldest first, with their ids.
    pub fn records_oldest_first(&self) -> Vec<(&str, &Record)> {
        self.records.live_by_time(|_, r| r.made_at_ms)
    }

    /// Keeps what has been typed so far for attempt `attempt_id`'s record.
    /// What the record form for attempt `attempt_id` starts from: the draft
    /// typed so far; else the saved record's words, so saving again never
    /// replaces them with blanks; else a blank form with the newest record's
    /// role and organisation (see `RecordDraft::next_after`).
    pub fn draft_for(&self, attempt_id: &str) -> RecordDraft {
        self.drafts
            .get(attempt_id)
            .cloned()
            .or_else(|| self.records.get(attempt_id).map(RecordDraft::from))
            .unwrap_or_else(|| RecordDraft::next_after(self.records_oldest_first().last().map(|(_, r)| *r)))
    }

    /// The id of this device's own attempt that `result` came from, if any:
    /// a learner who opens their own result link is not a trainer.
    pub fn own_attempt_of(&self, result: &QuizResult) -> Option<&str> {
        let quiz = result.spec.id();
        self.attempts
            .live()
            .find(|(_, a)| a.token == result.token && a.kind.link.as_ref().is_some_and(|l| l.id() == quiz))
            .map(|(id, _)| id)
    }

    pub fn save_draft(&mut self, attempt_id: &str, draft: RecordDraft, now_ms: u64) {
        if self.drafts.get(attempt_id) != Some(&draft) {
            self.drafts.put(attempt_id, draft, now_ms);
            self.drafts.tidy(self.cleared_at, DRAFTS_KEPT);
        }
    }

    // ---- A trainer's debrief and sessions

    /// Counts a learner's result (from a result link opened on this device).
    pub fn add_result(&mut self, result: QuizResult, now_ms: u64) -> Added {
        let key = result_key(&result);
        // Looked up by the quiz's id as it is now worked out, not only by key:
        // results counted before version 4 are kept under an id that included the title.
        let (quiz, token) = (result.spec.id(), &result.token);
        if self.debrief.get(&key).is_some() || self.debrief.live().any(|(_, r)| &r.token == token && r.spec.id() == quiz) {
            return Added::AlreadyCounted;
        }
        self.debrief.put(&key, result, now_ms);
        self.debrief.tidy(self.cleared_at, RESULTS_KEPT);
        Added::New
    }

    /// Every counted result, in the order they were counted. A result of a
    /// session kept here carries that session's title: a learner who joined
    /// by its code (see `session_code`) sent none, and a chat app may have
    /// cut it from a result link.
    pub fn tally(&self) -> Tally {
        let titled = |result: &QuizResult| {
            let mut result = result.clone();
            if let Some(session) = self.sessions.get(&result.spec.id()) {
                result.spec.title.clone_from(&session.spec.title);
            }
            result
        };
        Tally { results: self.debrief.live_by_time(|at, _| at).into_iter().map(|(_, r)| titled(r)).collect() }
    }

    /// Clears the debrief of quiz `quiz_id`; returns the results removed, for Undo.
    pub fn clear_debrief(&mut self, quiz_id: &str, now_ms: u64) -> Vec<QuizResult> {
        let ids: Vec<String> = self.debrief.live().filter(|(_, r)| r.spec.id() == quiz_id).map(|(id, _)| id.to_owned()).collect();
        ids.iter().filter_map(|id| self.debrief.delete(id, now_ms)).collect()
    }

    /// Puts back results removed by [`Store::clear_debrief`] (Undo).
    pub fn restore_results(&mut self, results: Vec<QuizResult>, now_ms: u64) {
        for result in results {
            let key = result_key(&result);
            self.debrief.put(&key, result, now_ms);
        }
        self.debrief.tidy(self.cleared_at, RESULTS_KEPT);
    }

    /// Keeps a quiz link the trainer made.
    pub fn add_session(&mut self, spec: QuizSpec, now_ms: u64) {
        let id = spec.id();
        if self.sessions.get(&id).is_none() && !self.sessions.live().any(|(_, s)| s.spec.id() == id) {
            self.sessions.put(&id, TrainerSession { spec, made_at_ms: now_ms }, now_ms);
            self.sessions.tidy(self.cleared_at, SESSIONS_KEPT);
        }
    }

    // ---- Migration from versions 1 and 2

    /// Takes in what versions 1 and 2 kept under keys of their own: a quiz in
    /// progress, the records file and the debrief tally. Each is read strictly
    /// and skipped if unreadable; the result says which could not be read.
    ///
    /// Taking in the same text again changes nothing: the quiz's id is a hash
    /// of its text, and records and results have ids of their own. (A tab of
    /// the old version left open may write the old keys again.)
    pub fn take_in_legacy(&mut self, legacy: LegacyData<'_>, now_ms: u64) -> Vec<&'static str> {
        let mut unreadable = Vec::new();
        if let Some(text) = legacy.quiz {
            let id = format!("{:016x}", fnv1a_64(text));
            match SavedQuiz::decode_legacy(text, "", now_ms) {
                Ok(quiz) if self.quizzes.find(&id).is_err() && self.attempts.find(&id).is_err() => {
                    // The bank, which knows topic titles, has not loaded when old data is taken in.
                    let title = kind_title(&quiz.kind);
                    self.save_quiz(&id, SavedQuiz { title, ..quiz }, now_ms);
                }
                Ok(_) => {}
                Err(_) => unreadable.push("quiz in progress"),
            }
        }
        if let Some(text) = legacy.records {
            match record::decode(text) {
                Some(records) => {
                    for r in records {
                        let id = format!("{:016x}", r.made_at_ms);
                        if self.records.find(&id).is_err() {
                            self.records.put(&id, r, now_ms);
                        }
                    }
                }
                None => unreadable.push("records"),
            }
        }
        if let Some(text) = legacy.debrief {
            match Tally::decode_legacy(text, |_| true) {
                Some(tally) => {
                    for result in tally.results {
                        self.add_result(result, now_ms);
                    }
                }
                None => unreadable.push("debrief"),
            }
        }
        self.tidy();
        unreadable
    }
}

/// A copy of `imported` to take in: no clear marker, no tombstones, and
/// every time of change at `after` or later. Answers keep their own times
/// (so they are still known as the same answers as their copies elsewhere)
/// and are marked as taken in at `after` (see `ItemRecord::restamp`).
fn imported_after(imported: &Store, after: u64) -> Store {
    fn restamp<T>(c: &mut Collection<T>, after: u64) {
        c.0.retain(|e| e.value.is_some());
        for entry in c.0.iter_mut() {
            entry.at = entry.at.max(after);
        }
    }
    let mut fresh = imported.clone();
    fresh.cleared_at = 0;
    for item in fresh.progress.items.values_mut() {
        item.restamp(after);
    }
    for at in fresh.progress.days.values_mut() {
        *at = (*at).max(after);
    }
    fresh.progress.archive.restamp(after);
    restamp(&mut fresh.attempts, after);
    restamp(&mut fresh.quizzes, after);
    restamp(&mut fresh.records, after);
    restamp(&mut fresh.drafts, after);
    restamp(&mut fresh.debrief, after);
    restamp(&mut fresh.sessions, after);
    fresh
}

/// What versions 1 and 2 kept under keys of their own (see [`Store::take_in_legacy`]).
pub struct LegacyData<'a> {
    pub quiz: Option<&'a str>,
    pub records: Option<&'a str>,
    pub debrief: Option<&'a str>,
}

/// FNV-1a, 64 bits: a stable id for a text (not for security).
fn fnv1a_64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// Progress as versions 1 and 2 stored it (and as version 1 backups hold it).
///
/// - Version 1: `{"schema_version": 1, "last": score or null, "best": score or null}`,
///   a score being `{"correct", "total", "finished_at_ms"}`.
/// - Version 2: `{"schema_version": 2, "attempts": [score], "best": score or null,
///   "items": {id: item}, "days": [day number]}`, a score being
///   `{"at", "mode", "topic", "correct", "total"}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LegacyProgress {
    schema_version: u32,
    #[serde(default)]
    last: Option<LegacyScore>,
    #[serde(default)]
    best: Option<LegacyScore>,
    #[serde(default)]
    attempts: Option<Vec<ScoreRecord>>,
    #[serde(default)]
    items: Option<BTreeMap<String, ItemRecord>>,
    #[serde(default)]
    days: Option<Vec<i64>>,
}

/// A score of version 1 (`{"correct", "total", "finished_at_ms"}`) or 2
/// (`{"at", "mode", "topic", "correct", "total"}`): one struct for both,
/// checked against the version in [`LegacyScore::read`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacyScore {
    correct: u32,
    total: u32,
    #[serde(default)]
    finished_at_ms: Option<u64>,
    #[serde(default)]
    at: Option<u64>,
    #[serde(default)]
    mode: Option<Mode>,
    #[serde(default)]
    topic: Option<String>,
}

impl LegacyScore {
    /// The score, if it has exactly the fields of its version.
    fn read(self, version_2: bool) -> Option<ScoreRecord> {
        let (finished_at_ms, mode) = match (version_2, self.finished_at_ms, self.at, self.mode) {
            (false, Some(at), None, None) if self.topic.is_none() => (at, Mode::Quick),
            (true, None, Some(at), Some(mode)) => (at, mode),
            _ => return None,
        };
        Some(ScoreRecord {
            id: String::new(),
            finished_at_ms,
            offset_minutes: None,
            mode,
            topic: self.topic,
            correct: self.correct,
            total: self.total,
        })
    }
}

impl LegacyProgress {
    pub(crate) fn migrate(self) -> Result<Store, StoreError> {
        let corrupt = |what| Err(StoreError::Corrupt(what));
        let version_2 = self.schema_version == 2;
        let fields_fit = if version_2 {
            self.last.is_none() && self.attempts.is_some() && self.items.is_some() && self.days.is_some()
        } else {
            self.attempts.is_none() && self.items.is_none() && self.days.is_none()
        };
        let best = match self.best {
            None => None,
            Some(score) => Some(score.read(version_2).ok_or(StoreError::Corrupt("not a score"))?),
        };
        if !fields_fit {
            return corrupt("unknown field");
        }
        let scores: Vec<ScoreRecord> = match self.last {
            Some(last) => vec![last.read(false).ok_or(StoreError::Corrupt("not a score"))?],
            None => self.attempts.unwrap_or_default(),
        };
        let days = self.days.unwrap_or_default();
        if days.windows(2).any(|w| w[0] >= w[1]) || !days.iter().all(|d| SANE_DAYS.contains(d)) {
            return corrupt("days out of order");
        }
        if !scores.iter().chain(best.iter()).all(ScoreRecord::is_sane) || scores.len() > ATTEMPTS_KEPT {
            return corrupt("impossible score");
        }
        let mut store = Store::default();
        store.progress.items = self.items.unwrap_or_default();
        // Old days have no time: the start of the day stands in.
        store.progress.days = days.into_iter().map(|d| (d, (d as u64).saturating_mul(86_400_000))).collect();
        for score in scores {
            // Old attempts kept the score only; their answers were never stored.
            let id = format!("{:016x}", score.finished_at_ms);
            let attempt = Attempt {
                kind: crate::quiz::run::session::QuizKind::new(score.mode, score.topic.clone()),
                title: String::new(),
                started_at_ms: score.finished_at_ms,
                finished_at_ms: score.finished_at_ms,
                offset_minutes: None,
                active_ms: None,
                score: score.score(),
                items: Vec::new(),
                token: "00000000".into(),
            };
            store.attempts.put(&id, attempt, score.finished_at_ms);
        }
        // The one best score of every mode becomes the best of its own mode key.
        store.progress.archive = Archive::from_one_best(best.map(|b| ScoreRecord { id: format!("{:016x}", b.finished_at_ms), ..b }));
        store.tidy();
        Ok(store)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::answering::scoring::Score;
    use crate::quiz::run::session::QuizKind;

    const NOW: u64 = 1_795_669_200_000; // 2026-11-26
    const TODAY: i64 = 20_783;

    fn attempt(correct: u32, at: u64) -> Attempt {
        Attempt {
            kind: QuizKind::new(Mode::Quick, None),
            title: "Quick check".into(),
            started_at_ms: at - 60_000,
            finished_at_ms: at,
            offset_minutes: Some(60),
            active_ms: None,
            score: Score { correct, total: 10 },
            items: Vec::new(),
            token: "0123abcd".into(),
        }
    }

    /// An attempt of a quiz of `kind` that got `correct` out of `total`, finished at `at`.
    fn scored(kind: QuizKind, correct: u32, total: u32, at: u64) -> Attempt {
        Attempt { kind, score: Score { correct, total }, ..attempt(0, at) }
    }

    fn topic(id: &str) -> QuizKind {
        QuizKind::new(Mode::Topic, Some(id.into()))
    }

    fn trainer(seed: u32) -> QuizKind {
        let spec = QuizSpec { topics: vec![], count: 10, seed, assessment: true, pass_mark: 70, title: None, refresh_months: None };
        QuizKind::from_link(spec)
    }

    /// Finishes each quiz in turn, a minute apart from NOW, with ids a0, a1, …
    fn finished(quizzes: Vec<Attempt>) -> Store {
        let mut s = Store::default();
        for (n, a) in quizzes.into_iter().enumerate() {
            let at = NOW + n as u64 * 60_000;
            s.finish_quiz(&format!("a{n}"), Attempt { finished_at_ms: at, started_at_ms: at - 1000, ..a }, at, TODAY);
        }
        s
    }

    fn record(made: u64) -> Record {
        Record {
            made_at_ms: made,
            name: Some("Sam".into()),
            finished_at_ms: made - 1,
            offset_minutes: None,
            time_spent_ms: None,
            role: None,
            organisation: None,
            activity: "Quick check".into(),
            topics: vec![],
            correct: 6,
            total: 10,
            passed: None,
            pass_mark: None,
            refresher_due_day: TODAY + 365,
            learnt: "Share early.".into(),
            practice: String::new(),
            supervision: String::new(),
        }
    }

    fn sample() -> Store {
        let mut s = Store::default();
        s.record_answer("q1", true, NOW, TODAY, &Scheduler::default());
        s.finish_quiz("a1", attempt(6, NOW + 1000), NOW + 1000, TODAY);
        s.save_record("r1", record(NOW + 2000), Some("a1"), NOW + 2000);
        s.save_draft("a1", RecordDraft { learnt: "typing".into(), ..RecordDraft::default() }, NOW + 3000);
        s
    }

    #[test]
    fn the_store_round_trips_through_its_text() {
        let s = sample();
        assert_eq!(Store::decode(&s.encode()), Ok(s));
    }

    #[test]
    fn finishing_a_quiz_keeps_the_attempt_and_its_last_and_best_scores() {
        let mut s = Store::default();
        s.finish_quiz("a1", attempt(6, NOW), NOW, TODAY);
        s.finish_quiz("a2", attempt(4, NOW + 1), NOW + 1, TODAY);
        assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a1");
        assert_eq!(s.last_for(&ModeKey::Quick).unwrap().id, "a2");
        assert_eq!(s.last_attempt().unwrap().0, "a2");
        assert_eq!(s.attempts_oldest_first().len(), 2);
        assert_eq!((s.best_for(&ModeKey::Assessment), s.last_for(&ModeKey::Assessment)), (None, None), "never tried");
    }

    #[test]
    fn a_first_attempt_is_not_a_new_best() {
        let s = finished(vec![attempt(6, NOW)]);
        assert!(!s.is_new_best("a0"), "a first score beats nothing");
        assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a0", "though it is the best so far");
        assert!(!s.is_new_best("missing"));
    }

    #[test]
    fn only_a_strictly_better_score_is_a_new_best() {
        let s = finished(vec![attempt(6, NOW), attempt(8, NOW), attempt(8, NOW), attempt(5, NOW), attempt(9, NOW)]);
        let new_bests: Vec<bool> = (0..5).map(|n| s.is_new_best(&format!("a{n}"))).collect();
        assert_eq!(new_bests, vec![false, true, false, false, true], "a tie is not a new best; each is judged by what came before it");
        assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a4");
        // 9/10 beats 17/20 exactly.
        let t = finished(vec![scored(QuizKind::new(Mode::Quick, None), 17, 20, NOW), attempt(9, NOW)]);
        assert!(t.is_new_best("a1"));
    }

    #[test]
    fn a_fail_is_never_a_new_best() {
        let assessment = || QuizKind::new(Mode::Assessment, None);
        let s = finished(vec![
            scored(assessment(), 10, 20, NOW),
            scored(assessment(), 15, 20, NOW), // better, but 75% is not a pass
            scored(assessment(), 16, 20, NOW), // 80% passes
            scored(trainer(1), 5, 10, NOW),
            scored(trainer(1), 6, 10, NOW), // the trainer's pass mark is 70%
            scored(trainer(1), 7, 10, NOW),
        ]);
        let new_bests: Vec<bool> = (0..6).map(|n| s.is_new_best(&format!("a{n}"))).collect();
        assert_eq!(new_bests, vec![false, false, true, false, false, true]);
        assert_eq!(s.best_for(&ModeKey::Assessment).unwrap().id, "a2");
    }

    #[test]
    fn mistakes_and_reviews_never_count_for_a_best_but_have_a_last_score() {
        let s = finished(vec![
            attempt(5, NOW),
            scored(QuizKind::new(Mode::Mistakes, None), 3, 3, NOW),
            scored(QuizKind::new(Mode::Mistakes, None), 4, 4, NOW),
            scored(QuizKind::new(Mode::Review, None), 2, 3, NOW),
            scored(QuizKind::new(Mode::Review, None), 3, 3, NOW),
        ]);
        assert!((1..5).all(|n| !s.is_new_best(&format!("a{n}"))));
        assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a0", "a 3/3 mistakes review does not outrank a quick check");
        assert_eq!((s.best_for(&ModeKey::Mistakes), s.best_for(&ModeKey::Review)), (None, None));
        assert_eq!(s.last_for(&ModeKey::Mistakes).unwrap().id, "a2");
        assert_eq!(s.last_for(&ModeKey::Review).unwrap().id, "a4");
        assert_eq!(s.last_for(&ModeKey::Quick).unwrap().id, "a0");
    }

    #[test]
    fn each_mode_topic_and_trainers_quiz_has_its_own_best() {
        let s = finished(vec![
            scored(topic("p3"), 10, 10, NOW),
            scored(topic("p4"), 5, 10, NOW),
            attempt(9, NOW),
            scored(topic("p4"), 6, 10, NOW),
            scored(QuizKind::new(Mode::Assessment, None), 18, 20, NOW),
            scored(trainer(1), 8, 10, NOW),
            scored(trainer(2), 9, 10, NOW),
            scored(trainer(1), 9, 10, NOW),
        ]);
        let new_bests: Vec<bool> = (0..8).map(|n| s.is_new_best(&format!("a{n}"))).collect();
        assert_eq!(new_bests, vec![false, false, false, true, false, false, false, true]);
        assert_eq!(s.best_for(&ModeKey::Topic("p3".into())).unwrap().id, "a0");
        assert_eq!(s.best_for(&ModeKey::Topic("p4".into())).unwrap().id, "a3");
        assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a2", "a topic's 10/10 is not the quick check's best");
        assert_eq!(s.best_for(&ModeKey::Assessment).unwrap().id, "a4");
        let link = |seed| ModeKey::of(&trainer(seed));
        assert_eq!((s.best_for(&link(1)).unwrap().id, s.best_for(&link(2)).unwrap().id), ("a7".into(), "a6".into()));
    }

    #[test]
    fn the_best_and_last_of_each_mode_survive_being_dropped_for_space() {
        let mut quizzes = vec![
            attempt(9, NOW),
            attempt(7, NOW),
            scored(QuizKind::new(Mode::Assessment, None), 18, 20, NOW),
            scored(QuizKind::new(Mode::Mistakes, None), 3, 3, NOW),
            scored(topic("p3"), 4, 10, NOW),
        ];
        quizzes.extend((0..ATTEMPTS_KEPT).map(|_| scored(topic("p4"), 5, 10, NOW)));
        let mut s = finished(quizzes);
        assert_eq!(s.attempts.live_count(), ATTEMPTS_KEPT);
        assert!(s.attempts.get("a0").is_none() && s.attempts.get("a4").is_none(), "the oldest were dropped");
        let ids = |score: Option<ScoreRecord>| score.map(|b| b.id);
        assert_eq!(ids(s.best_for(&ModeKey::Quick)), Some("a0".into()));
        assert_eq!(ids(s.last_for(&ModeKey::Quick)), Some("a1".into()));
        assert_eq!(ids(s.best_for(&ModeKey::Assessment)), Some("a2".into()));
        assert_eq!(ids(s.best_for(&ModeKey::Topic("p3".into()))), Some("a4".into()));
        assert_eq!(ids(s.last_for(&ModeKey::Mistakes)), Some("a3".into()));
        assert_eq!(s.best_for(&ModeKey::Mistakes), None);
        assert_eq!(s.progress.archive.entries().len(), 5, "quick's 9/10 and its later 7/10, assessment, p3 and mistakes");
        let read = Store::decode(&s.encode()).unwrap();
        assert_eq!(read, s, "the archive is saved and read back");
        // A new attempt is judged against the dropped ones too.
        let at = NOW + 1_000 * 60_000;
        s.finish_quiz("b1", attempt(9, at), at, TODAY);
        s.finish_quiz("b2", attempt(10, at + 1), at + 1, TODAY);
        assert!(!s.is_new_best("b1"), "equal to a dropped best");
        assert!(s.is_new_best("b2"));
        assert_eq!(ids(s.last_for(&ModeKey::Quick)), Some("b2".into()));
        assert_eq!(
            s.progress.archive.of_key(&ModeKey::Topic("p4".into())).len(),
            1,
            "two p4 attempts made way for b1 and b2; the later is kept"
        );
        // "Clear my data" forgets the archive too; a backup taken in brings it back, with its dates.
        let backup = read;
        s.clear_all(at + 10);
        assert_eq!((s.best_for(&ModeKey::Quick), s.progress.archive.entries().len()), (None, 0));
        s.merge_backup(&backup);
        assert_eq!(s.best_for(&ModeKey::Quick).map(|b| (b.id, b.finished_at_ms)), Some(("a0".into(), NOW)));
        assert_eq!(ids(s.last_for(&ModeKey::Quick)), Some("a1".into()), "the dropped last score too");
        assert_eq!(s.progress.archive.entries().len(), backup.progress.archive.entries().len());
        assert!(s.progress.archive.entries().iter().all(|a| a.at > s.cleared_at));
        assert_eq!(Store::decode(&s.encode()), Ok(s.clone()));
    }

    #[test]
    fn version_3s_one_best_score_still_loads() {
        let good = sample().encode();
        assert!(good.contains(r#""best":null"#), "an empty archive is written as version 3 did");
        let old_best = r#""best":{"id":"gone","at":1795000000000,"mode":"quick","topic":null,"correct":9,"total":10}"#;
        let old = Store::decode(&good.replacen(r#""best":null"#, old_best, 1)).unwrap();
        let best = old.best_for(&ModeKey::Quick).unwrap();
        assert_eq!((best.id.as_str(), best.correct, best.finished_at_ms), ("gone", 9, 1_795_000_000_000));
        assert_eq!(old.last_for(&ModeKey::Quick).unwrap().id, "a1", "the later attempt kept is the last");
        assert!(!old.is_new_best("a1"), "6/10 does not beat the old 9/10");
        assert!(old.encode().contains(old_best), "one score that reads back exactly is written as version 3 wrote it");
        assert_eq!(Store::decode(&old.encode()), Ok(old.clone()));
        // An old best from a mistakes review is not a best any more.
        let mistakes = old_best.replace("quick", "mistakes");
        let s = Store::decode(&good.replacen(r#""best":null"#, &mistakes, 1)).unwrap();
        assert_eq!((s.best_for(&ModeKey::Quick).unwrap().id.as_str(), s.progress.archive.entries().len()), ("a1", 0));
        // Still strict.
        for bad in [old_best.replace("\"total\":10", "\"total\":10,\"x\":1"), old_best.replace("\"correct\":9", "\"correct\":11")] {
            assert!(matches!(Store::decode(&good.replacen(r#""best":null"#, &bad, 1)), Err(StoreError::Corrupt(_))), "{bad}");
        }
    }

    #[test]
    fn a_tab_that_saves_later_does_not_overwrite_another_tabs_record() {
        let base = Store::default();
        let mut a = base.clone();
        let mut b = base;
        a.save_record("ra", record(NOW), None, NOW);
        b.save_record("rb", record(NOW + 5), None, NOW + 5);
        a.merge(&b);
        assert_eq!(a.records_oldest_first().len(), 2);
    }

    #[test]
    fn clear_my_data_is_not_undone_by_a_tab_with_old_data() {
        let stale = sample();
        let mut cleared = sample();
        cleared.clear_all(NOW + 10_000);
        assert_eq!(cleared.records_oldest_first().len(), 0);
        assert!(cleared.progress.items.is_empty());
        let mut merged = stale.clone();
        merged.merge(&cleared);
        assert_eq!(merged.records_oldest_first().len(), 0, "the stale tab's records are gone");
        assert!(merged.attempts_oldest_first().is_empty() && merged.best_for(&ModeKey::Quick).is_none());
        assert!(merged.drafts.get("a1").is_none());
        // What the stale tab does after the clear is kept.
        merged.record_answer("q9", true, NOW + 20_000, TODAY, &Scheduler::default());
        cleared.merge(&merged);
        assert_eq!(cleared.progress.items.keys().collect::<Vec<_>>(), vec!["q9"]);
    }

    #[test]
    fn a_deleted_record_stays_deleted_and_undo_brings_it_back() {
        let mut s = sample();
        let old = s.clone();
        let removed = s.delete_record("r1", NOW + 5000).unwrap();
        s.merge(&old);
        assert!(s.records.get("r1").is_none(), "an older copy does not bring it back");
        s.save_record("r1", removed, None, NOW + 6000);
        assert!(s.records.get("r1").is_some());
    }

    #[test]
    fn the_debrief_counts_each_learner_once_and_clearing_can_be_undone() {
        let spec = QuizSpec { topics: vec![], count: 2, seed: 7, assessment: false, pass_mark: 80, title: None, refresh_months: None };
        let result = |token: &str| QuizResult { spec: spec.clone(), correct: 1, missed: vec![0], token: token.into(), name: None };
        let mut s = Store::default();
        assert_eq!(s.add_result(result("aaaaaaaa"), NOW), Added::New);
        assert_eq!(s.add_result(result("aaaaaaaa"), NOW + 1), Added::AlreadyCounted);
        assert_eq!(s.add_result(result("bbbbbbbb"), NOW + 2), Added::New);
        assert_eq!(s.tally().results.len(), 2);
        let removed = s.clear_debrief(&spec.id(), NOW + 3);
        assert_eq!((removed.len(), s.tally().results.len()), (2, 0));
        s.restore_results(removed, NOW + 4);
        assert_eq!(s.tally().results.len(), 2);
    }

    #[test]
    fn replacing_with_a_backup_wins_over_every_tab() {
        let mut here = sample();
        let stale = here.clone();
        let mut backup = Store::default();
        backup.save_record("rz", record(NOW - 99_000), None, NOW - 99_000);
        here.replace_with(&backup, NOW + 50_000);
        here.merge(&stale);
        let ids: Vec<&str> = here.records_oldest_first().iter().map(|r| r.0).collect();
        assert_eq!(ids, vec!["rz"]);
    }

    #[test]
    fn changes_after_a_clear_made_with_a_fast_clock_are_kept() {
        let mut s = sample();
        s.clear_all(NOW + 3_600_000); // the clock was an hour fast
        let now = s.stamp(NOW + 10_000); // then put right
        s.save_record("r9", record(now), None, now);
        s.record_answer("q5", true, now, TODAY, &Scheduler::default());
        s.merge(&sample());
        assert!(s.records.get("r9").is_some());
        assert!(s.progress.items.contains_key("q5"));
    }

    #[test]
    fn time_spent_counts_the_gaps_between_changes_up_to_five_minutes_each() {
        let quiz = |at: u64| SavedQuiz {
            kind: QuizKind::new(Mode::Quick, None),
            title: "Quick check".into(),
            started_at_ms: at,
            items: Vec::new(),
            position: 0,
            answered: false,
            draft: None,
            active_ms: 0,
            active_at_ms: 0,
        };
        let mut store = Store::default();
        store.save_quiz("q", quiz(NOW), NOW);
        store.save_quiz("q", quiz(NOW), NOW + 60_000); // a minute on the first question
        store.save_quiz("q", quiz(NOW), NOW + 60_000 + 2 * 3_600_000); // left for two hours: counts as five minutes
        assert_eq!(store.quizzes.get("q").map(|q| q.active_ms), Some(60_000 + 300_000));
        store.finish_quiz("q", attempt(7, NOW + 2 * 3_600_000 + 90_000), NOW + 2 * 3_600_000 + 90_000, TODAY);
        assert_eq!(store.attempts.get("q").and_then(|a| a.active_ms), Some(390_000), "and 30 s to finish");
        // It is kept through a save and a reload, and read as absent from older data.
        let back = Store::decode(&store.encode()).unwrap();
        assert_eq!(back.attempts.get("q").and_then(|a| a.active_ms), Some(390_000));
        let old = store.encode().replace(",\"active\":390000", "");
        assert_eq!(Store::decode(&old).unwrap().attempts.get("q").and_then(|a| a.active_ms), None);
    }

    #[test]
    fn a_result_from_this_device_is_known_as_its_own() {
        let mut store = Store::default();
        let spec = crate::quiz::links::link::QuizSpec {
            topics: vec![],
            count: 5,
            seed: 3,
            assessment: false,
            pass_mark: 80,
            title: None,
            refresh_months: None,
        };
        let mut kind = QuizKind::new(Mode::Quick, None);
        kind.link = Some(spec.clone());
        store.attempts.put("mine", Attempt { kind, ..attempt(4, NOW) }, NOW);
        let result = |token: &str| QuizResult { spec: spec.clone(), correct: 4, missed: vec![1], token: token.into(), name: None };
        assert_eq!(store.own_attempt_of(&result("0123abcd")), Some("mine"));
        assert_eq!(store.own_attempt_of(&result("99999999")), None, "another learner's");
    }

    #[test]
    fn the_record_draft_starts_from_what_was_typed_then_the_record_then_the_last_role() {
        let mut store = Store::default();
        store.save_record("old", Record { role: Some("Teacher".into()), ..record(NOW) }, None, NOW);
        assert_eq!(store.draft_for("new").role, "Teacher");
        assert_eq!(store.draft_for("old").name, "Sam", "a saved record's own words");
        store.save_draft("new", RecordDraft { name: "Ali".into(), ..RecordDraft::default() }, NOW);
        assert_eq!((store.draft_for("new").name.as_str(), store.draft_for("new").role.as_str()), ("Ali", ""));
    }

    #[test]
    fn records_travel_in_a_backup_and_merge_with_the_records_already_here() {
        let mut here = Store::default();
        here.save_record("a", Record { role: Some("Health visitor".into()), ..record(NOW) }, None, NOW);
        let mut there = Store::default();
        there.save_record(
            "b",
            Record { organisation: Some("Leeds".into()), time_spent_ms: Some(600_000), ..record(NOW + 5) },
            None,
            NOW + 5,
        );
        let file = crate::quiz::saved::backup::export(&there, NOW + 10);
        let imported = crate::quiz::saved::backup::import(&file, |_| true, NOW + 20, TODAY).unwrap().0;
        here.merge_backup(&imported);
        let ids: Vec<&str> = here.records_oldest_first().into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, vec!["a", "b"]);
        assert_eq!(here.records.get("b").and_then(|r| r.time_spent_ms), Some(600_000));
        assert_eq!(here.records.get("b").and_then(|r| r.organisation.clone()).as_deref(), Some("Leeds"));
        assert_eq!(here.records.get("a").and_then(|r| r.role.clone()).as_deref(), Some("Health visitor"));
    }

    #[test]
    fn a_backup_merged_after_a_clear_still_counts() {
        let backup = sample();
        let mut here = sample();
        here.clear_all(NOW + 100_000);
        here.merge_backup(&backup);
        assert_eq!(here.records_oldest_first().len(), 1);
        assert_eq!(here.progress.items["q1"].reviews().len(), 1, "the answer comes back with it");
        assert!(here.progress.items["q1"].at() > here.cleared_at, "stamped after the clear, so it stays");
        let mut replaced = sample();
        replaced.clear_all(NOW + 100_000);
        replaced.replace_with(&backup, NOW + 200_000);
        let days_and_answers = |s: &Store| s.progress.items["q1"].reviews().iter().map(|r| (r.day, r.right)).collect::<Vec<_>>();
        assert_eq!(days_and_answers(&replaced), days_and_answers(&backup), "its reviews, on their days");
        assert_eq!(replaced.progress.items["q1"].memory(), backup.progress.items["q1"].memory());
        assert_eq!(replaced.progress.mistakes(), backup.progress.mistakes());
    }

    #[test]
    fn version_1_progress_is_migrated() {
        let v1 = r#"{"schema_version":1,"last":{"correct":6,"total":10,"finished_at_ms":2000},"best":{"correct":9,"total":10,"finished_at_ms":1000}}"#;
        let s = Store::decode(v1).unwrap();
        assert_eq!(s.attempts_oldest_first().len(), 1);
        assert_eq!(s.last_attempt().unwrap().1.score, Score { correct: 6, total: 10 });
        assert_eq!(s.best_for(&ModeKey::Quick).map(|b| (b.correct, b.finished_at_ms)), Some((9, 1000)));
        assert_eq!(s.last_for(&ModeKey::Quick).map(|b| (b.correct, b.finished_at_ms)), Some((6, 2000)));
        assert!(Store::decode(r#"{"schema_version":1,"last":null,"best":null}"#).is_ok());
        let with_extra = r#"{"schema_version":1,"last":null,"best":null,"extra":1}"#;
        assert!(matches!(Store::decode(with_extra), Err(StoreError::Corrupt(_))));
    }

    #[test]
    fn version_2_progress_is_migrated() {
        let v2 = r#"{"schema_version":2,"attempts":[{"at":1764000200000,"mode":"topic","topic":"principle-3","correct":7,"total":10}],
            "best":{"at":1764000200000,"mode":"topic","topic":"principle-3","correct":7,"total":10},
            "items":{"q1":{"s":3173,"d":5000,"last":20418,"due":20421,"n":1,"lapses":0,"right":1,"wrong":0,"log":[[29400000,1]]}},
            "days":[20417,20418]}"#;
        let s = Store::decode(v2).unwrap();
        let (id, a) = s.last_attempt().unwrap();
        assert_eq!((a.kind.mode, a.score.correct), (Mode::Topic, 7));
        assert_eq!(s.best_for(&ModeKey::Topic("principle-3".into())).unwrap().id, id, "the migrated best points at its attempt");
        assert!(!s.is_new_best(id), "its own archived best is not an earlier score");
        assert_eq!(s.progress.items["q1"].at(), 29_400_000 * 60_000, "an item's time comes from its log");
        assert_eq!(s.progress.streak(20_418), 2);
        for (from, to) in
            [("\"days\":[20417,20418]", "\"days\":[20418,20418]"), ("\"correct\":7,\"total\":10}],", "\"correct\":11,\"total\":10}],")]
        {
            assert!(matches!(Store::decode(&v2.replacen(from, to, 1)), Err(StoreError::Corrupt(_))), "{to}");
        }
    }

    #[test]
    fn legacy_keys_are_taken_in() {
        let mut s = Store::default();
        let quiz = r#"{"version":2,"mode":"quick","topic":null,"link":null,"items":[{"id":"q1","order":[1,0],"response":null}],"position":0,"answered":false}"#;
        let records = crate::quiz::learner::record::encode(&[record(NOW)]);
        let legacy = || LegacyData { quiz: Some(quiz), records: Some(&records), debrief: Some("{") };
        let unreadable = s.take_in_legacy(legacy(), NOW);
        assert_eq!(unreadable, vec!["debrief"]);
        assert_eq!(s.quizzes_in_progress().len(), 1);
        assert_eq!(s.quizzes_in_progress()[0].1.title, "Quick check");
        assert_eq!(s.records_oldest_first().len(), 1);
        // An old tab writing the same keys again adds no copies.
        s.take_in_legacy(legacy(), NOW + 1000);
        assert_eq!((s.quizzes_in_progress().len(), s.records_oldest_first().len()), (1, 1));
    }

    #[test]
    fn junk_newer_and_oversized_text_is_reported() {
        for text in ["{", "null", "[]", "42", "\"x\"", "", "{}", r#"{"schema_version":"3"}"#, r#"{"schema_version":0}"#] {
            assert!(matches!(Store::decode(text), Err(StoreError::Corrupt(_))), "{text}");
        }
        assert_eq!(Store::decode(r#"{"schema_version":7,"anything":true}"#), Err(StoreError::FromNewerVersion(7)));
        // Version 3 (before times kept their offset) is read as it is.
        let mut s = Store::default();
        s.finish_quiz("a", Attempt { offset_minutes: None, ..attempt(7, NOW) }, NOW, TODAY);
        let v3 = s.encode().replace("\"schema_version\":6", "\"schema_version\":3");
        let back = Store::decode(&v3).unwrap();
        assert_eq!((back.schema_version, back.attempts.get("a").map(|a| a.offset_minutes)), (SCHEMA_VERSION, Some(None)));
        assert_eq!(
            Store::decode(&s.encode().replace("\"schema_version\":6", "\"schema_version\":0")),
            Err(StoreError::Corrupt("unknown schema_version"))
        );
        assert!(matches!(Store::decode(&" ".repeat(MAX_STORED_BYTES + 1)), Err(StoreError::Corrupt(_))));
        let good = sample().encode();
        let extra = good.replacen("\"cleared_at\"", "\"extra\":1,\"cleared_at\"", 1);
        assert!(matches!(Store::decode(&extra), Err(StoreError::Corrupt(_))), "unknown fields are refused");
    }

    /// 160,000 keys in 2 MB: read (or refused) in linear time.
    #[test]
    fn a_two_megabyte_file_of_160000_keys_is_read_quickly() {
        let mut text =
            String::from("{\"schema_version\":3,\"cleared_at\":0,\"progress\":{\"items\":{},\"days\":{},\"best\":null},\"attempts\":[");
        for n in 0..160_000 {
            text.push_str(&format!("{{\"id\":\"{n:x}\",\"at\":1}},"));
        }
        text.pop();
        text.push_str("]}");
        assert!(text.len() > 2_000_000, "{}", text.len());
        let started = std::time::Instant::now();
        let result = Store::decode(&text);
        let took = started.elapsed();
        assert!(result.is_err());
        assert!(took.as_secs_f64() < 1.0, "took {took:?}");
    }
}
