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
//!
//! **Its files, a job each:** this one holds `Progress` and its operations;
//! `mode_key` the mode key; `archive` the scores of attempts no longer kept;
//! `review` one answer and the base; `item` an item's history and schedule;
//! `item_format` how an item is stored.

use std::cmp::Ordering;
use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::schedule::{Memory, Scheduler};
use crate::quiz::run::attempt::{Mode, QuizKind};
use crate::quiz::run::finished::ScoreRecord;

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

mod archive;
mod item;
mod item_format;
mod mode_key;
mod review;
#[cfg(test)]
mod tests;

pub use archive::{Archive, Archived};
pub use item::ItemRecord;
use item_format::{LogEntry, StoredItem};
pub use mode_key::ModeKey;
pub use review::{Base, Review};

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
pub(super) fn thousandths(value: f64) -> f64 {
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
