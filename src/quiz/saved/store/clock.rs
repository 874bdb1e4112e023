//! Times and days in the store: visiting every time kept, and bringing a
//! fast clock's times and days back to now.

use super::*;

impl Store {
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

    pub(super) fn bring_days_back(&mut self, today: i64) {
        self.progress.bring_days_back(today);
        for entry in &mut self.records.0 {
            if let Some(record) = &mut entry.value {
                let finished_day = local_day(record.finished_at_ms, record.offset_minutes.unwrap_or(0));
                record.refresher_due_day -= (finished_day - today).max(0);
            }
        }
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
}
