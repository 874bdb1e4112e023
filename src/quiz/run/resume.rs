//! A quiz in progress, in a form that can be stored and picked up again after
//! a reload, Back, another tab or an app update. Questions are stored by id
//! and looked up in the bank again, so a saved quiz stays small.
//!
//! Inside the [`Store`](crate::quiz::saved::store::Store) a quiz in progress is a
//! [`SavedQuiz`], written by serde as
//! `{"kind", "title", "started_at", "items": [{"id", "order", "response"}], "position", "answered", "draft"}`,
//! each layout, answer and draft by the ids of the parts chosen (see
//! [`stored_answer`](super::stored_answer)), never by position.
//! Versions 1 and 2 of the app kept one quiz under a key of its own; [`SavedQuiz::decode_legacy`]
//! reads those for the migration.

use serde::{Deserialize, Serialize};

use super::attempt::Mode;
use super::attempt::{Attempt, AttemptItem, QuizKind, Stage};
use super::stored_answer::{self, Changed, PartRef, StoredDraft, StoredResponse};
use crate::quiz::answering::draft::Draft;
use crate::quiz::answering::marking::Response;
use crate::quiz::content::bank::Bank;
use crate::quiz::links::link::QuizSpec;

/// A quiz in progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedQuiz {
    pub kind: QuizKind,
    /// What the quiz is called on screen ("Quick check", a topic's title, a trainer's title).
    pub title: String,
    /// When it was started, in ms since the Unix epoch.
    #[serde(rename = "started_at")]
    pub started_at_ms: u64,
    pub items: Vec<SavedItem>,
    /// Zero-based index of the current question. In an assessment, the number
    /// of questions (one past the last) while the person checks their answers.
    pub position: usize,
    /// True while the current question's feedback is showing (immediate feedback only).
    pub answered: bool,
    /// What is picked so far on the current question, before it is checked
    /// (see [`SavedQuiz::current_draft`]).
    #[serde(default)]
    pub draft: Option<StoredDraft>,
    /// The time spent on it so far, in ms: the gaps between one change and
    /// the next, each counted up to [`ACTIVE_GAP_MAX_MS`], so a quiz left
    /// overnight and finished at breakfast counts its minutes, not its hours.
    #[serde(rename = "active", default, skip_serializing_if = "is_zero")]
    pub active_ms: u64,
    /// When `active_ms` was last brought up to date, in ms since the Unix epoch.
    #[serde(rename = "active_at", default, skip_serializing_if = "is_zero")]
    pub active_at_ms: u64,
}

/// The longest gap between two changes to a quiz that counts as time spent
/// on it: reading a long scenario takes a few minutes; more is a break.
pub const ACTIVE_GAP_MAX_MS: u64 = 5 * 60_000;

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One question of a saved quiz or attempt: its id, its layout and the
/// answer given, by part ids: `{"id", "order": ["c", "a", "b"], "response": {"choice": "a"} or null, "right"?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SavedItem {
    pub id: String,
    /// The parts in the order shown (see `AttemptItem::layout`).
    pub order: Vec<PartRef>,
    pub response: Option<StoredResponse>,
    /// In a finished attempt, whether the answer was marked right when it
    /// was given (from version 6), so a later change to the course can be
    /// told apart from the mark it had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub right: Option<bool>,
}

impl SavedItem {
    /// A question of a attempt as stored; `right` is its mark if the attempt is finished.
    pub fn of(item: &AttemptItem, right: Option<bool>) -> SavedItem {
        let kind = &item.question.kind;
        SavedItem {
            id: item.question.id.clone(),
            order: stored_answer::store_layout(kind, &item.layout),
            response: item.response.as_ref().map(|r| stored_answer::store_response(kind, r)),
            right,
        }
    }

    /// The stored item against the current bank, or what has changed since
    /// it was stored. `right` is not compared here (see `FinishedAttempt::review`).
    pub fn read(&self, bank: &Bank) -> Result<AttemptItem, Changed> {
        let question = bank.question(&self.id).ok_or(Changed::QuestionRemoved)?;
        let kind = &question.kind;
        let response = self.response.as_ref().map(|r| stored_answer::read_response(kind, r)).transpose()?;
        Ok(AttemptItem { question: question.clone(), layout: stored_answer::read_layout(kind, &self.order), response })
    }
}

/// Why a saved quiz could not be picked up again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeError {
    /// Not a saved quiz this version understands.
    Unreadable,
    /// It names questions that are no longer in the bank, or does not fit them.
    NoLongerMatches,
}

/// The items of a attempt, as stored.
pub fn saved_items(attempt: &Attempt) -> Vec<SavedItem> {
    attempt.items().iter().map(|item| SavedItem::of(item, None)).collect()
}

/// Looks up each stored item in the bank and checks it fits: the question
/// exists, every part its answer names is still there, and (via `answered`)
/// which items should have answers. The layout follows the parts by id.
pub fn restore_items(
    saved: &[SavedItem],
    bank: &Bank,
    answered: impl Fn(usize, &SavedItem) -> bool,
) -> Result<Vec<AttemptItem>, ResumeError> {
    if saved.is_empty() {
        return Err(ResumeError::NoLongerMatches);
    }
    saved
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let read = item.read(bank).map_err(|_| ResumeError::NoLongerMatches)?;
            if !answered(index, item) {
                return Err(ResumeError::NoLongerMatches);
            }
            Ok(read)
        })
        .collect()
}

impl SavedQuiz {
    /// The quiz as it stands; `None` once it is finished (it is then an attempt).
    pub fn from_attempt(attempt: &Attempt, title: &str, started_at_ms: u64) -> Option<SavedQuiz> {
        if attempt.stage() == Stage::Finished {
            return None;
        }
        Some(SavedQuiz {
            kind: attempt.kind().clone(),
            title: title.to_owned(),
            started_at_ms,
            items: saved_items(attempt),
            position: if attempt.stage() == Stage::CheckingAnswers { attempt.len() } else { attempt.position() },
            answered: attempt.stage() == Stage::Answered,
            draft: None,
            active_ms: 0,
            active_at_ms: 0,
        })
    }

    /// What is picked so far on the current question, in its positions now;
    /// `None` if nothing is, or it no longer fits the question.
    pub fn current_draft(&self, bank: &Bank) -> Option<Draft> {
        let item = self.items.get(self.position)?.read(bank).ok()?;
        stored_answer::read_draft(&item.question.kind, &item.layout, self.draft.as_ref()?)
    }

    /// This quiz with `draft` (in positions now) kept as what is picked on
    /// the current question; unchanged if the current question is not in the bank.
    pub fn with_draft(self, bank: &Bank, draft: &Draft) -> SavedQuiz {
        let Some(question) = self.items.get(self.position).and_then(|item| bank.question(&item.id)) else { return self };
        SavedQuiz { draft: Some(stored_answer::store_draft(&question.kind, draft)), ..self }
    }

    /// The time spent on it, in ms, if it is finished at `now_ms`.
    pub fn active_ms_at(&self, now_ms: u64) -> u64 {
        let at = self.active_at_ms.max(self.started_at_ms);
        self.active_ms + now_ms.saturating_sub(at).min(ACTIVE_GAP_MAX_MS)
    }

    /// This quiz changed at `now_ms`, after `before` (the same quiz as last
    /// saved, if any): its time spent, carried over and brought up to now.
    pub fn touched(self, before: Option<&SavedQuiz>, now_ms: u64) -> SavedQuiz {
        let (active, at) = match before {
            Some(b) => (b.active_ms.max(self.active_ms), b.active_at_ms.max(self.active_at_ms).max(b.started_at_ms)),
            None => (self.active_ms, self.active_at_ms.max(self.started_at_ms)),
        };
        SavedQuiz { active_ms: active + now_ms.saturating_sub(at).min(ACTIVE_GAP_MAX_MS), active_at_ms: now_ms.max(at), ..self }
    }

    /// Where the person is, in words: "question 4 of 10", or, in an
    /// assessment with every answer saved, "checking your answers".
    pub fn whereabouts(&self) -> String {
        if self.position >= self.items.len() {
            "checking your answers".to_string()
        } else {
            format!("question {} of {}", self.position + 1, self.items.len())
        }
    }

    /// Rebuilds the attempt against the current bank, checking everything the
    /// stored text claims, since it may have been edited or come from an older app.
    pub fn restore(&self, bank: &Bank) -> Result<Attempt, ResumeError> {
        if self.kind.defers_feedback() {
            return self.restore_assessment(bank);
        }
        if self.position >= self.items.len() {
            return Err(ResumeError::NoLongerMatches);
        }
        // Questions before the current one are answered; those after are not.
        let items = restore_items(&self.items, bank, |index, item| match index.cmp(&self.position) {
            std::cmp::Ordering::Less => item.response.is_some(),
            std::cmp::Ordering::Equal => item.response.is_some() == self.answered,
            std::cmp::Ordering::Greater => item.response.is_none(),
        })?;
        let stage = if self.answered { Stage::Answered } else { Stage::Asking };
        Ok(Attempt::resume(self.kind.clone(), items, self.position, stage))
    }

    /// An assessment is either on its first pass (questions before the current
    /// one saved, the rest not), or has every answer saved: then the person is
    /// checking them (`position` one past the last) or changing one.
    /// Versions before 4 showed a "saved" step after each answer (`answered`):
    /// that answer is kept and the quiz moves on, as it now does.
    fn restore_assessment(&self, bank: &Bank) -> Result<Attempt, ResumeError> {
        let len = self.items.len();
        let position = if self.answered { self.position + 1 } else { self.position };
        let all_saved = self.items.iter().all(|i| i.response.is_some());
        if position > len
            || (position == len && !all_saved)
            || (self.answered && self.items.get(self.position).is_none_or(|i| i.response.is_none()))
        {
            return Err(ResumeError::NoLongerMatches);
        }
        let items = restore_items(&self.items, bank, |index, item| all_saved || (index < position) == item.response.is_some())?;
        let (position, stage) = if position == len { (len - 1, Stage::CheckingAnswers) } else { (position, Stage::Asking) };
        Ok(Attempt::resume(self.kind.clone(), items, position, stage))
    }

    /// Reads a quiz that version 1 or 2 of the app kept under its own key.
    /// Version 1 kept only the chosen option of single-choice questions, as `chosen`.
    pub fn decode_legacy(text: &str, title: &str, started_at_ms: u64) -> Result<SavedQuiz, ResumeError> {
        let old: LegacySavedQuiz = serde_json::from_str(text).map_err(|_| ResumeError::Unreadable)?;
        let items = old
            .items
            .into_iter()
            .map(|item| {
                let response = match old.version {
                    1 => item.chosen.map(Response::Choice),
                    2 => item.response,
                    _ => return Err(ResumeError::Unreadable),
                };
                Ok(SavedItem {
                    id: item.id,
                    order: item.order.into_iter().map(PartRef::Position).collect(),
                    response: response.as_ref().map(stored_answer::positional),
                    right: None,
                })
            })
            .collect::<Result<Vec<_>, _>>()?;
        if !matches!(old.version, 1 | 2) {
            return Err(ResumeError::Unreadable);
        }
        Ok(SavedQuiz {
            // Saves from before quiz kinds existed were quick checks.
            kind: match (old.mode.unwrap_or(Mode::Quick), old.link) {
                (Mode::Trainer, Some(spec)) => QuizKind::Trainer(spec),
                (mode, _) => QuizKind::of_mode(mode, old.topic).ok_or(ResumeError::Unreadable)?,
            },
            title: title.to_owned(),
            started_at_ms,
            items,
            position: old.position,
            answered: old.answered,
            draft: None,
            active_ms: 0,
            active_at_ms: 0,
        })
    }
}

/// The quiz-in-progress format of versions 1 and 2.
#[derive(Deserialize)]
struct LegacySavedQuiz {
    version: u32,
    #[serde(default)]
    mode: Option<Mode>,
    #[serde(default)]
    topic: Option<String>,
    #[serde(default)]
    link: Option<QuizSpec>,
    items: Vec<LegacyItem>,
    position: usize,
    answered: bool,
}

#[derive(Deserialize)]
struct LegacyItem {
    id: String,
    order: Vec<usize>,
    #[serde(default)]
    chosen: Option<usize>,
    #[serde(default)]
    response: Option<Response>,
}
