//! The question bank: what a question is, reading it from the JSON files in
//! `assets/questions/`, and checking that the content is consistent.
//!
//! `build.rs` includes this file too: it reads and checks the JSON at build
//! time and compiles the bank into the app as static data (see
//! `builtin_bank.rs`). So invalid content fails the build, and the app carries
//! no JSON parsing code for its questions.

use serde::Deserialize;
use std::borrow::Cow;
use std::collections::HashSet;

/// Text that is either compiled into the app or read from JSON.
pub type Text = Cow<'static, str>;
/// A list that is either compiled into the app or read from JSON.
pub type List<T> = Cow<'static, [T]>;

/// One answer a learner can pick.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerOption {
    pub text: Text,
    #[serde(default)]
    pub correct: bool,
    /// Why this particular option is right or wrong, shown after checking.
    #[serde(default)]
    pub feedback: Option<Text>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable id: progress and links refer to questions by it, so never reuse one.
    pub id: Text,
    pub prompt: Text,
    pub options: List<AnswerOption>,
    /// One or two sentences on why the answer is right, in plain English.
    pub explanation: Text,
    /// The section of the seed deck the fact comes from, e.g. "Principle 3: Always share information".
    pub source: Text,
    /// Which of the 10 Principles the question is about, if any.
    #[serde(default)]
    pub principle: Option<u8>,
}

impl Question {
    /// Index of the correct option, if exactly one is marked correct.
    pub fn correct_option(&self) -> Option<usize> {
        let mut correct = self.options.iter().enumerate().filter(|(_, o)| o.correct);
        match (correct.next(), correct.next()) {
            (Some((index, _)), None) => Some(index),
            _ => None,
        }
    }
}

/// A topic file: a titled group of questions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: Text,
    pub title: Text,
    pub questions: List<Question>,
}

/// A named part of the seed deck that a question may cite.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedSection {
    pub id: Text,
    pub title: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bank {
    pub sections: List<SeedSection>,
    pub topics: List<Topic>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum BankError {
    /// A file could not be read as JSON of the expected shape.
    Parse { file: String, message: String },
    /// The content parsed but breaks a rule (duplicate id, no correct answer…).
    Invalid(Vec<String>),
}

impl std::fmt::Display for BankError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BankError::Parse { file, message } => write!(f, "{file}: {message}"),
            BankError::Invalid(problems) => write!(f, "{}", problems.join("; ")),
        }
    }
}

impl Bank {
    /// Parses the seed sections and each `(file name, json)` topic, then validates.
    pub fn from_json(sections_json: &str, topic_files: &[(&str, &str)]) -> Result<Bank, BankError> {
        let sections: Vec<SeedSection> =
            serde_json::from_str(sections_json).map_err(|e| parse_error("seed-sections.json", &e))?;
        let mut topics = Vec::with_capacity(topic_files.len());
        for (file, json) in topic_files {
            let topic: Topic = serde_json::from_str(json).map_err(|e| parse_error(file, &e))?;
            topics.push(topic);
        }
        let bank = Bank { sections: sections.into(), topics: topics.into() };
        let problems = bank.problems();
        if problems.is_empty() {
            Ok(bank)
        } else {
            Err(BankError::Invalid(problems))
        }
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

    /// Every rule the content breaks, in words a content editor can act on.
    pub fn problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let section_titles: HashSet<&str> = self.sections.iter().map(|s| s.title.as_ref()).collect();
        let mut topic_ids = HashSet::new();
        let mut question_ids = HashSet::new();
        for topic in self.topics.iter() {
            if !topic_ids.insert(topic.id.as_ref()) {
                problems.push(format!("topic id '{}' is used twice", topic.id));
            }
            if topic.questions.is_empty() {
                problems.push(format!("topic '{}' has no questions", topic.id));
            }
            for q in topic.questions.iter() {
                let at = format!("question '{}'", q.id);
                if !is_stable_id(&q.id) {
                    problems.push(format!("{at}: id must be lowercase letters, digits and hyphens"));
                }
                if !question_ids.insert(q.id.as_ref()) {
                    problems.push(format!("{at}: id is used twice"));
                }
                if q.prompt.trim().is_empty() {
                    problems.push(format!("{at}: prompt is empty"));
                }
                if q.explanation.trim().is_empty() {
                    problems.push(format!("{at}: explanation is empty"));
                }
                if !section_titles.contains(q.source.as_ref()) {
                    problems.push(format!("{at}: source '{}' is not a section of the seed", q.source));
                }
                if let Some(n) = q.principle {
                    let expected_prefix = format!("Principle {n}:");
                    if !q.source.starts_with(&expected_prefix) {
                        problems.push(format!("{at}: principle {n} but source is '{}'", q.source));
                    }
                }
                if q.options.len() < 2 {
                    problems.push(format!("{at}: needs at least two options"));
                }
                if q.correct_option().is_none() {
                    problems.push(format!("{at}: needs exactly one correct option"));
                }
                let mut texts = HashSet::new();
                for option in q.options.iter() {
                    if option.text.trim().is_empty() {
                        problems.push(format!("{at}: an option is empty"));
                    }
                    if !texts.insert(option.text.trim()) {
                        problems.push(format!("{at}: option '{}' appears twice", option.text));
                    }
                }
            }
        }
        problems
    }
}

fn parse_error(file: &str, error: &serde_json::Error) -> BankError {
    BankError::Parse { file: file.into(), message: error.to_string() }
}

fn is_stable_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECTIONS: &str = r#"[{"id":"p1","title":"Principle 1: Keep clear and detailed records"}]"#;

    fn topic_json(questions: &str) -> String {
        format!(r#"{{"id":"t","title":"T","questions":[{questions}]}}"#)
    }

    const GOOD: &str = r#"{"id":"q-1","prompt":"P?","principle":1,
        "options":[{"text":"A","correct":true},{"text":"B"}],
        "explanation":"Because.","source":"Principle 1: Keep clear and detailed records"}"#;

    #[test]
    fn a_good_question_loads() {
        let bank = Bank::from_json(SECTIONS, &[("t.json", &topic_json(GOOD))]).unwrap();
        assert_eq!(bank.question("q-1").unwrap().correct_option(), Some(0));
    }

    #[test]
    fn malformed_json_names_the_file() {
        let err = Bank::from_json(SECTIONS, &[("broken.json", "{")]).unwrap_err();
        assert!(matches!(err, BankError::Parse { ref file, .. } if file == "broken.json"));
    }

    fn problems_for(question: &str) -> Vec<String> {
        match Bank::from_json(SECTIONS, &[("t.json", &topic_json(question))]) {
            Err(BankError::Invalid(problems)) => problems,
            other => panic!("expected invalid bank, got {other:?}"),
        }
    }

    #[test]
    fn two_correct_options_are_rejected() {
        let q = GOOD.replace(r#"{"text":"B"}"#, r#"{"text":"B","correct":true}"#);
        assert!(problems_for(&q).iter().any(|p| p.contains("exactly one correct")));
    }

    #[test]
    fn no_correct_option_is_rejected() {
        let q = GOOD.replace(r#""correct":true"#, r#""correct":false"#);
        assert!(problems_for(&q).iter().any(|p| p.contains("exactly one correct")));
    }

    #[test]
    fn unknown_source_is_rejected() {
        let q = GOOD.replace("Principle 1: Keep clear and detailed records", "Wikipedia");
        assert!(problems_for(&q).iter().any(|p| p.contains("not a section of the seed")));
    }

    #[test]
    fn duplicate_ids_are_rejected() {
        let both = format!("{GOOD},{GOOD}");
        assert!(problems_for(&both).iter().any(|p| p.contains("used twice")));
    }

    #[test]
    fn empty_explanation_is_rejected() {
        let q = GOOD.replace("Because.", " ");
        assert!(problems_for(&q).iter().any(|p| p.contains("explanation is empty")));
    }

    #[test]
    fn unstable_ids_are_rejected() {
        let q = GOOD.replace("q-1", "Q 1");
        assert!(problems_for(&q).iter().any(|p| p.contains("lowercase")));
    }

    #[test]
    fn principle_must_match_source() {
        let q = GOOD.replace(r#""principle":1"#, r#""principle":2"#);
        assert!(problems_for(&q).iter().any(|p| p.contains("principle 2")));
    }
}
