//! A quiz in progress, in a form that can be stored and picked up again after
//! a reload, a closed tab or an app update. Questions are stored by id and
//! looked up in the bank again, so a saved quiz stays small.

use super::bank::Bank;
use super::json::{self, object, Json};
use super::link::QuizSpec;
use super::marking::Response;
use super::progress::Mode;
use super::session::{is_valid_layout, QuizKind, Session, SessionItem, Stage};

/// Version 2 stores a response of any question type; version 1 (the first
/// release) stored only the chosen option of a single-choice question.
pub const SAVED_QUIZ_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq)]
pub struct SavedQuiz {
    pub kind: QuizKind,
    pub items: Vec<SavedItem>,
    pub position: usize,
    pub answered: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SavedItem {
    pub id: String,
    pub order: Vec<usize>,
    pub response: Option<Response>,
}

/// Why a saved quiz could not be picked up again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeError {
    /// Not a saved quiz this version understands.
    Unreadable,
    /// It names questions that are no longer in the bank, or does not fit them.
    NoLongerMatches,
}

fn response_to_json(response: &Response) -> Json {
    let list = |items: &[usize]| Json::Array(items.iter().map(|&i| i.into()).collect());
    match response {
        Response::Choice(i) => object([("choice", (*i).into())]),
        Response::Choices(items) => object([("choices", list(items))]),
        Response::Order(items) => object([("order", list(items))]),
        Response::Matches(items) => object([("matches", list(items))]),
        Response::Number(n) => object([("number", Json::Int(*n))]),
    }
}

fn indices(value: &Json) -> Option<Vec<usize>> {
    value.as_array()?.iter().map(Json::as_usize).collect()
}

fn response_from_json(value: &Json) -> Option<Response> {
    let Json::Object(members) = value else { return None };
    let [(key, value)] = members.as_slice() else { return None };
    Some(match key.as_str() {
        "choice" => Response::Choice(value.as_usize()?),
        "choices" => Response::Choices(indices(value)?),
        "order" => Response::Order(indices(value)?),
        "matches" => Response::Matches(indices(value)?),
        "number" => match value {
            Json::Int(n) => Response::Number(*n),
            _ => return None,
        },
        _ => return None,
    })
}

impl SavedQuiz {
    /// `None` once the quiz is finished: there is nothing left to resume.
    pub fn from_session(session: &Session) -> Option<SavedQuiz> {
        if session.stage() == Stage::Finished {
            return None;
        }
        Some(SavedQuiz {
            kind: session.kind().clone(),
            items: session
                .items()
                .iter()
                .map(|item| SavedItem { id: item.question.id.clone(), order: item.order.clone(), response: item.response.clone() })
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
                    ("response", item.response.as_ref().map_or(Json::Null, response_to_json)),
                ])
            })
            .collect();
        object([
            ("version", SAVED_QUIZ_VERSION.into()),
            ("mode", self.kind.mode.as_str().into()),
            ("topic", self.kind.topic.as_deref().into()),
            ("link", self.kind.link.as_ref().map(|l| l.to_query()).as_deref().into()),
            ("items", Json::Array(items)),
            ("position", self.position.into()),
            ("answered", self.answered.into()),
        ])
        .to_text()
    }

    pub fn decode(text: &str) -> Result<SavedQuiz, ResumeError> {
        let doc = json::parse(text).map_err(|_| ResumeError::Unreadable)?;
        let version = doc.get("version").and_then(Json::as_u32);
        let item_from_json = |value: &Json| -> Option<SavedItem> {
            let response = match version {
                // Version 1 kept a single chosen option as "chosen".
                Some(1) => value.get("chosen").filter(|v| !v.is_null()).map(|v| v.as_usize().map(Response::Choice)),
                _ => value.get("response").filter(|v| !v.is_null()).map(response_from_json),
            };
            Some(SavedItem {
                id: value.get("id")?.as_str()?.to_owned(),
                order: indices(value.get("order")?)?,
                response: response.map_or(Some(None), |r| r.map(Some))?,
            })
        };
        if !matches!(version, Some(1) | Some(SAVED_QUIZ_VERSION)) {
            return Err(ResumeError::Unreadable);
        }
        let items = doc
            .get("items")
            .and_then(Json::as_array)
            .ok_or(ResumeError::Unreadable)?
            .iter()
            .map(item_from_json)
            .collect::<Option<Vec<_>>>()
            .ok_or(ResumeError::Unreadable)?;
        // Saves from before quiz kinds existed were quick checks.
        let mode = match doc.get("mode") {
            None => Mode::Quick,
            Some(m) => m.as_str().and_then(Mode::parse).ok_or(ResumeError::Unreadable)?,
        };
        let topic = match doc.get("topic") {
            None | Some(Json::Null) => None,
            Some(t) => Some(t.as_str().ok_or(ResumeError::Unreadable)?.to_owned()),
        };
        // A trainer's quiz keeps its link, read back through the same strict parser.
        let link = match doc.get("link") {
            None | Some(Json::Null) => None,
            Some(l) => {
                Some(QuizSpec::from_query(l.as_str().ok_or(ResumeError::Unreadable)?, |_| true).map_err(|_| ResumeError::Unreadable)?)
            }
        };
        Ok(SavedQuiz {
            kind: QuizKind { mode, topic, link },
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
            let response_fits = saved.response.as_ref().is_none_or(|r| question.kind.accepts(r));
            // Questions before the current one are answered; those after are not.
            let answered_as_expected = match index.cmp(&self.position) {
                std::cmp::Ordering::Less => saved.response.is_some(),
                std::cmp::Ordering::Equal => saved.response.is_some() == self.answered,
                std::cmp::Ordering::Greater => saved.response.is_none(),
            };
            if !is_valid_layout(&question.kind, &saved.order) || !response_fits || !answered_as_expected {
                return Err(ResumeError::NoLongerMatches);
            }
            items.push(SessionItem { question: question.clone(), order: saved.order.clone(), response: saved.response.clone() });
        }
        let stage = if self.answered { Stage::Answered } else { Stage::Asking };
        Ok(Session::resume(self.kind.clone(), items, self.position, stage))
    }
}
