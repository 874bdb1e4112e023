//! Merging two copies of the store (another tab's, a backup), clearing,
//! and replacing: see the store's documentation.

use super::*;

impl Store {
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
    pub(super) fn tidy(&mut self) {
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
}

/// A copy of `imported` to take in: no clear marker, no tombstones, and
/// every time of change at `after` or later. Answers keep their own times
/// (so they are still known as the same answers as their copies elsewhere)
/// and are marked as taken in at `after` (see `ItemRecord::restamp`).
pub(super) fn imported_after(imported: &Store, after: u64) -> Store {
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
