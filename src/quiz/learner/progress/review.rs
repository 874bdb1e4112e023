//! One answer as kept (a review), and the base that stands for the answers
//! from before reviews were kept.

use super::*;

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
    pub(super) fn key(&self) -> (u64, i64, bool) {
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
    pub(super) fn newness(&self) -> ((u64, i64, u32, u32, i64), (u64, u64, u32, u32, (bool, u64)), &[(u64, bool)]) {
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
    pub(super) fn holds_until(&self) -> Option<u64> {
        self.folded.then_some(self.at)
    }
}
