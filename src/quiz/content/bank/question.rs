//! What a question is: its options, match pairs and order items, and its
//! kind (the seven question types).

use super::*;

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
