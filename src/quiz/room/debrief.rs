//! A trainer's debrief without a server: learners' result links, opened on
//! the trainer's phone, are tallied here for each quiz.

use crate::quiz::answering::scoring::Score;
use crate::quiz::links::link::{QuizResult, QuizSpec};

/// `part` of `whole` as a whole percentage, rounded half up; 0 of nothing is 0.
pub fn rounded_percent(part: u64, whole: u64) -> u32 {
    ((part * 200 + whole) / (2 * whole.max(1))) as u32
}

/// The version of the debrief format kept by versions 1 and 2.
const TALLY_VERSION: u32 = 1;
/// Results kept across all quizzes: a room's worth, many times over.
pub const RESULTS_KEPT: usize = 2_000;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// Every distinct result, oldest first.
    pub results: Vec<QuizResult>,
}

/// What adding a result did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    New,
    /// The same learner's result was already counted (a link sent twice).
    AlreadyCounted,
}

/// The debrief of one quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub spec: QuizSpec,
    /// The questions the link gives (can be fewer than `spec.count`: see `draw::link_questions`).
    pub questions: u32,
    pub responded: usize,
    /// The mean score, as a percentage of `questions`, rounded half up.
    pub average_percent: u32,
    /// For an assessment, how many reached the session's pass mark; `None` for practice.
    pub passed: Option<usize>,
    /// How many learners scored each number right: index 0 to `questions`.
    pub spread: Vec<usize>,
    /// How many learners got each question right, by position in the quiz.
    pub right_by_question: Vec<usize>,
    /// (position in the quiz, learners who missed it), most missed first.
    pub most_missed: Vec<(u32, usize)>,
    /// Names learners chose to give, in the order their results came.
    pub names: Vec<String>,
}

impl Tally {
    pub fn add(&mut self, result: QuizResult) -> Added {
        let id = result.spec.id();
        if self.results.iter().any(|r| r.token == result.token && r.spec.id() == id) {
            return Added::AlreadyCounted;
        }
        self.results.push(result);
        if self.results.len() > RESULTS_KEPT {
            self.results.remove(0);
        }
        Added::New
    }

    /// Each quiz with results: (id, spec, number of results), newest first.
    pub fn quizzes(&self) -> Vec<(String, QuizSpec, usize)> {
        let mut quizzes: Vec<(String, QuizSpec, usize)> = Vec::new();
        for result in self.results.iter().rev() {
            let id = result.spec.id();
            match quizzes.iter_mut().find(|(q, _, _)| *q == id) {
                Some(entry) => {
                    entry.2 += 1;
                    // A title from any of its results: one who joined by the session code sent none.
                    if entry.1.title.is_none() {
                        entry.1.title.clone_from(&result.spec.title);
                    }
                }
                None => quizzes.push((id, result.spec.clone(), 1)),
            }
        }
        quizzes
    }

    /// The debrief of quiz `quiz_id`, whose link gives `questions` questions;
    /// `None` if no result has come in for it. A result claiming more right
    /// answers than there are questions counts as all right.
    pub fn summary(&self, quiz_id: &str, questions: u32) -> Option<Summary> {
        let results: Vec<&QuizResult> = self.results.iter().filter(|r| r.spec.id() == quiz_id).collect();
        // Its title from any result that has one (one who joined by the session code sent none).
        let mut spec = results.first()?.spec.clone();
        spec.title = results.iter().find_map(|r| r.spec.title.clone());
        let questions = questions.max(1);
        let correct = |r: &QuizResult| r.correct.min(questions);
        let total_correct: u64 = results.iter().map(|r| u64::from(correct(r))).sum();
        let average_percent = rounded_percent(total_correct, results.len() as u64 * u64::from(questions));
        let mut spread = vec![0; questions as usize + 1];
        for r in &results {
            spread[correct(r) as usize] += 1;
        }
        let passed = spec
            .assessment
            .then(|| results.iter().filter(|r| Score { correct: correct(r), total: questions }.passes(spec.pass_mark)).count());
        // A result lists each missed position once (`QuizResult::from_query` refuses repeats).
        let mut right_by_question = vec![results.len(); questions as usize];
        for position in results.iter().flat_map(|r| r.missed.iter()) {
            if let Some(right) = right_by_question.get_mut(*position as usize) {
                *right -= 1;
            }
        }
        let mut missed: Vec<(u32, usize)> = Vec::new();
        for position in results.iter().flat_map(|r| r.missed.iter()) {
            match missed.iter_mut().find(|(p, _)| p == position) {
                Some(entry) => entry.1 += 1,
                None => missed.push((*position, 1)),
            }
        }
        // Most missed first; ties in quiz order. (A small insertion sort: see progress.rs.)
        for i in 1..missed.len() {
            let mut j = i;
            while j > 0 && (missed[j].1 > missed[j - 1].1 || (missed[j].1 == missed[j - 1].1 && missed[j].0 < missed[j - 1].0)) {
                missed.swap(j, j - 1);
                j -= 1;
            }
        }
        Some(Summary {
            questions,
            responded: results.len(),
            average_percent,
            passed,
            spread,
            right_by_question,
            most_missed: missed,
            names: results.iter().filter_map(|r| r.name.clone()).collect(),
            spec,
        })
    }

    pub fn clear(&mut self, quiz_id: &str) {
        self.results.retain(|r| r.spec.id() != quiz_id);
    }

    /// Reads the tally that versions 1 and 2 of the app kept under their
    /// debrief key: `{"version": 1, "results": ["?view=result&…", …]}`, each
    /// result link read back through the same strict parser (`known_topic`
    /// checks its topics). `None` if it is not that.
    pub fn decode_legacy(text: &str, known_topic: impl Fn(&str) -> bool) -> Option<Tally> {
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        struct TallyFile {
            version: u32,
            results: Vec<String>,
        }
        let file: TallyFile = serde_json::from_str(text).ok()?;
        if file.version != TALLY_VERSION {
            return None;
        }
        let results = file.results.iter().map(|r| QuizResult::from_query(r, &known_topic).ok()).collect::<Option<Vec<_>>>()?;
        Some(Tally { results })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(seed: u32) -> QuizSpec {
        QuizSpec { topics: vec![], count: 5, seed, assessment: false, pass_mark: 80, title: Some("Room 2".into()), refresh_months: None }
    }

    fn result(seed: u32, token: &str, missed: &[u32], name: Option<&str>) -> QuizResult {
        QuizResult {
            spec: spec(seed),
            correct: 5 - missed.len() as u32,
            missed: missed.to_vec(),
            token: token.into(),
            name: name.map(Into::into),
        }
    }

    #[test]
    fn three_learners_give_counts_an_average_and_the_most_missed() {
        let mut tally = Tally::default();
        assert_eq!(tally.add(result(1, "aaaaaaaa", &[1, 3], Some("Ali"))), Added::New);
        assert_eq!(tally.add(result(1, "bbbbbbbb", &[3], None)), Added::New);
        assert_eq!(tally.add(result(1, "cccccccc", &[0, 3, 1], Some("Bea"))), Added::New);
        assert_eq!(tally.add(result(1, "bbbbbbbb", &[3], None)), Added::AlreadyCounted);
        assert_eq!(tally.add(result(2, "dddddddd", &[], None)), Added::New, "another quiz");
        let summary = tally.summary(&spec(1).id(), 5).unwrap();
        assert_eq!(summary.responded, 3);
        assert_eq!(summary.average_percent, 60, "9 right of 15");
        assert_eq!(summary.passed, None, "practice has no pass count");
        assert_eq!(summary.spread, vec![0, 0, 1, 1, 1, 0], "2, 3 and 4 right");
        assert_eq!(summary.right_by_question, vec![2, 1, 3, 0, 3]);
        assert_eq!(summary.most_missed, vec![(3, 3), (1, 2), (0, 1)]);
        assert_eq!(summary.names, vec!["Ali", "Bea"]);
        assert_eq!(tally.quizzes().len(), 2);
        tally.clear(&spec(1).id());
        assert!(tally.summary(&spec(1).id(), 5).is_none());
        assert_eq!(tally.results.len(), 1);
    }

    #[test]
    fn an_assessment_counts_passes_at_its_own_mark_and_rounds_the_average() {
        let mut tally = Tally::default();
        let assessed = |token: &str, missed: &[u32]| QuizResult {
            spec: QuizSpec { assessment: true, pass_mark: 60, ..spec(7) },
            ..result(7, token, missed, None)
        };
        tally.add(assessed("aaaaaaaa", &[0, 1])); // 3 of 5: 60%, passes at 60
        tally.add(assessed("bbbbbbbb", &[0, 1, 2])); // 2 of 5: 40%
        tally.add(assessed("cccccccc", &[])); // 5 of 5
        let id = assessed("x", &[]).spec.id();
        let summary = tally.summary(&id, 5).unwrap();
        assert_eq!(summary.passed, Some(2));
        assert_eq!(summary.average_percent, 67, "10 of 15 is 66.7%");
        assert_eq!(summary.spread, vec![0, 0, 1, 1, 0, 1]);
        // A link that gave only 4 questions: the figures are out of 4.
        let short = tally.summary(&id, 4).unwrap();
        assert_eq!((short.spread.len(), short.right_by_question.len()), (5, 4));
        assert_eq!(short.spread[4], 1, "a claim of 5 right out of 4 counts as 4");
    }

    #[test]
    fn the_old_tally_format_is_read_and_junk_is_refused() {
        let mut tally = Tally::default();
        tally.add(result(1, "aaaaaaaa", &[1], Some("Ali")));
        let known = |_: &str| true;
        let text = format!(r#"{{"version":1,"results":["{}"]}}"#, tally.results[0].to_query());
        assert_eq!(Tally::decode_legacy(&text, known), Some(tally));
        for junk in ["", "{", r#"{"version":2,"results":[]}"#, r#"{"version":1,"results":["?view=result&x=1"]}"#] {
            assert_eq!(Tally::decode_legacy(junk, known), None, "{junk}");
        }
    }
}
