//! What opening a learner's result link or a trainer's session link on this
//! device does to the [`Store`], and what the app then says.
//!
//! - A **result link** (`?view=result&…`, from a learner's "Show my result to
//!   the trainer") is counted once in this device's debrief, unless it is
//!   this device's own result (a learner scanning their own screen is not a
//!   trainer), or it does not fit its quiz (edited by hand to claim more).
//! - A **session link** (`?view=session&…`, from "Move this session to
//!   another device") joins this device's sessions, with any results it
//!   carries counted once each.
//!
//! The app calls these when such a link is the address it opens on and the
//! bank is here (`ui::state::AppState::open_incoming_link`).

use super::store::Store;
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::session_questions;
use crate::quiz::links::link::{QuizResult, QuizSpec};
use crate::quiz::links::query::LinkError;
use crate::quiz::room::debrief::Added;
use crate::quiz::text::wording::{isolated, plural};

/// What opening a learner's result link did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResultLinkOpened {
    /// This device's own result: nothing was counted.
    Own,
    /// Counted in the debrief of `quiz` (a quiz id, 8 hex digits); `name` is
    /// the learner's, if the result carries one.
    Added { quiz: String, name: Option<String> },
    /// The same result (by its token) was counted before.
    AlreadyCounted { quiz: String },
    /// The link could not be read, or its result does not fit its quiz.
    Unreadable(LinkError),
}

impl ResultLinkOpened {
    /// The debrief to show next (a quiz id), or `None` for the list of debriefs.
    pub fn quiz(&self) -> Option<String> {
        match self {
            ResultLinkOpened::Added { quiz, .. } | ResultLinkOpened::AlreadyCounted { quiz } => Some(quiz.clone()),
            ResultLinkOpened::Own | ResultLinkOpened::Unreadable(_) => None,
        }
    }

    /// What the debrief says it did, once.
    pub fn notice(&self) -> String {
        match self {
            ResultLinkOpened::Own => "This is your own result, from this device, so it was not added to a debrief here. Show it to your trainer: choose \u{201c}Show my result to the trainer\u{201d} on your results.".to_string(),
            ResultLinkOpened::Added { name, .. } => {
                let who = name.as_deref().map_or("A learner's".to_string(), |n| format!("{}'s", isolated(n)));
                format!("{who} result was added to the debrief.")
            }
            ResultLinkOpened::AlreadyCounted { .. } => "This result was already counted.".to_string(),
            ResultLinkOpened::Unreadable(error) => error.message().replace("quiz link", "result link"),
        }
    }
}

/// What opening a trainer's session link did: the session `quiz` (its quiz
/// id) is on this device, with `carried` results in the link, `new` of them
/// not counted here before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLinkOpened {
    pub quiz: String,
    pub carried: usize,
    pub new: usize,
}

impl SessionLinkOpened {
    /// What the debrief says of the results that came with it; `None` when
    /// none came (the trainer's screen shows the session instead).
    pub fn notice(&self) -> Option<String> {
        let SessionLinkOpened { carried, new, .. } = *self;
        (carried > 0).then(|| {
            format!("{} came with the session: {new} new, {} already counted here.", plural(carried, "result", "results"), carried - new)
        })
    }
}

impl Store {
    /// Reads the result link `query` against `bank` and counts it in the
    /// debrief (see [`ResultLinkOpened`]). A result must fit the questions its
    /// link really gives, as the learners' phones drew them.
    pub fn open_result_link(&mut self, bank: &Bank, query: &str, now_ms: u64) -> ResultLinkOpened {
        let known: &dyn Fn(&str) -> bool = &|t| bank.topic(t).is_some();
        let read = QuizResult::from_query(query, known).and_then(|result| {
            let given = session_questions(bank, &result.spec).len();
            if result.fits(given) {
                Ok(result)
            } else {
                Err(LinkError::OutOfRange("score"))
            }
        });
        match read {
            Err(error) => ResultLinkOpened::Unreadable(error),
            Ok(result) if self.own_attempt_of(&result).is_some() => ResultLinkOpened::Own,
            Ok(result) => {
                let (quiz, name) = (result.spec.id(), result.name.clone());
                match self.add_result(result, now_ms) {
                    Added::AlreadyCounted => ResultLinkOpened::AlreadyCounted { quiz },
                    _ => ResultLinkOpened::Added { quiz, name },
                }
            }
        }
    }

    /// Reads the session link `query` against `bank`, keeps its session, and
    /// counts each result it carries that fits (see [`SessionLinkOpened`]).
    ///
    /// # Errors
    /// The link's [`LinkError`] if it, or any result in it, cannot be read:
    /// then nothing is kept.
    pub fn open_session_link(&mut self, bank: &Bank, query: &str, now_ms: u64) -> Result<SessionLinkOpened, LinkError> {
        let known: &dyn Fn(&str) -> bool = &|t| bank.topic(t).is_some();
        let spec = QuizSpec::from_session_query(query, known)?;
        let results = spec.session_results(query, known)?;
        let (quiz, carried) = (spec.id(), results.len());
        let given = session_questions(bank, &spec).len();
        self.add_session(spec, now_ms);
        let new = results.into_iter().filter(|r| r.fits(given)).filter(|r| self.add_result(r.clone(), now_ms) == Added::New).count();
        Ok(SessionLinkOpened { quiz, carried, new })
    }
}
