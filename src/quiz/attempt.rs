//! A finished attempt, with every answer given, so its results page can be
//! rebuilt exactly after a reload, Back, Forward or in another tab.
//!
//! Stored in the [`Store`](super::store::Store) under the quiz's id as
//! `{"kind", "title", "started_at", "finished_at", "score", "items", "token"}`
//! (times in ms since the Unix epoch). Attempts migrated from version 2 have
//! no items: their score is kept, their answers were never stored.

use serde::{Deserialize, Serialize};

use super::bank::Bank;
use super::link::QuizResult;
use super::progress::ScoreRecord;
use super::resume::{restore_items, saved_items, ResumeError, SavedItem};
use super::scoring::Score;
use super::session::{QuizKind, Session, Stage};
use super::wording::OFFSET_RANGE;

/// One finished quiz.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Attempt {
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
    /// Every question with its layout and answer; empty for attempts from before version 3.
    pub items: Vec<SavedItem>,
    /// 8 lowercase hex digits, random per attempt: a result link sent twice is counted once.
    pub token: String,
}

impl Attempt {
    /// The attempt a finished `session` makes, finished at `finished_at_ms`
    /// on a device `offset_minutes` east of UTC; `None` if it is not finished.
    pub fn from_session(
        session: &Session,
        title: &str,
        started_at_ms: u64,
        finished_at_ms: u64,
        offset_minutes: i64,
        token: &str,
    ) -> Option<Attempt> {
        (session.stage() == Stage::Finished).then(|| Attempt {
            kind: session.kind().clone(),
            title: title.to_owned(),
            started_at_ms,
            finished_at_ms,
            offset_minutes: Some(offset_minutes),
            active_ms: None,
            score: session.score(),
            items: saved_items(session),
            token: token.to_owned(),
        })
    }

    /// Some(passed?) for a quiz with a pass mark.
    pub fn passed(&self) -> Option<bool> {
        self.kind.pass_mark().map(|mark| self.score.passes(mark))
    }

    /// The finished session, with every answer, checked against the current bank.
    pub fn restore(&self, bank: &Bank) -> Result<Session, ResumeError> {
        let items = restore_items(&self.items, bank, |_, item| item.response.is_some())?;
        let position = items.len() - 1;
        Ok(Session::resume(self.kind.clone(), items, position, Stage::Finished))
    }

    /// For a trainer's quiz, the result to send back: the score and which
    /// questions (by position) were missed, from `session` (this attempt as
    /// [`Attempt::restore`] gives it). `None` for other quizzes.
    pub fn result(&self, session: &Session) -> Option<QuizResult> {
        let spec = self.kind.link.clone()?;
        let missed = session.items().iter().enumerate().filter(|(_, i)| !i.is_correct()).map(|(n, _)| n as u32).collect();
        Some(QuizResult { spec, correct: session.score().correct, missed, token: self.token.clone(), name: None })
    }

    /// This attempt's score, to compare with the best.
    pub fn score_record(&self, id: &str) -> ScoreRecord {
        ScoreRecord {
            id: id.to_owned(),
            finished_at_ms: self.finished_at_ms,
            offset_minutes: self.offset_minutes,
            mode: self.kind.mode,
            topic: self.kind.topic.clone(),
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
