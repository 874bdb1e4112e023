//! Reading the content's JSON with serde: the authors' files and the app's
//! bundle, with unknown fields refused and a plain message for each problem.

use super::*;

// ---- Reading the JSON ----------------------------------------------------
//
// serde reads every file into the types above. Most of them are written just
// as they are held; a question is not, since which fields it has depends on
// its `type`, so it is read as a `QuestionFile` and then turned into a
// `Question` with its `Kind`. Every struct denies unknown fields, so a
// misspelt field is reported rather than silently ignored.

/// `assets/learn.json`: `{"cards": [...], "deck": {...}}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LearnFile {
    pub(super) cards: Vec<Card>,
    pub(super) deck: DeckSpec,
}

/// The question types as written in the `type` field.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(super) enum QuestionType {
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
    pub(super) fn of(kind: &Kind) -> QuestionType {
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
    pub(super) fn name(self) -> &'static str {
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
pub(super) struct QuestionFile {
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
pub(super) enum Answer {
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
pub(super) struct ShapeError {
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
    pub(super) fn left_over(&self) -> Option<&'static str> {
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
pub(super) fn read_file<T: serde::de::DeserializeOwned>(file: &str, text: &str) -> Result<T, BankError> {
    serde_json::from_str(text).map_err(|e| BankError::Parse {
        file: file.into(),
        message: if e.is_data() { e.to_string() } else { format!("not valid JSON: {e}") },
    })
}
