//! The question bank: what a question is, reading it from JSON with serde,
//! and checking that the content is consistent and traceable to the seed deck.
//!
//! Authors write one file per topic in `assets/questions/`, plus the fact list
//! (`assets/facts.json`), the seed's section titles (`assets/seed-sections.json`)
//! and the Learn cards (`assets/learn.json`). The shapes:
//!
//! - seed-sections.json: `[{"id", "title"}, ...]`
//! - facts.json: `[{"id", "section", "text", "figure"?}, ...]`
//! - learn.json: `{"cards": [...], "deck": {...}}`, each card as [`Card`]
//!   describes, and the session's slides as [`DeckSpec`] does
//! - questions/*.json: `{"id", "title", "questions": [...]}`, each question
//!   with `id`, `type`, `prompt`, `explanation`, `source`, `facts`,
//!   `principle`? and the fields of its type: `options` (single, multi,
//!   scenario, which also has `scenario`), `answer` (true_false: true or
//!   false; numeric: a whole number, with `close_within` and `unit`), `items`
//!   (order) or `pairs` (match).
//!
//! The build joins them into one bundle that the app loads,
//! `{"sections": [...], "facts": [...], "topics": [...], "cards": [...], "deck": {...}}`
//! (see `scripts/bank-bundle.mjs`). serde reads both into the same types,
//! with unknown fields refused, and `build.rs` runs `problems()` so invalid
//! content fails the build.
//!
//! **Its files, a job each:** this one holds the bank, its topics and its
//! lookups; `question` what a question is; `rules` the content rules;
//! `reading` reading the JSON.

use std::collections::HashSet;

use serde::Deserialize;

use super::deck::DeckSpec;
use super::learn::{Bar, Card, Chart};

mod question;
mod reading;
mod rules;
#[cfg(test)]
mod tests;

pub use question::{letter, AnswerOption, Kind, OrderItem, Pair};
use reading::{read_file, LearnFile, QuestionFile, QuestionType};

/// One question. serde reads it as written (a private `QuestionFile`), then
/// checks it has exactly the fields of its type.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "QuestionFile")]
pub struct Question {
    /// Stable id: progress and links refer to questions by it, so never reuse one.
    pub id: String,
    /// The question, or for true_false the statement.
    pub prompt: String,
    /// The type of answer and the right answer (`type` and its fields in the file).
    pub kind: Kind,
    /// One or two sentences on why the answer is right, in plain English.
    pub explanation: String,
    /// The section of the seed deck the fact comes from, e.g. "Principle 3: Always share information".
    pub source: String,
    /// The ids of the facts (in `facts.json`) this question teaches.
    pub facts: Vec<String>,
    /// Which of the 10 Principles the question is about, if any.
    pub principle: Option<u8>,
}

/// A topic file: a titled group of questions, `{"id", "title", "questions"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    /// Stable id, e.g. "principle-3"; links and progress refer to it.
    pub id: String,
    /// Shown on the topic list.
    pub title: String,
    /// In the order they are written.
    pub questions: Vec<Question>,
}

/// A named part of the seed deck that a question may cite: `{"id", "title"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedSection {
    /// What facts and cards name it by.
    pub id: String,
    /// What questions cite it by, as the seed writes it.
    pub title: String,
}

/// One fact of the seed deck, as the fact list states it:
/// `{"id", "section", "text", "figure"?}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    /// What questions and cards name it by.
    pub id: String,
    /// The id of the seed section it comes from.
    pub section: String,
    /// The fact in a sentence.
    pub text: String,
    /// The number, for facts that are figures.
    pub figure: Option<i64>,
}

/// All the content: read from the authoring files by [`Bank::from_files`],
/// or from the bundle the app loads by [`Bank::from_bundle`], whose shape is
/// this struct's: `{"sections", "facts", "topics", "cards", "deck"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bank {
    /// The seed deck's sections (seed-sections.json).
    pub sections: Vec<SeedSection>,
    /// The fact list (facts.json).
    pub facts: Vec<Fact>,
    /// One per file in assets/questions/.
    pub topics: Vec<Topic>,
    /// The Learn section's study cards.
    pub cards: Vec<Card>,
    /// The session as slides (learn.json's `"deck"`).
    pub deck: DeckSpec,
}

/// Why the bank could not be read.
#[derive(Debug, Clone, PartialEq)]
pub enum BankError {
    /// An authoring file could not be read as the expected JSON.
    Parse {
        /// The file's name, as given to [`Bank::from_files`].
        file: String,
        /// What serde_json reported, with the line and column.
        message: String,
    },
    /// The bundle the app loads is not a bank (damaged in transit or storage).
    Damaged,
    /// The content was read but breaks a rule (duplicate id, no correct answer…).
    Invalid(Vec<String>),
}

impl std::fmt::Display for BankError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BankError::Parse { file, message } => write!(f, "{file}: {message}"),
            BankError::Damaged => write!(f, "the question bank is damaged"),
            BankError::Invalid(problems) => write!(f, "{}", problems.join("; ")),
        }
    }
}

impl Bank {
    /// Reads the authoring files: the seed sections, the fact list, the study
    /// cards, and each `(file name, json)` topic file. Then validates.
    pub fn from_files(sections_json: &str, facts_json: &str, learn_json: &str, topic_files: &[(&str, &str)]) -> Result<Bank, BankError> {
        let sections = read_file("seed-sections.json", sections_json)?;
        let facts = read_file("facts.json", facts_json)?;
        let LearnFile { cards, deck } = read_file("learn.json", learn_json)?;
        let topics = topic_files.iter().map(|(file, text)| read_file(file, text)).collect::<Result<Vec<_>, _>>()?;
        let bank = Bank { sections, facts, topics, cards, deck };
        let problems = bank.problems();
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(BankError::Invalid(problems))
        }
    }

    /// Reads the bundle the build makes of the checked files:
    /// `{"sections": [...], "facts": [...], "topics": [...], "cards": [...], "deck": {...}}`. Only its shape is
    /// checked here (the content rules ran at build time); a damaged file is
    /// refused, and nothing in the app indexes past what it was given.
    pub fn from_bundle(text: &str) -> Result<Bank, BankError> {
        serde_json::from_str(text).map_err(|_| BankError::Damaged)
    }

    /// Every question, topic by topic.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.topics.iter().flat_map(|t| t.questions.iter())
    }

    /// Every topic's id, in the bank's order (what a session code's topic
    /// bits and its check are counted against).
    pub fn topic_ids(&self) -> Vec<&str> {
        self.topics.iter().map(|t| t.id.as_str()).collect()
    }

    /// The topic with this id.
    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    /// The question with this id.
    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

    /// The fact with this id.
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }
}

/// The study cards' lookups in the bank (the cards are `learn`'s types, held here).
impl Bank {
    /// `chart`'s bars with their values from this bank's facts; a bar whose
    /// fact has no figure is left out (the content rules forbid that).
    pub fn bars(&self, chart: &Chart) -> Vec<Bar> {
        chart
            .bars
            .iter()
            .filter_map(|b| Some(Bar { label: b.label.clone(), value: self.fact(&b.fact)?.figure?, qualifier: b.qualifier.clone() }))
            .collect()
    }

    /// The card with this id.
    pub fn card(&self, id: &str) -> Option<&Card> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The card to read more on a question: the card written from the seed
    /// section the question cites, preferring one that checks the same topic.
    pub fn card_for_question(&self, source: &str, topic: Option<&str>) -> Option<&Card> {
        let section = self.sections.iter().find(|s| s.title == source)?;
        let mut matching = self.cards.iter().filter(|c| c.section == section.id);
        let first = matching.next()?;
        Some(std::iter::once(first).chain(matching).find(|c| topic.is_some() && c.topic.as_deref() == topic).unwrap_or(first))
    }

    /// How many of `ids` are questions this bank still has (an update may
    /// have removed some that progress remembers): what a refresher or a
    /// review of mistakes can draw from.
    pub fn count_present(&self, ids: &[&str]) -> usize {
        ids.iter().filter(|id| self.question(id).is_some()).count()
    }

    /// Which topic a question belongs to.
    pub fn topic_of(&self, question_id: &str) -> Option<&str> {
        self.topics.iter().find(|t| t.questions.iter().any(|q| q.id == question_id)).map(|t| t.id.as_str())
    }
}
