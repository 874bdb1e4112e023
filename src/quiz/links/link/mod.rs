//! A trainer's quiz in a link, and a learner's result in a link.
//!
//! A trainer's link carries the whole quiz spec (topics, count, order seed,
//! mode, pass mark, title, refresher period), so every phone that opens it
//! gets the same questions in the same order, with no server. A learner's
//! result link carries the spec plus their score and which questions they
//! missed, so the trainer's phone can tally a debrief.
//!
//! Parsing is strict and never panics: the text comes from anyone. Bad values
//! are errors with a plain reason, and the title is only ever shown as text.
//!
//! **Its files, a job each:** this one holds the types and their limits;
//! `values` reading and writing a link's values; `spec` the trainer's quiz
//! and session links; `result` the learner's result link.

use super::query::{self, LinkError};
use crate::quiz::text::wording::is_hidden_character;

/// The longest title, in characters.
pub const TITLE_MAX: usize = 60;
/// Longest query string we will read at all.
const QUERY_MAX: usize = 2_000;
/// The longest a session link's own pairs may be: its results make it
/// longer than a trainer's link (about 30 characters a result, 60 with a name).
const SESSION_QUERY_MAX: usize = query::RAW_QUERY_MAX;
/// A session link's keys: a trainer's link's, and the results it carries.
const SESSION_KEYS: [&str; 10] = ["view", "c", "title", "topics", "count", "seed", "mode", "pass", "refresh", "results"];
pub const COUNT_RANGE: std::ops::RangeInclusive<u32> = 1..=50;
pub const PASS_RANGE: std::ops::RangeInclusive<u32> = 50..=100;
pub const REFRESH_RANGE: std::ops::RangeInclusive<u32> = 1..=36;
const TOPICS_MAX: usize = 20;
/// The longest learner's name, in characters: on a result link and on a
/// completion record alike, so a name typed once fits both.
pub const NAME_MAX: usize = 60;

mod result;
mod spec;
#[cfg(test)]
mod tests;
mod values;

pub use values::{canonical_query, clean_title, percent_decode, percent_encode};
use values::{clean_text, is_topic_id, number, pairs, RESULT_KEYS, SPEC_KEYS};

/// Stored as the text of its link (`"?view=trainer-quiz&topics=…"`), read back
/// through the same strict parser as a link someone opened.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct QuizSpec {
    /// Topic ids; empty means every topic.
    pub topics: Vec<String>,
    pub count: u32,
    /// Orders the questions and options, the same on every phone.
    pub seed: u32,
    /// Feedback deferred to the end, with a pass mark.
    pub assessment: bool,
    pub pass_mark: u32,
    pub title: Option<String>,
    /// Months until a refresher is due, for the completion record.
    pub refresh_months: Option<u32>,
}

/// A learner's result, sent back to the trainer.
/// Stored as the text of its result link (`"?view=result&…"`), read back strictly.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct QuizResult {
    pub spec: QuizSpec,
    pub correct: u32,
    /// Positions (0-based) in the quiz of the questions answered wrongly.
    pub missed: Vec<u32>,
    /// A random token per learner and attempt, so a link sent twice counts once.
    pub token: String,
    pub name: Option<String>,
}

/// A session link ([`QuizSpec::session_query_with`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLink {
    /// Its query string, with its leading `?`.
    pub query: String,
    /// How many of the session's results it could not carry (all or none).
    pub left_out: usize,
}

/// FNV-1a (32 bits) of `bytes`, continuing from `hash` (`0x811C_9DC5` to
/// start): the quiz id's hash and the session code's check.
pub(crate) fn fnv1a(mut hash: u32, bytes: &[u8]) -> u32 {
    for &byte in bytes {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

impl From<QuizSpec> for String {
    fn from(spec: QuizSpec) -> String {
        spec.to_query()
    }
}

impl TryFrom<String> for QuizSpec {
    type Error = &'static str;

    /// Any topic is accepted here; the bank checks topics when the quiz is used.
    fn try_from(text: String) -> Result<QuizSpec, &'static str> {
        QuizSpec::from_query(&text, |_| true).map_err(|_| "not a quiz link")
    }
}

impl From<QuizResult> for String {
    fn from(result: QuizResult) -> String {
        result.to_query()
    }
}

impl TryFrom<String> for QuizResult {
    type Error = &'static str;

    fn try_from(text: String) -> Result<QuizResult, &'static str> {
        QuizResult::from_query(&text, |_| true).map_err(|_| "not a result link")
    }
}
