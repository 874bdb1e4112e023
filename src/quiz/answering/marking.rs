//! What a learner's answer is, for each question type, and how it is marked.

use crate::quiz::content::bank::Kind;

/// A learner's answer. Indices always refer to the question as written (its
/// options, items or pairs), never to the shuffled order on screen.
/// Stored as a one-key object: `{"choice": 1}`, `{"choices": [0, 2]}`, `{"order": [...]}`,
/// `{"matches": [...]}` or `{"number": 46}`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Response {
    /// One option; for true/false, 0 is "True" and 1 is "False".
    Choice(usize),
    /// Several options (select all that apply).
    Choices(Vec<usize>),
    /// The items in the order the learner put them.
    Order(Vec<usize>),
    /// For each pair's left, the pair whose right the learner matched to it.
    Matches(Vec<usize>),
    Number(i64),
}

/// The right answer, as the feedback shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum RightAnswer {
    Options(Vec<String>),
    TrueFalse(bool),
    Order(Vec<String>),
    /// Each pair, with what the learner chose where it was not the right one.
    Pairs(Vec<PairAnswer>),
    /// `close` is true when `given` is near the figure (within the question's
    /// `close_within`) but not it.
    Number {
        answer: i64,
        unit: String,
        given: Option<i64>,
        close: bool,
    },
}

impl RightAnswer {
    /// The right answer on one line, for a list of answers after a quiz.
    pub fn summary(&self) -> String {
        match self {
            RightAnswer::Options(options) => options.join("; "),
            RightAnswer::TrueFalse(true) => "True".to_string(),
            RightAnswer::TrueFalse(false) => "False".to_string(),
            RightAnswer::Order(items) => items.join(", then "),
            RightAnswer::Pairs(pairs) => pairs.iter().map(PairAnswer::line).collect::<Vec<_>>().join("; "),
            RightAnswer::Number { answer, unit, .. } => format!("{answer}{unit}"),
        }
    }

    /// The right answer as separate lines, for a list: one per pair of a
    /// match question, per step of an order question (numbered) and per
    /// right option; a single line otherwise.
    pub fn lines(&self) -> Vec<String> {
        match self {
            RightAnswer::Options(options) => options.clone(),
            RightAnswer::Order(items) => items.iter().enumerate().map(|(n, item)| format!("{}. {item}", n + 1)).collect(),
            RightAnswer::Pairs(pairs) => pairs.iter().map(PairAnswer::line).collect(),
            RightAnswer::TrueFalse(_) | RightAnswer::Number { .. } => vec![self.summary()],
        }
    }

    /// True when the answer given was near the right one but not it: the
    /// feedback says "Close" rather than "Not quite".
    pub fn is_close(&self) -> bool {
        match self {
            RightAnswer::Number { close, .. } => *close,
            RightAnswer::Options(_) | RightAnswer::TrueFalse(_) | RightAnswer::Order(_) | RightAnswer::Pairs(_) => false,
        }
    }
}

/// One pair of a match question, as the feedback shows it: "Addiction: 21% (you chose 17%)".
#[derive(Debug, Clone, PartialEq)]
pub struct PairAnswer {
    pub left: String,
    pub right: String,
    /// The right the learner chose instead, if it was not this one.
    pub chosen: Option<String>,
}

impl PairAnswer {
    /// "Addiction: 21% (you chose 17%)", or "Addiction: 21%" when it was right.
    pub fn line(&self) -> String {
        match &self.chosen {
            Some(chosen) => format!("{}: {} (you chose {chosen})", self.left, self.right),
            None => format!("{}: {}", self.left, self.right),
        }
    }
}

/// How many parts of an answer were right, for the types that have parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PartsRight {
    pub right: usize,
    pub of: usize,
}

fn is_permutation(order: &[usize], len: usize) -> bool {
    let mut seen = vec![false; len];
    order.len() == len && order.iter().all(|&i| i < len && !std::mem::replace(&mut seen[i], true))
}

impl Kind {
    /// True if `response` is a well-formed answer to this kind of question.
    pub fn accepts(&self, response: &Response) -> bool {
        match self {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => match response {
                Response::Choice(i) => !self.allows_several() && *i < options.len(),
                Response::Choices(chosen) => {
                    let mut seen = vec![false; options.len()];
                    self.allows_several()
                        && !chosen.is_empty()
                        && chosen.iter().all(|&i| i < options.len() && !std::mem::replace(&mut seen[i], true))
                }
                Response::Order(_) | Response::Matches(_) | Response::Number(_) => false,
            },
            Kind::TrueFalse { .. } => {
                let Response::Choice(i) = response else { return false };
                *i < 2
            }
            Kind::Order { items } => {
                let Response::Order(order) = response else { return false };
                is_permutation(order, items.len())
            }
            Kind::Match { pairs } => {
                let Response::Matches(chosen) = response else { return false };
                chosen.len() == pairs.len() && chosen.iter().all(|&j| j < pairs.len())
            }
            Kind::Numeric { .. } => matches!(response, Response::Number(_)),
        }
    }

    /// Marks a response `accepts` allowed: right or not, and how many parts
    /// were right. A response that does not fit is not right.
    pub fn mark(&self, response: &Response) -> (bool, Option<PartsRight>) {
        match self {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => match response {
                Response::Choice(i) => (options.get(*i).is_some_and(|o| o.correct), None),
                Response::Choices(chosen) => {
                    // Each option is right if chosen exactly when it is correct.
                    let right = options.iter().enumerate().filter(|(i, o)| chosen.contains(i) == o.correct).count();
                    (right == options.len(), Some(PartsRight { right, of: options.len() }))
                }
                Response::Order(_) | Response::Matches(_) | Response::Number(_) => (false, None),
            },
            Kind::TrueFalse { answer } => {
                let Response::Choice(i) = response else { return (false, None) };
                ((*i == 0) == *answer, None)
            }
            Kind::Order { items } => {
                let Response::Order(order) = response else { return (false, None) };
                let right = order.iter().enumerate().filter(|(place, &item)| *place == item).count();
                (right == items.len(), Some(PartsRight { right, of: items.len() }))
            }
            Kind::Match { pairs } => {
                let Response::Matches(chosen) = response else { return (false, None) };
                let right = chosen.iter().enumerate().filter(|(left, &j)| *left == j).count();
                (right == pairs.len(), Some(PartsRight { right, of: pairs.len() }))
            }
            // The course states its figures exactly, so only the exact figure is right.
            Kind::Numeric { answer, .. } => {
                let Response::Number(given) = response else { return (false, None) };
                (given == answer, None)
            }
        }
    }

    /// The right answer in words, given what the learner answered.
    pub fn right_answer(&self, response: Option<&Response>) -> RightAnswer {
        match self {
            Kind::TrueFalse { answer } => RightAnswer::TrueFalse(*answer),
            Kind::Order { items } => RightAnswer::Order(items.iter().map(|i| i.text.clone()).collect()),
            Kind::Match { pairs } => {
                let chosen = |left: usize| {
                    let Some(Response::Matches(m)) = response else { return None };
                    m.get(left).copied().filter(|&j| j != left).and_then(|j| pairs.get(j))
                };
                RightAnswer::Pairs(
                    pairs
                        .iter()
                        .enumerate()
                        .map(|(left, p)| PairAnswer {
                            left: p.left.clone(),
                            right: p.right.clone(),
                            chosen: chosen(left).map(|c| c.right.clone()),
                        })
                        .collect(),
                )
            }
            Kind::Numeric { answer, close_within, unit } => {
                let given = if let Some(Response::Number(n)) = response { Some(*n) } else { None };
                let distance = given.map(|n| (i128::from(n) - i128::from(*answer)).abs());
                let close = distance.is_some_and(|d| d > 0 && d <= i128::from(*close_within));
                RightAnswer::Number { answer: *answer, unit: unit.clone(), given, close }
            }
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
                RightAnswer::Options(options.iter().filter(|o| o.correct).map(|o| o.text.clone()).collect())
            }
        }
    }

    /// A response in plain words, with no marking: what an assessment's
    /// "Check your answers" page lists. An answer that does not fit gives "".
    pub fn describe(&self, response: &Response) -> String {
        match self {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
                let option = |i: usize| options.get(i).map(|o| o.text.clone()).unwrap_or_default();
                match response {
                    Response::Choice(i) => option(*i),
                    Response::Choices(chosen) => {
                        let mut chosen = chosen.clone();
                        chosen.sort_unstable();
                        chosen.into_iter().map(option).collect::<Vec<_>>().join("; ")
                    }
                    Response::Order(_) | Response::Matches(_) | Response::Number(_) => String::new(),
                }
            }
            Kind::TrueFalse { .. } => {
                let Response::Choice(i) = response else { return String::new() };
                String::from(if *i == 0 { "True" } else { "False" })
            }
            Kind::Order { items } => {
                let Response::Order(order) = response else { return String::new() };
                order.iter().filter_map(|&i| items.get(i).map(|item| item.text.clone())).collect::<Vec<_>>().join(", then ")
            }
            Kind::Match { pairs } => {
                let Response::Matches(chosen) = response else { return String::new() };
                pairs
                    .iter()
                    .zip(chosen)
                    .filter_map(|(pair, &j)| Some(format!("{}: {}", pair.left, pairs.get(j)?.right)))
                    .collect::<Vec<_>>()
                    .join("; ")
            }
            Kind::Numeric { unit, .. } => {
                let Response::Number(n) = response else { return String::new() };
                format!("{n}{unit}")
            }
        }
    }

    /// The written feedback for the options the learner chose, and for right
    /// options they missed, in the question's order. Only the choice types
    /// have options, so only they have notes.
    pub fn option_notes(&self, response: &Response) -> Vec<String> {
        let options = match self {
            Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => options,
            Kind::TrueFalse { .. } | Kind::Order { .. } | Kind::Match { .. } | Kind::Numeric { .. } => return Vec::new(),
        };
        let chosen = |i: usize| match response {
            Response::Choice(c) => *c == i,
            Response::Choices(cs) => cs.contains(&i),
            Response::Order(_) | Response::Matches(_) | Response::Number(_) => false,
        };
        let several = self.allows_several();
        options
            .iter()
            .enumerate()
            .filter(|(i, o)| chosen(*i) || (o.correct && several))
            .filter_map(|(i, o)| {
                let note = o.feedback.as_ref()?;
                if !several {
                    return Some(note.clone());
                }
                // Several notes in a row: each says which option it is about, and how it stood.
                let how = match (chosen(i), o.correct) {
                    (true, true) => "you chose this, and it is right",
                    (true, false) => "you chose this, but it is not right",
                    (false, _) => "right, and you did not choose it",
                };
                Some(format!("\u{201c}{}\u{201d} ({how}): {note}", o.text))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::content::bank::OrderItem;

    #[test]
    fn a_right_answer_with_parts_is_listed_one_part_a_line() {
        let pairs = RightAnswer::Pairs(vec![
            PairAnswer { left: "Addiction".into(), right: "21%".into(), chosen: None },
            PairAnswer { left: "Domestic abuse".into(), right: "35%".into(), chosen: None },
        ]);
        assert_eq!(pairs.lines(), vec!["Addiction: 21%", "Domestic abuse: 35%"]);
        assert_eq!(RightAnswer::Order(vec!["Notice".into(), "Record".into()]).lines(), vec!["1. Notice", "2. Record"]);
        assert_eq!(RightAnswer::TrueFalse(false).lines(), vec!["False"]);
        assert_eq!(RightAnswer::Number { answer: 46, unit: "%".into(), given: None, close: false }.lines(), vec!["46%"]);
    }
    use crate::quiz::content::bank::{AnswerOption, Pair};

    fn options(correct: &[bool]) -> Vec<AnswerOption> {
        correct
            .iter()
            .enumerate()
            .map(|(i, &c)| AnswerOption { id: format!("o{i}"), text: format!("o{i}"), correct: c, feedback: Some(format!("f{i}")) })
            .collect()
    }

    #[test]
    fn single_choice() {
        let kind = Kind::SingleChoice { options: options(&[false, true, false]) };
        assert!(kind.accepts(&Response::Choice(2)));
        assert!(!kind.accepts(&Response::Choice(3)));
        assert!(!kind.accepts(&Response::Choices(vec![1])));
        assert_eq!(kind.mark(&Response::Choice(1)), (true, None));
        assert_eq!(kind.mark(&Response::Choice(0)), (false, None));
        assert_eq!(kind.right_answer(None), RightAnswer::Options(vec!["o1".into()]));
        assert_eq!(kind.option_notes(&Response::Choice(0)), vec!["f0".to_string()]);
    }

    #[test]
    fn select_all_needs_every_right_option_and_no_wrong_one() {
        let kind = Kind::MultipleChoice { options: options(&[true, false, true, false]) };
        assert!(!kind.accepts(&Response::Choices(vec![])), "choosing nothing is not an answer");
        assert!(!kind.accepts(&Response::Choices(vec![0, 0])));
        assert!(!kind.accepts(&Response::Choice(0)));
        assert_eq!(kind.mark(&Response::Choices(vec![2, 0])), (true, Some(PartsRight { right: 4, of: 4 })));
        assert!(!kind.mark(&Response::Choices(vec![0])).0, "a missed right option");
        assert_eq!(kind.mark(&Response::Choices(vec![0, 1, 2])), (false, Some(PartsRight { right: 3, of: 4 })));
        // Notes: what was chosen, plus the right ones that were missed, each tied to its option.
        assert_eq!(
            kind.option_notes(&Response::Choices(vec![1, 2])),
            vec![
                "\u{201c}o0\u{201d} (right, and you did not choose it): f0",
                "\u{201c}o1\u{201d} (you chose this, but it is not right): f1",
                "\u{201c}o2\u{201d} (you chose this, and it is right): f2",
            ]
        );
        // One answer, one note: it needs no label.
        let single = Kind::SingleChoice { options: options(&[true, false]) };
        assert_eq!(single.option_notes(&Response::Choice(1)), vec!["f1"]);
    }

    #[test]
    fn scenarios_with_several_right_options_are_select_all() {
        let one = Kind::Scenario { scenario: "s".into(), options: options(&[true, false]) };
        let two = Kind::Scenario { scenario: "s".into(), options: options(&[true, true, false]) };
        assert!(one.accepts(&Response::Choice(0)) && !one.accepts(&Response::Choices(vec![0])));
        assert!(two.accepts(&Response::Choices(vec![0, 1])) && !two.accepts(&Response::Choice(0)));
        assert!(two.mark(&Response::Choices(vec![1, 0])).0);
    }

    #[test]
    fn a_response_is_described_in_words_with_no_marking() {
        let pair = |l: &str, r: &str| Pair { id: l.into(), left: l.into(), right: r.into() };
        let single = Kind::SingleChoice { options: options(&[false, true, false]) };
        assert_eq!(single.describe(&Response::Choice(2)), "o2");
        let multi = Kind::MultipleChoice { options: options(&[true, false, true]) };
        assert_eq!(multi.describe(&Response::Choices(vec![2, 0])), "o0; o2");
        assert_eq!(Kind::TrueFalse { answer: false }.describe(&Response::Choice(0)), "True");
        assert_eq!(Kind::TrueFalse { answer: true }.describe(&Response::Choice(1)), "False");
        let order = Kind::Order { items: OrderItem::lettered(&["a", "b", "c"]) };
        assert_eq!(order.describe(&Response::Order(vec![2, 0, 1])), "c, then a, then b");
        let matching = Kind::Match { pairs: vec![pair("a", "1"), pair("b", "2")] };
        assert_eq!(matching.describe(&Response::Matches(vec![1, 1])), "a: 2; b: 2");
        let number = Kind::Numeric { answer: 46, close_within: 3, unit: "%".into() };
        assert_eq!(number.describe(&Response::Number(40)), "40%");
        // The same words whether right or wrong: nothing gives the mark away.
        assert_eq!(single.describe(&Response::Choice(1)), "o1");
    }

    #[test]
    fn true_false() {
        let kind = Kind::TrueFalse { answer: false };
        assert!(kind.accepts(&Response::Choice(1)) && !kind.accepts(&Response::Choice(2)));
        assert!(kind.mark(&Response::Choice(1)).0);
        assert!(!kind.mark(&Response::Choice(0)).0);
    }

    #[test]
    fn order_counts_places_right() {
        let kind = Kind::Order { items: OrderItem::lettered(&["a", "b", "c"]) };
        assert!(!kind.accepts(&Response::Order(vec![0, 1])));
        assert!(!kind.accepts(&Response::Order(vec![0, 1, 1])));
        assert_eq!(kind.mark(&Response::Order(vec![0, 1, 2])), (true, Some(PartsRight { right: 3, of: 3 })));
        assert_eq!(kind.mark(&Response::Order(vec![0, 2, 1])), (false, Some(PartsRight { right: 1, of: 3 })));
    }

    #[test]
    fn match_counts_pairs_right() {
        let pair = |l: &str, r: &str| Pair { id: l.into(), left: l.into(), right: r.into() };
        let kind = Kind::Match { pairs: vec![pair("a", "1"), pair("b", "2"), pair("c", "3")] };
        assert!(!kind.accepts(&Response::Matches(vec![0, 1])));
        assert!(!kind.accepts(&Response::Matches(vec![0, 1, 3])));
        assert!(kind.accepts(&Response::Matches(vec![0, 0, 0])), "the same right twice is an answer, if a wrong one");
        assert_eq!(kind.mark(&Response::Matches(vec![0, 1, 2])), (true, Some(PartsRight { right: 3, of: 3 })));
        assert_eq!(kind.mark(&Response::Matches(vec![1, 0, 2])), (false, Some(PartsRight { right: 1, of: 3 })));
        // Each row says what it should be, and what was chosen instead.
        let RightAnswer::Pairs(rows) = kind.right_answer(Some(&Response::Matches(vec![1, 0, 2]))) else { panic!() };
        let lines: Vec<String> = rows.iter().map(PairAnswer::line).collect();
        assert_eq!(lines, ["a: 1 (you chose 2)", "b: 2 (you chose 1)", "c: 3"]);
        let RightAnswer::Pairs(rows) = kind.right_answer(None) else { panic!() };
        assert!(rows.iter().all(|r| r.chosen.is_none()));
    }

    #[test]
    fn numeric_is_right_only_when_exact_and_close_within_the_band() {
        let kind = Kind::Numeric { answer: 46, close_within: 3, unit: "%".into() };
        // (given, right, close)
        let cases = [
            (46, true, false),
            (45, false, true),
            (47, false, true),
            (43, false, true),
            (49, false, true),
            (42, false, false),
            (50, false, false),
            (-46, false, false),
            (0, false, false),
            (i64::MIN, false, false),
            (i64::MAX, false, false),
        ];
        for (given, right, close) in cases {
            assert_eq!(kind.mark(&Response::Number(given)).0, right, "{given}");
            let shown = kind.right_answer(Some(&Response::Number(given)));
            assert_eq!(shown, RightAnswer::Number { answer: 46, unit: "%".into(), given: Some(given), close }, "{given}");
        }
        assert_eq!(kind.right_answer(None), RightAnswer::Number { answer: 46, unit: "%".into(), given: None, close: false });
    }
}
