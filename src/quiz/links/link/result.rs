//! A learner's result as a link (`?view=result&…`), written and read strictly.

use super::*;

impl QuizResult {
    /// This result with the learner's name as typed: trimmed, at most
    /// [`NAME_MAX`] characters, and none if nothing is left.
    pub fn named(mut self, typed: &str) -> QuizResult {
        self.name = Some(typed.trim().chars().take(NAME_MAX).collect::<String>()).filter(|n| !n.is_empty());
        self
    }

    /// The query string of a result link, with its leading `?`.
    pub fn to_query(&self) -> String {
        let missed = self.missed.iter().map(u32::to_string).collect::<Vec<_>>().join(".");
        let name = self.name.as_ref().map(|name| format!("&name={}", percent_encode(name))).unwrap_or_default();
        format!(
            "?view=result{name}{}{}&score={}&missed={missed}&r={}",
            self.spec.title_param(),
            self.spec.params(),
            self.correct,
            self.token
        )
    }

    /// True if the result fits a quiz of `given` questions (what its link
    /// really gives, from `draw::link_questions`): right and missed add up to
    /// it. A result edited by hand to claim more fails.
    pub fn fits(&self, given: usize) -> bool {
        self.correct as usize + self.missed.len() == given && self.missed.iter().all(|&m| (m as usize) < given)
    }

    pub fn from_query(query: &str, known_topic: impl Fn(&str) -> bool) -> Result<QuizResult, LinkError> {
        let pairs = pairs(query, &RESULT_KEYS)?;
        let get = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        if get("view") != Some("result") {
            return Err(LinkError::Malformed);
        }
        let spec = QuizSpec::from_pairs(&pairs, known_topic)?;
        let correct = match get("score").ok_or(LinkError::Missing("score"))? {
            s if s.len() <= 2 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.parse::<u32>().map_err(|_| LinkError::Malformed)?
            }
            _ => return Err(LinkError::OutOfRange("score")),
        };
        let missed_text = get("missed").ok_or(LinkError::Missing("list of missed questions"))?;
        let missed: Vec<u32> = if missed_text.is_empty() {
            Vec::new()
        } else {
            missed_text.split('.').map(|m| number(m, "missed question", 0..=spec.count.saturating_sub(1))).collect::<Result<_, _>>()?
        };
        let mut sorted = missed.clone();
        sorted.sort_unstable();
        sorted.dedup();
        // The quiz can give fewer questions than the link asks for (topics
        // with few that teach something different: see `draw::link_questions`),
        // so right and missed add up to the questions given, at most `count`,
        // and every missed position is one of those.
        let given = correct + missed.len() as u32;
        if sorted.len() != missed.len() || given == 0 || given > spec.count || sorted.last().is_some_and(|&last| last >= given) {
            return Err(LinkError::OutOfRange("score"));
        }
        let token = get("r").ok_or(LinkError::Missing("learner code"))?;
        if token.len() != 8 || !token.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
            return Err(LinkError::Malformed);
        }
        Ok(QuizResult {
            spec,
            correct,
            missed,
            token: token.to_owned(),
            name: match get("name") {
                None => None,
                Some(n) => clean_text(&percent_decode(n)?, NAME_MAX),
            },
        })
    }
}
