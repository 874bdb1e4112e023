//! One run through a quiz, as a state machine:
//! `start` → (`answer` → `next`)* → finished.
//!
//! The session owns copies of its questions, so it needs no bank once started,
//! and takes its randomness as a seeded generator from the caller.

use super::bank::{Question, Text};
use super::rng::SeededRng;
use super::scoring::Score;

/// A question as this session shows it: options in a shuffled order.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionItem {
    pub question: Question,
    /// `order[shown_position]` is the index of the option in `question.options`.
    pub order: Vec<usize>,
    /// The option chosen (index into `question.options`), once answered.
    pub chosen: Option<usize>,
}

impl SessionItem {
    pub fn shown_options(&self) -> impl Iterator<Item = &super::bank::AnswerOption> {
        self.order.iter().map(|&i| &self.question.options[i])
    }

    pub fn is_correct(&self) -> bool {
        self.chosen.is_some() && self.chosen == self.question.correct_option()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Waiting for an answer to the current question.
    Asking,
    /// The current question is answered and its feedback is showing.
    Answered,
    Finished,
}

/// What the learner is told after checking an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Feedback {
    pub correct: bool,
    pub correct_answer: Text,
    /// Feedback written for the option the learner picked, if any.
    pub option_feedback: Option<Text>,
    pub explanation: Text,
    pub source: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionError {
    NoQuestions,
    /// `answer` was called with a position the question does not have.
    NoSuchOption,
    /// The call does not fit the current stage (e.g. `next` before answering).
    WrongStage,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    items: Vec<SessionItem>,
    position: usize,
    stage: Stage,
}

impl Session {
    /// Starts a quiz on `questions`, shuffling both their order and their options.
    pub fn start(mut questions: Vec<Question>, rng: &mut SeededRng) -> Result<Session, SessionError> {
        if questions.is_empty() {
            return Err(SessionError::NoQuestions);
        }
        rng.shuffle(&mut questions);
        let items = questions
            .into_iter()
            .map(|question| {
                let mut order: Vec<usize> = (0..question.options.len()).collect();
                rng.shuffle(&mut order);
                SessionItem { question, order, chosen: None }
            })
            .collect();
        Ok(Session { items, position: 0, stage: Stage::Asking })
    }

    /// Rebuilds a session from checked parts; only `resume::SavedQuiz` calls this.
    pub(crate) fn resume(items: Vec<SessionItem>, position: usize, stage: Stage) -> Session {
        Session { items, position, stage }
    }

    pub fn stage(&self) -> Stage {
        self.stage
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

    pub fn items(&self) -> &[SessionItem] {
        &self.items
    }

    pub fn current(&self) -> Option<&SessionItem> {
        match self.stage {
            Stage::Finished => None,
            _ => self.items.get(self.position),
        }
    }

    /// Records the option at `shown_position` (as displayed) for the current question.
    pub fn answer(&mut self, shown_position: usize) -> Result<Feedback, SessionError> {
        if self.stage != Stage::Asking {
            return Err(SessionError::WrongStage);
        }
        let item = &mut self.items[self.position];
        let option_index = *item.order.get(shown_position).ok_or(SessionError::NoSuchOption)?;
        item.chosen = Some(option_index);
        self.stage = Stage::Answered;
        Ok(feedback_for(item))
    }

    /// Feedback for the current question, once it has been answered.
    pub fn feedback(&self) -> Option<Feedback> {
        match self.stage {
            Stage::Answered => Some(feedback_for(&self.items[self.position])),
            _ => None,
        }
    }

    /// Moves on after feedback; finishes after the last question.
    pub fn next(&mut self) -> Result<(), SessionError> {
        if self.stage != Stage::Answered {
            return Err(SessionError::WrongStage);
        }
        if self.is_last() {
            self.stage = Stage::Finished;
        } else {
            self.position += 1;
            self.stage = Stage::Asking;
        }
        Ok(())
    }

    pub fn score(&self) -> Score {
        Score {
            correct: self.items.iter().filter(|i| i.is_correct()).count() as u32,
            total: self.items.len() as u32,
        }
    }
}

fn feedback_for(item: &SessionItem) -> Feedback {
    let q = &item.question;
    let correct_answer = q
        .correct_option()
        .map(|i| q.options[i].text.clone())
        .unwrap_or_default();
    Feedback {
        correct: item.is_correct(),
        correct_answer,
        option_feedback: item.chosen.and_then(|i| q.options[i].feedback.clone()),
        explanation: q.explanation.clone(),
        source: q.source.clone(),
    }
}
