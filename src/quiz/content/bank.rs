//! The question bank: what a question is, reading it from JSON with serde,
//! and checking that the content is consistent and traceable to the seed deck.
//!
//! Authors write one file per topic in `assets/questions/`, plus the fact list
//! (`assets/facts.json`), the seed's section titles (`assets/seed-sections.json`)
//! and the Learn cards (`assets/learn.json`). The shapes:
//!
//! - seed-sections.json: `[{"id", "title"}, ...]`
//! - facts.json: `[{"id", "section", "text", "figure"?}, ...]`
//! - learn.json: `{"cards": [...]}`, each card as [`Card`] describes
//! - questions/*.json: `{"id", "title", "questions": [...]}`, each question
//!   with `id`, `type`, `prompt`, `explanation`, `source`, `facts`,
//!   `principle`? and the fields of its type: `options` (single, multi,
//!   scenario, which also has `scenario`), `answer` (true_false: true or
//!   false; numeric: a whole number, with `close_within` and `unit`), `items`
//!   (order) or `pairs` (match).
//!
//! The build joins them into one bundle that the app loads,
//! `{"sections": [...], "facts": [...], "topics": [...], "cards": [...]}`
//! (see `scripts/bank-bundle.mjs`). serde reads both into the same types,
//! with unknown fields refused, and `build.rs` runs `problems()` so invalid
//! content fails the build.

use std::collections::HashSet;

use serde::Deserialize;

use super::learn::{Bar, Card, Chart};

/// One answer a learner can pick: `{"id", "text", "correct"?, "feedback"?}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    /// Stable within its question (lowercase letters, digits, hyphens):
    /// answers are stored by it, so an option keeps its id when it is
    /// reworded or moved, and a removed option's id is never reused.
    pub id: String,
    /// What the learner sees.
    pub text: String,
    /// Whether it is a right answer; false when not written.
    #[serde(default)]
    pub correct: bool,
    /// Why this option is right or wrong, shown after checking.
    pub feedback: Option<String>,
}

/// Two things that belong together, e.g. a characteristic and its percentage:
/// `{"id", "left", "right"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pair {
    /// Stable within its question, as [`AnswerOption::id`].
    pub id: String,
    /// Shown in order; the learner matches each to a right.
    pub left: String,
    /// The learner picks it from a shuffled list.
    pub right: String,
}

/// One thing to put in order: `{"id", "text"}`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderItem {
    /// Stable within its question, as [`AnswerOption::id`].
    pub id: String,
    /// What the learner sees.
    pub text: String,
}

impl OrderItem {
    /// Items with the ids `a`, `b`, `c`… in the order given: the ids the
    /// content's parts were first given, for questions built in code.
    pub fn lettered(texts: &[&str]) -> Vec<OrderItem> {
        texts.iter().enumerate().map(|(i, text)| OrderItem { id: letter(i), text: (*text).to_string() }).collect()
    }
}

/// `a` for 0, `b` for 1… `z` for 25, then `a26`, `a27`…: the ids given to
/// the parts of a question in the order written.
pub fn letter(i: usize) -> String {
    if i < 26 {
        char::from(b'a' + i as u8).to_string()
    } else {
        format!("a{i}")
    }
}

/// What kind of answer a question takes, with its right answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// One option is right.
    SingleChoice {
        /// In the order written; exactly one is correct.
        options: Vec<AnswerOption>,
    },
    /// Select all that apply: the mark needs every right option and no wrong one.
    MultipleChoice {
        /// In the order written; at least one right and one wrong.
        options: Vec<AnswerOption>,
    },
    /// The prompt is a statement; `answer` says whether it is true.
    TrueFalse {
        /// Whether the statement is true.
        answer: bool,
    },
    /// `items` are in the right order; the learner is shown them shuffled.
    Order {
        /// The right order.
        items: Vec<OrderItem>,
    },
    /// Each left goes with its right; the learner picks rights from a list.
    Match {
        /// The right pairing.
        pairs: Vec<Pair>,
    },
    /// A figure the course states exactly: right only when exact. An answer
    /// within `close_within` either side is told "Close" but is not right.
    Numeric {
        /// The figure, as the question's fact states it.
        answer: i64,
        /// How far either side of `answer` an answer is "Close" (still not right).
        close_within: u32,
        /// "%" or "" (a count).
        unit: String,
    },
    /// A short practice vignette, then options; one or more are right.
    Scenario {
        /// The vignette, shown above the prompt.
        scenario: String,
        /// In the order written; at least one right and one wrong.
        options: Vec<AnswerOption>,
    },
}

impl Kind {
    /// The type's name as written in the question files (the `type` field).
    pub fn name(&self) -> &'static str {
        QuestionType::of(self).name()
    }

    /// The options of the choice types.
    pub fn options(&self) -> Option<&[AnswerOption]> {
        match self {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => Some(options),
            Kind::TrueFalse { .. } | Kind::Order { .. } | Kind::Match { .. } | Kind::Numeric { .. } => None,
        }
    }

    /// The ids of the parts an answer picks from, in the order written: the
    /// options, the items to order or the pairs to match; `"true"` and
    /// `"false"` for true/false; none for a number. Position `i` of a
    /// [`Response`](crate::quiz::answering::marking::Response) or a layout is the part `part_ids()[i]`.
    pub fn part_ids(&self) -> Vec<&str> {
        match self {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
                options.iter().map(|o| o.id.as_str()).collect()
            }
            Kind::TrueFalse { .. } => vec!["true", "false"],
            Kind::Order { items } => items.iter().map(|i| i.id.as_str()).collect(),
            Kind::Match { pairs } => pairs.iter().map(|p| p.id.as_str()).collect(),
            Kind::Numeric { .. } => Vec::new(),
        }
    }

    /// True when the learner may pick more than one option.
    pub fn allows_several(&self) -> bool {
        match self {
            Kind::MultipleChoice { .. } => true,
            Kind::Scenario { options, .. } => options.iter().filter(|o| o.correct).count() > 1,
            Kind::SingleChoice { .. } | Kind::TrueFalse { .. } | Kind::Order { .. } | Kind::Match { .. } | Kind::Numeric { .. } => false,
        }
    }

    /// The vignette shown above the prompt: a scenario's.
    pub fn scenario(&self) -> Option<&str> {
        match self {
            Kind::Scenario { scenario, .. } => Some(scenario),
            Kind::SingleChoice { .. }
            | Kind::MultipleChoice { .. }
            | Kind::TrueFalse { .. }
            | Kind::Order { .. }
            | Kind::Match { .. }
            | Kind::Numeric { .. } => None,
        }
    }
}

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
/// this struct's: `{"sections", "facts", "topics", "cards"}`.
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
        let cards = read_file::<LearnFile>("learn.json", learn_json)?.cards;
        let topics = topic_files.iter().map(|(file, text)| read_file(file, text)).collect::<Result<Vec<_>, _>>()?;
        let bank = Bank { sections, facts, topics, cards };
        let problems = bank.problems();
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(BankError::Invalid(problems))
        }
    }

    /// Reads the bundle the build makes of the checked files:
    /// `{"sections": [...], "facts": [...], "topics": [...], "cards": [...]}`. Only its shape is
    /// checked here (the content rules ran at build time); a damaged file is
    /// refused, and nothing in the app indexes past what it was given.
    pub fn from_bundle(text: &str) -> Result<Bank, BankError> {
        serde_json::from_str(text).map_err(|_| BankError::Damaged)
    }

    /// Every question, topic by topic.
    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.topics.iter().flat_map(|t| t.questions.iter())
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

    /// Every rule the content breaks, in words a content editor can act on.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let section_titles: HashSet<&str> = self.sections.iter().map(|s| s.title.as_str()).collect();
        let section_ids: HashSet<&str> = self.sections.iter().map(|s| s.id.as_str()).collect();
        let mut fact_ids = HashSet::new();
        for fact in &self.facts {
            if !fact_ids.insert(fact.id.as_str()) {
                problems.push(format!("fact '{}' is listed twice", fact.id));
            }
            if !section_ids.contains(fact.section.as_str()) {
                problems.push(format!("fact '{}': section '{}' is not a seed section", fact.id, fact.section));
            }
        }
        let mut taught = HashSet::new();
        let mut topic_ids = HashSet::new();
        let mut question_ids = HashSet::new();
        for topic in &self.topics {
            if !topic_ids.insert(topic.id.as_str()) {
                problems.push(format!("topic id '{}' is used twice", topic.id));
            }
            if topic.questions.is_empty() {
                problems.push(format!("topic '{}' has no questions", topic.id));
            }
            for q in &topic.questions {
                let at = format!("question '{}'", q.id);
                if !is_stable_id(&q.id) {
                    problems.push(format!("{at}: id must be lowercase letters, digits and hyphens"));
                }
                if !question_ids.insert(q.id.as_str()) {
                    problems.push(format!("{at}: id is used twice"));
                }
                if q.prompt.trim().is_empty() {
                    problems.push(format!("{at}: prompt is empty"));
                }
                if q.explanation.trim().is_empty() {
                    problems.push(format!("{at}: explanation is empty"));
                }
                if !section_titles.contains(q.source.as_str()) {
                    problems.push(format!("{at}: source '{}' is not a section of the seed", q.source));
                }
                if let Some(n) = q.principle {
                    if !(1..=10).contains(&n) || !q.source.starts_with(&format!("Principle {n}:")) {
                        problems.push(format!("{at}: principle {n} but source is '{}'", q.source));
                    }
                }
                if q.facts.is_empty() {
                    problems.push(format!("{at}: names no facts"));
                }
                for fact in &q.facts {
                    if fact_ids.contains(fact.as_str()) {
                        taught.insert(fact.as_str());
                    } else {
                        problems.push(format!("{at}: unknown fact '{fact}'"));
                    }
                }
                let figures: Vec<i64> = q.facts.iter().filter_map(|id| self.fact(id)?.figure).collect();
                for problem in kind_problems(&q.kind, &figures) {
                    problems.push(format!("{at}: {problem}"));
                }
            }
        }
        for fact in &self.facts {
            if !taught.contains(fact.id.as_str()) {
                problems.push(format!("fact '{}' is taught by no question", fact.id));
            }
        }
        problems.extend(self.card_problems(&fact_ids, &section_ids, &topic_ids));
        problems
    }

    /// The rules for the Learn cards: known sections, topics and facts, charts
    /// drawn from figures, and every fact on some card.
    fn card_problems(&self, fact_ids: &HashSet<&str>, section_ids: &HashSet<&str>, topic_ids: &HashSet<&str>) -> Vec<String> {
        let mut problems = Vec::new();
        let mut card_ids = HashSet::new();
        let mut shown = HashSet::new();
        for card in &self.cards {
            let at = format!("card '{}'", card.id);
            if !is_stable_id(&card.id) || !card_ids.insert(card.id.as_str()) {
                problems.push(format!("{at}: id must be unique, in lowercase letters, digits and hyphens"));
            }
            if !section_ids.contains(card.section.as_str()) {
                problems.push(format!("{at}: section '{}' is not a seed section", card.section));
            }
            if let Some(topic) = &card.topic {
                if !topic_ids.contains(topic.as_str()) {
                    problems.push(format!("{at}: topic '{topic}' is not a quiz topic"));
                }
            }
            if card.link.as_deref().is_some_and(|l| !l.starts_with("https://")) {
                problems.push(format!("{at}: a link must start with https://"));
            }
            let named = card
                .groups
                .iter()
                .flat_map(|g| g.points.iter().filter_map(|p| p.fact.as_deref()))
                .chain(card.flips.iter().flat_map(|f| f.facts.iter().map(String::as_str)));
            for fact in named {
                if fact_ids.contains(fact) {
                    shown.insert(fact);
                } else {
                    problems.push(format!("{at}: unknown fact '{fact}'"));
                }
            }
            for chart in &card.charts {
                if !matches!(chart.unit.as_str(), "" | "%") {
                    problems.push(format!("{at}: chart '{}' unit must be \"%\" or \"\"", chart.title));
                }
                for bar in &chart.bars {
                    match self.fact(&bar.fact).and_then(|f| f.figure) {
                        None => problems.push(format!("{at}: chart bar '{}' needs a fact with a figure", bar.label)),
                        // A percentage chart is drawn on a 0 to 100% axis.
                        Some(figure) if chart.unit == "%" && !(0..=100).contains(&figure) => {
                            problems.push(format!("{at}: chart bar '{}' is a percentage, so its figure must be 0 to 100", bar.label))
                        }
                        Some(figure) if figure < 0 => problems.push(format!("{at}: chart bar '{}' cannot be a negative count", bar.label)),
                        Some(_) => {}
                    }
                }
            }
        }
        for fact in &self.facts {
            let on_a_card =
                self.cards.iter().any(|c| c.groups.iter().any(|g| g.points.iter().any(|p| p.fact.as_deref() == Some(fact.id.as_str()))));
            if !on_a_card {
                problems.push(format!("fact '{}' is on no Learn card", fact.id));
            }
        }
        problems
    }
}

/// What is wrong with the answer part of a question, by its type's rules.
/// `figures` are the figures of the facts the question names.
fn kind_problems(kind: &Kind, figures: &[i64]) -> Vec<String> {
    let mut problems = Vec::new();
    match kind {
        Kind::SingleChoice { options } => {
            problems.extend(option_problems(options));
            if correct_count(options) != 1 {
                problems.push("needs exactly one correct option".to_string());
            }
        }
        Kind::MultipleChoice { options } => {
            problems.extend(option_problems(options));
            if correct_count(options) == 0 || correct_count(options) == options.len() {
                problems.push("needs at least one correct and one wrong option".to_string());
            }
        }
        Kind::Scenario { scenario, options } => {
            problems.extend(option_problems(options));
            if scenario.trim().is_empty() {
                problems.push("scenario is empty".to_string());
            }
            if correct_count(options) == 0 || correct_count(options) == options.len() {
                problems.push("needs at least one correct and one wrong option".to_string());
            }
        }
        Kind::TrueFalse { .. } => {}
        Kind::Order { items } => {
            if items.len() < 3 {
                problems.push("an order question needs at least three items".to_string());
            }
            if !unique(items.iter().map(|i| i.text.as_str())) {
                problems.push("order items must be non-empty and all different".to_string());
            }
        }
        Kind::Match { pairs } => {
            if pairs.len() < 2 {
                problems.push("a match question needs at least two pairs".to_string());
            }
            if !unique(pairs.iter().map(|p| p.left.as_str())) || !unique(pairs.iter().map(|p| p.right.as_str())) {
                problems.push("match lefts and rights must each be non-empty and all different".to_string());
            }
        }
        Kind::Numeric { answer, unit, .. } => {
            if !matches!(unit.as_str(), "" | "%") {
                problems.push(format!("unit '{unit}' must be \"%\" or \"\""));
            }
            if !figures.contains(answer) {
                problems.push(format!("numeric answer {answer} is not the figure of any of its facts"));
            }
        }
    }
    let ids = kind.part_ids();
    if !ids.iter().all(|id| is_stable_id(id)) || !unique(ids.iter().copied()) {
        problems.push("each option, item or pair needs an id of lowercase letters, digits and hyphens, all different".to_string());
    }
    problems
}

/// What is wrong with a choice question's options, whatever its type.
fn option_problems(options: &[AnswerOption]) -> Vec<String> {
    let mut problems = Vec::new();
    if options.len() < 2 {
        problems.push("needs at least two options".to_string());
    }
    if !unique(options.iter().map(|o| o.text.as_str())) {
        problems.push("options must be non-empty and all different".to_string());
    }
    problems
}

/// How many of `options` are right.
fn correct_count(options: &[AnswerOption]) -> usize {
    options.iter().filter(|o| o.correct).count()
}

/// True if every text is non-empty and no two are the same.
fn unique<'a>(texts: impl IntoIterator<Item = &'a str>) -> bool {
    let mut seen = HashSet::new();
    texts.into_iter().all(|t| !t.trim().is_empty() && seen.insert(t.trim()))
}

fn is_stable_id(id: &str) -> bool {
    !id.is_empty() && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

// ---- Reading the JSON ----------------------------------------------------
//
// serde reads every file into the types above. Most of them are written just
// as they are held; a question is not, since which fields it has depends on
// its `type`, so it is read as a `QuestionFile` and then turned into a
// `Question` with its `Kind`. Every struct denies unknown fields, so a
// misspelt field is reported rather than silently ignored.

/// `assets/learn.json`: `{"cards": [...]}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LearnFile {
    cards: Vec<Card>,
}

/// The question types as written in the `type` field.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum QuestionType {
    Single,
    Multi,
    TrueFalse,
    Order,
    Match,
    Numeric,
    Scenario,
}

impl QuestionType {
    /// The type of a question of `kind`: what [`Kind::name`] is read from.
    fn of(kind: &Kind) -> QuestionType {
        match kind {
            Kind::SingleChoice { .. } => QuestionType::Single,
            Kind::MultipleChoice { .. } => QuestionType::Multi,
            Kind::TrueFalse { .. } => QuestionType::TrueFalse,
            Kind::Order { .. } => QuestionType::Order,
            Kind::Match { .. } => QuestionType::Match,
            Kind::Numeric { .. } => QuestionType::Numeric,
            Kind::Scenario { .. } => QuestionType::Scenario,
        }
    }

    /// The name written in the files, as serde reads it (`rename_all`); a test
    /// checks the two agree for every type.
    fn name(self) -> &'static str {
        match self {
            QuestionType::Single => "single",
            QuestionType::Multi => "multi",
            QuestionType::TrueFalse => "true_false",
            QuestionType::Order => "order",
            QuestionType::Match => "match",
            QuestionType::Numeric => "numeric",
            QuestionType::Scenario => "scenario",
        }
    }
}

/// A question as written: the fields every question has, its `type`, and
/// the fields of every type, each optional. Turning it into a [`Question`]
/// checks that it has exactly the fields of its type.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionFile {
    id: String,
    #[serde(rename = "type")]
    question_type: QuestionType,
    prompt: String,
    explanation: String,
    source: String,
    facts: Vec<String>,
    principle: Option<u8>,
    /// single, multi, scenario.
    options: Option<Vec<AnswerOption>>,
    /// true_false (true or false) and numeric (a whole number).
    answer: Option<Answer>,
    /// order.
    items: Option<Vec<OrderItem>>,
    /// match.
    pairs: Option<Vec<Pair>>,
    /// numeric.
    close_within: Option<u32>,
    /// numeric.
    unit: Option<String>,
    /// scenario.
    scenario: Option<String>,
}

/// The `answer` field: true or false for a true_false question, a whole
/// number for a numeric one.
#[derive(Clone, Copy)]
enum Answer {
    Bool(bool),
    Number(i64),
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Answer, D::Error> {
        struct AnswerVisitor;
        impl serde::de::Visitor<'_> for AnswerVisitor {
            type Value = Answer;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("true, false or a whole number")
            }
            fn visit_bool<E: serde::de::Error>(self, value: bool) -> Result<Answer, E> {
                Ok(Answer::Bool(value))
            }
            fn visit_i64<E: serde::de::Error>(self, value: i64) -> Result<Answer, E> {
                Ok(Answer::Number(value))
            }
            fn visit_u64<E: serde::de::Error>(self, value: u64) -> Result<Answer, E> {
                i64::try_from(value).map(Answer::Number).map_err(|_| E::invalid_value(serde::de::Unexpected::Unsigned(value), &self))
            }
        }
        deserializer.deserialize_any(AnswerVisitor)
    }
}

/// Why a question's fields do not fit its type. serde_json adds where in
/// the file it is.
struct ShapeError {
    id: String,
    field: &'static str,
    /// Completes "field `x` …", e.g. "is missing for".
    problem: &'static str,
    question_type: QuestionType,
}

impl std::fmt::Display for ShapeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "question '{}': field `{}` {} type {}", self.id, self.field, self.problem, self.question_type.name())
    }
}

impl QuestionFile {
    /// The first field of a type that is still here once the question's own
    /// fields are taken: a field foreign to its type. Every field is named,
    /// so a new one does not compile until it is listed.
    fn left_over(&self) -> Option<&'static str> {
        let QuestionFile {
            id: _,
            question_type: _,
            prompt: _,
            explanation: _,
            source: _,
            facts: _,
            principle: _,
            options,
            answer,
            items,
            pairs,
            close_within,
            unit,
            scenario,
        } = self;
        let left = [
            ("options", options.is_some()),
            ("answer", answer.is_some()),
            ("items", items.is_some()),
            ("pairs", pairs.is_some()),
            ("close_within", close_within.is_some()),
            ("unit", unit.is_some()),
            ("scenario", scenario.is_some()),
        ];
        left.into_iter().find(|(_, present)| *present).map(|(field, _)| field)
    }
}

impl TryFrom<QuestionFile> for Question {
    type Error = ShapeError;

    fn try_from(mut file: QuestionFile) -> Result<Question, ShapeError> {
        let (id, question_type) = (file.id.clone(), file.question_type);
        let error = |field, problem| ShapeError { id: id.clone(), field, problem, question_type };
        // Each field the type uses is taken, so that any left are foreign to it.
        fn take<T>(
            slot: &mut Option<T>,
            field: &'static str,
            error: impl Fn(&'static str, &'static str) -> ShapeError,
        ) -> Result<T, ShapeError> {
            slot.take().ok_or_else(|| error(field, "is missing for"))
        }
        let kind = match question_type {
            QuestionType::Single => Kind::SingleChoice { options: take(&mut file.options, "options", error)? },
            QuestionType::Multi => Kind::MultipleChoice { options: take(&mut file.options, "options", error)? },
            QuestionType::TrueFalse => match take(&mut file.answer, "answer", error)? {
                Answer::Bool(answer) => Kind::TrueFalse { answer },
                Answer::Number(_) => return Err(error("answer", "must be true or false for")),
            },
            QuestionType::Order => Kind::Order { items: take(&mut file.items, "items", error)? },
            QuestionType::Match => Kind::Match { pairs: take(&mut file.pairs, "pairs", error)? },
            QuestionType::Numeric => Kind::Numeric {
                answer: match take(&mut file.answer, "answer", error)? {
                    Answer::Number(answer) => answer,
                    Answer::Bool(_) => return Err(error("answer", "must be a whole number for")),
                },
                close_within: take(&mut file.close_within, "close_within", error)?,
                unit: take(&mut file.unit, "unit", error)?,
            },
            QuestionType::Scenario => Kind::Scenario {
                scenario: take(&mut file.scenario, "scenario", error)?,
                options: take(&mut file.options, "options", error)?,
            },
        };
        if let Some(field) = file.left_over() {
            return Err(error(field, "does not belong to"));
        }
        let QuestionFile { id, prompt, explanation, source, facts, principle, .. } = file;
        Ok(Question { id, prompt, kind, explanation, source, facts, principle })
    }
}

/// Reads one authoring file, naming it in any error. serde_json says where
/// in the file the error is.
fn read_file<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, BankError> {
    serde_json::from_str(text).map_err(|e| BankError::Parse {
        file: file.into(),
        message: if e.is_data() { e.to_string() } else { format!("not valid JSON: {e}") },
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::content::bank::OrderItem;

    const SECTIONS: &str = r#"[{"id":"principle-1","title":"Principle 1: Keep clear and detailed records"},
        {"id":"national-picture","title":"The national picture 2018-19"}]"#;
    const FACTS: &str = r#"[{"id":"f1","section":"principle-1","text":"A fact."},
        {"id":"f46","section":"national-picture","text":"46%.","figure":46}]"#;

    const LEARN: &str = r#"{"cards":[{"id":"c","title":"C","section":"principle-1","groups":[{"points":[
        {"fact":"f1","text":"A fact."},{"fact":"f46","text":"46%."}]}],
        "charts":[{"title":"T","unit":"%","bars":[{"fact":"f46","label":"Not known"}]}]}]}"#;

    fn topic_json(questions: &str) -> String {
        format!(r#"{{"id":"t","title":"T","questions":[{questions}]}}"#)
    }

    const GOOD: &str = r#"{"id":"q-1","type":"single","prompt":"P?","principle":1,"facts":["f1"],
        "options":[{"id":"a","text":"A","correct":true},{"id":"b","text":"B"}],
        "explanation":"Because.","source":"Principle 1: Keep clear and detailed records"}"#;
    const NUMERIC: &str = r#"{"id":"q-2","type":"numeric","prompt":"How many?","facts":["f46"],
        "answer":46,"close_within":3,"unit":"%","explanation":"Because.","source":"The national picture 2018-19"}"#;

    fn load(questions: &str) -> Result<Bank, BankError> {
        Bank::from_files(SECTIONS, FACTS, LEARN, &[("t.json", &topic_json(questions))])
    }

    fn problems_for(question: &str) -> Vec<String> {
        match load(&format!("{question},{NUMERIC}")) {
            Err(BankError::Invalid(problems)) => problems,
            other => panic!("expected an invalid bank, got {other:?}"),
        }
    }

    #[test]
    fn good_questions_load() {
        let bank = load(&format!("{GOOD},{NUMERIC}")).unwrap();
        assert_eq!(bank.question("q-1").unwrap().kind.name(), "single");
        assert_eq!(bank.question("q-2").unwrap().kind, Kind::Numeric { answer: 46, close_within: 3, unit: "%".into() });
    }

    #[test]
    fn the_bundle_reads_the_same_as_the_files() {
        let files = load(&format!("{GOOD},{NUMERIC}")).unwrap();
        let cards = &LEARN[LEARN.find('[').unwrap()..LEARN.len() - 1];
        let bundle =
            format!(r#"{{"sections":{SECTIONS},"facts":{FACTS},"topics":[{}],"cards":{cards}}}"#, topic_json(&format!("{GOOD},{NUMERIC}")));
        assert_eq!(Bank::from_bundle(&bundle), Ok(files));
    }

    #[test]
    fn a_damaged_bundle_is_refused() {
        let bundle = format!(r#"{{"sections":{SECTIONS},"facts":{FACTS},"topics":[{}],"cards":[]}}"#, topic_json(GOOD));
        for damaged in [&bundle[..bundle.len() / 2], "", "null", "{}", &bundle.replace("\"options\"", "\"opts\"")] {
            assert_eq!(Bank::from_bundle(damaged), Err(BankError::Damaged), "{damaged}");
        }
    }

    #[test]
    fn malformed_json_names_the_file_and_the_place() {
        let err = Bank::from_files(SECTIONS, FACTS, LEARN, &[("broken.json", "{")]).unwrap_err();
        assert!(matches!(err, BankError::Parse { ref file, .. } if file == "broken.json"));
        assert_eq!(err.to_string(), "broken.json: not valid JSON: EOF while parsing an object at line 1 column 1");
        let err = Bank::from_files(SECTIONS, "[\n  {\"id\": \"f1\",}\n]", LEARN, &[]).unwrap_err();
        assert!(err.to_string().starts_with("facts.json: not valid JSON: trailing comma at line 2 column"), "{err}");
    }

    /// Reads a topic file `t.json` of one question as `from_files` does (without
    /// the content rules), giving the question's kind or the error message.
    fn parse_one(question: &str) -> Result<Kind, String> {
        read_file::<Topic>("t.json", &topic_json(question)).map(|topic| topic.questions[0].kind.clone()).map_err(|e| e.to_string())
    }

    /// A question of `type` with the common fields and then `fields`.
    fn question(question_type: &str, fields: &str) -> String {
        format!(
            r#"{{"id":"q-9","type":"{question_type}","prompt":"P","facts":["f1"],"explanation":"E.",
            "source":"Principle 1: Keep clear and detailed records",{fields}}}"#
        )
    }

    #[test]
    fn each_type_reads_into_its_kind() {
        let option = |text: &str, correct| AnswerOption { id: text.to_lowercase(), text: text.into(), correct, feedback: None };
        let options = r#""options":[{"id":"a","text":"A","correct":true,"feedback":"Yes."},{"id":"b","text":"B","correct":false},{"id":"c","text":"C"}]"#;
        let read_options =
            vec![AnswerOption { feedback: Some("Yes.".into()), ..option("A", true) }, option("B", false), option("C", false)];
        let cases = [
            ("single", options.to_string(), Kind::SingleChoice { options: read_options.clone() }),
            ("multi", options.to_string(), Kind::MultipleChoice { options: read_options.clone() }),
            ("true_false", r#""answer":false"#.to_string(), Kind::TrueFalse { answer: false }),
            (
                "order",
                r#""items":[{"id":"a","text":"a"},{"id":"b","text":"b"},{"id":"c","text":"c"}]"#.to_string(),
                Kind::Order { items: OrderItem::lettered(&["a", "b", "c"]) },
            ),
            (
                "match",
                r#""pairs":[{"id":"a","left":"a","right":"1"},{"id":"b","left":"b","right":"2"}]"#.to_string(),
                Kind::Match {
                    pairs: vec![
                        Pair { id: "a".into(), left: "a".into(), right: "1".into() },
                        Pair { id: "b".into(), left: "b".into(), right: "2".into() },
                    ],
                },
            ),
            (
                "numeric",
                r#""answer":-7,"close_within":0,"unit":"""#.to_string(),
                Kind::Numeric { answer: -7, close_within: 0, unit: String::new() },
            ),
            ("scenario", format!(r#""scenario":"S.",{options}"#), Kind::Scenario { scenario: "S.".into(), options: read_options.clone() }),
        ];
        let covered: Vec<&str> = cases.iter().map(|(question_type, _, _)| *question_type).collect();
        assert_eq!(covered, type_names(), "a case for every type serde reads");
        for (question_type, fields, kind) in cases {
            let read = parse_one(&question(question_type, &fields));
            assert_eq!(read, Ok(kind), "{question_type}");
            assert_eq!(read.unwrap().name(), question_type, "Kind::name is the type as written");
        }
    }

    /// Every type name serde reads, in order: the list its error for an
    /// unknown type gives, so a new type is in it without being written here.
    fn type_names() -> Vec<String> {
        let Err(err) = serde_json::from_str::<QuestionType>(r#""?""#) else { panic!("\"?\" is no type") };
        let err = err.to_string();
        let (_, expected) = err.split_once("expected one of ").unwrap_or_else(|| panic!("{err}"));
        expected.split('`').skip(1).step_by(2).map(str::to_string).collect()
    }

    #[test]
    fn every_type_name_reads_back_as_that_type() {
        let names = type_names();
        assert!(names.contains(&"single".to_string()) && names.contains(&"scenario".to_string()), "{names:?}");
        for name in &names {
            let Ok(read) = serde_json::from_str::<QuestionType>(&format!("\"{name}\"")) else { panic!("{name}") };
            assert_eq!(read.name(), name, "QuestionType::name is the name serde reads");
        }
    }

    #[test]
    fn a_question_needs_exactly_the_fields_of_its_type() {
        let err = parse_one(&question("numeric", r#""answer":46,"unit":"%""#)).unwrap_err();
        assert!(err.starts_with("t.json: question 'q-9': field `close_within` is missing for type numeric at line 2"), "{err}");
        let err = parse_one(&question("true_false", r#""answer":true,"options":[]"#)).unwrap_err();
        assert!(err.contains("question 'q-9': field `options` does not belong to type true_false"), "{err}");
        let err = parse_one(&question("true_false", r#""answer":1"#)).unwrap_err();
        assert!(err.contains("question 'q-9': field `answer` must be true or false for type true_false"), "{err}");
        let err = parse_one(&question("numeric", r#""answer":"46","close_within":0,"unit":"""#)).unwrap_err();
        assert!(err.contains("invalid type: string \"46\", expected true, false or a whole number"), "{err}");
        let err = parse_one(&question("numeric", r#""answer":true,"close_within":0,"unit":"""#)).unwrap_err();
        assert!(err.contains("field `answer` must be a whole number for type numeric"), "{err}");
        let err = parse_one(&question("numeric", r#""answer":46.5,"close_within":0,"unit":"""#)).unwrap_err();
        assert!(err.contains("invalid type: floating point `46.5`"), "{err}");
        let err = parse_one(&question("numeric", r#""answer":46,"close_within":-1,"unit":"""#)).unwrap_err();
        assert!(err.contains("invalid value: integer `-1`, expected u32"), "{err}");
    }

    #[test]
    fn misspelt_fields_are_reported() {
        let q = GOOD.replace("\"explanation\"", "\"explanaton\"");
        let err = load(&format!("{q},{NUMERIC}")).unwrap_err().to_string();
        assert!(err.starts_with("t.json: unknown field `explanaton`, expected one of `id`, `type`,"), "{err}");
        assert!(err.ends_with(" at line 3 column 20"), "{err}");
        let q = GOOD.replace("\"principle\":1", "\"principle\":1,\"colour\":\"red\"");
        assert!(load(&format!("{q},{NUMERIC}")).unwrap_err().to_string().contains("unknown field `colour`"));
        let q = GOOD.replace(r#""explanation":"Because.","#, "");
        assert!(load(&format!("{q},{NUMERIC}")).unwrap_err().to_string().contains("missing field `explanation`"));
        let learn = LEARN.replace("\"label\"", "\"lable\"");
        let err = Bank::from_files(SECTIONS, FACTS, &learn, &[("t.json", &topic_json(GOOD))]).unwrap_err().to_string();
        assert!(err.starts_with("learn.json: unknown field `lable`, expected one of `fact`, `qualifier`, `label` at line 3"), "{err}");
        let facts = FACTS.replace("\"text\"", "\"txt\"");
        let err = Bank::from_files(SECTIONS, &facts, LEARN, &[("t.json", &topic_json(GOOD))]).unwrap_err().to_string();
        assert!(err.starts_with("facts.json: unknown field `txt`"), "{err}");
    }

    #[test]
    fn unknown_types_are_reported() {
        let q = GOOD.replace("\"single\"", "\"essay\"");
        let err = load(&format!("{q},{NUMERIC}")).unwrap_err().to_string();
        assert!(err.contains("unknown variant `essay`, expected one of `single`, `multi`, `true_false`, `order`, `match`,"), "{err}");
    }

    #[test]
    fn single_choice_needs_exactly_one_correct_option() {
        let two = GOOD.replace(r#"{"id":"b","text":"B"}"#, r#"{"id":"b","text":"B","correct":true}"#);
        assert!(problems_for(&two).iter().any(|p| p.contains("exactly one correct")));
        let none = GOOD.replace(r#""correct":true"#, r#""correct":false"#);
        assert!(problems_for(&none).iter().any(|p| p.contains("exactly one correct")));
    }

    #[test]
    fn multi_needs_a_right_and_a_wrong_option() {
        let all_right =
            GOOD.replace("\"single\"", "\"multi\"").replace(r#"{"id":"b","text":"B"}"#, r#"{"id":"b","text":"B","correct":true}"#);
        assert!(problems_for(&all_right).iter().any(|p| p.contains("one correct and one wrong")));
    }

    #[test]
    fn numeric_answers_must_be_a_figure_of_their_facts() {
        let wrong = NUMERIC.replace("\"answer\":46", "\"answer\":45");
        let problems = match load(&format!("{GOOD},{wrong}")) {
            Err(BankError::Invalid(p)) => p,
            other => panic!("{other:?}"),
        };
        assert!(problems.iter().any(|p| p.contains("numeric answer 45")), "{problems:?}");
    }

    #[test]
    fn every_fact_must_be_taught_and_known() {
        match load(GOOD) {
            Err(BankError::Invalid(p)) => assert!(p.iter().any(|p| p.contains("fact 'f46' is taught by no question"))),
            other => panic!("{other:?}"),
        }
        let unknown = GOOD.replace(r#"["f1"]"#, r#"["f1","f999"]"#);
        assert!(problems_for(&unknown).iter().any(|p| p.contains("unknown fact 'f999'")));
    }

    #[test]
    fn every_fact_must_be_on_a_learn_card_and_charts_need_figures() {
        let only_f1 = LEARN.replace(r#",{"fact":"f46","text":"46%."}"#, "").replace(r#""fact":"f46","label""#, r#""fact":"f1","label""#);
        match Bank::from_files(SECTIONS, FACTS, &only_f1, &[("t.json", &topic_json(&format!("{GOOD},{NUMERIC}")))]) {
            Err(BankError::Invalid(p)) => {
                assert!(p.iter().any(|p| p.contains("fact 'f46' is on no Learn card")), "{p:?}");
                assert!(p.iter().any(|p| p.contains("needs a fact with a figure")), "{p:?}");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_percentage_chart_holds_only_percentages_and_units_are_known() {
        let problems = |learn: &str, facts: &str| match Bank::from_files(
            SECTIONS,
            facts,
            learn,
            &[("t.json", &topic_json(&format!("{GOOD},{NUMERIC}")))],
        ) {
            Err(BankError::Invalid(p)) => p,
            Ok(_) => Vec::new(),
            other => panic!("{other:?}"),
        };
        assert!(problems(LEARN, FACTS).is_empty());
        let over_100 = FACTS.replace(r#""figure":46"#, r#""figure":146"#);
        assert!(problems(LEARN, &over_100).iter().any(|p| p.contains("is a percentage, so its figure must be 0 to 100")));
        let as_count = problems(&LEARN.replace(r#""unit":"%""#, r##""unit":"""##), &over_100);
        assert!(!as_count.iter().any(|p| p.contains("chart")), "146 is fine as a count: {as_count:?}");
        let unit = LEARN.replace(r#""unit":"%""#, r#""unit":"incidents""#);
        assert!(problems(&unit, FACTS).iter().any(|p| p.contains("unit must be")));
        let qualified = LEARN.replace(r#"{"fact":"f46","label""#, r#"{"fact":"f46","qualifier":"over","label""#);
        assert!(problems(&qualified, FACTS).is_empty());
    }

    #[test]
    fn order_and_match_need_distinct_items() {
        let order = r#"{"id":"q-3","type":"order","prompt":"Order","facts":["f1"],"items":[{"id":"a","text":"a"},{"id":"b","text":"b"},{"id":"c","text":"a"}],
            "explanation":"E.","source":"Principle 1: Keep clear and detailed records"}"#;
        assert!(problems_for(&format!("{GOOD},{order}")).iter().any(|p| p.contains("all different")));
        let pairs = r#"{"id":"q-3","type":"match","prompt":"Match","facts":["f1"],
            "pairs":[{"id":"a","left":"a","right":"1"},{"id":"b","left":"b","right":"1"}],
            "explanation":"E.","source":"Principle 1: Keep clear and detailed records"}"#;
        assert!(problems_for(&format!("{GOOD},{pairs}")).iter().any(|p| p.contains("all different")));
    }

    #[test]
    fn unknown_source_and_mismatched_principle_are_rejected() {
        let q = GOOD.replace("Principle 1: Keep clear and detailed records", "Wikipedia");
        assert!(problems_for(&q).iter().any(|p| p.contains("not a section of the seed")));
        let q = GOOD.replace(r#""principle":1"#, r#""principle":2"#);
        assert!(problems_for(&q).iter().any(|p| p.contains("principle 2")));
    }

    #[test]
    fn duplicate_and_unstable_ids_are_rejected() {
        assert!(problems_for(&format!("{GOOD},{GOOD}")).iter().any(|p| p.contains("used twice")));
        let q = GOOD.replace("q-1", "Q 1");
        assert!(problems_for(&q).iter().any(|p| p.contains("lowercase")));
    }
}
