//! Answers and layouts as they are kept on the device: by the stable id of
//! each option, item or pair ([`Kind::part_ids`]), never by its position.
//!
//! On screen and in a [`Attempt`](super::attempt::Attempt) an answer is a
//! [`Response`] of positions in the question as the current bank writes it.
//! Stored, each position becomes the id of the part there, so an update that
//! re-orders, rewords or adds options leaves every answer already given
//! meaning what the person chose. Reading it back against the current bank
//! turns each id into that part's position now; an id the bank no longer has
//! is reported ([`Changed`]), never guessed.
//!
//! **The stored form** (serde): a [`PartRef`] is a string id, `"b"`; a
//! response is `{"choice": "b"}`, `{"choices": ["a", "c"]}`,
//! `{"order": ["c", "a", "b"]}`, `{"matches": {"a": "b", "b": "a"}}` (each
//! pair's id to the id of the pair whose right was matched to its left) or
//! `{"number": 46}`; a layout is a list of ids in the order shown.
//!
//! **Before version 6** answers and layouts were positions: `{"choice": 1}`,
//! `"order": [2, 0, 1]`. They are still read, by the rule that gave the
//! content its ids: the parts of every question were given the ids `a`, `b`,
//! `c`… in the order they were then written, so position `i` of that time is
//! the part whose id is the `i`-th letter (for true/false, 0 is `"true"` and
//! 1 is `"false"`), wherever the content has moved it since.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::attempt::is_valid_layout;
use crate::quiz::answering::draft::Draft;
use crate::quiz::answering::marking::Response;
use crate::quiz::content::bank::{letter, Kind};

/// A stored reference to one part of a question: its id, or (written before
/// version 6) its position then, read as described in the module comment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(untagged)]
pub enum PartRef {
    Id(String),
    Position(usize),
}

/// A [`Response`] as stored: by part ids (see the module comment for the shapes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoredResponse {
    Choice(PartRef),
    Choices(Vec<PartRef>),
    Order(Vec<PartRef>),
    Matches(StoredMatches),
    Number(i64),
}

/// Matches as stored: by pair id, or (before version 6) by position.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum MatchesBy<T> {
    /// Each pair's id to the id of the pair whose right was matched to its left.
    ById(BTreeMap<String, String>),
    /// For each left by position, the position of the pair chosen.
    ByPosition(Vec<T>),
}

/// A match answer as stored: every left matched.
pub type StoredMatches = MatchesBy<usize>;

/// A [`Draft`] as stored with the quiz in progress: the same shapes as
/// [`StoredResponse`], with `{"choice": null}` for nothing picked yet and,
/// for matches, only the lefts matched so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StoredDraft {
    Choice(Option<PartRef>),
    Choices(Vec<PartRef>),
    Order(Vec<PartRef>),
    Matches(StoredDraftMatches),
    /// The text typed so far.
    Number(String),
}

/// The lefts matched so far, by pair id, or (before version 6) by position (`null` for none yet).
pub type StoredDraftMatches = MatchesBy<Option<usize>>;

/// Why a stored answer no longer reads against the current bank.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    /// The question has been removed from the course.
    QuestionRemoved,
    /// The answer chose an option, item or pair the question no longer has,
    /// or the question has changed so that the answer no longer fits it
    /// (a part added to an order or match question, one right answer now several).
    AnswerNoLongerFits,
    /// The answer reads, but the course now marks it differently from when it was given.
    MarkingChanged,
}

impl Changed {
    /// What happened, for the results page: "Question 4 has since been removed from the course."
    pub fn sentence(self, number: usize) -> String {
        match self {
            Changed::QuestionRemoved => format!("Question {number} has since been removed from the course."),
            Changed::AnswerNoLongerFits => {
                format!("Question {number} has since been changed, and the answer you gave is no longer one of its choices.")
            }
            Changed::MarkingChanged => format!("Question {number} has since been changed, and would now be marked differently."),
        }
    }
}

/// The id written before version 6 for position `i` (see the module comment).
fn legacy_id(kind: &Kind, i: usize) -> Option<String> {
    match kind {
        Kind::TrueFalse { .. } => ["true", "false"].get(i).map(|s| s.to_string()),
        _ => Some(letter(i)),
    }
}

/// The position now of the part `part` refers to, if the question still has it.
fn position(kind: &Kind, part: &PartRef) -> Option<usize> {
    let id = match part {
        PartRef::Id(id) => id.clone(),
        PartRef::Position(i) => legacy_id(kind, *i)?,
    };
    kind.part_ids().iter().position(|p| *p == id)
}

/// The id of the part at position `i` now.
/// The same, as stored.
fn id_at(kind: &Kind, i: usize) -> PartRef {
    PartRef::Id(part_id(kind, i))
}

fn positions(kind: &Kind, parts: &[PartRef]) -> Option<Vec<usize>> {
    parts.iter().map(|p| position(kind, p)).collect()
}

fn ids(kind: &Kind, positions: &[usize]) -> Vec<PartRef> {
    positions.iter().map(|&i| id_at(kind, i)).collect()
}

/// A map of pair ids, built by inserting: collecting into a `BTreeMap`
/// sorts first, and that sort code measured 3 KB brotli in the wasm.
fn pair_map(pairs: impl IntoIterator<Item = (String, String)>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for (left, pair) in pairs {
        map.insert(left, pair);
    }
    map
}

/// For each pair now, by position, the position of the pair whose right was
/// matched to its left in `by_id`, if it was and that pair is still here.
fn matched(ids: &[&str], by_id: &BTreeMap<String, String>) -> Vec<Option<usize>> {
    ids.iter().map(|left| by_id.get(*left).and_then(|pair| ids.iter().position(|p| p == pair))).collect()
}

/// Matches written by position before version 6, by the ids they stand for
/// (`(left, pair)` positions then); `None` if a position has no id.
fn legacy_matches(kind: &Kind, chosen: impl IntoIterator<Item = (usize, usize)>) -> Option<BTreeMap<String, String>> {
    let pairs =
        chosen.into_iter().map(|(left, pair)| Some((legacy_id(kind, left)?, legacy_id(kind, pair)?))).collect::<Option<Vec<_>>>()?;
    Some(pair_map(pairs))
}

/// `response` (positions in `kind` as the bank now writes it) as stored.
pub fn store_response(kind: &Kind, response: &Response) -> StoredResponse {
    match response {
        Response::Choice(i) => StoredResponse::Choice(id_at(kind, *i)),
        Response::Choices(chosen) => StoredResponse::Choices(ids(kind, chosen)),
        Response::Order(order) => StoredResponse::Order(ids(kind, order)),
        Response::Matches(chosen) => StoredResponse::Matches(StoredMatches::ById(pair_map(
            chosen.iter().enumerate().map(|(left, &pair)| (part_id(kind, left), part_id(kind, pair))),
        ))),
        Response::Number(n) => StoredResponse::Number(*n),
    }
}

fn part_id(kind: &Kind, i: usize) -> String {
    kind.part_ids().get(i).map_or_else(String::new, |id| id.to_string())
}

/// The answer a stored one is, in positions of `kind` as the bank now writes
/// it. `Err(AnswerNoLongerFits)` when it names a part the question no longer
/// has, or no longer has the shape the question takes.
pub fn read_response(kind: &Kind, stored: &StoredResponse) -> Result<Response, Changed> {
    let gone = Changed::AnswerNoLongerFits;
    let response = match stored {
        StoredResponse::Choice(part) => Response::Choice(position(kind, part).ok_or(gone)?),
        StoredResponse::Choices(parts) => Response::Choices(positions(kind, parts).ok_or(gone)?),
        StoredResponse::Order(parts) => Response::Order(positions(kind, parts).ok_or(gone)?),
        StoredResponse::Matches(StoredMatches::ById(by_id)) => {
            let ids = kind.part_ids();
            // Every pair now must have been answered, and every pair answered must still be here.
            if by_id.len() != ids.len() {
                return Err(gone);
            }
            Response::Matches(matched(&ids, by_id).into_iter().collect::<Option<Vec<usize>>>().ok_or(gone)?)
        }
        StoredResponse::Matches(StoredMatches::ByPosition(chosen)) => {
            let by_id = legacy_matches(kind, chosen.iter().copied().enumerate()).ok_or(gone)?;
            return read_response(kind, &StoredResponse::Matches(StoredMatches::ById(by_id)));
        }
        StoredResponse::Number(n) => Response::Number(*n),
    };
    if kind.accepts(&response) {
        Ok(response)
    } else {
        Err(gone)
    }
}

/// A layout (see `AttemptItem::order`) as stored.
pub fn store_layout(kind: &Kind, layout: &[usize]) -> Vec<PartRef> {
    ids(kind, layout)
}

/// A stored layout in positions of `kind` now: the parts still there in the
/// order they were shown, then any added since, so a question in progress
/// looks as it did. An order question never starts in the right order.
pub fn read_layout(kind: &Kind, stored: &[PartRef]) -> Vec<usize> {
    let len = kind.part_ids().len();
    if matches!(kind, Kind::TrueFalse { .. }) {
        return vec![0, 1];
    }
    let mut layout: Vec<usize> = Vec::with_capacity(len);
    for i in stored.iter().filter_map(|part| position(kind, part)) {
        if !layout.contains(&i) {
            layout.push(i);
        }
    }
    layout.extend((0..len).filter(|i| !layout.contains(i)).collect::<Vec<_>>());
    if matches!(kind, Kind::Order { .. }) && len > 1 && layout.iter().enumerate().all(|(place, &item)| place == item) {
        layout.rotate_left(1);
    }
    layout
}

/// A draft as stored.
pub fn store_draft(kind: &Kind, draft: &Draft) -> StoredDraft {
    match draft {
        Draft::Choice(choice) => StoredDraft::Choice(choice.map(|i| id_at(kind, i))),
        Draft::Choices(chosen) => StoredDraft::Choices(ids(kind, chosen)),
        Draft::Order(order) => StoredDraft::Order(ids(kind, order)),
        Draft::Matches(chosen) => StoredDraft::Matches(StoredDraftMatches::ById(pair_map(
            chosen.iter().enumerate().filter_map(|(left, pair)| Some((part_id(kind, left), part_id(kind, (*pair)?)))),
        ))),
        Draft::Number(text) => StoredDraft::Number(text.clone()),
    }
}

/// A stored draft in positions of `kind` now, laid out as `layout`. Parts
/// picked that the question no longer has are dropped (a draft is not an
/// answer yet); `None` when the draft is of another shape than the question takes.
pub fn read_draft(kind: &Kind, layout: &[usize], stored: &StoredDraft) -> Option<Draft> {
    let empty = Draft::new(kind, layout);
    let known = |parts: &[PartRef]| parts.iter().filter_map(|p| position(kind, p)).collect::<Vec<usize>>();
    let draft = match (stored, &empty) {
        (StoredDraft::Choice(choice), Draft::Choice(_)) => Draft::Choice(choice.as_ref().and_then(|p| position(kind, p))),
        (StoredDraft::Choices(parts), Draft::Choices(_)) => Draft::Choices(known(parts)),
        // An arrangement that no longer names every item is dropped for the question's own layout.
        (StoredDraft::Order(parts), Draft::Order(_)) => match positions(kind, parts) {
            Some(order) if is_valid_layout(kind, &order) => Draft::Order(order),
            _ => empty,
        },
        (StoredDraft::Matches(matches), Draft::Matches(_)) => {
            let ids = kind.part_ids();
            let by_id: BTreeMap<String, String> = match matches {
                StoredDraftMatches::ById(by_id) => by_id.clone(),
                StoredDraftMatches::ByPosition(chosen) => {
                    legacy_matches(kind, chosen.iter().enumerate().filter_map(|(left, pair)| Some((left, (*pair)?)))).unwrap_or_default()
                }
            };
            Draft::Matches(matched(&ids, &by_id))
        }
        (StoredDraft::Number(text), Draft::Number(_)) => Draft::Number(text.clone()),
        _ => return None,
    };
    Some(draft)
}

/// A response written before version 6, kept as the positions it was.
pub fn positional(response: &Response) -> StoredResponse {
    let refs = |v: &[usize]| v.iter().map(|&i| PartRef::Position(i)).collect();
    match response {
        Response::Choice(i) => StoredResponse::Choice(PartRef::Position(*i)),
        Response::Choices(v) => StoredResponse::Choices(refs(v)),
        Response::Order(v) => StoredResponse::Order(refs(v)),
        Response::Matches(v) => StoredResponse::Matches(StoredMatches::ByPosition(v.clone())),
        Response::Number(n) => StoredResponse::Number(*n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quiz::content::bank::{AnswerOption, OrderItem, Pair};

    fn option(id: &str, correct: bool) -> AnswerOption {
        AnswerOption { id: id.into(), text: format!("Option {id}"), correct, feedback: None }
    }

    #[test]
    fn an_answer_stored_by_id_survives_the_options_being_reordered() {
        let before = Kind::SingleChoice { options: vec![option("a", false), option("b", true), option("c", false)] };
        let after = Kind::SingleChoice { options: vec![option("c", false), option("b", true), option("a", false), option("d", false)] };
        let stored = store_response(&before, &Response::Choice(1));
        assert_eq!(serde_json::to_string(&stored).unwrap(), r#"{"choice":"b"}"#);
        assert_eq!(read_response(&after, &stored), Ok(Response::Choice(1)));
        let stored = store_response(&before, &Response::Choice(0));
        assert_eq!(read_response(&after, &stored), Ok(Response::Choice(2)), "a moved to the third place");
    }

    #[test]
    fn a_position_written_before_version_6_reads_as_the_letter_it_was_given() {
        let now = Kind::SingleChoice { options: vec![option("c", false), option("a", false), option("b", true)] };
        let old: StoredResponse = serde_json::from_str(r#"{"choice":1}"#).unwrap();
        assert_eq!(read_response(&now, &old), Ok(Response::Choice(2)), "position 1 was b");
        let tf = Kind::TrueFalse { answer: false };
        let old: StoredResponse = serde_json::from_str(r#"{"choice":1}"#).unwrap();
        assert_eq!(read_response(&tf, &old), Ok(Response::Choice(1)), "1 was False");
        assert_eq!(serde_json::to_string(&store_response(&tf, &Response::Choice(0))).unwrap(), r#"{"choice":"true"}"#);
    }

    #[test]
    fn an_answer_naming_a_removed_option_is_reported_not_guessed() {
        let before = Kind::MultipleChoice { options: vec![option("a", true), option("b", false), option("c", true)] };
        let after = Kind::MultipleChoice { options: vec![option("a", true), option("c", true), option("d", false)] };
        let stored = store_response(&before, &Response::Choices(vec![0, 1]));
        assert_eq!(read_response(&after, &stored), Err(Changed::AnswerNoLongerFits));
    }

    #[test]
    fn matches_and_orders_are_kept_by_pair_and_item() {
        let pair = |id: &str| Pair { id: id.into(), left: format!("L{id}"), right: format!("R{id}") };
        let before = Kind::Match { pairs: vec![pair("a"), pair("b"), pair("c")] };
        let after = Kind::Match { pairs: vec![pair("c"), pair("a"), pair("b")] };
        // a→b, b→a, c→c
        let stored = store_response(&before, &Response::Matches(vec![1, 0, 2]));
        assert_eq!(serde_json::to_string(&stored).unwrap(), r#"{"matches":{"a":"b","b":"a","c":"c"}}"#);
        assert_eq!(read_response(&after, &stored), Ok(Response::Matches(vec![0, 2, 1])));
        let more = Kind::Match { pairs: vec![pair("a"), pair("b"), pair("c"), pair("d")] };
        assert_eq!(read_response(&more, &stored), Err(Changed::AnswerNoLongerFits), "a pair added: not an answer to it");

        let item = |id: &str| OrderItem { id: id.into(), text: id.to_uppercase() };
        let before = Kind::Order { items: vec![item("a"), item("b"), item("c")] };
        let after = Kind::Order { items: vec![item("a"), item("c"), item("b")] };
        let stored = store_response(&before, &Response::Order(vec![2, 0, 1]));
        assert_eq!(read_response(&after, &stored), Ok(Response::Order(vec![1, 0, 2])));
    }

    #[test]
    fn a_layout_keeps_what_was_shown_and_adds_new_parts_at_the_end() {
        let before = Kind::SingleChoice { options: vec![option("a", false), option("b", true), option("c", false)] };
        let after = Kind::SingleChoice { options: vec![option("b", true), option("d", false), option("a", false)] };
        let stored = store_layout(&before, &[2, 0, 1]);
        assert_eq!(read_layout(&after, &stored), vec![2, 0, 1], "c gone; a, b as shown; d added");
    }

    #[test]
    fn a_draft_keeps_what_was_picked_by_id() {
        let before = Kind::SingleChoice { options: vec![option("a", false), option("b", true)] };
        let after = Kind::SingleChoice { options: vec![option("b", true), option("a", false)] };
        let stored = store_draft(&before, &Draft::Choice(Some(0)));
        assert_eq!(read_draft(&after, &[0, 1], &stored), Some(Draft::Choice(Some(1))));
        let old: StoredDraft = serde_json::from_str(r#"{"choice":1}"#).unwrap();
        assert_eq!(read_draft(&after, &[0, 1], &old), Some(Draft::Choice(Some(0))), "position 1 was b");
        assert_eq!(read_draft(&after, &[0, 1], &StoredDraft::Number("4".into())), None);
        let item = |id: &str| OrderItem { id: id.into(), text: id.to_uppercase() };
        let order = Kind::Order { items: vec![item("a"), item("b"), item("c")] };
        let short = StoredDraft::Order(vec![PartRef::Id("a".into()), PartRef::Id("b".into())]);
        assert_eq!(read_draft(&order, &[2, 0, 1], &short), Some(Draft::Order(vec![2, 0, 1])), "not every item: the question's layout");
    }
}
