//! The best and latest scores of attempts no longer kept, by mode key.

use super::*;

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
    pub(super) fn covers(&self, other: &Archived) -> bool {
        self.at >= other.at && ScoreRecord::rank(&self.score, &other.score) != Ordering::Less
    }

    /// The order of the archive: by key, then by time of change.
    pub(super) fn position(&self, other: &Archived) -> Ordering {
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
    pub(super) fn add(&mut self, entry: Archived) {
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
    pub(super) fn merge(&mut self, other: &Archive) {
        for entry in &other.0 {
            self.add(entry.clone());
        }
    }

    /// Forgets what changed at or before `cleared_at_ms`.
    pub(super) fn forget_until(&mut self, cleared_at_ms: u64) {
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
    pub(super) fn is_sane(&self) -> bool {
        let ordered = self.0.windows(2).all(|w| match w[0].key.cmp(&w[1].key) {
            Ordering::Less => true,
            Ordering::Equal => w[0].at < w[1].at && ScoreRecord::rank(&w[1].score, &w[0].score) == Ordering::Less,
            Ordering::Greater => false,
        });
        ordered && self.0.iter().all(|a| a.score.is_sane() && a.key.fits(&a.score))
    }

    /// The latest change, in ms.
    pub(super) fn latest_ms(&self) -> u64 {
        self.0.iter().map(|a| a.at).max().unwrap_or(0)
    }

    /// Calls `f` on every time kept here, in ms (see [`Progress::each_time`]).
    pub(super) fn each_time(&mut self, f: &mut dyn FnMut(&mut u64)) {
        for archived in &mut self.0 {
            f(&mut archived.at);
            f(&mut archived.score.finished_at_ms);
        }
    }
}
