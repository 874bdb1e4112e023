//! Prepared stores for the end-to-end tests: a finished quick check, two of
//! them, a run of best scores, a passed and a failed assessment, a long
//! history, and everything at once (records, a debrief with results, quizzes
//! in progress, an assessment on its check page). The browser tests load
//! one into local storage before the page runs and open the screen under
//! test, instead of playing whole quizzes through the UI to get there (the
//! played journeys are kept once for each thing a person does).
//!
//! Every store is made here, natively, through the real domain: quizzes are
//! drawn with `questions_for`, run through `Attempt`, kept and finished with
//! the `Store` operations the app itself calls. So they follow the schema by
//! construction, and a change to it changes them too. Each is checked the
//! way the app reads storage (`Store::decode` of its text, then
//! `Store::check`), then written as JSON to
//! `tests/e2e/artifacts/prepared-stores/<name>.json`:
//! `{"store": "<the stored text>", "made_at": ms, ...}` with whatever ids and
//! answers the test needs to know (see each builder).
//!
//! `cargo test` writes them (make test runs it before the browser tests);
//! `cargo test --test native prepared_stores` writes them alone. Times are
//! real: each store is made relative to the moment it is written, for a
//! device on UTC (the browser tests' default time zone).

use crate::support::project_path;
use std::fs;
use std::time::{SystemTime, UNIX_EPOCH};

use serde_json::{json, Value};

use crate::support;
use quiz::answering::marking::Response;
use quiz::content::bank::{Bank, Kind};
use quiz::learner::draw::questions_for;
use quiz::learner::record::{Record, RecordDraft};
use quiz::learner::schedule::Scheduler;
use quiz::links::link::{QuizResult, QuizSpec};
use quiz::rng::SeededRng;
use quiz::run::attempt::{Attempt, AttemptItem, QuizKind, Stage};
use quiz::run::finished::FinishedAttempt;
use quiz::run::quiz_names::quiz_title;
use quiz::run::resume::SavedQuiz;
use quiz::saved::store::Store;
use quiz::text::calendar::local_day;

const DAY_MS: u64 = 86_400_000;
/// The device's offset from UTC, in minutes east: the browser tests run on UTC.
const OFFSET: i64 = 0;

/// When a prepared quiz ran: from `start` to `end` (ms since the Unix epoch),
/// its answers spread evenly between.
#[derive(Clone, Copy)]
struct Span {
    start: u64,
    end: u64,
}

/// Moments relative to the time a store is made, each inside the day it
/// names: a store made just after midnight still has today's activity today.
struct Moments {
    now: u64,
    midnight: u64,
}

impl Moments {
    fn new(now: u64) -> Moments {
        Moments { now, midnight: now - now % DAY_MS }
    }

    /// `tenths` tenths of the way from today's midnight to now: earlier
    /// today, in order of `tenths`.
    fn today(&self, tenths: u64) -> u64 {
        self.midnight + (self.now - self.midnight) * tenths / 10
    }

    /// A span today, from `from` to `to` tenths of the way to now.
    fn today_span(&self, from: u64, to: u64) -> Span {
        Span { start: self.today(from), end: self.today(to) }
    }

    /// Noon, `days` days before today.
    fn days_ago(&self, days: u64) -> u64 {
        self.midnight - days * DAY_MS + DAY_MS / 2
    }

    /// Ten minutes from noon, `days` days before today.
    fn days_ago_span(&self, days: u64) -> Span {
        let start = self.days_ago(days);
        Span { start, end: start + 600_000 }
    }
}

/// The answer a learner gives to `item`: right, or a plausible wrong one.
fn response(item: &AttemptItem, right: bool) -> Response {
    let kind = &item.question.kind;
    match kind {
        Kind::TrueFalse { answer } => Response::Choice(usize::from(*answer != right)),
        Kind::Order { items } => Response::Order(if right { (0..items.len()).collect() } else { item.layout.clone() }),
        Kind::Match { pairs } => {
            let n = pairs.len();
            Response::Matches((0..n).map(|left| if right { left } else { (left + 1) % n }).collect())
        }
        Kind::Numeric { answer, close_within, .. } => {
            Response::Number(if right { *answer } else { answer + i64::from(*close_within) + 10 })
        }
        Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
            let correct: Vec<usize> = (0..options.len()).filter(|&i| options[i].correct).collect();
            let wrong = (0..options.len()).find(|&i| !options[i].correct).expect("a choice question has a wrong option");
            match (kind.allows_several(), right) {
                (true, true) => Response::Choices(correct),
                (true, false) => Response::Choices(vec![wrong]),
                (false, true) => Response::Choice(correct[0]),
                (false, false) => Response::Choice(wrong),
            }
        }
    }
}

/// A quiz played on the prepared device: what it was and how it went.
struct Played {
    id: String,
    session: Attempt,
    title: String,
    attempt: Option<FinishedAttempt>,
    /// When its last answer was given (ms since the Unix epoch).
    last_answer_ms: u64,
}

/// The prepared device: its store, and the clock it is played at.
struct Device<'b> {
    bank: &'b Bank,
    store: Store,
}

impl<'b> Device<'b> {
    fn new(bank: &'b Bank) -> Self {
        Device { bank, store: Store::default() }
    }

    /// Starts a quiz of `kind` at `span.start` as `AppState::begin` does, answers
    /// its first `answers` questions (right where `right(n)` for question n,
    /// counting from 1), keeping it after each step as the quiz screen does,
    /// and, if every question was answered, finishes it (submitting an
    /// assessment first).
    fn play(&mut self, id: &str, kind: QuizKind, seed: u64, span: Span, answers: usize, right: impl Fn(usize) -> bool) -> Played {
        let mut played = self.start_and_answer(id, kind, seed, span, answers, right);
        if played.session.stage() == Stage::CheckingAnswers {
            played.session.submit().expect("submit a checked assessment");
        }
        if played.session.stage() == Stage::Finished {
            let token = format!("{:08x}", seed as u32);
            let at = played.last_answer_ms;
            let attempt = FinishedAttempt::from_attempt(&played.session, &played.title, span.start, at, OFFSET, &token).expect("finished");
            self.store.finish_attempt(id, &played.session, attempt.clone(), at, local_day(at, OFFSET));
            played.attempt = Some(attempt);
        }
        played
    }

    /// As [`Device::play`], but stops before submitting or finishing: an
    /// assessment with every answer saved is left on its check page.
    fn start_and_answer(
        &mut self,
        id: &str,
        kind: QuizKind,
        seed: u64,
        span: Span,
        answers: usize,
        right: impl Fn(usize) -> bool,
    ) -> Played {
        let mut rng = SeededRng::new(seed);
        let start_ms = span.start;
        let today = local_day(start_ms, OFFSET);
        let questions = {
            let (mistakes, due) = (self.store.progress.mistakes(), self.store.progress.due(today));
            questions_for(self.bank, &kind, &mistakes, &due, &mut rng)
        };
        let mut session = Attempt::start_kind(kind.clone(), questions, &mut rng).expect("the bank gives this quiz questions");
        let title = quiz_title(self.bank, &kind);
        let keep = |store: &mut Store, session: &Attempt, at: u64| {
            if let Some(saved) = SavedQuiz::from_attempt(session, &title, start_ms) {
                store.save_quiz(id, saved, at);
            }
        };
        keep(&mut self.store, &session, start_ms);
        let mut at = start_ms;
        let step = (span.end - span.start) / (answers as u64 + 1);
        for n in 1..=answers.min(session.len()) {
            at += step;
            let item = session.current().expect("a question to answer");
            let (question, given) = (item.question.id.clone(), response(item, right(n)));
            if session.defers_feedback() {
                session.save(given).expect("an answer that fits");
            } else {
                let checked = session.answer(given).expect("an answer that fits");
                self.store.record_answer(&question, checked.correct, at, local_day(at, OFFSET), &Scheduler::default());
                keep(&mut self.store, &session, at);
                // The last answer of a quiz left part-way shows its feedback; otherwise on to the next.
                if n < answers || session.is_last() {
                    session.next().expect("next after an answer");
                }
            }
            keep(&mut self.store, &session, at);
        }
        Played { id: id.to_owned(), session, title, attempt: None, last_answer_ms: at }
    }

    /// Makes a completion record for `played` at `at`, with `draft`'s words,
    /// as the record form does (the record is kept under the attempt's id).
    fn record(&mut self, played: &Played, draft: &RecordDraft, at: u64) {
        let attempt = played.attempt.as_ref().expect("a finished quiz");
        let record = Record::from_attempt(attempt, self.bank, draft, at, OFFSET);
        self.store.save_record(&played.id, record, Some(&played.id), at);
    }

    /// The stored text, checked as the app reads it.
    fn finish(self) -> String {
        let text = self.store.encode();
        let read = Store::decode(&text).expect("a prepared store reads back");
        read.check().expect("a prepared store passes the app's checks");
        assert_eq!(read, self.store, "a prepared store reads back as itself");
        text
    }
}

/// What a test needs to know of a played quiz: its id, title, score, and
/// for each question its id, prompt and whether it was answered right.
fn describe(played: &Played) -> Value {
    let questions: Vec<Value> = played
        .session
        .items()
        .iter()
        .map(|item| {
            let right = item.response.as_ref().map(|r| item.question.kind.mark(r).0);
            json!({ "id": item.question.id, "type": item.question.kind.name(), "prompt": item.question.prompt, "right": right })
        })
        .collect();
    let score = played.attempt.as_ref().map(|a| json!({ "correct": a.score.correct, "total": a.score.total }));
    json!({ "id": played.id, "title": played.title, "score": score, "questions": questions })
}

fn quick() -> QuizKind {
    QuizKind::Quick
}

fn assessment() -> QuizKind {
    QuizKind::Assessment
}

/// A trainer's practice session of 5 questions on every topic.
fn session_spec() -> QuizSpec {
    QuizSpec {
        topics: Vec::new(),
        count: 5,
        seed: 4242,
        assessment: false,
        pass_mark: 80,
        title: Some("Tuesday team meeting".into()),
        refresh_months: Some(12),
    }
}

/// Every prepared store, by name, made at `now` (ms since the Unix epoch).
fn prepared(bank: &Bank, now: u64) -> Vec<(&'static str, Value)> {
    let mut stores = Vec::new();
    let hour = 3_600_000;
    let at = Moments::new(now);

    // A quick check finished earlier today: 7 of 10, the last 3 missed.
    let mut device = Device::new(bank);
    let quick_check = device.play("0000000000000a01", quick(), 101, at.today_span(5, 6), 10, |n| n <= 7);
    stores.push(("finished-quick-check", json!({ "store": device.finish(), "quiz": describe(&quick_check) })));

    // Two quick checks finished (7 of 10, then 10 of 10), for two tabs each on one.
    let mut device = Device::new(bank);
    let first = device.play("0000000000000a02", quick(), 102, at.today_span(3, 4), 10, |n| n <= 7);
    let second = device.play("0000000000000a03", quick(), 103, at.today_span(5, 6), 10, |_| true);
    stores.push(("two-quick-checks", json!({ "store": device.finish(), "first": describe(&first), "second": describe(&second) })));

    // Best scores: quick checks of 6, 5 and 8 of 10 (only the third a new
    // best), then a review of the third's two mistakes, all right (never a best).
    let mut device = Device::new(bank);
    let six = device.play("0000000000000a11", quick(), 111, at.today_span(1, 2), 10, |n| n <= 6);
    let five = device.play("0000000000000a12", quick(), 112, at.today_span(2, 3), 10, |n| n <= 5);
    let eight = device.play("0000000000000a13", quick(), 113, at.today_span(3, 4), 10, |n| n <= 8);
    let missed: Vec<String> = eight.session.items().iter().skip(8).map(|i| i.question.id.clone()).collect();
    let review = device.play("0000000000000a14", QuizKind::Mistakes(missed), 114, at.today_span(4, 5), 2, |_| true);
    stores.push((
        "best-scores",
        json!({ "store": device.finish(), "quizzes": [describe(&six), describe(&five), describe(&eight), describe(&review)] }),
    ));

    // A full assessment passed at exactly the pass mark (16 of 20, 80%) and one not passed (10 of 20).
    let mut device = Device::new(bank);
    let passed = device.play("0000000000000b01", assessment(), 201, at.today_span(3, 5), 20, |n| n > 4);
    stores.push(("passed-assessment", json!({ "store": device.finish(), "quiz": describe(&passed) })));
    let mut device = Device::new(bank);
    let failed = device.play("0000000000000b02", assessment(), 202, at.today_span(3, 5), 20, |n| n.is_multiple_of(2));
    stores.push(("failed-assessment", json!({ "store": device.finish(), "quiz": describe(&failed) })));

    // What a record's form was filled in with.
    let words = |learnt: &str| RecordDraft {
        name: "Sam Taylor".into(),
        role: "Health visitor".into(),
        organisation: "Northtown NHS Trust".into(),
        learnt: learnt.into(),
        practice: "I will record the child's voice in every visit note.".into(),
        supervision: "How we share information with schools.".into(),
    };
    // A trainer's session, and three learners' results for it.
    let spec = session_spec();
    let results = [(5, vec![], "a1b2c3d4", Some("Ali")), (3, vec![1, 4], "b2c3d4e5", None), (4, vec![1], "c3d4e5f6", Some("Jo"))];

    // A long history: a quiz most days for six weeks (a quick check, a topic
    // or an assessment), ending with a streak of three days to today; some
    // answers are due again, and some were last answered wrong.
    let mut device = Device::new(bank);
    let topics: Vec<String> = bank.topics.iter().map(|t| t.id.clone()).collect();
    let mut quizzes = Vec::new();
    for day in (0..42u64).rev().filter(|d| *d < 3 || d % 3 != 0) {
        let kind = match day % 4 {
            0 => quick(),
            1 => QuizKind::Topic(topics[(day as usize) % topics.len()].clone()),
            2 if day % 8 == 2 => assessment(),
            _ => quick(),
        };
        let id = format!("{:016x}", 0xe000 + day);
        let span = if day == 0 { at.today_span(2, 4) } else { at.days_ago_span(day) };
        let played = device.play(&id, kind, 500 + day, span, 20, move |n| !(n + day as usize).is_multiple_of(4));
        quizzes.push(describe(&played));
    }
    stores.push(("long-history", json!({ "store": device.finish(), "quizzes": quizzes })));

    // A quick check of one question of each type, not yet begun, for
    // walking every type's screens (at 320 px and 200% text, say). The
    // scenario has one right answer; the select-all-that-apply is a multi.
    let mut device = Device::new(bank);
    let questions: Vec<_> = ["single", "multi", "true_false", "order", "match", "numeric", "scenario"]
        .iter()
        .map(|&name| {
            bank.questions()
                .find(|q| q.kind.name() == name && (name == "multi" || !q.kind.allows_several()))
                .expect("a question of each type")
                .clone()
        })
        .collect();
    let session = Attempt::start_kind(quick(), questions, &mut SeededRng::new(701)).expect("questions");
    let saved = SavedQuiz::from_attempt(&session, "Quick check", at.today(9)).expect("in progress");
    device.store.save_quiz("0000000000000e01", saved, at.today(9));
    let types: Vec<&str> = session.items().iter().map(|i| i.question.kind.name()).collect();
    stores.push(("every-type", json!({ "store": device.finish(), "quiz_id": "0000000000000e01", "types": types })));

    // Everything at once, for the accessibility walk: a finished quick check
    // with its learning record, a passed assessment with its certificate, an
    // assessment not passed, an assessment whose answers
    // are all saved (on its check page; 14 of 20, so not passed once
    // submitted), a quick check in progress, and a trainer's session with
    // results.
    let mut device = Device::new(bank);
    let finished = device.play("0000000000000f01", quick(), 601, at.days_ago_span(3), 10, |n| !n.is_multiple_of(4));
    let certified = device.play("0000000000000f02", assessment(), 602, at.days_ago_span(2), 20, |n| n != 3);
    device.record(&certified, &words("Information sharing must be timely."), at.days_ago(2) + hour);
    let to_check = device.start_and_answer("0000000000000f03", assessment(), 603, at.today_span(4, 6), 20, |n| !n.is_multiple_of(3));
    assert_eq!(to_check.session.stage(), Stage::CheckingAnswers);
    let in_progress = device.play("0000000000000f04", quick(), 604, at.today_span(7, 9), 3, |_| true);
    device.record(&finished, &words("Disguised compliance can mislead a plan."), at.days_ago(3) + hour);
    let failed = device.play("0000000000000f05", assessment(), 605, at.days_ago_span(1), 20, |n| n.is_multiple_of(2));
    device.store.add_session(spec.clone(), at.today(2));
    for (n, (correct, missed, token, name)) in results.iter().enumerate() {
        let result = QuizResult {
            spec: spec.clone(),
            correct: *correct,
            missed: missed.clone(),
            token: (*token).into(),
            name: name.map(Into::into),
        };
        device.store.add_result(result, at.today(5 + n as u64));
    }
    stores.push((
        "everything",
        json!({
            "store": device.finish(),
            "finished": describe(&finished),
            "certified": describe(&certified),
            "to_check": describe(&to_check),
            "in_progress": describe(&in_progress),
            "failed": describe(&failed),
            "quiz_id": spec.id(),
            "link": spec.to_query(),
        }),
    ));

    stores
}

fn now_ms() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).expect("a clock after 1970").as_millis() as u64
}

#[test]
fn prepared_stores_follow_the_schema_and_are_written_for_the_browser_tests() {
    let bank = support::shipped_bank();
    let now = now_ms();
    let dir = project_path("tests/e2e/artifacts/prepared-stores");
    fs::create_dir_all(&dir).unwrap();
    for (name, mut value) in prepared(&bank, now) {
        value["made_at"] = json!(now);
        fs::write(dir.join(format!("{name}.json")), serde_json::to_string_pretty(&value).unwrap()).unwrap();
    }
}

#[test]
fn a_prepared_quiz_scores_as_its_answers_were_planned() {
    let bank = support::shipped_bank();
    let mut device = Device::new(&bank);
    let span = Span { start: 1_800_000_000_000, end: 1_800_000_600_000 };
    let played = device.play("0000000000000a01", quick(), 101, span, 10, |n| n <= 7);
    let score = played.attempt.as_ref().unwrap().score;
    assert_eq!((score.correct, score.total), (7, 10));
    let assessment = device.play("0000000000000b01", assessment(), 201, span, 20, |n| n > 3);
    assert_eq!(assessment.attempt.as_ref().unwrap().passed(), Some(true));
    // Every question type answered wrongly is marked wrong, and rightly right.
    for item in assessment.session.items() {
        for right in [true, false] {
            assert_eq!(item.question.kind.mark(&response(item, right)).0, right, "{} ({right})", item.question.id);
        }
    }
}
