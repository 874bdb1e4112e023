//! The mode key: which scores are compared with each other for a best score,
//! and looked at together for the last score.

use super::*;

/// Which scores are compared with each other for a best score, and looked at
/// together for the last score: the "mode key" of an attempt.
///
/// One per kind of quiz, except that each topic has its own, and each
/// trainer's quiz link has its own (its [`QuizSpec::id`](crate::quiz::links::link::QuizSpec::id),
/// 8 hex digits, the same on every phone), so only retakes of the same link
/// are compared. Mistakes and spaced reviews re-ask a few chosen questions, so
/// their scores never count for a best ([`ModeKey::counts_for_best`]); they
/// still have a last score.
///
/// Stored as text: `"quick"`, `"assessment"`, `"mistakes"`, `"review"`,
/// `"topic:<topic id>"` or `"trainer:<quiz id>"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub enum ModeKey {
    Quick,
    Assessment,
    /// A topic quiz, by topic id.
    Topic(String),
    /// A trainer's quiz, by the quiz id of its link.
    Trainer(String),
    Mistakes,
    Review,
}

impl ModeKey {
    /// The mode key of a quiz of this kind.
    pub fn of(kind: &QuizKind) -> ModeKey {
        match kind {
            QuizKind::Quick => ModeKey::Quick,
            QuizKind::Assessment => ModeKey::Assessment,
            QuizKind::Topic(topic) => ModeKey::Topic(topic.clone()),
            QuizKind::Trainer(spec) => ModeKey::Trainer(spec.id()),
            QuizKind::Mistakes(_) => ModeKey::Mistakes,
            QuizKind::Review => ModeKey::Review,
        }
    }

    /// True if a quiz of this kind has this mode key (as `ModeKey::of(kind) == *self`).
    pub fn is_of(&self, kind: &QuizKind) -> bool {
        match (self, kind) {
            (ModeKey::Topic(key), QuizKind::Topic(topic)) => key == topic,
            (ModeKey::Trainer(quiz), QuizKind::Trainer(spec)) => spec.id() == *quiz,
            (key, kind) => kind.mode() == key.mode() && !matches!(key, ModeKey::Topic(_) | ModeKey::Trainer(_)),
        }
    }

    /// The mode key of a score with no link (`None` for a trainer's quiz,
    /// whose quiz id a score does not hold): for scores from before mode keys.
    pub(super) fn of_score(score: &ScoreRecord) -> Option<ModeKey> {
        QuizKind::of_mode(score.mode, score.topic.clone()).map(|kind| ModeKey::of(&kind))
    }

    /// The kind of quiz.
    pub fn mode(&self) -> Mode {
        match self {
            ModeKey::Quick => Mode::Quick,
            ModeKey::Assessment => Mode::Assessment,
            ModeKey::Topic(_) => Mode::Topic,
            ModeKey::Trainer(_) => Mode::Trainer,
            ModeKey::Mistakes => Mode::Mistakes,
            ModeKey::Review => Mode::Review,
        }
    }

    /// False for mistakes and spaced reviews: their scores say little (they
    /// re-ask what was got wrong or is due), so they are never a best.
    pub fn counts_for_best(&self) -> bool {
        !matches!(self, ModeKey::Mistakes | ModeKey::Review)
    }

    /// True if `score` could be of this key (its mode, and for a topic its topic).
    pub(super) fn fits(&self, score: &ScoreRecord) -> bool {
        match self {
            ModeKey::Topic(topic) => score.mode == Mode::Topic && score.topic.as_deref().unwrap_or_default() == topic,
            key => score.mode == key.mode(),
        }
    }
}

impl From<ModeKey> for String {
    fn from(key: ModeKey) -> String {
        match key {
            ModeKey::Quick => "quick".into(),
            ModeKey::Assessment => "assessment".into(),
            ModeKey::Topic(topic) => format!("topic:{topic}"),
            ModeKey::Trainer(quiz) => format!("trainer:{quiz}"),
            ModeKey::Mistakes => "mistakes".into(),
            ModeKey::Review => "review".into(),
        }
    }
}

impl TryFrom<String> for ModeKey {
    type Error = &'static str;

    fn try_from(text: String) -> Result<ModeKey, &'static str> {
        Ok(match text.as_str() {
            "quick" => ModeKey::Quick,
            "assessment" => ModeKey::Assessment,
            "mistakes" => ModeKey::Mistakes,
            "review" => ModeKey::Review,
            _ => match text.split_once(':') {
                Some(("topic", topic)) => ModeKey::Topic(topic.to_owned()),
                Some(("trainer", quiz)) => ModeKey::Trainer(quiz.to_owned()),
                _ => return Err("not a mode key"),
            },
        })
    }
}
