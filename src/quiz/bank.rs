//! The question bank: what a question is, reading it from JSON, and checking
//! that the content is consistent and traceable to the seed deck.
//!
//! Authors write one file per topic in `assets/questions/`, plus the fact list
//! (`assets/facts.json`) and the seed's section titles (`assets/seed-sections.json`).
//! The build joins them into one bundle that the app loads (see
//! `scripts/bank-bundle.mjs`). Both are read by the same code here, and
//! `build.rs` runs `problems()` so invalid content fails the build.

use std::collections::HashSet;

use super::json::{self, Json};
use super::learn::{BarSpec, Card, Chart, Flip, Group, Point};

/// One answer a learner can pick.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerOption {
    pub text: String,
    pub correct: bool,
    /// Why this option is right or wrong, shown after checking.
    pub feedback: Option<String>,
}

/// Two things that belong together, e.g. a characteristic and its percentage.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    pub left: String,
    pub right: String,
}

/// What kind of answer a question takes, with its right answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// One option is right.
    SingleChoice { options: Vec<AnswerOption> },
    /// Select all that apply: the mark needs every right option and no wrong one.
    MultipleChoice { options: Vec<AnswerOption> },
    /// The prompt is a statement; `answer` says whether it is true.
    TrueFalse { answer: bool },
    /// `items` are in the right order; the learner is shown them shuffled.
    Order { items: Vec<String> },
    /// Each left goes with its right; the learner picks rights from a list.
    Match { pairs: Vec<Pair> },
    /// A whole number, right within `tolerance` either side.
    Numeric { answer: i64, tolerance: u32, unit: String },
    /// A short practice vignette, then options; one or more are right.
    Scenario { scenario: String, options: Vec<AnswerOption> },
}

impl Kind {
    /// The type's name as written in the question files.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::SingleChoice { .. } => "single",
            Kind::MultipleChoice { .. } => "multi",
            Kind::TrueFalse { .. } => "true_false",
            Kind::Order { .. } => "order",
            Kind::Match { .. } => "match",
            Kind::Numeric { .. } => "numeric",
            Kind::Scenario { .. } => "scenario",
        }
    }

    /// The options of the choice types.
    pub fn options(&self) -> Option<&[AnswerOption]> {
        match self {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => Some(options),
            _ => None,
        }
    }

    /// True when the learner may pick more than one option.
    pub fn allows_several(&self) -> bool {
        match self {
            Kind::MultipleChoice { .. } => true,
            Kind::Scenario { options, .. } => options.iter().filter(|o| o.correct).count() > 1,
            _ => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// Stable id: progress and links refer to questions by it, so never reuse one.
    pub id: String,
    pub prompt: String,
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

/// A topic file: a titled group of questions.
#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub id: String,
    pub title: String,
    pub questions: Vec<Question>,
}

/// A named part of the seed deck that a question may cite.
#[derive(Debug, Clone, PartialEq)]
pub struct SeedSection {
    pub id: String,
    pub title: String,
}

/// One fact of the seed deck, as the fact list states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Fact {
    pub id: String,
    /// The id of the seed section it comes from.
    pub section: String,
    pub text: String,
    /// The number, for facts that are figures.
    pub figure: Option<i64>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    pub sections: Vec<SeedSection>,
    pub facts: Vec<Fact>,
    pub topics: Vec<Topic>,
    /// The Learn section's study cards.
    pub cards: Vec<Card>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BankError {
    /// An authoring file could not be read as the expected JSON.
    Parse { file: String, message: String },
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
        fn read<T>(file: &str, text: &str, read: impl FnOnce(&Json) -> ReadResult<T>) -> Result<T, BankError> {
            let doc = json::parse(text).map_err(|e| BankError::Parse {
                file: file.into(),
                message: format!("not valid JSON at byte {}: {}", e.offset, e.reason),
            })?;
            read(&doc).map_err(|e| BankError::Parse { file: file.into(), message: e.message() })
        }
        let sections = read("seed-sections.json", sections_json, |doc| list(doc, section_from_json))?;
        let facts = read("facts.json", facts_json, |doc| list(doc, fact_from_json))?;
        let cards = read("learn.json", learn_json, |doc| {
            let mut f = Fields::of(doc)?;
            let cards = list(f.required("cards")?, card_from_json)?;
            f.finish()?;
            Ok(cards)
        })?;
        let topics = topic_files.iter().map(|(file, text)| read(file, text, topic_from_json)).collect::<Result<Vec<_>, _>>()?;
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
        let doc = json::parse(text).map_err(|_| BankError::Damaged)?;
        let read = || -> ReadResult<Bank> {
            let mut fields = Fields::of(&doc)?;
            let bank = Bank {
                sections: list(fields.required("sections")?, section_from_json)?,
                facts: list(fields.required("facts")?, fact_from_json)?,
                topics: list(fields.required("topics")?, topic_from_json)?,
                cards: list(fields.required("cards")?, card_from_json)?,
            };
            fields.finish()?;
            Ok(bank)
        };
        read().map_err(|_| BankError::Damaged)
    }

    pub fn questions(&self) -> impl Iterator<Item = &Question> {
        self.topics.iter().flat_map(|t| t.questions.iter())
    }

    pub fn topic(&self, id: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().find(|q| q.id == id)
    }

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
                for problem in kind_problems(&q.kind) {
                    problems.push(format!("{at}: {problem}"));
                }
                if let Kind::Numeric { answer, .. } = q.kind {
                    let figures: Vec<i64> = q.facts.iter().filter_map(|id| self.fact(id)?.figure).collect();
                    if !figures.contains(&answer) {
                        problems.push(format!("{at}: numeric answer {answer} is not the figure of any of its facts"));
                    }
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
            for bar in card.charts.iter().flat_map(|c| c.bars.iter()) {
                if self.fact(&bar.fact).and_then(|f| f.figure).is_none() {
                    problems.push(format!("{at}: chart bar '{}' needs a fact with a figure", bar.label));
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
fn kind_problems(kind: &Kind) -> Vec<String> {
    let mut problems = Vec::new();
    if let Some(options) = kind.options() {
        let correct = options.iter().filter(|o| o.correct).count();
        if options.len() < 2 {
            problems.push("needs at least two options".to_string());
        }
        if !unique(options.iter().map(|o| o.text.as_str())) {
            problems.push("options must be non-empty and all different".to_string());
        }
        match kind {
            Kind::SingleChoice { .. } if correct != 1 => problems.push("needs exactly one correct option".to_string()),
            Kind::MultipleChoice { .. } if correct == 0 || correct == options.len() => {
                problems.push("needs at least one correct and one wrong option".to_string())
            }
            Kind::Scenario { scenario, .. } => {
                if scenario.trim().is_empty() {
                    problems.push("scenario is empty".to_string());
                }
                if correct == 0 || correct == options.len() {
                    problems.push("needs at least one correct and one wrong option".to_string());
                }
            }
            _ => {}
        }
    }
    match kind {
        Kind::Order { items } => {
            if items.len() < 3 {
                problems.push("an order question needs at least three items".to_string());
            }
            if !unique(items.iter().map(String::as_str)) {
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
        Kind::Numeric { unit, .. } if !matches!(unit.as_str(), "" | "%") => problems.push(format!("unit '{unit}' must be \"%\" or \"\"")),
        _ => {}
    }
    problems
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
// Errors are plain values, put into words only by `from_files` (at build time
// and in tests): the app reads the bundle, and formatting messages it never
// shows would only add weight to the wasm.

/// What went wrong reading an object, and where.
#[derive(Debug)]
struct ReadError {
    /// The id of the object it was in, when it has one.
    id: Option<String>,
    what: &'static str,
    key: String,
}

impl ReadError {
    fn new(what: &'static str) -> ReadError {
        ReadError { id: None, what, key: String::new() }
    }

    fn message(&self) -> String {
        let at = self.id.as_ref().map(|id| format!("'{id}': ")).unwrap_or_default();
        if self.key.is_empty() {
            format!("{at}{}", self.what)
        } else {
            format!("{at}\"{}\" {}", self.key, self.what)
        }
    }
}

type ReadResult<T> = Result<T, ReadError>;

fn list<T>(value: &Json, read: impl Fn(&Json) -> ReadResult<T>) -> ReadResult<Vec<T>> {
    value.as_array().ok_or(ReadError::new("expected a list"))?.iter().map(read).collect()
}

/// The members of an object, taken one by one, so that a misspelt or unknown
/// key is reported instead of silently ignored.
struct Fields<'a> {
    members: Vec<(&'a str, &'a Json)>,
    id: Option<&'a str>,
}

impl<'a> Fields<'a> {
    fn of(value: &'a Json) -> ReadResult<Fields<'a>> {
        let Json::Object(members) = value else { return Err(ReadError::new("expected an object")) };
        Ok(Fields { members: members.iter().map(|(k, v)| (k.as_str(), v)).collect(), id: value.get("id").and_then(Json::as_str) })
    }

    fn error(&self, key: &str, what: &'static str) -> ReadError {
        ReadError { id: self.id.map(str::to_owned), what, key: key.to_owned() }
    }

    fn optional(&mut self, key: &str) -> Option<&'a Json> {
        let index = self.members.iter().position(|(k, _)| *k == key)?;
        Some(self.members.swap_remove(index).1)
    }

    fn required(&mut self, key: &'static str) -> ReadResult<&'a Json> {
        self.optional(key).ok_or_else(|| self.error(key, "is missing"))
    }

    fn string(&mut self, key: &'static str) -> ReadResult<String> {
        let value = self.required(key)?;
        value.as_str().map(str::to_owned).ok_or_else(|| self.error(key, "must be text"))
    }

    fn optional_string(&mut self, key: &'static str) -> ReadResult<Option<String>> {
        match self.optional(key) {
            None | Some(Json::Null) => Ok(None),
            Some(value) => value.as_str().map(|s| Some(s.to_owned())).ok_or_else(|| self.error(key, "must be text")),
        }
    }

    fn boolean(&mut self, key: &'static str) -> ReadResult<bool> {
        let value = self.required(key)?;
        value.as_bool().ok_or_else(|| self.error(key, "must be true or false"))
    }

    fn integer(&mut self, key: &'static str) -> ReadResult<i64> {
        match self.required(key)? {
            Json::Int(n) => Ok(*n),
            _ => Err(self.error(key, "must be a whole number")),
        }
    }

    fn optional_integer(&mut self, key: &'static str) -> ReadResult<Option<i64>> {
        match self.optional(key) {
            None => Ok(None),
            Some(Json::Int(n)) => Ok(Some(*n)),
            Some(_) => Err(self.error(key, "must be a whole number")),
        }
    }

    fn strings(&mut self, key: &'static str) -> ReadResult<Vec<String>> {
        let value = self.required(key)?;
        list(value, |v| v.as_str().map(str::to_owned).ok_or(ReadError::new(""))).map_err(|_| self.error(key, "must be a list of text"))
    }

    /// Fails if any key was not taken.
    fn finish(self) -> ReadResult<()> {
        match self.members.first() {
            None => Ok(()),
            Some((key, _)) => Err(self.error(key, "is an unknown field")),
        }
    }
}

fn section_from_json(value: &Json) -> ReadResult<SeedSection> {
    let mut f = Fields::of(value)?;
    let section = SeedSection { id: f.string("id")?, title: f.string("title")? };
    f.finish()?;
    Ok(section)
}

fn fact_from_json(value: &Json) -> ReadResult<Fact> {
    let mut f = Fields::of(value)?;
    let fact = Fact { figure: f.optional_integer("figure")?, id: f.string("id")?, section: f.string("section")?, text: f.string("text")? };
    f.finish()?;
    Ok(fact)
}

fn card_from_json(value: &Json) -> ReadResult<Card> {
    let mut f = Fields::of(value)?;
    let point = |value: &Json| -> ReadResult<Point> {
        let mut f = Fields::of(value)?;
        let point = Point { fact: f.optional_string("fact")?, text: f.string("text")? };
        f.finish()?;
        Ok(point)
    };
    let group = |value: &Json| -> ReadResult<Group> {
        let mut f = Fields::of(value)?;
        let group = Group { heading: f.optional_string("heading")?, points: list(f.required("points")?, point)? };
        f.finish()?;
        Ok(group)
    };
    let flip = |value: &Json| -> ReadResult<Flip> {
        let mut f = Fields::of(value)?;
        let flip = Flip { front: f.string("front")?, back: f.string("back")?, facts: f.strings("facts")? };
        f.finish()?;
        Ok(flip)
    };
    let bar = |value: &Json| -> ReadResult<BarSpec> {
        let mut f = Fields::of(value)?;
        let bar = BarSpec { fact: f.string("fact")?, label: f.string("label")? };
        f.finish()?;
        Ok(bar)
    };
    let chart = |value: &Json| -> ReadResult<Chart> {
        let mut f = Fields::of(value)?;
        let chart = Chart { title: f.string("title")?, unit: f.string("unit")?, bars: list(f.required("bars")?, bar)? };
        f.finish()?;
        Ok(chart)
    };
    let card = Card {
        id: f.string("id")?,
        title: f.string("title")?,
        section: f.string("section")?,
        topic: f.optional_string("topic")?,
        intro: f.optional_string("intro")?,
        link: f.optional_string("link")?,
        charts: match f.optional("charts") {
            None => Vec::new(),
            Some(v) => list(v, chart)?,
        },
        groups: list(f.required("groups")?, group)?,
        flips: match f.optional("flips") {
            None => Vec::new(),
            Some(v) => list(v, flip)?,
        },
    };
    f.finish()?;
    Ok(card)
}

fn topic_from_json(value: &Json) -> ReadResult<Topic> {
    let mut f = Fields::of(value)?;
    let topic = Topic { id: f.string("id")?, title: f.string("title")?, questions: list(f.required("questions")?, question_from_json)? };
    f.finish()?;
    Ok(topic)
}

fn option_from_json(value: &Json) -> ReadResult<AnswerOption> {
    let mut f = Fields::of(value)?;
    let correct = match f.optional("correct") {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| f.error("correct", "must be true or false"))?,
    };
    let option = AnswerOption { text: f.string("text")?, correct, feedback: f.optional_string("feedback")? };
    f.finish()?;
    Ok(option)
}

fn pair_from_json(value: &Json) -> ReadResult<Pair> {
    let mut f = Fields::of(value)?;
    let pair = Pair { left: f.string("left")?, right: f.string("right")? };
    f.finish()?;
    Ok(pair)
}

fn question_from_json(value: &Json) -> ReadResult<Question> {
    let mut f = Fields::of(value)?;
    let options = |f: &mut Fields| list(f.required("options")?, option_from_json);
    let kind = match f.string("type")?.as_str() {
        "single" => Kind::SingleChoice { options: options(&mut f)? },
        "multi" => Kind::MultipleChoice { options: options(&mut f)? },
        "true_false" => Kind::TrueFalse { answer: f.boolean("answer")? },
        "order" => Kind::Order { items: f.strings("items")? },
        "match" => Kind::Match { pairs: list(f.required("pairs")?, pair_from_json)? },
        "numeric" => Kind::Numeric {
            answer: f.integer("answer")?,
            tolerance: u32::try_from(f.integer("tolerance")?).map_err(|_| f.error("tolerance", "must be 0 or more"))?,
            unit: f.string("unit")?,
        },
        "scenario" => Kind::Scenario { scenario: f.string("scenario")?, options: options(&mut f)? },
        _ => return Err(f.error("type", "is not a known question type")),
    };
    let principle = match f.optional_integer("principle")? {
        None => None,
        Some(n) => Some(u8::try_from(n).map_err(|_| f.error("principle", "must be 1 to 10"))?),
    };
    let question = Question {
        id: f.string("id")?,
        prompt: f.string("prompt")?,
        explanation: f.string("explanation")?,
        source: f.string("source")?,
        facts: f.strings("facts")?,
        principle,
        kind,
    };
    f.finish()?;
    Ok(question)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        "options":[{"text":"A","correct":true},{"text":"B"}],
        "explanation":"Because.","source":"Principle 1: Keep clear and detailed records"}"#;
    const NUMERIC: &str = r#"{"id":"q-2","type":"numeric","prompt":"How many?","facts":["f46"],
        "answer":46,"tolerance":3,"unit":"%","explanation":"Because.","source":"The national picture 2018-19"}"#;

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
        assert_eq!(bank.question("q-2").unwrap().kind, Kind::Numeric { answer: 46, tolerance: 3, unit: "%".into() });
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
    fn malformed_json_names_the_file() {
        let err = Bank::from_files(SECTIONS, FACTS, LEARN, &[("broken.json", "{")]).unwrap_err();
        assert!(matches!(err, BankError::Parse { ref file, .. } if file == "broken.json"));
    }

    #[test]
    fn misspelt_fields_are_reported() {
        let q = GOOD.replace("\"explanation\"", "\"explanaton\"");
        let err = load(&format!("{q},{NUMERIC}")).unwrap_err();
        assert!(err.to_string().contains("'q-1': \"explanation\" is missing"), "{err}");
        let q = GOOD.replace("\"principle\":1", "\"principle\":1,\"colour\":\"red\"");
        let err = load(&format!("{q},{NUMERIC}")).unwrap_err();
        assert!(err.to_string().contains("\"colour\" is an unknown field"), "{err}");
    }

    #[test]
    fn unknown_types_are_reported() {
        let q = GOOD.replace("\"single\"", "\"essay\"");
        assert!(load(&format!("{q},{NUMERIC}")).unwrap_err().to_string().contains("\"type\" is not a known question type"));
    }

    #[test]
    fn single_choice_needs_exactly_one_correct_option() {
        let two = GOOD.replace(r#"{"text":"B"}"#, r#"{"text":"B","correct":true}"#);
        assert!(problems_for(&two).iter().any(|p| p.contains("exactly one correct")));
        let none = GOOD.replace(r#""correct":true"#, r#""correct":false"#);
        assert!(problems_for(&none).iter().any(|p| p.contains("exactly one correct")));
    }

    #[test]
    fn multi_needs_a_right_and_a_wrong_option() {
        let all_right = GOOD.replace("\"single\"", "\"multi\"").replace(r#"{"text":"B"}"#, r#"{"text":"B","correct":true}"#);
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
    fn order_and_match_need_distinct_items() {
        let order = r#"{"id":"q-3","type":"order","prompt":"Order","facts":["f1"],"items":["a","b","a"],
            "explanation":"E.","source":"Principle 1: Keep clear and detailed records"}"#;
        assert!(problems_for(&format!("{GOOD},{order}")).iter().any(|p| p.contains("all different")));
        let pairs = r#"{"id":"q-3","type":"match","prompt":"Match","facts":["f1"],
            "pairs":[{"left":"a","right":"1"},{"left":"b","right":"1"}],
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
