//! A quiz in progress, in a form that can be stored and picked up again after
//! a reload, a closed tab or an app update. Questions are stored by id and
//! looked up in the bank again, so a saved quiz stays small.

use super::bank::Bank;
use super::json::{self, object, Json};
use super::session::{Session, SessionItem, Stage};

pub const SAVED_QUIZ_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq)]
pub struct SavedQuiz {
    pub version: u32,
    pub items: Vec<SavedItem>,
    pub position: usize,
    pub answered: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SavedItem {
    pub id: String,
    pub order: Vec<usize>,
    pub chosen: Option<usize>,
}

impl SavedItem {
    fn from_json(value: &Json) -> Option<SavedItem> {
        let order = value.get("order")?.as_array()?.iter().map(Json::as_usize).collect::<Option<_>>()?;
        let chosen = match value.get("chosen")? {
            Json::Null => None,
            other => Some(other.as_usize()?),
        };
        Some(SavedItem { id: value.get("id")?.as_str()?.to_owned(), order, chosen })
    }
}

/// True if `order` holds each of `0..len` exactly once. (No sort: it would
/// bring a sorting routine into the wasm for one check.)
fn is_permutation(order: &[usize], len: usize) -> bool {
    let mut seen = vec![false; len];
    order.len() == len
        && order.iter().all(|&i| i < len && !std::mem::replace(&mut seen[i], true))
}

/// Why a saved quiz could not be picked up again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeError {
    /// Not a saved quiz this version understands.
    Unreadable,
    /// It names questions that are no longer in the bank, or does not fit them.
    NoLongerMatches,
}

impl SavedQuiz {
    /// `None` once the quiz is finished: there is nothing left to resume.
    pub fn from_session(session: &Session) -> Option<SavedQuiz> {
        if session.stage() == Stage::Finished {
            return None;
        }
        Some(SavedQuiz {
            version: SAVED_QUIZ_VERSION,
            items: session
                .items()
                .iter()
                .map(|item| SavedItem {
                    id: item.question.id.to_string(),
                    order: item.order.clone(),
                    chosen: item.chosen,
                })
                .collect(),
            position: session.position(),
            answered: session.stage() == Stage::Answered,
        })
    }

    pub fn encode(&self) -> String {
        let items = self
            .items
            .iter()
            .map(|item| {
                object([
                    ("id", item.id.as_str().into()),
                    ("order", Json::Array(item.order.iter().map(|&i| i.into()).collect())),
                    ("chosen", item.chosen.into()),
                ])
            })
            .collect();
        object([
            ("version", self.version.into()),
            ("items", Json::Array(items)),
            ("position", self.position.into()),
            ("answered", self.answered.into()),
        ])
        .to_text()
    }

    pub fn decode(text: &str) -> Result<SavedQuiz, ResumeError> {
        let doc = json::parse(text).map_err(|_| ResumeError::Unreadable)?;
        if doc.get("version").and_then(Json::as_u32) != Some(SAVED_QUIZ_VERSION) {
            return Err(ResumeError::Unreadable);
        }
        let items = doc
            .get("items")
            .and_then(Json::as_array)
            .ok_or(ResumeError::Unreadable)?
            .iter()
            .map(SavedItem::from_json)
            .collect::<Option<Vec<_>>>()
            .ok_or(ResumeError::Unreadable)?;
        Ok(SavedQuiz {
            version: SAVED_QUIZ_VERSION,
            items,
            position: doc.get("position").and_then(Json::as_usize).ok_or(ResumeError::Unreadable)?,
            answered: doc.get("answered").and_then(Json::as_bool).ok_or(ResumeError::Unreadable)?,
        })
    }

    /// Rebuilds the session against the current bank, checking everything the
    /// stored text claims, since it may have been edited or come from an older app.
    pub fn restore(&self, bank: &Bank) -> Result<Session, ResumeError> {
        if self.items.is_empty() || self.position >= self.items.len() {
            return Err(ResumeError::NoLongerMatches);
        }
        let mut items = Vec::with_capacity(self.items.len());
        for (index, saved) in self.items.iter().enumerate() {
            let question = bank.question(&saved.id).ok_or(ResumeError::NoLongerMatches)?;
            let is_permutation = is_permutation(&saved.order, question.options.len());
            let chosen_fits = saved.chosen.is_none_or(|c| c < question.options.len());
            // Questions before the current one are answered; those after are not.
            let answered_as_expected = match index.cmp(&self.position) {
                std::cmp::Ordering::Less => saved.chosen.is_some(),
                std::cmp::Ordering::Equal => saved.chosen.is_some() == self.answered,
                std::cmp::Ordering::Greater => saved.chosen.is_none(),
            };
            if !is_permutation || !chosen_fits || !answered_as_expected {
                return Err(ResumeError::NoLongerMatches);
            }
            items.push(SessionItem {
                question: question.clone(),
                order: saved.order.clone(),
                chosen: saved.chosen,
            });
        }
        let stage = if self.answered { Stage::Answered } else { Stage::Asking };
        Ok(Session::resume(items, self.position, stage))
    }
}
