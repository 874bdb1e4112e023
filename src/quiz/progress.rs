//! What the person has learnt: the answers and spaced-review memory of each
//! question or flip card, the days they practised, and their best score.
//!
//! This is one part of the [`Store`](super::store::Store); finished attempts,
//! quizzes in progress and records live beside it there. Every part carries
//! the time it last changed, so two tabs' copies merge without either
//! overwriting the other, and "Clear my data" (a clear marker with its time)
//! is never undone by merging older data.
//!
//! Growth is bounded: each item keeps its last [`LOG_KEPT`] answers (older
//! ones live on in its totals) and [`DAYS_KEPT`] days of practice are kept, so
//! 10,000 answers stay small.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::schedule::{Memory, Scheduler};
use super::scoring::Score;

/// Answers kept in full for each item; older ones live on in its totals.
pub const LOG_KEPT: usize = 10;
/// Days of practice kept, for streaks.
pub const DAYS_KEPT: usize = 400;

/// Day numbers outside these (2016 to 2189) are not dates this app wrote.
pub(crate) const SANE_DAYS: std::ops::RangeInclusive<i64> = 16_800..=80_000;
const SANE_COUNT: u32 = 1_000_000;

/// Which kind of quiz an attempt was. Stored as its lowercase name (`"quick"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Quick,
    Topic,
    Assessment,
    Mistakes,
    Review,
    /// A trainer's quiz from a link.
    Trainer,
}

/// The score of one finished attempt: what home shows as the best score.
///
/// Stored as `{"id", "at", "mode", "topic", "correct", "total"}`; `at` is when
/// the attempt finished, in ms since the Unix epoch.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScoreRecord {
    /// The attempt's id in the store (empty for scores migrated from before ids).
    #[serde(default)]
    pub id: String,
    #[serde(rename = "at")]
    pub finished_at_ms: u64,
    pub mode: Mode,
    /// The topic practised, for topic quizzes.
    #[serde(default)]
    pub topic: Option<String>,
    pub correct: u32,
    pub total: u32,
}

impl ScoreRecord {
    pub fn score(&self) -> Score {
        Score { correct: self.correct, total: self.total }
    }

    /// A score this app could have written: at least one question, and no more right than asked.
    pub fn is_sane(&self) -> bool {
        self.total > 0 && self.correct <= self.total
    }

    /// The better of two scores; ties go to the earlier, then by id, so every tab picks the same.
    pub fn better<'a>(a: &'a ScoreRecord, b: &'a ScoreRecord) -> &'a ScoreRecord {
        if a.score().beats(&b.score()) {
            a
        } else if b.score().beats(&a.score()) {
            b
        } else if (a.finished_at_ms, &a.id, a.mode, &a.topic) <= (b.finished_at_ms, &b.id, b.mode, &b.topic) {
            a
        } else {
            b
        }
    }
}

/// Everything kept about one question or flip card.
///
/// Stored as `{"at", "s", "d", "last", "due", "n", "lapses", "right", "wrong", "log"}`:
/// stability and difficulty in whole thousandths, days as day numbers, and
/// the log as `[minute since the epoch, 1 for right or 0 for wrong]` pairs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredItem", try_from = "StoredItem")]
pub struct ItemRecord {
    /// When it was last answered, in ms since the Unix epoch.
    pub at: u64,
    pub memory: Memory,
    pub right: u32,
    pub wrong: u32,
    /// The latest answers, oldest first: (minute since the epoch, right?).
    pub log: Vec<(u64, bool)>,
}

/// How an [`ItemRecord`] is written down (see there).
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
    log: Vec<(u64, u8)>,
}

impl From<ItemRecord> for StoredItem {
    fn from(r: ItemRecord) -> StoredItem {
        let m = r.memory;
        StoredItem {
            at: Some(r.at),
            s: (m.stability * 1000.0).round() as u64,
            d: (m.difficulty * 1000.0).round() as u64,
            last: m.last_review_day,
            due: m.due_day,
            n: m.reviews,
            lapses: m.lapses,
            right: r.right,
            wrong: r.wrong,
            log: r.log.iter().map(|&(minute, right)| (minute, u8::from(right))).collect(),
        }
    }
}

impl TryFrom<StoredItem> for ItemRecord {
    type Error = &'static str;

    fn try_from(s: StoredItem) -> Result<ItemRecord, &'static str> {
        let counts_sane = [s.n, s.lapses, s.right, s.wrong].iter().all(|&n| n <= SANE_COUNT);
        if !(1..=100_000_000).contains(&s.s)
            || !(1000..=10_000).contains(&s.d)
            || !SANE_DAYS.contains(&s.last)
            || !SANE_DAYS.contains(&s.due)
            || s.due < s.last
            || !counts_sane
            || s.log.len() > LOG_KEPT
            || s.log.iter().any(|&(_, right)| right > 1)
        {
            return Err("not an item this app wrote");
        }
        let log: Vec<(u64, bool)> = s.log.iter().map(|&(minute, right)| (minute, right == 1)).collect();
        Ok(ItemRecord {
            at: s.at.unwrap_or_else(|| log.last().map_or(0, |&(minute, _)| minute.saturating_mul(60_000))),
            memory: Memory {
                stability: s.s as f64 / 1000.0,
                difficulty: s.d as f64 / 1000.0,
                last_review_day: s.last,
                due_day: s.due,
                reviews: s.n,
                lapses: s.lapses,
            },
            right: s.right,
            wrong: s.wrong,
            log,
        })
    }
}

impl ItemRecord {
    pub fn last_answer_right(&self) -> Option<bool> {
        self.log.last().map(|&(_, right)| right)
    }

    /// The order that decides which of two copies of an item is newer: the
    /// latest answer first, then the rest, so every tab picks the same.
    fn newness(&self) -> (u64, i64, u32, u32, i64, u64, u64, u32, u32) {
        let m = &self.memory;
        (self.at, m.last_review_day, m.reviews, m.lapses, m.due_day, m.stability.to_bits(), m.difficulty.to_bits(), self.right, self.wrong)
    }
}

/// The answers, the spaced-review memory, the days practised and the best score.
///
/// Stored as `{"items": {id: item}, "days": {"day number": ms}, "best": score or null}`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// By question id, or `flip-<card>-<n>` for flip cards.
    pub items: BTreeMap<String, ItemRecord>,
    /// Each local day number with practice, and when (ms) the latest practice that day was.
    pub days: BTreeMap<i64, u64>,
    /// The best score of attempts no longer kept (dropped for space, or from
    /// versions 1 and 2); see `Store::best` for the best of all.
    pub best: Option<ScoreRecord>,
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

    /// Keeps a score as the best of the scores no longer kept elsewhere, if it beats it.
    pub fn record_score(&mut self, score: ScoreRecord) {
        self.best = Some(match self.best.take() {
            Some(best) => ScoreRecord::better(&best, &score).clone(),
            None => score,
        });
    }

    /// Records one answer to a question or flip card at `now_ms` (local day
    /// `today`), and schedules its next review.
    pub fn record_answer(&mut self, item: &str, right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) {
        let previous = self.items.get(item);
        let mut memory = scheduler.review(previous.map(|r| &r.memory), today, right);
        memory.stability = thousandths(memory.stability).max(0.001);
        memory.difficulty = thousandths(memory.difficulty).clamp(1.0, 10.0);
        // A later change always sorts as newer, even if the clock went back.
        let at = previous.map_or(now_ms, |p| now_ms.max(p.at + 1));
        let record = self.items.entry(item.to_owned()).or_insert(ItemRecord { at, memory, right: 0, wrong: 0, log: Vec::new() });
        record.at = at;
        record.memory = memory;
        if right {
            record.right = record.right.saturating_add(1);
        } else {
            record.wrong = record.wrong.saturating_add(1);
        }
        record.log.push((now_ms / 60_000, right));
        if record.log.len() > LOG_KEPT {
            record.log.remove(0);
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

    /// How many of `ids` are mastered on `today`: last answered right, and not yet due again.
    pub fn mastered<'a>(&self, ids: impl IntoIterator<Item = &'a str>, today: i64) -> usize {
        ids.into_iter()
            .filter(|id| self.items.get(*id).is_some_and(|r| r.last_answer_right() == Some(true) && r.memory.due_day > today))
            .count()
    }

    /// Consecutive days of practice up to today (or up to yesterday, so a
    /// streak is not lost before today's practice).
    pub fn streak(&self, today: i64) -> u32 {
        let mut day = match self.days.keys().next_back() {
            Some(&last) if last == today || last == today - 1 => last,
            _ => return 0,
        };
        let mut streak = 0;
        for &active in self.days.keys().rev() {
            if active != day {
                break;
            }
            streak += 1;
            day -= 1;
        }
        streak
    }

    /// Combines another copy (another tab's, a backup's) into this one: the
    /// newer copy of each item, every day practised, and the better best
    /// score. Commutative, associative and idempotent, so tabs agree whatever
    /// order they merge in.
    pub fn merge(&mut self, other: &Progress) {
        for (id, theirs) in &other.items {
            match self.items.get_mut(id) {
                None => {
                    self.items.insert(id.clone(), theirs.clone());
                }
                // The newer copy, whole. Each tab takes in the others' saves
                // before it answers, so the newer copy already holds the older
                // one's answers; keeping only it means an answer from before
                // "Clear my data" can never ride back in on an older log.
                Some(ours) if theirs.newness() > ours.newness() => *ours = theirs.clone(),
                Some(_) => {}
            }
        }
        for (&day, &at) in &other.days {
            let ours = self.days.entry(day).or_insert(at);
            *ours = (*ours).max(at);
        }
        while self.days.len() > DAYS_KEPT {
            self.days.pop_first();
        }
        self.best = match (self.best.take(), &other.best) {
            (Some(ours), Some(theirs)) => Some(ScoreRecord::better(&ours, theirs).clone()),
            (ours, theirs) => ours.or_else(|| theirs.clone()),
        };
    }

    /// Forgets everything from at or before `cleared_at_ms` ("Clear my data").
    pub fn forget_until(&mut self, cleared_at_ms: u64) {
        self.items.retain(|_, r| r.at > cleared_at_ms);
        self.days.retain(|_, &mut at| at > cleared_at_ms);
        if self.best.as_ref().is_some_and(|b| b.finished_at_ms <= cleared_at_ms) {
            self.best = None;
        }
    }

    /// Checks what serde cannot: sane day numbers and scores.
    pub fn is_sane(&self) -> bool {
        self.days.len() <= DAYS_KEPT
            && self.days.keys().all(|d| SANE_DAYS.contains(d))
            && self.best.as_ref().is_none_or(ScoreRecord::is_sane)
    }

    /// The latest time anything here happened, in ms (for a backup's date check).
    pub fn latest_ms(&self) -> u64 {
        let items = self.items.values().map(|r| r.at);
        let days = self.days.values().copied();
        items.chain(days).chain(self.best.iter().map(|b| b.finished_at_ms)).max().unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: i64 = 20_418; // 2025-11-26
    const NOW: u64 = 1_764_115_200_000;

    fn score(correct: u32, total: u32, at: u64) -> ScoreRecord {
        ScoreRecord { id: format!("a{at}"), finished_at_ms: at, mode: Mode::Quick, topic: None, correct, total }
    }

    fn sample() -> Progress {
        let scheduler = Scheduler::default();
        let mut p = Progress::default();
        p.record_answer("q1", true, NOW, TODAY, &scheduler);
        p.record_answer("q2", false, NOW + 60_000, TODAY, &scheduler);
        p.record_answer("flip-aims-0", true, NOW + 120_000, TODAY, &scheduler);
        p.record_score(score(7, 10, NOW + 200_000));
        p.mark_day(TODAY, NOW + 200_000);
        p
    }

    #[test]
    fn a_better_score_becomes_the_best_and_a_worse_one_does_not() {
        let mut p = Progress::default();
        p.record_score(score(8, 10, 1000));
        p.record_score(score(5, 10, 2000));
        assert_eq!(p.best.as_ref().unwrap().finished_at_ms, 1000);
        p.record_score(score(9, 10, 3000));
        assert_eq!(p.best.as_ref().unwrap().correct, 9);
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
    fn due_mistakes_mastery_and_streaks() {
        let p = sample();
        assert_eq!(p.mistakes(), vec!["q2"]);
        assert!(p.due(TODAY).is_empty(), "nothing is due the day it was answered");
        let q2_due = p.items["q2"].memory.due_day;
        assert_eq!(p.due(q2_due), vec!["q2"]);
        assert_eq!(p.mastered(["q1", "q2", "q3"], TODAY), 1);
        assert_eq!(p.streak(TODAY), 1);
        assert_eq!(p.streak(TODAY + 1), 1, "yesterday's practice still counts until today ends");
        assert_eq!(p.streak(TODAY + 2), 0);
        let mut q = Progress::default();
        for day in [TODAY - 3, TODAY - 2, TODAY - 1, TODAY] {
            q.mark_day(day, NOW);
        }
        assert_eq!(q.streak(TODAY), 4);
    }

    #[test]
    fn merging_loses_nothing_and_counts_nothing_twice() {
        let scheduler = Scheduler::default();
        let mut a = sample();
        let mut b = sample();
        b.record_answer("q1", false, NOW + 86_400_000, TODAY + 1, &scheduler);
        b.record_score(score(10, 10, NOW + 86_500_000));
        a.merge(&b);
        assert_eq!(a.best.as_ref().unwrap().correct, 10);
        assert_eq!(a.items["q1"].log.len(), 2, "both answers to q1, once each (the later copy holds both)");
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
        assert!(q.best.is_none());
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
        let size = serde_json::to_string(&p).unwrap().len();
        assert!(size <= 100 * 1024, "{size} bytes");
        assert!(p.items.values().all(|r| r.log.len() <= LOG_KEPT));
        assert_eq!(p.items.values().map(|r| (r.right + r.wrong) as u64).sum::<u64>(), 10_000, "totals keep every answer");
    }
}
