//! An answer being put together on screen, before it is checked: what the
//! learner has picked so far, and whether it is complete enough to mark.

use super::marking::Response;
use crate::quiz::content::bank::Kind;
use crate::quiz::text::number::{read_whole_number, NumberProblem};

/// Kept with the quiz in progress (as `{"choice": null}`, `{"number": "4"}`…), so Back,
/// Forward and a reload keep what was picked.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Draft {
    /// One option (or True = 0 / False = 1), if picked yet.
    Choice(Option<usize>),
    /// The options ticked so far (select all that apply).
    Choices(Vec<usize>),
    /// The items as currently arranged.
    Order(Vec<usize>),
    /// For each left, the right picked so far.
    Matches(Vec<Option<usize>>),
    /// The text typed so far.
    Number(String),
}

/// Why a draft cannot be checked yet, in GOV.UK error-message words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incomplete {
    NoChoice,
    NoChoices,
    /// The first left (by index) with no match picked.
    UnmatchedItem(usize),
    /// The number field cannot be read as a whole number (see [`number`](crate::quiz::text::number)).
    BadNumber(NumberProblem),
}

impl Incomplete {
    pub fn message(self) -> &'static str {
        match self {
            Incomplete::NoChoice => "Select an answer",
            Incomplete::NoChoices => "Select at least one answer",
            Incomplete::UnmatchedItem(_) => "Choose a match for every item",
            Incomplete::BadNumber(problem) => problem.message(),
        }
    }
}

impl Draft {
    /// The empty draft for a question laid out as `layout` (see `AttemptItem::order`).
    pub fn new(kind: &Kind, layout: &[usize]) -> Draft {
        match kind {
            Kind::SingleChoice { .. } | Kind::MultipleChoice { .. } | Kind::Scenario { .. } => {
                if kind.allows_several() {
                    Draft::Choices(Vec::new())
                } else {
                    Draft::Choice(None)
                }
            }
            Kind::TrueFalse { .. } => Draft::Choice(None),
            Kind::Order { .. } => Draft::Order(layout.to_vec()),
            Kind::Match { pairs } => Draft::Matches(vec![None; pairs.len()]),
            Kind::Numeric { .. } => Draft::Number(String::new()),
        }
    }

    /// The draft that shows a saved answer again, so it can be changed (an
    /// assessment's "Change" link). Falls back to [`Draft::new`] if the
    /// answer does not fit `kind`.
    pub fn from_response(kind: &Kind, layout: &[usize], response: &Response) -> Draft {
        let draft = match response {
            Response::Choice(c) => Draft::Choice(Some(*c)),
            Response::Choices(cs) => Draft::Choices(cs.clone()),
            Response::Order(order) => Draft::Order(order.clone()),
            Response::Matches(m) => Draft::Matches(m.iter().copied().map(Some).collect()),
            Response::Number(n) => Draft::Number(n.to_string()),
        };
        if kind.accepts(response) && draft.fits(kind, layout) {
            draft
        } else {
            Draft::new(kind, layout)
        }
    }

    /// True if this draft could belong to a question of `kind` laid out as
    /// `layout`: a stored draft is only used if it fits (it may be stale or edited).
    pub fn fits(&self, kind: &Kind, layout: &[usize]) -> bool {
        let n = layout.len();
        let same_shape = std::mem::discriminant(self) == std::mem::discriminant(&Draft::new(kind, layout));
        same_shape
            && match self {
                Draft::Choice(choice) => choice.is_none_or(|c| c < n.max(2)),
                Draft::Choices(chosen) => chosen.iter().all(|&c| c < n) && chosen.len() <= n,
                Draft::Order(order) => {
                    let mut sorted = order.clone();
                    sorted.sort_unstable();
                    sorted == (0..n).collect::<Vec<_>>()
                }
                Draft::Matches(chosen) => chosen.len() == n && chosen.iter().flatten().all(|&c| c < n),
                Draft::Number(text) => text.chars().count() <= 40,
            }
    }

    /// Ticks or unticks option `index` (select all that apply).
    pub fn toggle(&mut self, index: usize) {
        if let Draft::Choices(chosen) = self {
            match chosen.iter().position(|&c| c == index) {
                Some(at) => {
                    chosen.remove(at);
                }
                None => chosen.push(index),
            }
        }
    }

    /// Moves the item at `place` one place up or down, if there is room.
    pub fn move_item(&mut self, place: usize, up: bool) {
        if let Draft::Order(order) = self {
            let other = if up { place.checked_sub(1) } else { Some(place + 1) };
            if let Some(other) = other.filter(|&o| o < order.len()) {
                order.swap(place, other);
            }
        }
    }

    /// The answer to mark, or what is missing.
    pub fn to_response(&self) -> Result<Response, Incomplete> {
        match self {
            Draft::Choice(choice) => choice.map(Response::Choice).ok_or(Incomplete::NoChoice),
            Draft::Choices(chosen) if chosen.is_empty() => Err(Incomplete::NoChoices),
            Draft::Choices(chosen) => Ok(Response::Choices(chosen.clone())),
            Draft::Order(order) => Ok(Response::Order(order.clone())),
            Draft::Matches(chosen) => match chosen.iter().position(Option::is_none) {
                Some(first_gap) => Err(Incomplete::UnmatchedItem(first_gap)),
                None => Ok(Response::Matches(chosen.iter().flatten().copied().collect())),
            },
            Draft::Number(text) => read_whole_number(text).map(Response::Number).map_err(Incomplete::BadNumber),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::content::bank::OrderItem;
    use crate::quiz::content::bank::{AnswerOption, Pair};

    fn opts(n: usize, correct: &[usize]) -> Vec<AnswerOption> {
        (0..n).map(|i| AnswerOption { id: format!("o{i}"), text: format!("o{i}"), correct: correct.contains(&i), feedback: None }).collect()
    }

    #[test]
    fn a_saved_answer_becomes_a_draft_that_gives_it_back() {
        let pairs = vec![
            Pair { id: "a".into(), left: "a".into(), right: "1".into() },
            Pair { id: "b".into(), left: "b".into(), right: "2".into() },
        ];
        let cases = [
            (Kind::SingleChoice { options: opts(3, &[0]) }, vec![2, 0, 1], Response::Choice(2)),
            (Kind::MultipleChoice { options: opts(3, &[0, 1]) }, vec![0, 1, 2], Response::Choices(vec![2, 0])),
            (Kind::TrueFalse { answer: true }, vec![0, 1], Response::Choice(1)),
            (Kind::Order { items: OrderItem::lettered(&["a", "b", "c"]) }, vec![2, 0, 1], Response::Order(vec![1, 2, 0])),
            (Kind::Match { pairs }, vec![1, 0], Response::Matches(vec![1, 1])),
            (Kind::Numeric { answer: 46, close_within: 3, unit: "%".into() }, vec![], Response::Number(-7)),
        ];
        for (kind, layout, response) in cases {
            let draft = Draft::from_response(&kind, &layout, &response);
            assert_eq!(draft.to_response(), Ok(response.clone()), "{kind:?}");
        }
        // An answer that does not fit the question gives an empty draft, not a broken one.
        let kind = Kind::SingleChoice { options: opts(3, &[0]) };
        assert_eq!(Draft::from_response(&kind, &[0, 1, 2], &Response::Choice(7)), Draft::Choice(None));
        assert_eq!(Draft::from_response(&kind, &[0, 1, 2], &Response::Number(1)), Draft::Choice(None));
    }

    #[test]
    fn each_kind_starts_with_the_right_empty_draft() {
        assert_eq!(Draft::new(&Kind::SingleChoice { options: opts(3, &[0]) }, &[2, 0, 1]), Draft::Choice(None));
        assert_eq!(Draft::new(&Kind::MultipleChoice { options: opts(3, &[0, 1]) }, &[0, 1, 2]), Draft::Choices(vec![]));
        assert_eq!(Draft::new(&Kind::TrueFalse { answer: true }, &[0, 1]), Draft::Choice(None));
        assert_eq!(Draft::new(&Kind::Order { items: OrderItem::lettered(&["a", "b", "c"]) }, &[2, 0, 1]), Draft::Order(vec![2, 0, 1]));
        let pairs = vec![
            Pair { id: "a".into(), left: "a".into(), right: "1".into() },
            Pair { id: "b".into(), left: "b".into(), right: "2".into() },
        ];
        assert_eq!(Draft::new(&Kind::Match { pairs }, &[1, 0]), Draft::Matches(vec![None, None]));
        assert_eq!(Draft::new(&Kind::Numeric { answer: 1, close_within: 0, unit: String::new() }, &[]), Draft::Number(String::new()));
    }

    #[test]
    fn incomplete_drafts_say_what_is_missing() {
        assert_eq!(Draft::Choice(None).to_response(), Err(Incomplete::NoChoice));
        assert_eq!(Draft::Choices(vec![]).to_response(), Err(Incomplete::NoChoices));
        assert_eq!(Draft::Matches(vec![Some(1), None, None]).to_response(), Err(Incomplete::UnmatchedItem(1)));
        assert_eq!(Draft::Number("  ".into()).to_response(), Err(Incomplete::BadNumber(NumberProblem::Empty)));
        for (text, problem) in [
            ("4.5", NumberProblem::NotWhole),
            ("46,5", NumberProblem::NotWhole),
            ("forty", NumberProblem::NotDigits),
            ("99999999999999999999", NumberProblem::TooLarge),
            ("4 6", NumberProblem::BadGrouping),
        ] {
            assert_eq!(Draft::Number(text.into()).to_response(), Err(Incomplete::BadNumber(problem)), "{text}");
        }
    }

    #[test]
    fn numbers_are_read_as_people_type_them() {
        for (text, n) in [("46", 46), (" 46% ", 46), ("46 %", 46), ("1,000", 1000), ("-3", -3), ("\u{FF14}\u{FF16}", 46)] {
            assert_eq!(Draft::Number(text.into()).to_response(), Ok(Response::Number(n)), "{text}");
        }
    }

    #[test]
    fn ticking_twice_unticks() {
        let mut draft = Draft::Choices(vec![]);
        draft.toggle(2);
        draft.toggle(0);
        draft.toggle(2);
        assert_eq!(draft.to_response(), Ok(Response::Choices(vec![0])));
    }

    #[test]
    fn moving_items_stays_inside_the_list() {
        let mut draft = Draft::Order(vec![0, 1, 2]);
        draft.move_item(0, true);
        assert_eq!(draft, Draft::Order(vec![0, 1, 2]), "the top item cannot go up");
        draft.move_item(2, false);
        assert_eq!(draft, Draft::Order(vec![0, 1, 2]), "the last item cannot go down");
        draft.move_item(0, false);
        assert_eq!(draft, Draft::Order(vec![1, 0, 2]));
        draft.move_item(2, true);
        assert_eq!(draft.to_response(), Ok(Response::Order(vec![1, 2, 0])));
    }
}
