//! Properties of merging stores, over many random histories: tabs that each
//! did different things agree whatever order they merge in, merging twice
//! changes nothing, and a delete or "Clear my data" is never undone by
//! merging a copy made before it.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use safeguarding_check::quiz::attempt::Attempt;
use safeguarding_check::quiz::link::{QuizResult, QuizSpec};
use safeguarding_check::quiz::progress::Mode;
use safeguarding_check::quiz::record::{Record, RecordDraft};
use safeguarding_check::quiz::resume::{SavedItem, SavedQuiz};
use safeguarding_check::quiz::schedule::Scheduler;
use safeguarding_check::quiz::scoring::Score;
use safeguarding_check::quiz::session::QuizKind;
use safeguarding_check::quiz::store::Store;

const START: u64 = 1_795_669_200_000;
const DAY_MS: u64 = 86_400_000;

/// One thing a tab can do to the store, at a time offset (ms) from START.
#[derive(Debug, Clone)]
enum Op {
    Answer { item: u8, right: bool },
    StartQuiz { id: u8, position: u8 },
    DiscardQuiz { id: u8 },
    Finish { id: u8, correct: u8 },
    SaveRecord { id: u8, words: u8 },
    DeleteRecord { id: u8 },
    Draft { attempt: u8, words: u8 },
    Result { token: u8, correct: u8 },
    ClearDebrief,
    Session { seed: u8 },
    ClearAll,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..6, any::<bool>()).prop_map(|(item, right)| Op::Answer { item, right }),
        2 => (0u8..4, 0u8..3).prop_map(|(id, position)| Op::StartQuiz { id, position }),
        1 => (0u8..4).prop_map(|id| Op::DiscardQuiz { id }),
        2 => (0u8..4, 0u8..=3).prop_map(|(id, correct)| Op::Finish { id, correct }),
        2 => (0u8..4, 0u8..3).prop_map(|(id, words)| Op::SaveRecord { id, words }),
        1 => (0u8..4).prop_map(|id| Op::DeleteRecord { id }),
        2 => (0u8..4, 0u8..3).prop_map(|(attempt, words)| Op::Draft { attempt, words }),
        2 => (0u8..4, 0u8..=2).prop_map(|(token, correct)| Op::Result { token, correct }),
        1 => Just(Op::ClearDebrief),
        1 => (0u8..3).prop_map(|seed| Op::Session { seed }),
        1 => Just(Op::ClearAll),
    ]
}

fn spec(seed: u8) -> QuizSpec {
    QuizSpec { topics: vec![], count: 2, seed: u32::from(seed), assessment: false, pass_mark: 80, title: None, refresh_months: None }
}

fn kind() -> QuizKind {
    QuizKind::new(Mode::Quick, None)
}

fn items(answered: usize) -> Vec<SavedItem> {
    (0..3).map(|i| SavedItem { id: format!("q{i}"), order: vec![0, 1], response: None }).take(answered.max(1)).collect()
}

fn apply(store: &mut Store, op: &Op, now: u64) {
    let today = (now / DAY_MS) as i64;
    let id = |n: u8| format!("{n:016x}");
    match op {
        Op::Answer { item, right } => store.record_answer(&format!("q{item}"), *right, now, today, &Scheduler::default()),
        Op::StartQuiz { id: n, position } => {
            let quiz = SavedQuiz {
                kind: kind(),
                title: "Quick check".into(),
                started_at_ms: now,
                items: items(3),
                position: usize::from(*position),
                answered: false,
                draft: None,
            };
            store.save_quiz(&id(*n), quiz, now);
        }
        Op::DiscardQuiz { id: n } => store.discard_quiz(&id(*n), now),
        Op::Finish { id: n, correct } => {
            let attempt = Attempt {
                kind: kind(),
                title: "Quick check".into(),
                started_at_ms: now - 1000,
                finished_at_ms: now,
                score: Score { correct: u32::from(*correct), total: 3 },
                items: Vec::new(),
                token: format!("{:08x}", n),
            };
            store.finish_quiz(&id(*n), attempt, now, today);
        }
        Op::SaveRecord { id: n, words } => {
            let record = Record {
                made_at_ms: now,
                name: None,
                finished_at_ms: now - 1,
                activity: "Quick check".into(),
                topics: vec![],
                correct: 1,
                total: 3,
                passed: None,
                refresher_due_day: today + 365,
                learnt: "word ".repeat(usize::from(*words)),
                practice: String::new(),
                supervision: String::new(),
            };
            store.save_record(&id(*n), record, None, now);
        }
        Op::DeleteRecord { id: n } => {
            store.delete_record(&id(*n), now);
        }
        Op::Draft { attempt, words } => {
            store.save_draft(&id(*attempt), RecordDraft { learnt: "typed ".repeat(usize::from(*words)), ..RecordDraft::default() }, now)
        }
        Op::Result { token, correct } => {
            let missed = (0..2 - u32::from(*correct)).collect();
            let result = QuizResult { spec: spec(1), correct: u32::from(*correct), missed, token: format!("{token:08x}"), name: None };
            store.add_result(result, now);
        }
        Op::ClearDebrief => {
            store.clear_debrief(&spec(1).id(), now);
        }
        Op::Session { seed } => store.add_session(spec(*seed), now),
        Op::ClearAll => store.clear_all(now),
    }
}

/// A tab's history: operations at increasing times (gaps of up to two days).
fn history() -> impl Strategy<Value = Vec<(u64, Op)>> {
    prop::collection::vec((1u64..2 * DAY_MS, op()), 0..12)
}

/// Plays a history onto a copy of `base`, starting at `from`.
fn play(base: &Store, from: u64, history: &[(u64, Op)]) -> Store {
    let mut store = base.clone();
    let mut now = from;
    for (gap, op) in history {
        now += gap;
        apply(&mut store, op, now);
    }
    store
}

fn merged(a: &Store, b: &Store) -> Store {
    let mut out = a.clone();
    out.merge(b);
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn merge_is_commutative_associative_and_idempotent(
        shared in history(), one in history(), two in history(), three in history(),
        offsets in (0u64..DAY_MS, 0u64..DAY_MS, 0u64..DAY_MS),
    ) {
        let base = play(&Store::default(), START, &shared);
        let a = play(&base, START + 10 * DAY_MS + offsets.0, &one);
        let b = play(&base, START + 10 * DAY_MS + offsets.1, &two);
        let c = play(&base, START + 10 * DAY_MS + offsets.2, &three);
        prop_assert_eq!(merged(&a, &b), merged(&b, &a), "commutative");
        prop_assert_eq!(merged(&merged(&a, &b), &c), merged(&a, &merged(&b, &c)), "associative");
        let ab = merged(&a, &b);
        prop_assert_eq!(merged(&ab, &ab), ab.clone(), "idempotent");
        prop_assert_eq!(merged(&ab, &a), ab.clone(), "taking in a part again changes nothing");
        // Whatever is merged can be saved and read back exactly.
        prop_assert_eq!(Store::decode(&ab.encode()), Ok(ab));
    }

    #[test]
    fn a_clear_is_never_undone_by_merging_older_data(shared in history(), before in history(), after in history()) {
        let stale = play(&Store::default(), START, &shared);
        let mut cleared = play(&stale, START + 30 * DAY_MS, &before);
        let clear_at = START + 60 * DAY_MS;
        cleared.clear_all(clear_at);
        let later = play(&cleared, clear_at, &after);
        for result in [merged(&later, &stale), merged(&stale, &later), merged(&merged(&stale, &cleared), &later)] {
            prop_assert_eq!(result.cleared_at, later.cleared_at);
            let survivors = result.progress.items.values().map(|i| i.at)
                .chain(result.attempts.entries().iter().map(|e| e.at))
                .chain(result.records.entries().iter().map(|e| e.at))
                .chain(result.quizzes.entries().iter().map(|e| e.at))
                .chain(result.drafts.entries().iter().map(|e| e.at))
                .chain(result.debrief.entries().iter().map(|e| e.at));
            for at in survivors {
                prop_assert!(at > clear_at, "something from before the clear came back");
            }
            prop_assert_eq!(&result, &later, "the stale copy adds nothing");
        }
    }

    #[test]
    fn a_deleted_record_stays_deleted(shared in history(), id in 0u8..4) {
        let mut with = play(&Store::default(), START, &shared);
        apply(&mut with, &Op::SaveRecord { id, words: 1 }, START + 20 * DAY_MS);
        let stale = with.clone();
        apply(&mut with, &Op::DeleteRecord { id }, START + 21 * DAY_MS);
        let key = format!("{id:016x}");
        prop_assert!(merged(&with, &stale).records.get(&key).is_none());
        prop_assert!(merged(&stale, &with).records.get(&key).is_none());
    }
}
