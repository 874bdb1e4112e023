//! A finished attempt, with every answer given, so its results page can be
//! rebuilt exactly after a reload, Back, Forward or in another tab.
//!
//! Stored in the [`Store`](crate::quiz::saved::store::Store) under the quiz's id as
//! `{"kind", "title", "started_at", "finished_at", "score", "items", "token"}`
//! (times in ms since the Unix epoch). Attempts migrated from version 2 have
//! no items: their score is kept, their answers were never stored.

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::attempt::{Attempt, Mode, QuizKind, Stage};
use super::resume::{ResumeError, SavedItem};
use super::stored_answer::Changed;
use crate::quiz::answering::scoring::Score;
use crate::quiz::content::bank::Bank;
use crate::quiz::links::link::QuizResult;
use crate::quiz::text::calendar::OFFSET_RANGE;

/// A finished attempt read against the current bank (see [`FinishedAttempt::review`]).
#[derive(Debug, Clone)]
pub struct Review {
    /// The answers that still read and mark as they did, finished; `None` if none do.
    pub attempt: Option<Attempt>,
    /// For each of the attempt's items, its question number in the attempt (from 1).
    pub numbers: Vec<usize>,
    /// Each question the course has changed since, by number, and how.
    pub changed: Vec<(usize, Changed)>,
}

/// One finished quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FinishedAttempt {
    pub kind: QuizKind,
    /// What the quiz was called on screen.
    pub title: String,
    #[serde(rename = "started_at")]
    pub started_at_ms: u64,
    #[serde(rename = "finished_at")]
    pub finished_at_ms: u64,
    /// The device's offset from UTC (minutes east) when it was finished, so
    /// its date stays the day it happened wherever the phone goes next.
    /// `None` for attempts from before version 4.
    #[serde(rename = "offset", default, skip_serializing_if = "Option::is_none")]
    pub offset_minutes: Option<i64>,
    /// The time spent answering, in ms (see `SavedQuiz::active_ms`); set by
    /// `Store::finish_quiz`. `None` for attempts from before version 5.
    #[serde(rename = "active", default, skip_serializing_if = "Option::is_none")]
    pub active_ms: Option<u64>,
    pub score: Score,
    /// Every question with its layout, answer (by part ids) and, from
    /// version 6, its mark then; empty for attempts from before version 3.
    pub items: Vec<SavedItem>,
    /// 8 lowercase hex digits, random per attempt: a result link sent twice is counted once.
    pub token: String,
}

impl FinishedAttempt {
    /// The attempt a finished `attempt` makes, finished at `finished_at_ms`
    /// on a device `offset_minutes` east of UTC; `None` if it is not finished.
    pub fn from_attempt(
        attempt: &Attempt,
        title: &str,
        started_at_ms: u64,
        finished_at_ms: u64,
        offset_minutes: i64,
        token: &str,
    ) -> Option<FinishedAttempt> {
        (attempt.stage() == Stage::Finished).then(|| FinishedAttempt {
            kind: attempt.kind().clone(),
            title: title.to_owned(),
            started_at_ms,
            finished_at_ms,
            offset_minutes: Some(offset_minutes),
            active_ms: None,
            score: attempt.score(),
            items: attempt.items().iter().map(|item| SavedItem::of(item, Some(item.is_correct()))).collect(),
            token: token.to_owned(),
        })
    }

    /// The attempt as the results page shows it, against the current bank:
    /// the answers that still read and are marked as they were, and, by
    /// question number (from 1), each that the course has changed since.
    /// The score stays the one given when the attempt was finished. `Err`
    /// when its answers were never kept (before version 3).
    pub fn review(&self, bank: &Bank) -> Result<Review, ResumeError> {
        if self.items.is_empty() {
            return Err(ResumeError::NoLongerMatches);
        }
        let mut items = Vec::new();
        let mut numbers = Vec::new();
        let mut changed = Vec::new();
        for (index, saved) in self.items.iter().enumerate() {
            let number = index + 1;
            match saved.read(bank) {
                Ok(item) if item.response.is_none() => changed.push((number, Changed::AnswerNoLongerFits)),
                Ok(item) if saved.right.is_some_and(|right| right != item.is_correct()) => changed.push((number, Changed::MarkingChanged)),
                Ok(item) => {
                    items.push(item);
                    numbers.push(number);
                }
                Err(why) => changed.push((number, why)),
            }
        }
        let attempt = (!items.is_empty()).then(|| {
            let position = items.len() - 1;
            Attempt::resume(self.kind.clone(), items, position, Stage::Finished)
        });
        Ok(Review { attempt, numbers, changed })
    }

    /// Some(passed?) for a quiz with a pass mark.
    pub fn passed(&self) -> Option<bool> {
        self.kind.pass_mark().map(|mark| self.score.passes(mark))
    }

    /// For a trainer's quiz, the result to send back: the score and which
    /// questions (by position from 0) were missed, as marked when it was
    /// finished. Attempts from before version 6 kept no marks: they are
    /// marked again against `bank`, and give no result if any answer no longer reads.
    /// `None` for other quizzes.
    pub fn result(&self, bank: &Bank) -> Option<QuizResult> {
        let spec = self.kind.link()?.clone();
        let rights = self
            .items
            .iter()
            .map(|saved| saved.right.or_else(|| saved.read(bank).ok().filter(|i| i.response.is_some()).map(|i| i.is_correct())))
            .collect::<Option<Vec<bool>>>()?;
        if rights.is_empty() {
            return None;
        }
        let missed = rights.iter().enumerate().filter(|(_, right)| !**right).map(|(n, _)| n as u32).collect();
        Some(QuizResult { spec, correct: self.score.correct, missed, token: self.token.clone(), name: None })
    }

    /// This attempt's score, to compare with the best.
    pub fn score_record(&self, id: &str) -> ScoreRecord {
        ScoreRecord {
            id: id.to_owned(),
            finished_at_ms: self.finished_at_ms,
            offset_minutes: self.offset_minutes,
            mode: self.kind.mode(),
            topic: self.kind.topic().map(str::to_string),
            correct: self.score.correct,
            total: self.score.total,
        }
    }

    /// Checks what serde cannot: a possible score that matches the items, and a token of the right shape.
    pub fn is_sane(&self) -> bool {
        self.score.total > 0
            && self.score.correct <= self.score.total
            && (self.items.is_empty() || self.items.len() == self.score.total as usize)
            && self.offset_minutes.is_none_or(|o| OFFSET_RANGE.contains(&o))
            && self.token.len() == 8
            && self.token.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    }
}

/// The score of one finished attempt: what home shows as a last or best score.
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
    /// The device's offset from UTC (minutes east) when it was finished
    /// (see [`FinishedAttempt`]); `None` before version 4.
    #[serde(rename = "offset", default, skip_serializing_if = "Option::is_none")]
    pub offset_minutes: Option<i64>,
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
        self.total > 0 && self.correct <= self.total && self.offset_minutes.is_none_or(|o| OFFSET_RANGE.contains(&o))
    }

    /// Every field, finish time first: a total order, so that ties between
    /// two different scores are always settled the same way in every tab.
    fn order(&self) -> (u64, &str, Mode, &Option<String>, u32, u32, Option<i64>) {
        (self.finished_at_ms, &self.id, self.mode, &self.topic, self.correct, self.total, self.offset_minutes)
    }

    /// How two scores compare as a best: by proportion right
    /// ([`Score::beats`]), then equal proportions by the later finish (then
    /// the other fields), so every tab picks the same.
    pub fn rank(a: &ScoreRecord, b: &ScoreRecord) -> Ordering {
        if a.score().beats(&b.score()) {
            Ordering::Greater
        } else if b.score().beats(&a.score()) {
            Ordering::Less
        } else {
            a.order().cmp(&b.order())
        }
    }

    /// The better of two scores, by [`ScoreRecord::rank`]: the higher
    /// proportion right; of equal ones, the latest to get it.
    pub fn better<'a>(a: &'a ScoreRecord, b: &'a ScoreRecord) -> &'a ScoreRecord {
        if ScoreRecord::rank(b, a) == Ordering::Greater {
            b
        } else {
            a
        }
    }

    /// The later of two scores: the later finish, then by id and the other fields, so every tab picks the same.
    pub fn later<'a>(a: &'a ScoreRecord, b: &'a ScoreRecord) -> &'a ScoreRecord {
        if b.order() > a.order() {
            b
        } else {
            a
        }
    }
}
