//! Which quiz a person is taking: one value, with no illegal states (a topic
//! quiz always names its topic, a trainer's quiz always has its link, and
//! only a review of chosen mistakes lists questions).

use serde::{Deserialize, Serialize};

use crate::quiz::links::link::QuizSpec;

/// The pass mark of a full assessment, in percent.
pub const PASS_MARK: u32 = 80;

/// Which kind of quiz an attempt was, without its details: what a score
/// keeps, and what the buttons that start one are named by. Stored as its
/// lowercase name (`"quick"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Quick,
    Topic,
    Assessment,
    Mistakes,
    Review,
    /// A trainer's quiz from a link.
    Trainer,
}

/// Which quiz a person is taking.
///
/// Stored as `{"mode": "topic", "topic": "principle-3", "link": null}`, with
/// `"questions": [ids]` only for a review of chosen mistakes (the form of
/// every version before this type was an enum, so stores read as they did).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "StoredKind", into = "StoredKind")]
pub enum QuizKind {
    /// A quick check across the course.
    Quick,
    /// One topic's questions, by topic id.
    Topic(String),
    /// The full assessment, with deferred feedback and a pass mark.
    Assessment,
    /// The learner's mistakes: all of them when empty, or exactly these
    /// question ids, in quiz order ("Review these 3 mistakes now" after a quiz).
    Mistakes(Vec<String>),
    /// A spaced review of what is due.
    Review,
    /// A trainer's quiz from a link (or a session code).
    Trainer(QuizSpec),
}

impl QuizKind {
    /// The quiz of a kind that needs nothing more than its `mode` and, for a
    /// topic quiz, its `topic`: e.g. a score from before attempts kept their
    /// kind. `None` for a trainer's quiz, which needs its link. A topic quiz
    /// with no topic (never written, but readable) names the empty topic,
    /// which no bank has.
    pub fn of_mode(mode: Mode, topic: Option<String>) -> Option<QuizKind> {
        Some(match mode {
            Mode::Quick => QuizKind::Quick,
            Mode::Topic => QuizKind::Topic(topic.unwrap_or_default()),
            Mode::Assessment => QuizKind::Assessment,
            Mode::Mistakes => QuizKind::Mistakes(Vec::new()),
            Mode::Review => QuizKind::Review,
            Mode::Trainer => return None,
        })
    }

    /// The kind of quiz, without its details.
    pub fn mode(&self) -> Mode {
        match self {
            QuizKind::Quick => Mode::Quick,
            QuizKind::Topic(_) => Mode::Topic,
            QuizKind::Assessment => Mode::Assessment,
            QuizKind::Mistakes(_) => Mode::Mistakes,
            QuizKind::Review => Mode::Review,
            QuizKind::Trainer(_) => Mode::Trainer,
        }
    }

    /// The topic id of a topic quiz.
    pub fn topic(&self) -> Option<&str> {
        match self {
            QuizKind::Topic(topic) => Some(topic),
            _ => None,
        }
    }

    /// The trainer's link of a trainer's quiz.
    pub fn link(&self) -> Option<&QuizSpec> {
        match self {
            QuizKind::Trainer(spec) => Some(spec),
            _ => None,
        }
    }

    /// In a full assessment, or a trainer's assessment, feedback waits until the end.
    pub fn defers_feedback(&self) -> bool {
        match self {
            QuizKind::Assessment => true,
            QuizKind::Trainer(spec) => spec.assessment,
            _ => false,
        }
    }

    /// The pass mark, for quizzes that have one.
    pub fn pass_mark(&self) -> Option<u32> {
        match self {
            QuizKind::Assessment => Some(PASS_MARK),
            QuizKind::Trainer(spec) => spec.assessment.then_some(spec.pass_mark),
            _ => None,
        }
    }
}

/// A [`QuizKind`] as stored: the four loosely tied fields of earlier versions.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredKind {
    mode: Mode,
    topic: Option<String>,
    link: Option<QuizSpec>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    questions: Vec<String>,
}

impl TryFrom<StoredKind> for QuizKind {
    type Error = &'static str;

    /// The quiz a stored kind names; an error for fields that belong to
    /// another kind (which no version of the app wrote).
    fn try_from(stored: StoredKind) -> Result<QuizKind, &'static str> {
        let StoredKind { mode, topic, link, questions } = stored;
        if topic.is_some() && mode != Mode::Topic {
            return Err("a topic for a quiz that has none");
        }
        if !questions.is_empty() && mode != Mode::Mistakes {
            return Err("questions for a quiz that draws its own");
        }
        match (mode, link) {
            (Mode::Trainer, Some(spec)) => Ok(QuizKind::Trainer(spec)),
            (Mode::Trainer, None) => Err("a trainer's quiz without its link"),
            (_, Some(_)) => Err("a link for a quiz that is not a trainer's"),
            (Mode::Mistakes, None) => Ok(QuizKind::Mistakes(questions)),
            (mode, None) => QuizKind::of_mode(mode, topic).ok_or("a trainer's quiz without its link"),
        }
    }
}

impl From<QuizKind> for StoredKind {
    fn from(kind: QuizKind) -> StoredKind {
        let mode = kind.mode();
        let (topic, link, questions) = match kind {
            QuizKind::Topic(topic) => (Some(topic), None, Vec::new()),
            QuizKind::Trainer(spec) => (None, Some(spec), Vec::new()),
            QuizKind::Mistakes(questions) => (None, None, questions),
            _ => (None, None, Vec::new()),
        };
        StoredKind { mode, topic, link, questions }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec() -> QuizSpec {
        QuizSpec { topics: vec![], count: 5, seed: 3, assessment: true, pass_mark: 70, title: None, refresh_months: None }
    }

    #[test]
    fn each_kind_is_stored_as_before_and_read_back() {
        let cases = [
            (QuizKind::Quick, r#"{"mode":"quick","topic":null,"link":null}"#.to_string()),
            (QuizKind::Topic("principle-3".into()), r#"{"mode":"topic","topic":"principle-3","link":null}"#.into()),
            (QuizKind::Assessment, r#"{"mode":"assessment","topic":null,"link":null}"#.into()),
            (QuizKind::Mistakes(vec![]), r#"{"mode":"mistakes","topic":null,"link":null}"#.into()),
            (
                QuizKind::Mistakes(vec!["a".into(), "b".into()]),
                r#"{"mode":"mistakes","topic":null,"link":null,"questions":["a","b"]}"#.into(),
            ),
            (QuizKind::Review, r#"{"mode":"review","topic":null,"link":null}"#.into()),
            (QuizKind::Trainer(spec()), format!(r#"{{"mode":"trainer","topic":null,"link":{}}}"#, serde_json::to_string(&spec()).unwrap())),
        ];
        for (kind, stored) in cases {
            assert_eq!(serde_json::to_string(&kind).unwrap(), stored);
            assert_eq!(serde_json::from_str::<QuizKind>(&stored).unwrap(), kind, "{stored}");
        }
    }

    #[test]
    fn fields_of_another_kind_are_refused() {
        let link = serde_json::to_string(&spec()).unwrap();
        for stored in [
            r#"{"mode":"quick","topic":"principle-3","link":null}"#.to_string(),
            format!(r#"{{"mode":"quick","topic":null,"link":{link}}}"#),
            r#"{"mode":"trainer","topic":null,"link":null}"#.into(),
            r#"{"mode":"topic","topic":"p","link":null,"questions":["a"]}"#.into(),
            r#"{"mode":"quick","topic":null,"link":null,"extra":1}"#.into(),
        ] {
            assert!(serde_json::from_str::<QuizKind>(&stored).is_err(), "{stored}");
        }
        // A topic quiz with no topic reads as a topic no bank has (as before).
        assert_eq!(
            serde_json::from_str::<QuizKind>(r#"{"mode":"topic","topic":null,"link":null}"#).unwrap(),
            QuizKind::Topic(String::new())
        );
    }

    #[test]
    fn feedback_and_pass_mark_follow_the_kind() {
        assert!(QuizKind::Assessment.defers_feedback());
        assert_eq!(QuizKind::Assessment.pass_mark(), Some(PASS_MARK));
        assert!(QuizKind::Trainer(spec()).defers_feedback());
        assert_eq!(QuizKind::Trainer(spec()).pass_mark(), Some(70));
        let practice = QuizSpec { assessment: false, ..spec() };
        assert_eq!((QuizKind::Trainer(practice.clone()).defers_feedback(), QuizKind::Trainer(practice).pass_mark()), (false, None));
        assert_eq!((QuizKind::Quick.defers_feedback(), QuizKind::Topic("p".into()).pass_mark()), (false, None));
    }
}
