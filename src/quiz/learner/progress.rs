//! What the person has learnt: the answers and spaced-review memory of each
//! question or flip card, the days they practised, and the best and latest
//! scores of attempts no longer kept (the [`Archive`]).
//!
//! This is one part of the [`Store`](crate::quiz::saved::store::Store); finished attempts,
//! quizzes in progress and records live beside it there. Every part carries
//! the time it last changed, so two tabs' copies merge without either
//! overwriting the other, and "Clear my data" (a clear marker with its time)
//! is never undone by merging older data.
//!
//! **Items keep their history.** Each question or flip card keeps every
//! answer as a [`Review`] (its time in ms, right or wrong, and the local day
//! number it was on), on top of a [`Base`] for what came before reviews were
//! kept (an item stored by version 5, with its memory, totals and last
//! [`LOG_KEPT`] answers without days). Its schedule, totals and time are
//! worked out from these alone: the reviews replayed in time order with the
//! default [`Scheduler`] from the base. So two devices' copies of an item
//! merge into the union of their reviews on the newer base, replayed
//! ([`ItemRecord::merged`]): commutative, associative and idempotent, and no
//! review is lost (tests/native/merge_history.rs). Of two bases only the
//! newer is kept: version 5 kept totals, not answers, so two devices'
//! progress from before the update cannot be added up answer by answer.
//!
//! Growth is bounded: each item keeps its last [`REVIEWS_KEPT`] reviews (the
//! oldest past that are folded into its base, living on in its memory and
//! totals), about 28 bytes each as stored: 150 questions answered 30 times
//! each store in about 125 KB, and every item at the cap in about 1.2 MB of
//! the 5 MB local storage holds. [`DAYS_KEPT`] days of practice are kept,
//! and the [`Archive`] keeps a few scores per mode key.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::schedule::{Memory, Scheduler};
use crate::quiz::run::attempt::ScoreRecord;
use crate::quiz::run::session::{Mode, QuizKind};

/// Reviews kept for each item (every answer, with its time and day); past
/// this the oldest are folded into the item's [`Base`]. A question answered
/// 200 times is rare: 30 answers a day for five years, spread over every
/// question, is about 300 each.
pub const REVIEWS_KEPT: usize = 200;
/// Answers a [`Base`] keeps in its log (as version 5 kept for each item).
pub const LOG_KEPT: usize = 10;
/// Days of practice kept, for streaks.
pub const DAYS_KEPT: usize = 400;

/// Day numbers outside these (2016 to 2189) are not dates this app wrote.
pub(crate) const SANE_DAYS: std::ops::RangeInclusive<i64> = 16_800..=80_000;
const SANE_COUNT: u32 = 1_000_000;

/// Which scores are compared with each other for a best score, and looked at
/// together for the last score: the "mode key" of an attempt.
///
/// One per kind of quiz, except that each topic has its own, and each
/// trainer's quiz link has its own (its [`QuizSpec::id`](crate::quiz::links::link::QuizSpec::id),
/// 8 hex digits, the same on every phone), so only retakes of the same link
/// are compared. Mistakes and spaced reviews re-ask a few chosen questions, so
/// their scores never count for a best ([`ModeKey::counts_for_best`]); they
/// still have a last score.
///
/// Stored as text: `"quick"`, `"assessment"`, `"mistakes"`, `"review"`,
/// `"topic:<topic id>"` or `"trainer:<quiz id>"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum ModeKey {
    Quick,
    Assessment,
    /// A topic quiz, by topic id.
    Topic(String),
    /// A trainer's quiz, by the quiz id of its link.
    Trainer(String),
    Mistakes,
    Review,
}

impl ModeKey {
    /// The mode key of a quiz of this kind.
    pub fn of(kind: &QuizKind) -> ModeKey {
        match kind.mode {
            Mode::Quick => ModeKey::Quick,
            Mode::Assessment => ModeKey::Assessment,
            Mode::Topic => ModeKey::Topic(kind.topic.clone().unwrap_or_default()),
            Mode::Trainer => ModeKey::Trainer(kind.link.as_ref().map(|link| link.id()).unwrap_or_default()),
            Mode::Mistakes => ModeKey::Mistakes,
            Mode::Review => ModeKey::Review,
        }
    }

    /// True if a quiz of this kind has this mode key (as `ModeKey::of(kind) == *self`).
    pub fn is_of(&self, kind: &QuizKind) -> bool {
        match self {
            ModeKey::Topic(topic) => kind.mode == Mode::Topic && kind.topic.as_deref().unwrap_or_default() == topic,
            ModeKey::Trainer(quiz) => kind.mode == Mode::Trainer && kind.link.as_ref().map(|link| link.id()).unwrap_or_default() == *quiz,
            key => kind.mode == key.mode(),
        }
    }

    /// The mode key of a score with no link (`None` for a trainer's quiz,
    /// whose quiz id a score does not hold): for scores from before mode keys.
    fn of_score(score: &ScoreRecord) -> Option<ModeKey> {
        (score.mode != Mode::Trainer).then(|| ModeKey::of(&QuizKind::new(score.mode, score.topic.clone())))
    }

    /// The kind of quiz.
    pub fn mode(&self) -> Mode {
        match self {
            ModeKey::Quick => Mode::Quick,
            ModeKey::Assessment => Mode::Assessment,
            ModeKey::Topic(_) => Mode::Topic,
            ModeKey::Trainer(_) => Mode::Trainer,
            ModeKey::Mistakes => Mode::Mistakes,
            ModeKey::Review => Mode::Review,
        }
    }

    /// False for mistakes and spaced reviews: their scores say little (they
    /// re-ask what was got wrong or is due), so they are never a best.
    pub fn counts_for_best(&self) -> bool {
        !matches!(self, ModeKey::Mistakes | ModeKey::Review)
    }

    /// True if `score` could be of this key (its mode, and for a topic its topic).
    fn fits(&self, score: &ScoreRecord) -> bool {
        match self {
            ModeKey::Topic(topic) => score.mode == Mode::Topic && score.topic.as_deref().unwrap_or_default() == topic,
            key => score.mode == key.mode(),
        }
    }
}

impl From<ModeKey> for String {
    fn from(key: ModeKey) -> String {
        match key {
            ModeKey::Quick => "quick".into(),
            ModeKey::Assessment => "assessment".into(),
            ModeKey::Topic(topic) => format!("topic:{topic}"),
            ModeKey::Trainer(quiz) => format!("trainer:{quiz}"),
            ModeKey::Mistakes => "mistakes".into(),
            ModeKey::Review => "review".into(),
        }
    }
}

impl TryFrom<String> for ModeKey {
    type Error = &'static str;

    fn try_from(text: String) -> Result<ModeKey, &'static str> {
        Ok(match text.as_str() {
            "quick" => ModeKey::Quick,
            "assessment" => ModeKey::Assessment,
            "mistakes" => ModeKey::Mistakes,
            "review" => ModeKey::Review,
            _ => match text.split_once(':') {
                Some(("topic", topic)) => ModeKey::Topic(topic.to_owned()),
                Some(("trainer", quiz)) => ModeKey::Trainer(quiz.to_owned()),
                _ => return Err("not a mode key"),
            },
        })
    }
}

/// The score of one attempt dropped for space (or from versions 1 to 3), in the [`Archive`].
///
/// Stored as `{"key": mode key, "at": ms, "score": score}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archived {
    /// Whose score it is: the mode key of its attempt.
    pub key: ModeKey,
    /// When its attempt's entry last changed, in ms since the Unix epoch
    /// (for scores from versions 1 to 3, when it finished). "Clear my data"
    /// at or after it forgets it.
    pub at: u64,
    /// The attempt's score, with its id and finish time.
    pub score: ScoreRecord,
}

impl Archived {
    /// True if `self` makes `other` (of the same key) needless: changed no
    /// earlier, and no lower in [`ScoreRecord::rank`]. Whatever a clear
    /// forgets of `self` it forgets of `other` too, and `self` is as good a
    /// best and as late a last.
    fn covers(&self, other: &Archived) -> bool {
        self.at >= other.at && ScoreRecord::rank(&self.score, &other.score) != Ordering::Less
    }

    /// The order of the archive: by key, then by time of change.
    fn position(&self, other: &Archived) -> Ordering {
        self.key.cmp(&other.key).then(self.at.cmp(&other.at))
    }
}

/// The scores of attempts no longer kept (dropped for space, or from
/// versions 1 to 3), from which the store works out the best and last score
/// of each mode key together with the attempts it keeps (`Store::best_for`,
/// `Store::last_for`).
///
/// **What is kept.** For each mode key, every score that no score changed
/// later (or at the same time) matches or beats in [`ScoreRecord::rank`]: a
/// staircase, later scores lower. The first of a key's scores is the best of
/// its dropped attempts, and the last is the latest. Keeping only the single
/// best would not do: after "Clear my data" forgets the best, the best of
/// what came after the clear must still be there, whatever order tabs merged
/// in. Merging is the same rule over both copies' scores, so it is
/// commutative, associative and idempotent, and forgetting everything up to
/// a time gives the same whether done before or after a merge. A key's
/// scores strictly fall from one to the next, so it keeps at most as many as
/// the different proportions right it was scored with (a handful for a
/// 10-question quiz), and there is one key per topic or trainer's quiz link
/// whose attempts were dropped: a few KB at most.
///
/// **Stored** under `"best"`: `null` when empty, and a single score when it
/// holds one score that reads back exactly from version 3's shape (below),
/// so that what most people have stays readable by a tab of the older
/// version still open; else a JSON array of [`Archived`], sorted by key then
/// `at`. Version 3's single score
/// (`"best": {"id", "at", "mode", "topic", "correct", "total"}`, the best of
/// every mode's dropped attempts) is still read: it becomes a score of its
/// own mode key, with `at` its finish time (it beat every other dropped
/// attempt, so also those of its key). A trainer's quiz, or a mistakes or
/// spaced-review score, there is dropped: the first has no quiz id to be
/// keyed by, the others never count for a best (and it was not their last).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Archive(Vec<Archived>);

impl Serialize for Archive {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [] => serializer.serialize_none(),
            // As version 3 wrote it, when that reads back exactly.
            [one] if Archive::from_one_best(Some(one.score.clone())) == *self => one.score.serialize(serializer),
            scores => scores.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for Archive {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Archive, D::Error> {
        /// Either shape, told apart by JSON type: an array, or a score or null (version 3's one best).
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Stored {
            Scores(Vec<Archived>),
            OneBest(Option<ScoreRecord>),
        }
        Ok(match Stored::deserialize(deserializer)? {
            Stored::Scores(scores) => Archive(scores),
            Stored::OneBest(best) => Archive::from_one_best(best),
        })
    }
}

impl Archive {
    /// The archive for the single best score that versions 1 to 3 kept (see [`Archive`]).
    pub(crate) fn from_one_best(best: Option<ScoreRecord>) -> Archive {
        let mut archive = Archive::default();
        if let Some(score) = best {
            match ModeKey::of_score(&score) {
                Some(key) if key.counts_for_best() => archive.0.push(Archived { key, at: score.finished_at_ms, score }),
                _ => {}
            }
        }
        archive
    }

    /// Every score kept, sorted by key, then by time of change.
    pub fn entries(&self) -> &[Archived] {
        &self.0
    }

    /// The scores kept of mode key `key`, best (and earliest changed) first, latest last.
    pub fn of_key<'a>(&'a self, key: &ModeKey) -> &'a [Archived] {
        let start = self.0.partition_point(|a| a.key < *key);
        let end = self.0.partition_point(|a| a.key <= *key);
        &self.0[start..end]
    }

    /// The best score of key `key`'s attempts no longer kept (highest [`ScoreRecord::rank`]).
    pub fn best(&self, key: &ModeKey) -> Option<&ScoreRecord> {
        self.of_key(key).first().map(|a| &a.score)
    }

    /// The latest score of key `key`'s attempts no longer kept (the last changed).
    pub fn last(&self, key: &ModeKey) -> Option<&ScoreRecord> {
        self.of_key(key).last().map(|a| &a.score)
    }

    /// Takes in one score, unless one already kept covers it, dropping those it covers.
    fn add(&mut self, entry: Archived) {
        let same_key = |a: &Archived| a.key == entry.key;
        if self.0.iter().any(|a| same_key(a) && a.covers(&entry)) {
            return;
        }
        self.0.retain(|a| !(same_key(a) && entry.covers(a)));
        let at = self.0.partition_point(|a| a.position(&entry) == Ordering::Less);
        self.0.insert(at, entry);
    }

    /// Keeps the score of an attempt dropped for space, of mode key `key`,
    /// whose entry last changed at `changed_at_ms`.
    pub fn keep(&mut self, key: ModeKey, changed_at_ms: u64, score: ScoreRecord) {
        self.add(Archived { key, at: changed_at_ms, score });
    }

    /// Takes in another copy's scores (see [`Archive`]).
    fn merge(&mut self, other: &Archive) {
        for entry in &other.0 {
            self.add(entry.clone());
        }
    }

    /// Forgets what changed at or before `cleared_at_ms`.
    fn forget_until(&mut self, cleared_at_ms: u64) {
        self.0.retain(|a| a.at > cleared_at_ms);
    }

    /// Moves every time of change to `after_ms` or later (for a backup taken
    /// in after a clear), keeping each key's scores in their order: the `n`th
    /// of a key (from 0) changes at `after_ms + n` or later, so none covers another.
    pub(crate) fn restamp(&mut self, after_ms: u64) {
        let mut nth = 0;
        for n in 0..self.0.len() {
            nth = if n > 0 && self.0[n - 1].key == self.0[n].key { nth + 1 } else { 0 };
            self.0[n].at = self.0[n].at.max(after_ms + nth);
        }
    }

    /// As this app writes it: every score sane and of its key, sorted by key,
    /// and each key's scores a staircase (later changed, strictly lower rank).
    /// Linear in its length.
    fn is_sane(&self) -> bool {
        let ordered = self.0.windows(2).all(|w| match w[0].key.cmp(&w[1].key) {
            Ordering::Less => true,
            Ordering::Equal => w[0].at < w[1].at && ScoreRecord::rank(&w[1].score, &w[0].score) == Ordering::Less,
            Ordering::Greater => false,
        });
        ordered && self.0.iter().all(|a| a.score.is_sane() && a.key.fits(&a.score))
    }

    /// The latest change, in ms.
    fn latest_ms(&self) -> u64 {
        self.0.iter().map(|a| a.at).max().unwrap_or(0)
    }

    /// Calls `f` on every time kept here, in ms (see [`Progress::each_time`]).
    fn each_time(&mut self, f: &mut dyn FnMut(&mut u64)) {
        for archived in &mut self.0 {
            f(&mut archived.at);
            f(&mut archived.score.finished_at_ms);
        }
    }
}

/// One answer to a question or flip card: when, on which local day, and
/// whether it was right. Ordered by time (then day, then right), which is
/// the order reviews are replayed in. Two copies with the same time, day and
/// right are one answer.
///
/// Stored as `[ms since the Unix epoch, 1 for right or 0 for wrong, local
/// day number]`, with a fourth, `taken_in`, when it is not 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Review {
    /// When it was answered, in ms since the Unix epoch (on its device, each
    /// answer to an item is stamped after the one before).
    pub at: u64,
    /// The device's local day number then (days since 1970-01-01 in its
    /// time zone): what the scheduler counts in. It cannot be worked out
    /// again later without the time zone of the day.
    pub day: i64,
    /// True if answered right, false if wrong.
    pub right: bool,
    /// When it was taken in from a backup after this device's "Clear my
    /// data", in ms since the Unix epoch (later than `at`), or 0. A clear
    /// forgets an answer only if both times are at or before it; the answer
    /// keeps its own time, so it is still the same answer as the other
    /// device's copy of it.
    pub taken_in: u64,
}

impl Review {
    /// What makes it this answer: its time, day and right or wrong.
    fn key(&self) -> (u64, i64, bool) {
        (self.at, self.day, self.right)
    }

    /// The time "Clear my data" goes by, in ms: its own, or when it was taken in.
    pub fn stamp(&self) -> u64 {
        self.at.max(self.taken_in)
    }
}

impl Serialize for Review {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        LogEntry::New(self.at, u8::from(self.right), self.day, self.taken_in).serialize(serializer)
    }
}

/// What an item was before the reviews it keeps: an item as version 5
/// stored it (its memory and totals, with up to [`LOG_KEPT`] answers
/// without their days), or the oldest reviews folded together once an item
/// has more than [`REVIEWS_KEPT`].
///
/// A base from version 5 holds no review: reviews are only written since,
/// and version 5 could never read them. So every review of either copy is
/// replayed on it in a merge, even one from before its time (another
/// device's, answered after that device was updated). A folded base holds
/// the reviews at or before its `at` that its device had, so those are not
/// replayed on it again.
#[derive(Debug, Clone, PartialEq)]
pub struct Base {
    /// Its latest answer, in ms since the Unix epoch.
    pub at: u64,
    /// The schedule after its answers.
    pub memory: Memory,
    /// Its answers right.
    pub right: u32,
    /// Its answers wrong.
    pub wrong: u32,
    /// Its latest answers, oldest first: (minute since the epoch, right?); at most [`LOG_KEPT`].
    pub log: Vec<(u64, bool)>,
    /// True if made by folding reviews (then it holds every review at or
    /// before `at`); false if read from version 5's form.
    pub folded: bool,
    /// When it was taken in from a backup after a clear, in ms (later than
    /// `at`), or 0 (see [`Review::taken_in`]).
    pub taken_in: u64,
}

impl Base {
    /// The order that decides which of two bases a merge keeps: the later,
    /// then every other field, so every tab picks the same.
    #[allow(clippy::type_complexity)]
    fn newness(&self) -> ((u64, i64, u32, u32, i64), (u64, u64, u32, u32, (bool, u64)), &[(u64, bool)]) {
        let m = &self.memory;
        (
            (self.at, m.last_review_day, m.reviews, m.lapses, m.due_day),
            (m.stability.to_bits(), m.difficulty.to_bits(), self.right, self.wrong, (self.folded, self.taken_in)),
            &self.log,
        )
    }

    /// The time "Clear my data" goes by, in ms: its own, or when it was taken in.
    pub fn stamp(&self) -> u64 {
        self.at.max(self.taken_in)
    }

    /// The time up to which it holds every review: its `at` if folded, else none.
    fn holds_until(&self) -> Option<u64> {
        self.folded.then_some(self.at)
    }
}

/// Everything kept about one question or flip card: its reviews (every
/// answer, with its time and local day), on top of a [`Base`] for answers
/// from before reviews were kept (version 5 and older) or folded in for
/// space. The memory (the schedule), the totals and the time of the latest
/// answer are worked out from these alone, by replaying the reviews in
/// time order with the default [`Scheduler`] from the base's memory.
///
/// **Stored** as `{"at", "s", "d", "last", "due", "n", "lapses", "right",
/// "wrong", "log"}`, as version 5 stored it: stability and difficulty in
/// whole thousandths, days as day numbers. The log is the reviews, each
/// `[ms, 1 or 0, day]` (see [`Review`]); when there is a base, it is under
/// `"base"`, in version 5's form (with `"folded": true` if folded). An item
/// that is only a base is written exactly as version 5 wrote it (its log
/// `[minute, 1 or 0]` pairs), and any such item reads as a base. The memory and totals written beside the
/// reviews are there to be read by people and other tools: reading works
/// them out again from the reviews (they are checked only for range).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredItem", try_from = "StoredItem")]
pub struct ItemRecord {
    base: Option<Base>,
    /// Sorted, each once, every one after the base's `at`; at most [`REVIEWS_KEPT`].
    reviews: Vec<Review>,
    // Worked out from the two above (see `ItemRecord::from_parts`).
    at: u64,
    memory: Memory,
    right: u32,
    wrong: u32,
}

/// How an [`ItemRecord`] (or its base) is written down (see there).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredItem {
    /// Missing in version 2; then taken from the log.
    #[serde(default)]
    at: Option<u64>,
    s: u64,
    d: u64,
    last: i64,
    due: i64,
    n: u32,
    lapses: u32,
    right: u32,
    wrong: u32,
    log: Vec<LogEntry>,
    /// Only beside reviews: what the item was before them, in version 5's form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<Box<StoredItem>>,
    /// Only on a base folded from reviews (see [`Base::folded`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    folded: bool,
    /// Only on a base taken in from a backup after a clear (see [`Base::taken_in`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    taken: u64,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One entry of a stored log: `[minute, 1 or 0]` as version 5 wrote it, or
/// a [`Review`] (`[ms, 1 or 0, day]`, and its `taken_in` if not 0).
enum LogEntry {
    Old(u64, u8),
    New(u64, u8, i64, u64),
}

impl Serialize for LogEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            LogEntry::Old(minute, right) => (minute, right).serialize(serializer),
            LogEntry::New(ms, right, day, 0) => (ms, right, day).serialize(serializer),
            LogEntry::New(ms, right, day, taken_in) => (ms, right, day, taken_in).serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for LogEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LogEntry, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = LogEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("[minute, 0 or 1] or [ms, 0 or 1, day] or [ms, 0 or 1, day, ms]")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<LogEntry, A::Error> {
                use serde::de::Error;
                let time: u64 = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let right: u8 = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(1, &self))?;
                let entry = match seq.next_element::<i64>()? {
                    None => LogEntry::Old(time, right),
                    Some(day) => match seq.next_element::<u64>()? {
                        // Written only when not 0.
                        Some(0) => return Err(A::Error::invalid_value(serde::de::Unexpected::Unsigned(0), &self)),
                        taken_in => LogEntry::New(time, right, day, taken_in.unwrap_or(0)),
                    },
                };
                if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    return Err(A::Error::invalid_length(5, &self));
                }
                Ok(entry)
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}

impl StoredItem {
    /// Version 5's form of a base (with no base of its own).
    fn of_base(b: &Base) -> StoredItem {
        let old = b.log.iter().map(|&(minute, right)| LogEntry::Old(minute, u8::from(right))).collect();
        StoredItem { folded: b.folded, taken: b.taken_in, ..StoredItem::summary(b.at, &b.memory, b.right, b.wrong, old) }
    }

    fn summary(at: u64, m: &Memory, right: u32, wrong: u32, log: Vec<LogEntry>) -> StoredItem {
        StoredItem {
            at: Some(at),
            s: (m.stability * 1000.0).round() as u64,
            d: (m.difficulty * 1000.0).round() as u64,
            last: m.last_review_day,
            due: m.due_day,
            n: m.reviews,
            lapses: m.lapses,
            right,
            wrong,
            log,
            base: None,
            folded: false,
            taken: 0,
        }
    }

    /// True if the memory and totals are in range (as this app writes them).
    fn summary_sane(&self) -> bool {
        let counts_sane = [self.n, self.lapses, self.right, self.wrong].iter().all(|&n| n <= SANE_COUNT);
        (1..=100_000_000).contains(&self.s)
            && (1000..=10_000).contains(&self.d)
            && SANE_DAYS.contains(&self.last)
            && SANE_DAYS.contains(&self.due)
            && self.due >= self.last
            && counts_sane
    }

    /// Reads it as a base: version 5's form, checked as version 5 did.
    fn into_base(self) -> Result<Base, &'static str> {
        let mut log = Vec::with_capacity(self.log.len());
        for entry in &self.log {
            match *entry {
                LogEntry::Old(minute, right) if right <= 1 => log.push((minute, right == 1)),
                _ => return Err("not an item this app wrote"),
            }
        }
        let at = self.at.unwrap_or_else(|| log.last().map_or(0, |&(minute, _)| minute.saturating_mul(60_000)));
        if !self.summary_sane() || self.base.is_some() || log.len() > LOG_KEPT || (self.taken != 0 && self.taken <= at) {
            return Err("not an item this app wrote");
        }
        Ok(Base {
            at,
            memory: Memory {
                stability: self.s as f64 / 1000.0,
                difficulty: self.d as f64 / 1000.0,
                last_review_day: self.last,
                due_day: self.due,
                reviews: self.n,
                lapses: self.lapses,
            },
            right: self.right,
            wrong: self.wrong,
            log,
            folded: self.folded,
            taken_in: self.taken,
        })
    }
}

impl From<ItemRecord> for StoredItem {
    fn from(r: ItemRecord) -> StoredItem {
        match (&r.base, r.reviews.is_empty()) {
            // Only a base: exactly as version 5 wrote it.
            (Some(base), true) => StoredItem::of_base(base),
            _ => {
                let log = r.reviews.iter().map(|v| LogEntry::New(v.at, u8::from(v.right), v.day, v.taken_in)).collect();
                let mut stored = StoredItem::summary(r.at, &r.memory, r.right, r.wrong, log);
                stored.base = r.base.as_ref().map(|b| Box::new(StoredItem::of_base(b)));
                stored
            }
        }
    }
}

impl TryFrom<StoredItem> for ItemRecord {
    type Error = &'static str;

    fn try_from(mut s: StoredItem) -> Result<ItemRecord, &'static str> {
        const NOT_OURS: &str = "not an item this app wrote";
        let old = s.log.iter().all(|e| matches!(e, LogEntry::Old(..)));
        if old && s.base.is_none() {
            // Version 5's form (or older): all of it is a base.
            let base = s.into_base()?;
            return ItemRecord::from_parts(Some(base), Vec::new()).ok_or(NOT_OURS);
        }
        if !s.summary_sane() || s.folded || s.taken != 0 || s.log.is_empty() || s.log.len() > REVIEWS_KEPT {
            return Err(NOT_OURS);
        }
        let mut reviews = Vec::with_capacity(s.log.len());
        for entry in &s.log {
            match *entry {
                LogEntry::New(at, right, day, taken_in) if right <= 1 && SANE_DAYS.contains(&day) && (taken_in == 0 || taken_in > at) => {
                    reviews.push(Review { at, day, right: right == 1, taken_in })
                }
                _ => return Err(NOT_OURS),
            }
        }
        let base = s.base.take().map(|b| b.into_base()).transpose()?;
        let after_base = base.as_ref().and_then(Base::holds_until).is_none_or(|at| reviews[0].at > at);
        if !after_base || reviews.windows(2).any(|w| w[0].key() >= w[1].key()) {
            return Err(NOT_OURS);
        }
        // What is written beside the reviews is worked out again from them.
        ItemRecord::from_parts(base, reviews).ok_or(NOT_OURS)
    }
}

/// The latest time "Clear my data" goes by of a base and reviews, in ms (0 if none).
fn latest_stamp(base: Option<&Base>, reviews: &[Review]) -> u64 {
    reviews.iter().map(Review::stamp).chain(base.map(Base::stamp)).max().unwrap_or(0)
}

/// One replayed answer: the scheduler's next memory, rounded to whole
/// thousandths as stored, so what is in memory is exactly what a reload reads.
fn replay_one(scheduler: &Scheduler, memory: Option<&Memory>, review: &Review) -> Memory {
    let mut next = scheduler.review(memory, review.day, review.right);
    next.stability = thousandths(next.stability).max(0.001);
    next.difficulty = thousandths(next.difficulty).clamp(1.0, 10.0);
    next
}

impl ItemRecord {
    /// The item made of `base` and `reviews` (any order, repeats allowed):
    /// the reviews sorted and each kept once, those a folded base holds (at
    /// or before its time) dropped, the oldest folded into the base past
    /// [`REVIEWS_KEPT`], and the memory and totals replayed. `None` when
    /// nothing is left.
    pub fn from_parts(base: Option<Base>, mut reviews: Vec<Review>) -> Option<ItemRecord> {
        // An insertion sort: reviews come as one or two lists already in
        // order, where it is linear, and the standard library's sort on this
        // type measured 0.7 KB brotli more wasm.
        for i in 1..reviews.len() {
            let mut j = i;
            while j > 0 && reviews[j - 1] > reviews[j] {
                reviews.swap(j - 1, j);
                j -= 1;
            }
        }
        // One answer in two copies: the later time it was taken in (sorted last).
        reviews.dedup_by(|later, kept| {
            let same = later.key() == kept.key();
            if same {
                kept.taken_in = kept.taken_in.max(later.taken_in);
            }
            same
        });
        if let Some(at) = base.as_ref().and_then(Base::holds_until) {
            reviews.retain(|r| r.at > at);
        }
        let base = if reviews.len() > REVIEWS_KEPT {
            // Fold the oldest into the base, never splitting reviews at one time.
            let mut fold = reviews.len() - REVIEWS_KEPT;
            while fold < reviews.len() && reviews[fold].at == reviews[fold - 1].at {
                fold += 1;
            }
            let folded = ItemRecord::replayed(base, reviews.drain(..fold).collect());
            let mut log = folded.base.as_ref().map_or_else(Vec::new, |b| b.log.clone());
            log.extend(folded.reviews.iter().map(|r| (r.at / 60_000, r.right)));
            log.drain(..log.len().saturating_sub(LOG_KEPT));
            let at = folded.reviews.last().map_or(0, |r| r.at).max(folded.base.as_ref().map_or(0, |b| b.at));
            let taken_in = if folded.at > at { folded.at } else { 0 };
            Some(Base { at, memory: folded.memory, right: folded.right, wrong: folded.wrong, log, folded: true, taken_in })
        } else {
            base
        };
        (base.is_some() || !reviews.is_empty()).then(|| ItemRecord::replayed(base, reviews))
    }

    /// Works out the memory, totals and time from `base` and `reviews` (sorted, after the base).
    fn replayed(base: Option<Base>, reviews: Vec<Review>) -> ItemRecord {
        let scheduler = Scheduler::default();
        let mut memory = base.as_ref().map(|b| b.memory);
        let (mut right, mut wrong) = base.as_ref().map_or((0, 0), |b| (b.right, b.wrong));
        for review in &reviews {
            memory = Some(replay_one(&scheduler, memory.as_ref(), review));
            if review.right {
                right = u32::saturating_add(right, 1);
            } else {
                wrong = u32::saturating_add(wrong, 1);
            }
        }
        let at = latest_stamp(base.as_ref(), &reviews);
        // A record is made only from a base or at least one review, so there is a memory.
        let memory = memory.unwrap_or(Memory { stability: 0.001, difficulty: 1.0, last_review_day: 0, due_day: 0, reviews: 0, lapses: 0 });
        ItemRecord { base, reviews, at, memory, right, wrong }
    }

    /// When it was last answered, in ms since the Unix epoch.
    pub fn at(&self) -> u64 {
        self.at
    }

    /// The schedule: stability and difficulty, and the day numbers of the last review and the next.
    pub fn memory(&self) -> &Memory {
        &self.memory
    }

    /// Answers right, over all time (the base's and the reviews').
    pub fn right(&self) -> u32 {
        self.right
    }

    /// Answers wrong, over all time (the base's and the reviews').
    pub fn wrong(&self) -> u32 {
        self.wrong
    }

    /// What it was before the reviews kept, if anything (see [`Base`]).
    pub fn base(&self) -> Option<&Base> {
        self.base.as_ref()
    }

    /// Every answer kept with its day, oldest first (see [`Review`]).
    pub fn reviews(&self) -> &[Review] {
        &self.reviews
    }

    /// Whether the latest answer was right (`None` if no answer is known):
    /// the latest review's, unless the base is later (a version 5 base
    /// newer than another device's review).
    pub fn last_answer_right(&self) -> Option<bool> {
        let of_base = || self.base.as_ref()?.log.last().map(|&(_, right)| right);
        match (self.reviews.last(), &self.base) {
            (Some(review), Some(base)) if base.at > review.at => of_base(),
            (Some(review), _) => Some(review.right),
            (None, _) => of_base(),
        }
    }

    /// One more answer at `now_ms` on local day `today`: stamped after the
    /// latest answer (a later answer always sorts later, even if the clock
    /// went back), so replaying gives what `scheduler` gives for it now.
    fn answer(&mut self, right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) {
        let review = Review { at: now_ms.max(self.at + 1), day: today, right, taken_in: 0 };
        self.memory = replay_one(scheduler, Some(&self.memory), &review);
        self.at = review.at;
        if right {
            self.right = self.right.saturating_add(1);
        } else {
            self.wrong = self.wrong.saturating_add(1);
        }
        self.reviews.push(review);
        if self.reviews.len() > REVIEWS_KEPT {
            let (base, reviews) = (self.base.take(), std::mem::take(&mut self.reviews));
            *self = ItemRecord::from_parts(base, reviews).unwrap_or_else(|| unreachable!("a review was just added"));
        }
    }

    /// The first answer to this item, as a record.
    fn first(right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) -> ItemRecord {
        let review = Review { at: now_ms, day: today, right, taken_in: 0 };
        let memory = replay_one(scheduler, None, &review);
        ItemRecord { base: None, reviews: vec![review], at: now_ms, memory, right: u32::from(right), wrong: u32::from(!right) }
    }

    /// Two copies of an item combined: every review of either, once, in time
    /// order, on the newer base (or none if neither has one), then replayed.
    /// Commutative, associative and idempotent, and no review is lost, short
    /// of folding past [`REVIEWS_KEPT`]: a folded base is taken to hold the
    /// reviews at or before its time. Of two bases (two devices' progress
    /// from version 5) only the newer is kept: they cannot be told apart
    /// answer by answer.
    pub fn merged(&self, other: &ItemRecord) -> ItemRecord {
        if self == other {
            return self.clone();
        }
        let base = match (&self.base, &other.base) {
            (Some(a), Some(b)) => Some(if b.newness() > a.newness() { b } else { a }.clone()),
            (a, b) => a.as_ref().or(b.as_ref()).cloned(),
        };
        let reviews = self.reviews.iter().chain(&other.reviews).copied().collect();
        ItemRecord::from_parts(base, reviews).unwrap_or_else(|| self.clone())
    }

    /// This item without what was answered at or before `cleared_at_ms`
    /// ("Clear my data"): `None` if nothing is left.
    fn forget_until(&self, cleared_at_ms: u64) -> Option<ItemRecord> {
        let earliest = self.reviews.iter().map(Review::stamp).chain(self.base.as_ref().map(Base::stamp)).min().unwrap_or(0);
        if earliest > cleared_at_ms {
            return Some(self.clone());
        }
        let base = self.base.clone().filter(|b| b.stamp() > cleared_at_ms);
        ItemRecord::from_parts(base, self.reviews.iter().filter(|r| r.stamp() > cleared_at_ms).copied().collect())
    }

    /// Marks everything from before `after_ms` as taken in at `after_ms` (a
    /// backup taken in after a clear; see [`Review::taken_in`]), so the clear
    /// does not forget it. The answers keep their own times, so a copy of
    /// the same answer from elsewhere is still known as the same.
    pub(crate) fn restamp(&mut self, after_ms: u64) {
        if let Some(base) = self.base.as_mut().filter(|b| b.stamp() < after_ms) {
            base.taken_in = after_ms;
        }
        for review in self.reviews.iter_mut().filter(|r| r.stamp() < after_ms) {
            review.taken_in = after_ms;
        }
        self.at = latest_stamp(self.base.as_ref(), &self.reviews);
    }

    /// Calls `f` on every time kept, in ms (see [`Progress::each_time`]).
    /// `f` must keep times in their order (as moving later times back to now
    /// does); reviews that it brings to one time are then set apart again,
    /// earlier, so none is lost as a repeat of another.
    fn each_time(&mut self, f: &mut dyn FnMut(&mut u64)) {
        if let Some(base) = &mut self.base {
            f(&mut base.at);
            if base.taken_in != 0 {
                f(&mut base.taken_in);
            }
            for (minute, _) in &mut base.log {
                let mut ms = minute.saturating_mul(60_000);
                f(&mut ms);
                *minute = ms / 60_000;
            }
        }
        let before: Vec<u64> = self.reviews.iter().map(|r| r.at).collect();
        for review in &mut self.reviews {
            f(&mut review.at);
            if review.taken_in != 0 {
                f(&mut review.taken_in);
            }
        }
        for n in (1..self.reviews.len()).rev() {
            let gap = u64::from(before[n - 1] < before[n]);
            self.reviews[n - 1].at = self.reviews[n - 1].at.min(self.reviews[n].at.saturating_sub(gap));
        }
        if let (Some(base), Some(first)) = (&mut self.base, self.reviews.first()) {
            if base.folded {
                base.at = base.at.min(first.at.saturating_sub(1));
            }
        }
        // A time taken in is kept only when later than the answer's own.
        for review in &mut self.reviews {
            if review.taken_in <= review.at {
                review.taken_in = 0;
            }
        }
        if let Some(base) = self.base.as_mut().filter(|b| b.taken_in <= b.at) {
            base.taken_in = 0;
        }
        self.at = latest_stamp(self.base.as_ref(), &self.reviews);
    }

    /// Moves every day back by as much as the latest is after `today` (see
    /// [`Progress::bring_days_back`]), keeping the gaps between them, so the
    /// replayed schedule keeps its intervals.
    fn bring_days_back(&mut self, today: i64) {
        let latest = self.reviews.iter().map(|r| r.day).chain(self.base.as_ref().map(|b| b.memory.last_review_day)).max();
        let ahead = latest.unwrap_or(today) - today;
        if ahead <= 0 {
            return;
        }
        let back = |day: i64| (day - ahead).max(*SANE_DAYS.start());
        if let Some(base) = &mut self.base {
            base.memory.last_review_day = back(base.memory.last_review_day);
            base.memory.due_day = back(base.memory.due_day);
        }
        for review in &mut self.reviews {
            review.day = back(review.day);
        }
        let (base, reviews) = (self.base.take(), std::mem::take(&mut self.reviews));
        *self = ItemRecord::from_parts(base, reviews).unwrap_or_else(|| unreachable!("nothing was removed"));
    }
}

/// The answers, the spaced-review memory, the days practised, and the scores
/// of attempts no longer kept.
///
/// Stored as `{"items": {id: item}, "days": {"day number": ms}, "best": null or [archived]}`
/// (see [`Archive`] for `"best"`, which version 3 also wrote as one score).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// By question id, or `flip-<card>-<n>` for flip cards.
    pub items: BTreeMap<String, ItemRecord>,
    /// Each local day number with practice, and when (ms) the latest practice that day was.
    pub days: BTreeMap<i64, u64>,
    /// The best and latest score of each mode key among attempts no longer
    /// kept (dropped for space, or from older versions); see
    /// `Store::best_for` and `Store::last_for` for those of all attempts.
    /// Stored as `"best"`, its name in version 3.
    #[serde(rename = "best")]
    pub archive: Archive,
}

/// The id under which a flip card's answers are kept.
pub fn flip_item_id(card: &str, index: usize) -> String {
    format!("flip-{card}-{index}")
}

/// Rounds to whole thousandths, as stored, so what is in memory is exactly what a reload reads.
fn thousandths(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

impl Progress {
    /// Notes practice on local day `today` at `now_ms`.
    pub fn mark_day(&mut self, today: i64, now_ms: u64) {
        let at = self.days.entry(today).or_insert(now_ms);
        *at = (*at).max(now_ms);
        while self.days.len() > DAYS_KEPT {
            self.days.pop_first();
        }
    }

    /// Keeps the score of an attempt dropped for space, of mode key `key`,
    /// whose entry last changed at `changed_at_ms` (see [`Archive::keep`]).
    pub fn archive_score(&mut self, key: ModeKey, changed_at_ms: u64, score: ScoreRecord) {
        self.archive.keep(key, changed_at_ms, score);
    }

    /// Records one answer to a question or flip card at `now_ms` (local day
    /// `today`), and schedules its next review.
    ///
    /// The answer is kept as a [`Review`], stamped after the item's latest
    /// answer. `scheduler` must be `Scheduler::default()`: loading and
    /// merging replay reviews with it.
    pub fn record_answer(&mut self, item: &str, right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) {
        match self.items.get_mut(item) {
            Some(record) => record.answer(right, now_ms, today, scheduler),
            None => {
                self.items.insert(item.to_owned(), ItemRecord::first(right, now_ms, today, scheduler));
            }
        }
        self.mark_day(today, now_ms);
    }

    /// Items due for review on `today` (or overdue), most overdue first.
    pub fn due(&self, today: i64) -> Vec<&str> {
        // Day numbers are positive (see SANE_DAYS), so they sort as u64 with the store's own sort.
        let mut due: Vec<(u64, &str)> = self
            .items
            .iter()
            .filter(|(_, r)| r.memory.due_day <= today)
            .map(|(id, r)| (r.memory.due_day.max(0) as u64, id.as_str()))
            .collect();
        due.sort_unstable();
        due.into_iter().map(|(_, id)| id).collect()
    }

    /// Items whose latest answer was wrong.
    pub fn mistakes(&self) -> Vec<&str> {
        self.items.iter().filter(|(_, r)| r.last_answer_right() == Some(false)).map(|(id, _)| id.as_str()).collect()
    }

    /// Mastery of `ids` on `today`, as a whole percentage from 0 to 100: the
    /// mean, over the items, of the chance of still answering each one right.
    ///
    /// An item never answered, or last answered wrong, counts 0. One last
    /// answered right counts the scheduler's recall estimate
    /// ([`Scheduler::retrievability`], FSRS's `(1 + 19/81 · t/S)^-0.5` for `t`
    /// days since the answer and stability `S` days): 100% on the day, 90% on
    /// the day it falls due (`t = S`), and then fading gradually (about 77% at
    /// `t = 3S`, about 55% at `t = 10S`), never to 0. So a topic
    /// fades as its items come due rather than dropping to 0% the day they do.
    /// No ids gives 0.
    pub fn mastery<'a>(&self, ids: impl IntoIterator<Item = &'a str>, today: i64) -> u32 {
        let (sum, count) = ids.into_iter().fold((0.0, 0u32), |(sum, count), id| {
            let known = match self.items.get(id) {
                Some(r) if r.last_answer_right() == Some(true) => Scheduler::retrievability(Some(&r.memory), today),
                _ => 0.0,
            };
            (sum + known, count + 1)
        });
        if count == 0 {
            return 0;
        }
        (sum / f64::from(count) * 100.0).round().clamp(0.0, 100.0) as u32
    }

    /// Consecutive days of practice up to today (or up to yesterday, so a
    /// streak is not lost before today's practice).
    ///
    /// Days after `today` count as today: they were practised somewhere east
    /// of here (or before the clock was put back), so flying west or
    /// correcting a fast clock never breaks a streak.
    pub fn streak(&self, today: i64) -> u32 {
        let mut days = self.days.keys().rev().map(|&d| d.min(today)).peekable();
        let mut day = match days.peek() {
            Some(&last) if last == today || last == today - 1 => last,
            _ => return 0,
        };
        let mut streak = 0;
        for active in days {
            if active == day + 1 {
                // A later day already counted as today.
                continue;
            }
            if active != day {
                break;
            }
            streak += 1;
            day -= 1;
        }
        streak
    }

    /// Combines another copy (another tab's, a backup's) into this one: for
    /// each item every review of both copies, replayed ([`ItemRecord::merged`]),
    /// every day practised, and for each mode key the better best and the
    /// later last score of attempts no longer kept. Commutative, associative
    /// and idempotent, so tabs agree whatever order they merge in.
    pub fn merge(&mut self, other: &Progress) {
        for (id, theirs) in &other.items {
            match self.items.get_mut(id) {
                None => {
                    self.items.insert(id.clone(), theirs.clone());
                }
                Some(ours) => {
                    if ours != theirs {
                        *ours = ours.merged(theirs);
                    }
                }
            }
        }
        for (&day, &at) in &other.days {
            let ours = self.days.entry(day).or_insert(at);
            *ours = (*ours).max(at);
        }
        while self.days.len() > DAYS_KEPT {
            self.days.pop_first();
        }
        self.archive.merge(&other.archive);
    }

    /// Forgets everything from at or before `cleared_at_ms` ("Clear my data").
    pub fn forget_until(&mut self, cleared_at_ms: u64) {
        // Each item keeps only the reviews (and base) after the clear, so an
        // answer from before it never rides back in on a merge.
        self.items.retain(|_, r| r.at > cleared_at_ms);
        for record in self.items.values_mut() {
            if let Some(kept) = record.forget_until(cleared_at_ms) {
                *record = kept;
            }
        }
        self.days.retain(|_, &mut at| at > cleared_at_ms);
        self.archive.forget_until(cleared_at_ms);
    }

    /// Checks what serde cannot: sane day numbers, and the archive's scores sane, of their keys and in key order.
    pub fn is_sane(&self) -> bool {
        self.days.len() <= DAYS_KEPT && self.days.keys().all(|d| SANE_DAYS.contains(d)) && self.archive.is_sane()
    }

    /// Calls `f` on every time kept here, in ms since the Unix epoch (when
    /// each item was last answered, each day's latest practice, each archived
    /// score's), so a backup from a device with a fast clock can be brought
    /// back to now. Each item's reviews' and base's times go through `f`
    /// (a base's log minutes as ms and back); `f` must keep times in their
    /// order, and reviews it brings to one time are set apart again (see
    /// `ItemRecord::each_time`).
    pub fn each_time(&mut self, f: &mut dyn FnMut(&mut u64)) {
        for record in self.items.values_mut() {
            record.each_time(f);
        }
        for at in self.days.values_mut() {
            f(at);
        }
        self.archive.each_time(f);
    }

    /// Moves day numbers after `today` back to `today` (a backup from a
    /// device whose clock was fast): each day practised later counts as
    /// today, and each question answered "later" was last reviewed today and
    /// falls due as many days sooner, keeping its interval (each of its
    /// reviews moves as many days back, so replaying them gives the same).
    pub fn bring_days_back(&mut self, today: i64) {
        let later: Vec<(i64, u64)> = self.days.range(today + 1..).map(|(&d, &at)| (d, at)).collect();
        for (day, at) in later {
            self.days.remove(&day);
            self.mark_day(today, at);
        }
        for record in self.items.values_mut() {
            record.bring_days_back(today);
        }
    }

    /// The latest time anything here happened, in ms (for a backup's date check).
    pub fn latest_ms(&self) -> u64 {
        let items = self.items.values().map(|r| r.at);
        let days = self.days.values().copied();
        items.chain(days).max().unwrap_or(0).max(self.archive.latest_ms())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: i64 = 20_418; // 2025-11-26
    const NOW: u64 = 1_764_115_200_000;

    fn score(correct: u32, total: u32, at: u64) -> ScoreRecord {
        ScoreRecord { id: format!("a{at}"), finished_at_ms: at, offset_minutes: None, mode: Mode::Quick, topic: None, correct, total }
    }

    fn sample() -> Progress {
        let scheduler = Scheduler::default();
        let mut p = Progress::default();
        p.record_answer("q1", true, NOW, TODAY, &scheduler);
        p.record_answer("q2", false, NOW + 60_000, TODAY, &scheduler);
        p.record_answer("flip-aims-0", true, NOW + 120_000, TODAY, &scheduler);
        p.archive_score(ModeKey::Quick, NOW + 200_000, score(7, 10, NOW + 200_000));
        p.mark_day(TODAY, NOW + 200_000);
        p
    }

    fn of(mode: Mode, topic: Option<&str>, correct: u32, at: u64) -> ScoreRecord {
        ScoreRecord { mode, topic: topic.map(str::to_owned), ..score(correct, 10, at) }
    }

    #[test]
    fn the_archive_keeps_the_best_and_the_last_of_each_mode_key() {
        let mut p = Progress::default();
        let best_last = |p: &Progress, key: &ModeKey| (p.archive.best(key).map(|s| s.correct), p.archive.last(key).map(|s| s.correct));
        p.archive_score(ModeKey::Quick, 1000, score(8, 10, 1000));
        p.archive_score(ModeKey::Quick, 2000, score(5, 10, 2000));
        assert_eq!(best_last(&p, &ModeKey::Quick), (Some(8), Some(5)));
        p.archive_score(ModeKey::Quick, 3000, score(6, 10, 3000));
        assert_eq!(p.archive.of_key(&ModeKey::Quick).len(), 2, "the 5/10 is beaten by a later score: not needed");
        p.archive_score(ModeKey::Quick, 4000, score(9, 10, 4000));
        assert_eq!(p.archive.of_key(&ModeKey::Quick).len(), 1, "a later 9/10 is both the best and the last");
        p.archive_score(ModeKey::Quick, 5000, score(18, 20, 5000));
        assert_eq!(p.archive.best(&ModeKey::Quick).unwrap().finished_at_ms, 5000, "of equal scores, the latest");
        // Each topic, and each mode, on its own.
        p.archive_score(ModeKey::Topic("p3".into()), 4000, of(Mode::Topic, Some("p3"), 10, 4000));
        p.archive_score(ModeKey::Topic("p4".into()), 5000, of(Mode::Topic, Some("p4"), 2, 5000));
        p.archive_score(ModeKey::Mistakes, 6000, of(Mode::Mistakes, None, 10, 6000));
        assert_eq!(best_last(&p, &ModeKey::Quick), (Some(18), Some(18)), "a topic's 10/10 is not the quick best");
        assert_eq!(best_last(&p, &ModeKey::Topic("p4".into())), (Some(2), Some(2)));
        assert_eq!(best_last(&p, &ModeKey::Mistakes), (Some(10), Some(10)), "kept for its last score");
        assert_eq!(best_last(&p, &ModeKey::Review), (None, None));
        assert!(p.is_sane());
        // A clear forgets the best, and the best of what came after it is still there.
        let mut q = Progress::default();
        q.archive_score(ModeKey::Quick, 1000, score(9, 10, 1000));
        q.archive_score(ModeKey::Quick, 2000, score(6, 10, 2000));
        q.archive_score(ModeKey::Quick, 3000, score(4, 10, 3000));
        q.forget_until(1000);
        assert_eq!(best_last(&q, &ModeKey::Quick), (Some(6), Some(4)));
    }

    #[test]
    fn merging_archives_in_any_order_gives_the_same() {
        let copies: Vec<Progress> = (0..4u64)
            .map(|n| {
                let mut p = Progress::default();
                for k in 0..6u64 {
                    let at = 1000 * (k * 4 + n);
                    p.archive_score(ModeKey::Quick, at, score(((k * 7 + n * 3) % 5) as u32, 4, at));
                    p.archive_score(
                        ModeKey::Assessment,
                        at,
                        ScoreRecord { mode: Mode::Assessment, ..score(((k + n) % 3) as u32 * 2, 4, at) },
                    );
                }
                p.forget_until(n * 3000);
                p
            })
            .collect();
        let merge = |order: &[usize]| {
            let mut out = Progress::default();
            for &n in order {
                out.merge(&copies[n]);
            }
            out
        };
        let one = merge(&[0, 1, 2, 3]);
        assert_eq!(merge(&[3, 1, 0, 2]), one);
        assert_eq!(merge(&[2, 3, 1, 0, 2, 1]), one);
        assert!(one.is_sane());
        let mut split = merge(&[0, 1]);
        split.merge(&merge(&[2, 3]));
        assert_eq!(split, one);
        let mut forgotten = one.clone();
        forgotten.forget_until(9000);
        let mut then_merged = Progress::default();
        for copy in &copies {
            let mut copy = copy.clone();
            copy.forget_until(9000);
            then_merged.merge(&copy);
        }
        assert_eq!(then_merged, forgotten, "forgetting before or after merging gives the same");
    }

    #[test]
    fn mode_keys_are_stored_as_text() {
        let keys = [ModeKey::Quick, ModeKey::Assessment, ModeKey::Topic("principle-3".into()), ModeKey::Trainer("0a1b2c3d".into())];
        for key in keys.into_iter().chain([ModeKey::Mistakes, ModeKey::Review, ModeKey::Topic(String::new())]) {
            let text = serde_json::to_string(&key).unwrap();
            assert_eq!(serde_json::from_str::<ModeKey>(&text).unwrap(), key, "{text}");
        }
        assert_eq!(serde_json::to_string(&ModeKey::Topic("principle-3".into())).unwrap(), r#""topic:principle-3""#);
        for bad in [r#""Quick""#, r#""topic""#, r#""other:x""#, "3"] {
            assert!(serde_json::from_str::<ModeKey>(bad).is_err(), "{bad}");
        }
        let trainer = QuizKind::from_link(crate::quiz::links::link::QuizSpec {
            topics: vec![],
            count: 5,
            seed: 7,
            assessment: true,
            pass_mark: 80,
            title: None,
            refresh_months: None,
        });
        let key = ModeKey::of(&trainer);
        assert_eq!(key, ModeKey::Trainer(trainer.link.as_ref().unwrap().id()));
        assert!(key.is_of(&trainer) && !ModeKey::Trainer("00000000".into()).is_of(&trainer));
        let topic = QuizKind::new(Mode::Topic, Some("p3".into()));
        assert!(ModeKey::Topic("p3".into()).is_of(&topic) && !ModeKey::Topic("p4".into()).is_of(&topic));
        assert!(ModeKey::Quick.is_of(&QuizKind::new(Mode::Quick, None)) && !ModeKey::Quick.is_of(&topic));
    }

    #[test]
    fn version_3s_one_best_score_is_read_as_the_best_of_its_mode_key() {
        let text = |best: &str| format!(r#"{{"items":{{}},"days":{{}},"best":{best}}}"#);
        let read = |best: &str| serde_json::from_str::<Progress>(&text(best));
        let topic = read(r#"{"id":"a1","at":5000,"mode":"topic","topic":"p3","correct":7,"total":10}"#).unwrap();
        let entry = &topic.archive.of_key(&ModeKey::Topic("p3".into()))[0];
        assert_eq!((entry.at, entry.score.correct, entry.score.id.as_str()), (5000, 7, "a1"));
        assert_eq!(topic.archive.entries().len(), 1);
        assert!(topic.is_sane());
        // Written back in the same shape, as it reads back exactly.
        let text = serde_json::to_string(&topic).unwrap();
        assert!(text.ends_with(r#""best":{"id":"a1","at":5000,"mode":"topic","topic":"p3","correct":7,"total":10}}"#), "{text}");
        assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), topic);
        // Anything more is written as a list, which reads back the same.
        let mut more = topic.clone();
        more.archive_score(ModeKey::Quick, 6000, score(5, 10, 6000));
        let mut later = topic.clone();
        later.archive_score(ModeKey::Topic("p3".into()), 6000, of(Mode::Topic, Some("p3"), 5, 6000));
        let mut mistakes = Progress::default();
        mistakes.archive_score(ModeKey::Mistakes, 6000, of(Mode::Mistakes, None, 2, 6000));
        for p in [more, later, mistakes] {
            let text = serde_json::to_string(&p).unwrap();
            assert!(text.contains(r#""best":[{"key":"#), "{text}");
            assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), p);
        }
        // No best, and bests that no longer count or cannot be keyed, leave nothing.
        for best in [
            "null",
            "[]",
            r#"{"id":"a1","at":5000,"mode":"mistakes","topic":null,"correct":3,"total":3}"#,
            r#"{"id":"a1","at":5000,"mode":"review","topic":null,"correct":3,"total":3}"#,
            r#"{"id":"a1","at":5000,"mode":"trainer","topic":null,"correct":3,"total":3}"#,
        ] {
            assert_eq!(read(best).unwrap().archive, Archive::default(), "{best}");
        }
        // An empty archive is written as version 3 wrote "no best", so an older tab can still read it.
        assert!(serde_json::to_string(&Progress::default()).unwrap().ends_with(r#""best":null}"#));
        // Still strict: unknown fields are refused, in either shape.
        assert!(read(r#"{"id":"a1","at":5000,"mode":"quick","topic":null,"correct":3,"total":3,"x":1}"#).is_err());
        let quick = r#"{"id":"a","at":1,"mode":"quick","topic":null,"correct":3,"total":3}"#;
        assert!(read(&format!(r#"[{{"key":"quick","at":1,"score":{quick}}}]"#)).is_ok());
        assert!(read(&format!(r#"[{{"key":"quick","at":1,"score":{quick},"x":1}}]"#)).is_err());
        assert!(read(&format!(r#"{{"quick":{{"key":"quick","at":1,"score":{quick}}}}}"#)).is_err());
    }

    #[test]
    fn an_impossible_archive_is_not_sane() {
        let entry = |key: &str, at: u64, score: &str| format!(r#"{{"key":"{key}","at":{at},"score":{score}}}"#);
        let quick = |correct: u32| format!(r#"{{"id":"a","at":1,"mode":"quick","topic":null,"correct":{correct},"total":3}}"#);
        let mistakes = r#"{"id":"a","at":1,"mode":"mistakes","topic":null,"correct":3,"total":3}"#;
        let sane = |entries: &[String]| {
            let text = format!(r#"{{"items":{{}},"days":{{}},"best":[{}]}}"#, entries.join(","));
            serde_json::from_str::<Progress>(&text).unwrap().is_sane()
        };
        assert!(sane(&[entry("quick", 1, &quick(3)), entry("quick", 2, &quick(2)), entry("mistakes", 1, mistakes)]));
        assert!(!sane(&[entry("mistakes", 1, mistakes), entry("quick", 1, &quick(3))]), "keys out of order");
        assert!(!sane(&[entry("quick", 2, &quick(2)), entry("quick", 1, &quick(3))]), "times out of order");
        assert!(!sane(&[entry("quick", 1, &quick(2)), entry("quick", 2, &quick(3))]), "a later better score makes the first needless");
        assert!(!sane(&[entry("quick", 1, &quick(3)), entry("quick", 1, &quick(2))]), "two at one time");
        assert!(!sane(&[entry("assessment", 1, &quick(3))]), "a score of another mode");
        assert!(!sane(&[entry("quick", 1, &quick(4))]), "more right than asked");
        let topic = r#"{"id":"a","at":1,"mode":"topic","topic":"p3","correct":3,"total":3}"#;
        assert!(sane(&[entry("topic:p3", 1, topic)]));
        assert!(!sane(&[entry("topic:p4", 1, topic)]), "a score of another topic");
    }

    #[test]
    fn serde_round_trip_is_exact() {
        let p = sample();
        let text = serde_json::to_string(&p).unwrap();
        let back: Progress = serde_json::from_str(&text).unwrap();
        assert_eq!(back, p, "memory is kept in thousandths, so a reload reads exactly what was saved");
    }

    #[test]
    fn insane_items_are_refused() {
        let good = serde_json::to_string(&sample()).unwrap();
        for (from, to) in [("\"lapses\":0", "\"lapses\":-1"), ("\"right\":1", "\"right\":\"1\""), ("\"n\":1", "\"n\":1,\"x\":1")] {
            assert!(good.contains(from), "{from}");
            assert!(serde_json::from_str::<Progress>(&good.replacen(from, to, 1)).is_err(), "{to}");
        }
    }

    #[test]
    fn mastery_fades_gradually_as_items_come_due_and_never_drops_to_zero() {
        let p = sample();
        let q1 = &p.items["q1"];
        assert_eq!(q1.last_answer_right(), Some(true));
        let due = q1.memory.due_day;
        assert_eq!(p.mastery(["q1"], TODAY), 100, "answered right today");
        let on_due_day = p.mastery(["q1"], due);
        assert!((88..=92).contains(&on_due_day), "about 90% the day it falls due, not 0: {on_due_day}");
        let mut last = 100;
        for day in TODAY..TODAY + 400 {
            let now = p.mastery(["q1"], day);
            assert!(now <= last, "never rises without practice (day {day}: {now} after {last})");
            assert!(last - now <= 10, "fades gradually, not in a step (day {day}: {last} to {now})");
            assert!(now > 0, "never reaches 0 (day {day})");
            last = now;
        }
        assert!(p.mastery(["q1"], TODAY + 30) < on_due_day, "30 days on it has faded");
        assert!(p.mastery(["q1"], TODAY + 30) >= 40, "but a topic does not read 0% after 30 days");
        assert_eq!(p.mastery(["q2"], TODAY), 0, "last answered wrong");
        assert_eq!(p.mastery(["unseen"], TODAY), 0);
        assert_eq!(p.mastery([], TODAY), 0, "no items");
        assert_eq!(p.mastery(["q1"], TODAY - 5), 100, "a clock put back does not raise it over 100");
    }

    #[test]
    fn due_mistakes_mastery_and_streaks() {
        let p = sample();
        assert_eq!(p.mistakes(), vec!["q2"]);
        assert!(p.due(TODAY).is_empty(), "nothing is due the day it was answered");
        let q2_due = p.items["q2"].memory.due_day;
        assert_eq!(p.due(q2_due), vec!["q2"]);
        assert_eq!(p.mastery(["q1", "q2", "q3"], TODAY), 33, "q1 right today (100%), q2 wrong and q3 unseen (0%)");
        assert_eq!(p.streak(TODAY), 1);
        assert_eq!(p.streak(TODAY + 1), 1, "yesterday's practice still counts until today ends");
        assert_eq!(p.streak(TODAY + 2), 0);
        let mut q = Progress::default();
        for day in [TODAY - 3, TODAY - 2, TODAY - 1, TODAY] {
            q.mark_day(day, NOW);
        }
        assert_eq!(q.streak(TODAY), 4);
        // Flown west (or the clock put back): today's practice is "tomorrow" here.
        assert_eq!(q.streak(TODAY - 1), 3, "the days after today count as today");
        let mut london = Progress::default();
        london.mark_day(TODAY, NOW);
        assert_eq!(london.streak(TODAY - 1), 1, "practised in London at 00:30, opened in New York an hour later");
        london.mark_day(TODAY - 1, NOW + 3_600_000);
        assert_eq!(london.streak(TODAY - 1), 1, "practising again in New York is still one day here");
        assert_eq!(london.streak(TODAY), 2);
    }

    #[test]
    fn merging_loses_nothing_and_counts_nothing_twice() {
        let scheduler = Scheduler::default();
        let mut a = sample();
        let mut b = sample();
        b.record_answer("q1", false, NOW + 86_400_000, TODAY + 1, &scheduler);
        b.archive_score(ModeKey::Quick, NOW + 86_500_000, score(10, 10, NOW + 86_500_000));
        b.archive_score(ModeKey::Review, NOW + 86_600_000, of(Mode::Review, None, 1, NOW + 86_600_000));
        a.merge(&b);
        assert_eq!(a.archive.best(&ModeKey::Quick).unwrap().correct, 10);
        assert!(a.archive.last(&ModeKey::Review).is_some(), "keys only one copy has are taken in");
        assert_eq!(a.items["q1"].reviews().len(), 2, "both answers to q1, once each");
        assert_eq!(a.items["q1"].memory.last_review_day, TODAY + 1, "the later state wins");
        assert_eq!(a.days.keys().copied().collect::<Vec<_>>(), vec![TODAY, TODAY + 1]);
        let before = a.clone();
        a.merge(&b);
        assert_eq!(a, before, "merging again changes nothing");
    }

    #[test]
    fn forgetting_drops_what_came_before_the_clear() {
        let mut p = sample();
        p.forget_until(NOW + 300_000);
        assert_eq!(p, Progress::default());
        let mut q = sample();
        q.record_answer("q3", true, NOW + 600_000, TODAY, &Scheduler::default());
        q.forget_until(NOW + 300_000);
        assert_eq!(q.items.keys().collect::<Vec<_>>(), vec!["q3"]);
        assert!(q.archive.entries().is_empty());
    }

    /// 10,000 answers over two years, spread over every question and flip card.
    #[test]
    fn ten_thousand_answers_stay_small() {
        let scheduler = Scheduler::default();
        let mut p = Progress::default();
        let mut rng = crate::quiz::rng::SeededRng::new(1);
        for n in 0..10_000u64 {
            let item = if n % 4 == 0 { flip_item_id("principle-3", rng.below(72)) } else { format!("q{}", rng.below(168)) };
            let day = TODAY + (n / 14) as i64;
            p.record_answer(&item, rng.below(4) != 0, day as u64 * 86_400_000 + n, day, &scheduler);
        }
        // Every answer is kept with its time and day: about 28 bytes each
        // (278,575 bytes measured), of the 5 MB local storage holds.
        let size = serde_json::to_string(&p).unwrap().len();
        assert!(size <= 300 * 1024, "{size} bytes");
        assert!(p.items.values().all(|r| r.reviews().len() <= REVIEWS_KEPT));
        assert_eq!(p.items.values().map(|r| r.reviews().len()).sum::<usize>(), 10_000, "every answer is kept");
        assert_eq!(p.items.values().map(|r| (r.right + r.wrong) as u64).sum::<u64>(), 10_000, "totals keep every answer");
    }

    /// A heavy user: 150 questions answered 30 times each, a day apart; and
    /// the most an item can hold, every question and flip card at the cap.
    #[test]
    fn a_heavy_users_history_and_the_most_it_can_grow_to_fit_local_storage() {
        let scheduler = Scheduler::default();
        let size = |answers: u64, items: u64| {
            let mut p = Progress::default();
            for n in 0..answers {
                let day = TODAY + (n / items) as i64;
                p.record_answer(&format!("q{}", n % items), n % 5 != 0, day as u64 * 86_400_000 + n * 1000, day, &scheduler);
            }
            serde_json::to_string(&p).unwrap().len()
        };
        let heavy = size(150 * 30, 150);
        // Measured: 126,432 bytes, about 28 bytes an answer.
        assert!(heavy <= 140 * 1024, "150 questions × 30 answers: {heavy} bytes");
        // 240 items (168 questions and 72 flip cards) at REVIEWS_KEPT each.
        let most = size(240 * (REVIEWS_KEPT as u64 + 20), 240);
        // Measured: 1,245,802 bytes, a quarter of local storage.
        assert!(most <= 1_400_000, "every item at the cap: {most} bytes");
    }
}
