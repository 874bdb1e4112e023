//! An attempt in progress: one run through a quiz, as a state machine.
//!
//! Two kinds of run, set by [`QuizKind::defers_feedback`]:
//! - **Immediate feedback** (practice): `start` → (`answer` → `next`)* → finished.
//! - **Deferred feedback** (a full assessment, or a trainer's assessment):
//!   `start` → `save`* → checking answers (`change` → `save`)* → `submit` → finished.
//!
//! Marking is only handed out through [`Attempt::marking`], which gives nothing
//! for an assessment until it is submitted. So no screen can show, announce or
//! record whether an assessment answer is right before the person submits:
//! the types do not let it.
//!
//! The attempt owns copies of its questions, so it needs no bank once started,
//! and takes its randomness as a seeded generator from the caller.

use crate::quiz::answering::marking::{PartsRight, Response, RightAnswer};
use crate::quiz::answering::scoring::Score;
use crate::quiz::content::bank::{Bank, Kind, Question};
use crate::quiz::rng::SeededRng;

/// A question as this attempt shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AttemptItem {
    pub question: Question,
    /// How the question is laid out on screen, by type:
    /// - choice types: `layout[shown_position]` is an index into the options;
    /// - put in order: the items' starting arrangement (never already right);
    /// - match: the order the rights are offered in each drop-down;
    /// - true/false: `[0, 1]` (True, then False); numeric: empty.
    pub layout: Vec<usize>,
    /// The learner's answer, once checked.
    pub response: Option<Response>,
}

impl AttemptItem {
    /// Only within the domain: screens learn marks through [`Attempt::marking`].
    pub(in crate::quiz) fn is_correct(&self) -> bool {
        self.response.as_ref().is_some_and(|r| self.question.kind.mark(r).0)
    }
}

/// The layout a question starts with (see `AttemptItem::order`).
pub fn starting_layout(kind: &Kind, rng: &mut SeededRng) -> Vec<usize> {
    let shuffled = |len: usize, rng: &mut SeededRng| {
        let mut order: Vec<usize> = (0..len).collect();
        rng.shuffle(&mut order);
        order
    };
    match kind {
        Kind::TrueFalse { .. } => vec![0, 1],
        Kind::Numeric { .. } => Vec::new(),
        Kind::Match { pairs } => shuffled(pairs.len(), rng),
        Kind::Order { items } => {
            let mut order = shuffled(items.len(), rng);
            // Starting in the right order would give the answer away.
            if order.iter().enumerate().all(|(place, &item)| place == item) {
                order.rotate_left(1);
            }
            order
        }
        Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => shuffled(options.len(), rng),
    }
}

/// True if `order` is a layout `starting_layout` could have made for `kind`.
pub fn is_valid_layout(kind: &Kind, order: &[usize]) -> bool {
    let len = match kind {
        Kind::TrueFalse { .. } => return order == [0, 1],
        Kind::Numeric { .. } => 0,
        Kind::Match { pairs } => pairs.len(),
        Kind::Order { items } => items.len(),
        Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => options.len(),
    };
    let mut seen = vec![false; len];
    order.len() == len && order.iter().all(|&i| i < len && !std::mem::replace(&mut seen[i], true))
}

/// Where a run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for an answer to the current question (in an assessment, the
    /// current question may hold a saved answer the person is changing).
    Asking,
    /// Immediate feedback only: the current question is answered and its feedback is showing.
    Answered,
    /// Deferred feedback only: every answer is saved, and the person checks
    /// them before submitting (the GOV.UK "Check your answers" page).
    CheckingAnswers,
    /// Finished (an assessment: submitted). Marking is open.
    Finished,
}

/// What the learner is told after checking an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub correct: bool,
    /// A figure near the right one, but not it ("Close: the figure is 294").
    pub close: bool,
    pub right_answer: RightAnswer,
    pub parts_right: Option<PartsRight>,
    /// Feedback written for the options the learner chose (and right ones missed).
    pub notes: Vec<String>,
    pub explanation: String,
    pub source: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AttemptError {
    NoQuestions,
    /// The answer does not fit the question (wrong shape, unknown option…).
    NotAnAnswer,
    /// The call does not fit the current stage (e.g. `next` before answering).
    WrongStage,
    /// The call is for the other kind of run: `answer` and `next` are for
    /// immediate feedback, `save`, `change` and `submit` for an assessment.
    WrongKind,
}

pub use super::quiz_kind::{Mode, QuizKind, PASS_MARK};

#[derive(Debug, Clone, PartialEq)]
pub struct Attempt {
    kind: QuizKind,
    items: Vec<AttemptItem>,
    position: usize,
    stage: Stage,
}

impl Attempt {
    /// Starts a quick check on `questions` in the order given, laying each out with `rng`.
    pub fn start(questions: Vec<Question>, rng: &mut SeededRng) -> Result<Attempt, AttemptError> {
        Attempt::start_kind(QuizKind::Quick, questions, rng)
    }

    /// Starts a quiz of any kind on `questions` in the order given.
    pub fn start_kind(kind: QuizKind, questions: Vec<Question>, rng: &mut SeededRng) -> Result<Attempt, AttemptError> {
        if questions.is_empty() {
            return Err(AttemptError::NoQuestions);
        }
        let items = questions
            .into_iter()
            .map(|question| AttemptItem { layout: starting_layout(&question.kind, rng), question, response: None })
            .collect();
        Ok(Attempt { kind, items, position: 0, stage: Stage::Asking })
    }

    /// Rebuilds a attempt from checked parts; only `resume::SavedQuiz` and `FinishedAttempt` call this.
    pub(in crate::quiz) fn resume(kind: QuizKind, items: Vec<AttemptItem>, position: usize, stage: Stage) -> Attempt {
        Attempt { kind, items, position, stage }
    }

    pub fn kind(&self) -> &QuizKind {
        &self.kind
    }

    /// Some(passed?) once a quiz with a pass mark is finished.
    pub fn passed(&self) -> Option<bool> {
        let mark = self.kind.pass_mark()?;
        (self.stage == Stage::Finished).then(|| self.score().passes(mark))
    }

    pub fn stage(&self) -> Stage {
        self.stage
    }

    /// True for an assessment: answers are saved, and marked only once submitted.
    pub fn defers_feedback(&self) -> bool {
        self.kind.defers_feedback()
    }

    /// Zero-based index of the current question.
    pub fn position(&self) -> usize {
        self.position
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn is_last(&self) -> bool {
        self.position + 1 == self.items.len()
    }

    /// Every question with its layout and the answer given (saved, in an assessment).
    pub fn items(&self) -> &[AttemptItem] {
        &self.items
    }

    /// How many questions have an answer.
    pub fn answered_count(&self) -> usize {
        self.items.iter().filter(|i| i.response.is_some()).count()
    }

    /// The question on screen: while asking, or showing its feedback.
    pub fn current(&self) -> Option<&AttemptItem> {
        match self.stage {
            Stage::Asking | Stage::Answered => self.items.get(self.position),
            Stage::CheckingAnswers | Stage::Finished => None,
        }
    }

    /// Immediate feedback: checks the learner's answer to the current question.
    pub fn answer(&mut self, response: Response) -> Result<Feedback, AttemptError> {
        self.take(response, false)?;
        self.stage = Stage::Answered;
        Ok(feedback_for(&self.items[self.position]))
    }

    /// Takes `response` as the current question's answer, if this is a run
    /// that `defers` feedback (or not), it is asking, and the answer fits.
    fn take(&mut self, response: Response, defers: bool) -> Result<(), AttemptError> {
        if self.defers_feedback() != defers {
            return Err(AttemptError::WrongKind);
        }
        if self.stage != Stage::Asking {
            return Err(AttemptError::WrongStage);
        }
        let item = &mut self.items[self.position];
        if !item.question.kind.accepts(&response) {
            return Err(AttemptError::NotAnAnswer);
        }
        item.response = Some(response);
        Ok(())
    }

    /// Immediate feedback: moves on after feedback; finishes after the last question.
    #[allow(clippy::should_implement_trait)] // the quiz's own step, not an iterator
    pub fn next(&mut self) -> Result<(), AttemptError> {
        if self.defers_feedback() {
            return Err(AttemptError::WrongKind);
        }
        if self.stage != Stage::Answered {
            return Err(AttemptError::WrongStage);
        }
        if self.is_last() {
            self.stage = Stage::Finished;
        } else {
            self.position += 1;
            self.stage = Stage::Asking;
        }
        Ok(())
    }

    /// Assessment: saves the answer to the current question, unmarked, and
    /// moves on: to the next question, or to checking the answers once every
    /// question has one (after the last, or after changing an answer).
    pub fn save(&mut self, response: Response) -> Result<(), AttemptError> {
        self.take(response, true)?;
        if self.answered_count() == self.items.len() {
            self.stage = Stage::CheckingAnswers;
        } else {
            self.position += 1;
        }
        Ok(())
    }

    /// Assessment, checking answers: goes back to question `position` to change its answer.
    pub fn change(&mut self, position: usize) -> Result<(), AttemptError> {
        if !self.defers_feedback() {
            return Err(AttemptError::WrongKind);
        }
        if self.stage != Stage::CheckingAnswers || position >= self.items.len() {
            return Err(AttemptError::WrongStage);
        }
        self.position = position;
        self.stage = Stage::Asking;
        Ok(())
    }

    /// Assessment, checking answers: submits every answer for marking.
    pub fn submit(&mut self) -> Result<(), AttemptError> {
        if !self.defers_feedback() {
            return Err(AttemptError::WrongKind);
        }
        if self.stage != Stage::CheckingAnswers {
            return Err(AttemptError::WrongStage);
        }
        self.stage = Stage::Finished;
        Ok(())
    }

    /// The marking, where it may be shown: always with immediate feedback, and
    /// for an assessment only once it is submitted. `None` before then.
    pub fn marking(&self) -> Option<Marking<'_>> {
        (!self.defers_feedback() || self.stage == Stage::Finished).then_some(Marking { attempt: self })
    }

    /// The score, for the domain only (see [`Marking::score`]).
    pub(in crate::quiz) fn score(&self) -> Score {
        Score { correct: self.items.iter().filter(|i| i.is_correct()).count() as u32, total: self.items.len() as u32 }
    }
}

/// Marks and feedback of a attempt, handed out only by [`Attempt::marking`].
#[derive(Debug, Clone, Copy)]
pub struct Marking<'a> {
    attempt: &'a Attempt,
}

impl<'a> Marking<'a> {
    /// Feedback for the current question, once it has been checked.
    pub fn feedback(&self) -> Option<Feedback> {
        match self.attempt.stage {
            Stage::Answered => Some(feedback_for(&self.attempt.items[self.attempt.position])),
            _ => None,
        }
    }

    /// The current question, once checked, with the answer given: what the
    /// inputs show marked right or wrong.
    pub fn checked(&self) -> Option<&'a AttemptItem> {
        (self.attempt.stage == Stage::Answered).then(|| &self.attempt.items[self.attempt.position])
    }

    /// Feedback for every answered question, for the review after a quiz.
    pub fn review(&self) -> Vec<(&'a AttemptItem, Feedback)> {
        self.attempt.items.iter().filter(|i| i.response.is_some()).map(|i| (i, feedback_for(i))).collect()
    }

    /// Right or not, for each answered question: (question id, right?), in quiz order.
    pub fn results(&self) -> Vec<(&'a str, bool)> {
        self.attempt.items.iter().filter(|i| i.response.is_some()).map(|i| (i.question.id.as_str(), i.is_correct())).collect()
    }

    /// How the answers went in each topic of `bank`: (topic title, right,
    /// answered), in the order the topics first come up. A question the bank
    /// no longer has is left out.
    pub fn by_topic(&self, bank: &Bank) -> Vec<(String, u32, u32)> {
        let mut topics: Vec<(String, u32, u32)> = Vec::new();
        for (id, right) in self.results() {
            let Some(title) = bank.topic_of(id).and_then(|t| bank.topic(t)).map(|t| t.title.clone()) else { continue };
            match topics.iter_mut().find(|(t, _, _)| *t == title) {
                Some(entry) => {
                    entry.1 += u32::from(right);
                    entry.2 += 1;
                }
                None => topics.push((title, u32::from(right), 1)),
            }
        }
        topics
    }

    /// Right answers so far, out of every question in the quiz.
    pub fn score(&self) -> Score {
        self.attempt.score()
    }
}

fn feedback_for(item: &AttemptItem) -> Feedback {
    let q = &item.question;
    let response = item.response.as_ref();
    let (correct, parts_right) = response.map_or((false, None), |r| q.kind.mark(r));
    let right_answer = q.kind.right_answer(response);
    Feedback {
        correct,
        close: right_answer.is_close(),
        right_answer,
        parts_right,
        notes: response.map(|r| q.kind.option_notes(r)).unwrap_or_default(),
        explanation: q.explanation.clone(),
        source: q.source.clone(),
    }
}
