//! Opening a learner's result link or a trainer's session link on a device
//! (`quiz::saved::opened_links`): what is counted, where the app goes next,
//! and what it says.

use quiz::answering::scoring::Score;
use quiz::links::link::{QuizResult, QuizSpec};
use quiz::links::query::LinkError;
use quiz::run::attempt::QuizKind;
use quiz::run::finished::FinishedAttempt;
use quiz::saved::opened_links::{ResultLinkOpened, SessionLinkOpened};
use quiz::saved::store::Store;

use crate::support::shipped_bank;

fn spec(seed: u32) -> QuizSpec {
    QuizSpec {
        topics: Vec::new(),
        count: 5,
        seed,
        assessment: false,
        pass_mark: 80,
        title: Some("Church hall".into()),
        refresh_months: None,
    }
}

fn result(spec: &QuizSpec, token: &str, name: Option<&str>) -> QuizResult {
    QuizResult { spec: spec.clone(), correct: 3, missed: vec![1, 4], token: token.into(), name: name.map(str::to_string) }
}

#[test]
fn a_result_link_is_counted_once_and_names_its_learner() {
    let bank = shipped_bank();
    let spec = spec(77);
    let mut store = Store::default();
    let query = result(&spec, "aaaa0001", Some("Sam")).to_query();
    let opened = store.open_result_link(&bank, &query, 1_000);
    assert_eq!(opened, ResultLinkOpened::Added { quiz: spec.id(), name: Some("Sam".into()) });
    assert_eq!(opened.quiz(), Some(spec.id()), "the debrief of its quiz comes next");
    assert_eq!(opened.notice(), "Sam's result was added to the debrief.");
    assert_eq!(store.tally().quizzes(), vec![(spec.id(), spec.clone(), 1)]);
    // The same link opened again (a second scan, Back then Forward): counted once.
    let again = store.open_result_link(&bank, &query, 2_000);
    assert_eq!(again, ResultLinkOpened::AlreadyCounted { quiz: spec.id() });
    assert_eq!(again.notice(), "This result was already counted.");
    assert_eq!(store.tally().quizzes(), vec![(spec.id(), spec.clone(), 1)]);
    // Without a name.
    let unnamed = store.open_result_link(&bank, &result(&spec, "aaaa0002", None).to_query(), 3_000);
    assert_eq!(unnamed.notice(), "A learner's result was added to the debrief.");
    assert_eq!(store.tally().quizzes(), vec![(spec.id(), spec, 2)]);
}

#[test]
fn a_result_that_does_not_fit_its_quiz_or_cannot_be_read_is_not_counted() {
    let bank = shipped_bank();
    let spec = spec(78);
    let mut store = Store::default();
    // Edited by hand to claim one more right answer than the quiz has questions.
    let claimed = QuizResult { correct: 4, ..result(&spec, "aaaa0003", None) };
    let opened = store.open_result_link(&bank, &claimed.to_query(), 1_000);
    assert_eq!(opened, ResultLinkOpened::Unreadable(LinkError::OutOfRange("score")));
    assert_eq!(opened.quiz(), None, "the list of debriefs comes next");
    assert_eq!(opened.notice(), "This result link has a score this app cannot use. Ask whoever shared it to send the link again.");
    // Cut short in a chat app.
    let cut = result(&spec, "aaaa0004", None).to_query();
    let cut = &cut[..cut.len() - 12];
    assert!(matches!(store.open_result_link(&bank, cut, 2_000), ResultLinkOpened::Unreadable(_)));
    assert!(store.tally().quizzes().is_empty());
}

#[test]
fn a_learner_opening_their_own_result_is_not_counted() {
    let bank = shipped_bank();
    let spec = spec(79);
    // This device's own finished attempt at the quiz, with the token its result link carries.
    let attempt = FinishedAttempt {
        kind: QuizKind::Trainer(spec.clone()),
        title: "Church hall".into(),
        started_at_ms: 1,
        finished_at_ms: 2,
        offset_minutes: Some(0),
        active_ms: None,
        score: Score { correct: 3, total: 5 },
        items: Vec::new(),
        token: "0123abcd".into(),
    };
    let own = result(&spec, "0123abcd", None);
    let mut store = Store::default();
    store.attempts.put("mine", attempt, 2);
    let opened = store.open_result_link(&bank, &own.to_query(), 3);
    assert_eq!(opened, ResultLinkOpened::Own);
    assert_eq!(opened.quiz(), None);
    assert!(opened.notice().starts_with("This is your own result, from this device"));
    assert!(store.tally().quizzes().is_empty());
}

#[test]
fn a_session_link_brings_its_session_and_counts_each_result_it_carries_once() {
    let bank = shipped_bank();
    let spec = spec(80);
    let mut store = Store::default();
    let bare = store.open_session_link(&bank, &spec.session_query(), 1_000).unwrap();
    assert_eq!(bare, SessionLinkOpened { quiz: spec.id(), carried: 0, new: 0 });
    assert_eq!(bare.notice(), None, "the trainer's screen shows the session");
    assert!(store.sessions.get(&spec.id()).is_some());

    store.add_result(result(&spec, "aaaa0001", None), 1_500);
    let results = [result(&spec, "aaaa0001", None), result(&spec, "aaaa0002", Some("Ali")), result(&spec, "aaaa0003", None)];
    let link = spec.session_query_with(&results);
    assert_eq!(link.left_out, 0);
    let carried = store.open_session_link(&bank, &link.query, 2_000).unwrap();
    assert_eq!(carried, SessionLinkOpened { quiz: spec.id(), carried: 3, new: 2 });
    assert_eq!(carried.notice().as_deref(), Some("3 results came with the session: 2 new, 1 already counted here."));
    let once = SessionLinkOpened { quiz: spec.id(), carried: 1, new: 0 };
    assert_eq!(once.notice().as_deref(), Some("1 result came with the session: 0 new, 1 already counted here."));
    assert_eq!(store.tally().quizzes(), vec![(spec.id(), spec.clone(), 3)]);
}

#[test]
fn a_damaged_session_link_keeps_nothing() {
    let bank = shipped_bank();
    let spec = spec(81);
    let mut store = Store::default();
    let query = spec.session_query_with(&[result(&spec, "aaaa0001", None)]).query;
    for broken in [&query[..query.len() - 5], &query.replacen("seed=", "sead=", 1), "?view=session&count=5"] {
        assert!(store.open_session_link(&bank, broken, 1_000).is_err(), "{broken}");
    }
    assert!(store.sessions.get(&spec.id()).is_none());
    assert!(store.tally().quizzes().is_empty());
}
