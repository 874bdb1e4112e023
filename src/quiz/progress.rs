//! What the app keeps on the device between visits, and its stored format.
//!
//! Progress holds every finished quiz (the most recent ones), the best score,
//! a spaced-review memory and a short answer log for each question or flip
//! card, and the days the person practised (for streaks).
//!
//! The format carries a `schema_version`, with a migration from every older
//! version. Reading is strict: anything that is not progress of a version we
//! know is reported, never guessed at, so the caller can keep the original
//! text aside instead of overwriting it. Growth is bounded: old log entries
//! are folded into per-item totals, so 10,000 answers stay small.

use std::collections::BTreeMap;

use super::json::{self, object, Json};
use super::schedule::{Memory, Scheduler};
use super::scoring::Score;

pub const SCHEMA_VERSION: u32 = 2;
/// Answers kept in full for each item; older ones live on in its totals.
pub const LOG_KEPT: usize = 10;
/// Finished quizzes kept (the best score is kept apart, whatever its age).
pub const ATTEMPTS_KEPT: usize = 200;
/// Days of practice kept, for streaks.
pub const DAYS_KEPT: usize = 400;

/// Stored text larger than this is not progress this app wrote.
const MAX_STORED_BYTES: usize = 2_000_000;
/// Day numbers outside these (2016 to 2189) are not dates this app wrote.
const SANE_DAYS: std::ops::RangeInclusive<i64> = 16_800..=80_000;
const SANE_COUNT: u64 = 1_000_000;

/// Which kind of quiz an attempt was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Quick,
    Topic,
    Assessment,
    Mistakes,
    Review,
    /// A trainer's quiz from a link.
    Trainer,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Quick => "quick",
            Mode::Topic => "topic",
            Mode::Assessment => "assessment",
            Mode::Mistakes => "mistakes",
            Mode::Review => "review",
            Mode::Trainer => "trainer",
        }
    }

    pub fn parse(text: &str) -> Option<Mode> {
        Some(match text {
            "quick" => Mode::Quick,
            "topic" => Mode::Topic,
            "assessment" => Mode::Assessment,
            "mistakes" => Mode::Mistakes,
            "review" => Mode::Review,
            "trainer" => Mode::Trainer,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    pub score: Score,
    /// When the quiz was finished, in milliseconds since the Unix epoch.
    pub finished_at_ms: u64,
    pub mode: Mode,
    /// The topic practised, for topic quizzes.
    pub topic: Option<String>,
}

/// Everything kept about one question or flip card.
#[derive(Debug, Clone, PartialEq)]
pub struct ItemRecord {
    pub memory: Memory,
    pub right: u32,
    pub wrong: u32,
    /// The latest answers, oldest first: (minute since the epoch, right?).
    pub log: Vec<(u64, bool)>,
}

impl ItemRecord {
    pub fn last_answer_right(&self) -> Option<bool> {
        self.log.last().map(|&(_, right)| right)
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Progress {
    /// Finished quizzes, oldest first.
    pub attempts: Vec<Attempt>,
    pub best: Option<Attempt>,
    /// By question id, or `flip-<card>-<n>` for flip cards.
    pub items: BTreeMap<String, ItemRecord>,
    /// The local days with any practice, ascending.
    pub active_days: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProgressError {
    /// Not JSON, or not shaped like progress; says which check failed.
    Corrupt(&'static str),
    /// Written by a newer version of the app; it must not be overwritten.
    FromNewerVersion(u32),
}

/// The id under which a flip card's answers are kept.
pub fn flip_item_id(card: &str, index: usize) -> String {
    format!("flip-{card}-{index}")
}

/// A stable insertion sort. The lists sorted here are short (a few hundred
/// at most), and the standard library's sort adds ~14 KB of code to the wasm.
fn sort_small_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && key(&items[j - 1]) > key(&items[j]) {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

fn insert_sorted_unique(days: &mut Vec<i64>, day: i64) {
    if let Err(at) = days.binary_search(&day) {
        days.insert(at, day);
    }
    if days.len() > DAYS_KEPT {
        days.drain(..days.len() - DAYS_KEPT);
    }
}

impl Progress {
    pub fn last(&self) -> Option<&Attempt> {
        self.attempts.last()
    }

    /// Records a finished quiz: the latest attempt, and the best if it beats it.
    pub fn record(&mut self, attempt: Attempt, today: i64) {
        let is_new_best = self.best.as_ref().is_none_or(|best| attempt.score.beats(&best.score));
        if is_new_best {
            self.best = Some(attempt.clone());
        }
        self.attempts.push(attempt);
        if self.attempts.len() > ATTEMPTS_KEPT {
            self.attempts.remove(0);
        }
        insert_sorted_unique(&mut self.active_days, today);
    }

    /// Records one answer to a question or flip card, and schedules its next review.
    pub fn record_answer(&mut self, item: &str, right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) {
        let previous = self.items.get(item);
        let memory = scheduler.review(previous.map(|r| &r.memory), today, right);
        let record = self.items.entry(item.to_owned()).or_insert(ItemRecord { memory, right: 0, wrong: 0, log: Vec::new() });
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
        insert_sorted_unique(&mut self.active_days, today);
    }

    /// Items due for review on `today` (or overdue), most overdue first.
    pub fn due(&self, today: i64) -> Vec<&str> {
        let mut due: Vec<(&str, i64)> =
            self.items.iter().filter(|(_, r)| r.memory.due_day <= today).map(|(id, r)| (id.as_str(), r.memory.due_day)).collect();
        sort_small_by_key(&mut due, |&(_, day)| day);
        due.into_iter().map(|(id, _)| id).collect()
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
        let mut day = match self.active_days.last() {
            Some(&last) if last == today || last == today - 1 => last,
            _ => return 0,
        };
        let mut streak = 0;
        for &active in self.active_days.iter().rev() {
            if active != day {
                break;
            }
            streak += 1;
            day -= 1;
        }
        streak
    }

    /// Combines progress saved elsewhere (another tab, a backup) into this,
    /// losing nothing from either: every attempt once, the later state of each
    /// item with both logs, every active day.
    pub fn merge(&mut self, other: &Progress) {
        for attempt in &other.attempts {
            if !self.attempts.contains(attempt) {
                self.attempts.push(attempt.clone());
            }
        }
        sort_small_by_key(&mut self.attempts, |a| a.finished_at_ms);
        if self.attempts.len() > ATTEMPTS_KEPT {
            self.attempts.drain(..self.attempts.len() - ATTEMPTS_KEPT);
        }
        if let Some(theirs) = &other.best {
            if self.best.as_ref().is_none_or(|ours| theirs.score.beats(&ours.score)) {
                self.best = Some(theirs.clone());
            }
        }
        for (id, theirs) in &other.items {
            match self.items.get_mut(id) {
                None => {
                    self.items.insert(id.clone(), theirs.clone());
                }
                Some(ours) => {
                    let mut log = ours.log.clone();
                    for entry in &theirs.log {
                        if !log.contains(entry) {
                            log.push(*entry);
                        }
                    }
                    sort_small_by_key(&mut log, |&(minute, _)| minute);
                    if log.len() > LOG_KEPT {
                        log.drain(..log.len() - LOG_KEPT);
                    }
                    let theirs_is_later =
                        (theirs.memory.last_review_day, theirs.memory.reviews) > (ours.memory.last_review_day, ours.memory.reviews);
                    if theirs_is_later {
                        *ours = theirs.clone();
                    }
                    ours.log = log;
                }
            }
        }
        for &day in &other.active_days {
            insert_sorted_unique(&mut self.active_days, day);
        }
    }

    pub fn to_json(&self) -> Json {
        let attempt = |a: &Attempt| {
            object([
                ("at", a.finished_at_ms.into()),
                ("mode", a.mode.as_str().into()),
                ("topic", a.topic.as_deref().into()),
                ("correct", a.score.correct.into()),
                ("total", a.score.total.into()),
            ])
        };
        let item = |r: &ItemRecord| {
            let m = &r.memory;
            object([
                // Whole thousandths: the store keeps whole numbers only.
                ("s", ((m.stability * 1000.0).round() as u64).into()),
                ("d", ((m.difficulty * 1000.0).round() as u64).into()),
                ("last", Json::Int(m.last_review_day)),
                ("due", Json::Int(m.due_day)),
                ("n", m.reviews.into()),
                ("lapses", m.lapses.into()),
                ("right", r.right.into()),
                ("wrong", r.wrong.into()),
                (
                    "log",
                    Json::Array(r.log.iter().map(|&(minute, right)| Json::Array(vec![minute.into(), u32::from(right).into()])).collect()),
                ),
            ])
        };
        object([
            ("schema_version", SCHEMA_VERSION.into()),
            ("attempts", Json::Array(self.attempts.iter().map(attempt).collect())),
            ("best", self.best.as_ref().map_or(Json::Null, attempt)),
            ("items", Json::Object(self.items.iter().map(|(id, r)| (id.clone(), item(r))).collect())),
            ("days", Json::Array(self.active_days.iter().map(|&d| Json::Int(d)).collect())),
        ])
    }

    pub fn encode(&self) -> String {
        self.to_json().to_text()
    }

    pub fn decode(text: &str) -> Result<Progress, ProgressError> {
        if text.len() > MAX_STORED_BYTES {
            return Err(ProgressError::Corrupt("too large"));
        }
        Progress::from_json(&json::parse(text).map_err(|_| ProgressError::Corrupt("not JSON"))?)
    }

    /// Reads progress of any version this app has written, migrating older ones.
    pub fn from_json(doc: &Json) -> Result<Progress, ProgressError> {
        // The version is read first, so a newer format is recognised even when
        // the rest of it means nothing to this version.
        let version = doc.get("schema_version").and_then(Json::as_u32).ok_or(ProgressError::Corrupt("no schema_version"))?;
        match version {
            1 => from_version_1(doc),
            SCHEMA_VERSION => from_version_2(doc),
            v if v > SCHEMA_VERSION => Err(ProgressError::FromNewerVersion(v)),
            _ => Err(ProgressError::Corrupt("unknown schema_version")),
        }
    }
}

const CORRUPT_ATTEMPT: ProgressError = ProgressError::Corrupt("not an attempt");
const CORRUPT_ITEM: ProgressError = ProgressError::Corrupt("not an item");

fn only_keys(doc: &Json, allowed: &[&str]) -> bool {
    matches!(doc, Json::Object(members) if members.iter().all(|(k, _)| allowed.contains(&k.as_str())))
}

fn score(correct: Option<u64>, total: Option<u64>) -> Result<Score, ProgressError> {
    let (Some(correct), Some(total)) = (correct, total) else { return Err(CORRUPT_ATTEMPT) };
    let (Ok(correct), Ok(total)) = (u32::try_from(correct), u32::try_from(total)) else { return Err(CORRUPT_ATTEMPT) };
    if total == 0 || correct > total {
        return Err(ProgressError::Corrupt("impossible score"));
    }
    Ok(Score { correct, total })
}

/// Version 1 (the first release) kept only the last and best scores.
fn from_version_1(doc: &Json) -> Result<Progress, ProgressError> {
    if !only_keys(doc, &["schema_version", "last", "best"]) {
        return Err(ProgressError::Corrupt("unknown field"));
    }
    let attempt = |value: Option<&Json>| -> Result<Option<Attempt>, ProgressError> {
        let Some(value) = value.filter(|v| !v.is_null()) else { return Ok(None) };
        if !only_keys(value, &["correct", "total", "finished_at_ms"]) {
            return Err(CORRUPT_ATTEMPT);
        }
        let field = |name| value.get(name).and_then(Json::as_u64);
        Ok(Some(Attempt {
            score: score(field("correct"), field("total"))?,
            finished_at_ms: field("finished_at_ms").ok_or(CORRUPT_ATTEMPT)?,
            mode: Mode::Quick,
            topic: None,
        }))
    };
    Ok(Progress {
        attempts: attempt(doc.get("last"))?.into_iter().collect(),
        best: attempt(doc.get("best"))?,
        items: BTreeMap::new(),
        active_days: Vec::new(),
    })
}

fn attempt_from_json(value: &Json) -> Result<Attempt, ProgressError> {
    if !only_keys(value, &["at", "mode", "topic", "correct", "total"]) {
        return Err(CORRUPT_ATTEMPT);
    }
    let field = |name| value.get(name).and_then(Json::as_u64);
    Ok(Attempt {
        score: score(field("correct"), field("total"))?,
        finished_at_ms: field("at").ok_or(CORRUPT_ATTEMPT)?,
        mode: value.get("mode").and_then(Json::as_str).and_then(Mode::parse).ok_or(CORRUPT_ATTEMPT)?,
        topic: match value.get("topic") {
            None | Some(Json::Null) => None,
            Some(t) => Some(t.as_str().ok_or(CORRUPT_ATTEMPT)?.to_owned()),
        },
    })
}

fn day(value: Option<&Json>) -> Result<i64, ProgressError> {
    match value {
        Some(Json::Int(d)) if SANE_DAYS.contains(d) => Ok(*d),
        _ => Err(ProgressError::Corrupt("not a date this app wrote")),
    }
}

fn item_from_json(value: &Json) -> Result<ItemRecord, ProgressError> {
    if !only_keys(value, &["s", "d", "last", "due", "n", "lapses", "right", "wrong", "log"]) {
        return Err(CORRUPT_ITEM);
    }
    let count = |name| value.get(name).and_then(Json::as_u64).filter(|&n| n <= SANE_COUNT).map(|n| n as u32).ok_or(CORRUPT_ITEM);
    let stability = value.get("s").and_then(Json::as_u64).filter(|&s| (1..=100_000_000).contains(&s)).ok_or(CORRUPT_ITEM)?;
    let difficulty = value.get("d").and_then(Json::as_u64).filter(|d| (1000..=10_000).contains(d)).ok_or(CORRUPT_ITEM)?;
    let log = value
        .get("log")
        .and_then(Json::as_array)
        .filter(|entries| entries.len() <= LOG_KEPT)
        .ok_or(CORRUPT_ITEM)?
        .iter()
        .map(|entry| match entry.as_array() {
            Some([minute, right]) => Some((
                minute.as_u64()?,
                match right.as_u64()? {
                    0 => false,
                    1 => true,
                    _ => return None,
                },
            )),
            _ => None,
        })
        .collect::<Option<Vec<_>>>()
        .ok_or(CORRUPT_ITEM)?;
    let memory = Memory {
        stability: stability as f64 / 1000.0,
        difficulty: difficulty as f64 / 1000.0,
        last_review_day: day(value.get("last"))?,
        due_day: day(value.get("due"))?,
        reviews: count("n")?,
        lapses: count("lapses")?,
    };
    if memory.due_day < memory.last_review_day {
        return Err(CORRUPT_ITEM);
    }
    Ok(ItemRecord { memory, right: count("right")?, wrong: count("wrong")?, log })
}

fn from_version_2(doc: &Json) -> Result<Progress, ProgressError> {
    if !only_keys(doc, &["schema_version", "attempts", "best", "items", "days"]) {
        return Err(ProgressError::Corrupt("unknown field"));
    }
    let attempts = doc
        .get("attempts")
        .and_then(Json::as_array)
        .filter(|a| a.len() <= ATTEMPTS_KEPT)
        .ok_or(ProgressError::Corrupt("no attempts"))?
        .iter()
        .map(attempt_from_json)
        .collect::<Result<Vec<_>, _>>()?;
    let best = match doc.get("best") {
        None | Some(Json::Null) => None,
        Some(value) => Some(attempt_from_json(value)?),
    };
    let Some(Json::Object(members)) = doc.get("items") else { return Err(ProgressError::Corrupt("no items")) };
    let items =
        members.iter().map(|(id, value)| Ok((id.clone(), item_from_json(value)?))).collect::<Result<BTreeMap<_, _>, ProgressError>>()?;
    let days = doc
        .get("days")
        .and_then(Json::as_array)
        .filter(|d| d.len() <= DAYS_KEPT)
        .ok_or(ProgressError::Corrupt("no days"))?
        .iter()
        .map(|d| day(Some(d)))
        .collect::<Result<Vec<_>, _>>()?;
    if days.windows(2).any(|w| w[0] >= w[1]) {
        return Err(ProgressError::Corrupt("days out of order"));
    }
    Ok(Progress { attempts, best, items, active_days: days })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TODAY: i64 = 20_418; // 2025-11-26

    fn attempt(correct: u32, total: u32, at: u64) -> Attempt {
        Attempt { score: Score { correct, total }, finished_at_ms: at, mode: Mode::Quick, topic: None }
    }

    fn sample() -> Progress {
        let scheduler = Scheduler::default();
        let mut p = Progress::default();
        p.record_answer("q1", true, 1_764_000_000_000, TODAY, &scheduler);
        p.record_answer("q2", false, 1_764_000_060_000, TODAY, &scheduler);
        p.record_answer("flip-aims-0", true, 1_764_000_120_000, TODAY, &scheduler);
        p.record(Attempt { topic: Some("principle-3".into()), mode: Mode::Topic, ..attempt(7, 10, 1_764_000_200_000) }, TODAY);
        p
    }

    #[test]
    fn the_small_sort_is_stable_and_sorts() {
        let mut items = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_small_by_key(&mut items, |&(k, _)| k);
        assert_eq!(items, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn the_first_attempt_is_last_and_best_and_a_worse_one_keeps_the_best() {
        let mut p = Progress::default();
        p.record(attempt(8, 10, 1000), TODAY);
        assert_eq!(p.last(), p.best.as_ref());
        p.record(attempt(5, 10, 2000), TODAY);
        assert_eq!(p.last().unwrap().score.correct, 5);
        assert_eq!(p.best.as_ref().unwrap().finished_at_ms, 1000);
        p.record(attempt(9, 10, 3000), TODAY);
        assert_eq!(p.best.as_ref().unwrap().score.correct, 9);
    }

    #[test]
    fn encode_then_decode_round_trips() {
        let p = sample();
        let back = Progress::decode(&p.encode()).unwrap();
        assert_eq!(back.attempts, p.attempts);
        assert_eq!(back.active_days, p.active_days);
        for (id, record) in &p.items {
            let b = &back.items[id];
            assert_eq!((b.right, b.wrong, &b.log, b.memory.due_day), (record.right, record.wrong, &record.log, record.memory.due_day));
            assert!((b.memory.stability - record.memory.stability).abs() < 0.001);
        }
        assert_eq!(Progress::decode(&back.encode()).unwrap(), back, "a second round trip is exact");
    }

    #[test]
    fn version_1_is_migrated() {
        let v1 = r#"{"schema_version":1,"last":{"correct":6,"total":10,"finished_at_ms":2000},"best":{"correct":9,"total":10,"finished_at_ms":1000}}"#;
        let p = Progress::decode(v1).unwrap();
        assert_eq!(p.attempts, vec![attempt(6, 10, 2000)]);
        assert_eq!(p.best, Some(attempt(9, 10, 1000)));
        assert!(p.items.is_empty());
        assert_eq!(Progress::decode(r#"{"schema_version":1,"last":null,"best":null}"#).unwrap(), Progress::default());
    }

    #[test]
    fn junk_is_corrupt_not_a_panic() {
        let six_mb = "x".repeat(6 * 1024 * 1024);
        for text in ["{", "null", "[]", "42", "\"x\"", "", "{}", six_mb.as_str()] {
            assert!(matches!(Progress::decode(text), Err(ProgressError::Corrupt(_))), "{:?}", &text[..text.len().min(20)]);
        }
    }

    #[test]
    fn wrong_shapes_and_insane_values_are_corrupt() {
        let good = sample().encode();
        for (from, to) in [
            ("\"schema_version\":2", "\"schema_version\":0"),
            ("\"schema_version\":2", "\"schema_version\":\"2\""),
            ("\"attempts\":[", "\"extra\":1,\"attempts\":["),
            ("\"correct\":7", "\"correct\":11"),
            ("\"mode\":\"topic\"", "\"mode\":\"party\""),
            ("\"days\":[20418]", "\"days\":[99999]"),
            ("\"days\":[20418]", "\"days\":[20418,20418]"),
            ("\"lapses\":0", "\"lapses\":-1"),
        ] {
            assert!(good.contains(from), "{from}");
            let bad = good.replacen(from, to, 1);
            assert!(matches!(Progress::decode(&bad), Err(ProgressError::Corrupt(_))), "{to}");
        }
        let v1_with_extra = r#"{"schema_version":1,"last":null,"best":null,"extra":1}"#;
        assert!(matches!(Progress::decode(v1_with_extra), Err(ProgressError::Corrupt(_))));
    }

    #[test]
    fn a_newer_version_is_reported_not_read() {
        assert_eq!(Progress::decode(r#"{"schema_version":3,"whatever":true}"#), Err(ProgressError::FromNewerVersion(3)));
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
            q.record(attempt(1, 1, 0), day);
        }
        assert_eq!(q.streak(TODAY), 4);
    }

    #[test]
    fn merging_loses_nothing_and_counts_nothing_twice() {
        let scheduler = Scheduler::default();
        let mut a = sample();
        let mut b = sample();
        b.record_answer("q1", false, 1_764_100_000_000, TODAY + 1, &scheduler);
        b.record(attempt(10, 10, 1_764_100_100_000), TODAY + 1);
        a.merge(&b);
        assert_eq!(a.attempts.len(), 2, "the shared attempt once, the new one too");
        assert_eq!(a.best.as_ref().unwrap().score.correct, 10);
        assert_eq!(a.items["q1"].log.len(), 2, "both answers to q1, once each");
        assert_eq!(a.items["q1"].memory.last_review_day, TODAY + 1, "the later state wins");
        assert_eq!(a.active_days, vec![TODAY, TODAY + 1]);
        let before = a.clone();
        a.merge(&b);
        assert_eq!(a, before, "merging again changes nothing");
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
            p.record_answer(&item, rng.below(4) != 0, day as u64 * 86_400_000, day, &scheduler);
            if n % 10 == 9 {
                p.record(attempt(7, 10, day as u64 * 86_400_000), day);
            }
        }
        let size = p.encode().len();
        assert!(size <= 300 * 1024, "{size} bytes");
        assert!(p.items.values().all(|r| r.log.len() <= LOG_KEPT));
        assert_eq!(p.items.values().map(|r| (r.right + r.wrong) as u64).sum::<u64>(), 10_000, "totals keep every answer");
        assert!(Progress::decode(&p.encode()).is_ok());
    }
}
