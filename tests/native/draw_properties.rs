//! Properties of every draw, over random seeds and quizzes of every kind
//! (trainers' links with random topics, counts and titles, reviews of random
//! id lists): no two questions teach the same fact, none states the figure
//! another asks for, none gives its answer away
//! under the quiz's title, none comes twice, none is from outside the quiz's
//! topics or ids, the quiz is no longer than asked and no shorter than it need
//! be, and the same seed gives the same quiz.

use crate::support;

use std::collections::HashSet;
use std::sync::OnceLock;

use proptest::prelude::*;
use quiz::content::bank::{Bank, Kind, Question};
use quiz::learner::draw::{gives_away, questions_for, states_answer_of, ASSESSMENT_LENGTH, QUIZ_LENGTH};
use quiz::links::link::QuizSpec;
use quiz::rng::SeededRng;
use quiz::run::attempt::Mode;
use quiz::run::attempt::QuizKind;
use quiz::run::quiz_names::quiz_title;

fn bank() -> &'static Bank {
    static BANK: OnceLock<Bank> = OnceLock::new();
    BANK.get_or_init(support::shipped_bank)
}

/// Titles a trainer might give, several of them giving answers away.
const TITLES: &[&str] = &[
    "The 538 children",
    "538",
    "Principle 3",
    "Principle 3: Always share information",
    "Always share information",
    "Principle 1 and Principle 10",
    "The Section 11 duty",
    "Poverty, addiction and 46%",
    "Room 2, Tuesday",
];

/// A trainer's title: none, one of [`TITLES`], or the answer of a question of
/// the bank (picked by index), so that some question always gives itself away.
#[derive(Debug, Clone)]
enum Title {
    None,
    Fixed(usize),
    AnswerOf(usize),
}

/// A quiz to draw, with question and topic picks as indexes into the bank
/// (wrapped round), and `usize::MAX` for an id or topic not in the bank.
#[derive(Debug, Clone)]
enum Quiz {
    Quick,
    Topic(usize),
    Assessment,
    Mistakes(Vec<usize>),
    Review(Vec<usize>),
    /// "Review these mistakes now": a review of chosen questions.
    Chosen(Vec<usize>),
    Trainer {
        topics: Vec<usize>,
        count: u32,
        title: Title,
    },
}

fn pick() -> impl Strategy<Value = usize> {
    prop_oneof![20 => any::<usize>(), 1 => Just(usize::MAX)]
}

fn quiz() -> impl Strategy<Value = Quiz> {
    let title = prop_oneof![Just(Title::None), (0..TITLES.len()).prop_map(Title::Fixed), any::<usize>().prop_map(Title::AnswerOf),];
    prop_oneof![
        Just(Quiz::Quick),
        pick().prop_map(Quiz::Topic),
        Just(Quiz::Assessment),
        prop::collection::vec(pick(), 0..40).prop_map(Quiz::Mistakes),
        prop::collection::vec(pick(), 0..40).prop_map(Quiz::Review),
        prop::collection::vec(pick(), 1..30).prop_map(Quiz::Chosen),
        (prop::collection::vec(pick(), 0..5), 1u32..=50, title).prop_map(|(topics, count, title)| Quiz::Trainer { topics, count, title }),
    ]
}

/// A phrase that gives away `question`'s answer, if it has one.
fn answer_of(question: &Question) -> Option<String> {
    match &question.kind {
        Kind::Numeric { answer, .. } => Some(format!("The {answer} question")),
        Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
            options.iter().find(|o| o.correct).map(|o| o.text.clone())
        }
        Kind::TrueFalse { .. } | Kind::Order { .. } | Kind::Match { .. } => None,
    }
}

/// The quiz as a kind, its ids for a review, the topics it may draw from
/// (`None`: any) and the most questions it may have.
struct Drawn {
    kind: QuizKind,
    ids: Vec<String>,
    topics: Option<Vec<String>>,
    length: usize,
}

fn build(bank: &Bank, quiz: &Quiz) -> Drawn {
    let questions: Vec<&Question> = bank.questions().collect();
    let question_id = |i: usize| if i == usize::MAX { "not-in-the-bank".to_string() } else { questions[i % questions.len()].id.clone() };
    let topic_id = |i: usize| if i == usize::MAX { "no-such-topic".to_string() } else { bank.topics[i % bank.topics.len()].id.clone() };
    let plain = |kind, ids: Vec<String>, topics: Option<Vec<String>>, length| Drawn { kind, ids, topics, length };
    match quiz {
        Quiz::Quick => plain(QuizKind::Quick, vec![], None, QUIZ_LENGTH),
        Quiz::Topic(i) => plain(QuizKind::Topic(topic_id(*i)), vec![], Some(vec![topic_id(*i)]), QUIZ_LENGTH),
        Quiz::Assessment => plain(QuizKind::Assessment, vec![], None, ASSESSMENT_LENGTH),
        Quiz::Mistakes(ids) => plain(QuizKind::Mistakes(Vec::new()), ids.iter().map(|&i| question_id(i)).collect(), None, QUIZ_LENGTH),
        Quiz::Review(ids) => plain(QuizKind::Review, ids.iter().map(|&i| question_id(i)).collect(), None, QUIZ_LENGTH),
        Quiz::Chosen(ids) => {
            let ids: Vec<String> = ids.iter().map(|&i| question_id(i)).collect();
            Drawn { kind: QuizKind::Mistakes(ids.clone()), length: ids.len(), ids, topics: None }
        }
        Quiz::Trainer { topics, count, title } => {
            let topics: Vec<String> = topics.iter().map(|&i| topic_id(i)).collect();
            let title = match title {
                Title::None => None,
                Title::Fixed(i) => Some(TITLES[*i].to_string()),
                Title::AnswerOf(i) => questions.iter().cycle().skip(i % questions.len()).find_map(|q| answer_of(q)),
            };
            let spec =
                QuizSpec { topics: topics.clone(), count: *count, seed: 0, assessment: false, pass_mark: 80, title, refresh_months: None };
            Drawn { kind: QuizKind::Trainer(spec), ids: vec![], topics: (!topics.is_empty()).then_some(topics), length: *count as usize }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn every_draw_is_fair_honest_and_repeatable(quiz in quiz(), seed in any::<u64>()) {
        let bank = bank();
        let Drawn { kind, ids, topics, length } = build(bank, &quiz);
        let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
        // A review of chosen questions must ignore progress: give it everything.
        let everything: Vec<&str> = bank.questions().map(|q| q.id.as_str()).collect();
        let draw = || {
            let (mistakes, due): (&[&str], &[&str]) = match &kind {
                QuizKind::Mistakes(chosen) if !chosen.is_empty() => (&everything, &everything),
                QuizKind::Mistakes(_) => (&id_refs, &[]),
                _ => (&[], &id_refs),
            };
            questions_for(bank, &kind, mistakes, due, &mut SeededRng::new(seed))
        };
        let drawn = draw();
        let title = quiz_title(bank, &kind);

        prop_assert_eq!(&drawn, &draw(), "the same seed gave a different quiz");
        prop_assert!(drawn.len() <= length, "{} questions, more than {}", drawn.len(), length);
        let mut seen = HashSet::new();
        for q in &drawn {
            prop_assert!(seen.insert(q.id.as_str()), "{} twice", q.id);
            prop_assert!(!gives_away(&title, q), "{} gives its answer away under {:?}", q.id, title);
        }
        for (i, a) in drawn.iter().enumerate() {
            for b in &drawn[i + 1..] {
                let shared = a.facts.iter().find(|f| b.facts.contains(f));
                prop_assert!(shared.is_none(), "{} and {} both teach {:?}", a.id, b.id, shared);
                prop_assert!(!states_answer_of(a, b) && !states_answer_of(b, a), "{} and {}: one states the other's figure", a.id, b.id);
            }
        }

        // Drawn only from where the quiz may draw.
        let allowed: Vec<&Question> = match (&kind.mode(), &topics) {
            (Mode::Mistakes | Mode::Review, _) => bank.questions().filter(|q| ids.contains(&q.id)).collect(),
            (_, Some(topics)) => bank.topics.iter().filter(|t| topics.contains(&t.id)).flat_map(|t| &t.questions).collect(),
            (_, None) => bank.questions().collect(),
        };
        for q in &drawn {
            prop_assert!(allowed.iter().any(|a| a.id == q.id), "{} is not in this quiz's topics or ids", q.id);
        }

        // No shorter than it need be: a quiz short of its length left out
        // only questions that repeat a fact or give their answer away.
        if drawn.len() < length {
            let taught: HashSet<&str> = drawn.iter().flat_map(|q| q.facts.iter().map(String::as_str)).collect();
            for q in allowed.iter().filter(|q| !seen.contains(q.id.as_str())) {
                let teaches_new = q.facts.iter().all(|f| !taught.contains(f.as_str()));
                let clashes = drawn.iter().any(|d| states_answer_of(d, q) || states_answer_of(q, d));
                prop_assert!(!teaches_new || clashes || gives_away(&title, q), "{} was left out of a short quiz ({} of {})", q.id, drawn.len(), length);
            }
        }
    }
}
