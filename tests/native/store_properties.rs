//! Properties of merging stores, over many random histories: tabs that each
//! did different things agree whatever order they merge in, merging twice
//! changes nothing, a delete or "Clear my data" is never undone by
//! merging a copy made before it, and the best and last score of each mode
//! key are never lost, even when attempts are dropped for space.

use std::collections::BTreeSet;

use proptest::prelude::*;
use quiz::answering::scoring::Score;
use quiz::learner::progress::{ModeKey, Review};
use quiz::learner::record::{Record, RecordDraft};
use quiz::learner::schedule::Scheduler;
use quiz::links::link::{QuizResult, QuizSpec};
use quiz::run::attempt::QuizKind;
use quiz::run::finished::FinishedAttempt;
use quiz::run::finished::ScoreRecord;
use quiz::run::resume::{SavedItem, SavedQuiz};
use quiz::run::stored_answer::PartRef;
use quiz::saved::store::{Collection, Store, ATTEMPTS_KEPT};

const START: u64 = 1_795_669_200_000;
const DAY_MS: u64 = 86_400_000;

/// One thing a tab can do to the store, at a time offset (ms) from START.
/// `Dropped` keeps a score in the archive as `Store` does for an attempt
/// dropped for space (past ATTEMPTS_KEPT attempts, too many for these histories).
#[derive(Debug, Clone)]
enum Op {
    Answer { item: u8, right: bool },
    StartQuiz { id: u8, position: u8 },
    DiscardQuiz { id: u8 },
    Finish { id: u8, kind: u8, correct: u8 },
    Dropped { kind: u8, correct: u8, total: u8 },
    SaveRecord { id: u8, words: u8 },
    DeleteRecord { id: u8 },
    Draft { attempt: u8, words: u8 },
    Result { token: u8, correct: u8 },
    ClearDebrief,
    Attempt { seed: u8 },
    ClearAll,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..6, any::<bool>()).prop_map(|(item, right)| Op::Answer { item, right }),
        2 => (0u8..4, 0u8..3).prop_map(|(id, position)| Op::StartQuiz { id, position }),
        1 => (0u8..4).prop_map(|id| Op::DiscardQuiz { id }),
        2 => (0u8..4, 0u8..KINDS, 0u8..=3).prop_map(|(id, kind, correct)| Op::Finish { id, kind, correct }),
        2 => (0u8..KINDS, 0u8..=2, 1u8..=2).prop_map(|(kind, correct, total)| Op::Dropped { kind, correct: correct.min(total), total }),
        2 => (0u8..4, 0u8..3).prop_map(|(id, words)| Op::SaveRecord { id, words }),
        1 => (0u8..4).prop_map(|id| Op::DeleteRecord { id }),
        2 => (0u8..4, 0u8..3).prop_map(|(attempt, words)| Op::Draft { attempt, words }),
        2 => (0u8..4, 0u8..=2).prop_map(|(token, correct)| Op::Result { token, correct }),
        1 => Just(Op::ClearDebrief),
        1 => (0u8..3).prop_map(|seed| Op::Attempt { seed }),
        1 => Just(Op::ClearAll),
    ]
}

fn spec(seed: u8) -> QuizSpec {
    QuizSpec { topics: vec![], count: 2, seed: u32::from(seed), assessment: false, pass_mark: 80, title: None, refresh_months: None }
}

fn kind() -> QuizKind {
    QuizKind::Quick
}

/// How many kinds `kind_of` makes.
const KINDS: u8 = 7;

/// Quizzes of different mode keys: quick, assessment, two topics, mistakes, review, a trainer's.
fn kind_of(n: u8) -> QuizKind {
    match n {
        0 => kind(),
        1 => QuizKind::Assessment,
        2 => QuizKind::Topic("principle-3".into()),
        3 => QuizKind::Topic("principle-6".into()),
        4 => QuizKind::Mistakes(Vec::new()),
        5 => QuizKind::Review,
        _ => QuizKind::Trainer(spec(2)),
    }
}

fn finished(kind: QuizKind, correct: u32, total: u32, now: u64, token: u32) -> FinishedAttempt {
    FinishedAttempt {
        kind,
        title: "A quiz".into(),
        started_at_ms: now - 1000,
        finished_at_ms: now,
        offset_minutes: Some(-300),
        active_ms: None,
        score: Score { correct, total },
        items: Vec::new(),
        token: format!("{token:08x}"),
    }
}

fn items(answered: usize) -> Vec<SavedItem> {
    (0..3)
        .map(|i| SavedItem {
            id: format!("q{i}"),
            order: vec![PartRef::Id("a".into()), PartRef::Id("b".into())],
            response: None,
            right: None,
        })
        .take(answered.max(1))
        .collect()
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
                active_ms: 0,
                active_at_ms: 0,
            };
            store.save_quiz(&id(*n), quiz, now);
        }
        Op::DiscardQuiz { id: n } => store.discard_quiz(&id(*n), now),
        Op::Finish { id: n, kind, correct } => {
            let attempt = finished(kind_of(*kind), u32::from(*correct), 3, now, u32::from(*n));
            store.finish_quiz(&id(*n), attempt, now, today);
        }
        Op::Dropped { kind, correct, total } => {
            let score = finished(kind_of(*kind), u32::from(*correct), u32::from(*total), now, 0).score_record(&format!("d{now}"));
            store.progress.archive_score(ModeKey::of(&kind_of(*kind)), now, score);
        }
        Op::SaveRecord { id: n, words } => {
            let record = Record {
                made_at_ms: now,
                name: None,
                finished_at_ms: now - 1,
                offset_minutes: Some(330),
                time_spent_ms: None,
                role: None,
                organisation: None,
                activity: "Quick check".into(),
                topics: vec![],
                correct: 1,
                total: 3,
                passed: None,
                pass_mark: None,
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
        Op::Attempt { seed } => store.add_session(spec(*seed), now),
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
            let survivors = result.progress.items.values().map(|i| i.at())
                .chain(result.progress.archive.entries().iter().map(|a| a.at))
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

    /// Many quizzes of every mode key, finished in three tabs from a shared
    /// history near the limit, so merging drops some for space: the tabs still
    /// agree, and every mode key's best and last score is that of all the
    /// quizzes ever finished, kept or not.
    #[test]
    fn best_and_last_scores_survive_merging_and_dropping_for_space(
        shared in prop::collection::vec(quiz(), ATTEMPTS_KEPT - 20..ATTEMPTS_KEPT),
        tabs in prop::collection::vec(prop::collection::vec(quiz(), 0..25), 3),
    ) {
        let mut all: Vec<(QuizKind, ScoreRecord)> = Vec::new();
        let mut finish = |store: &mut Store, tab: usize, n: usize, (kind, correct, total): &(u8, u8, u8), now: u64| {
            let (id, kind) = (format!("{tab}-{n:04}"), kind_of(*kind));
            let attempt = finished(kind.clone(), u32::from(*correct), u32::from(*total), now, n as u32);
            all.push((kind, attempt.score_record(&id)));
            store.finish_quiz(&id, attempt, now, (now / DAY_MS) as i64);
        };
        let mut base = Store::default();
        for (n, quiz) in shared.iter().enumerate() {
            finish(&mut base, 0, n, quiz, START + n as u64 * 60_000);
        }
        let mut copies = Vec::new();
        for (tab, quizzes) in tabs.iter().enumerate() {
            let mut store = base.clone();
            for (n, quiz) in quizzes.iter().enumerate() {
                finish(&mut store, tab + 1, n, quiz, START + DAY_MS + (n * 3 + tab) as u64 * 60_000);
            }
            copies.push(store);
        }
        let (a, b, c) = (&copies[0], &copies[1], &copies[2]);
        prop_assert_eq!(merged(a, b), merged(b, a), "commutative");
        let abc = merged(&merged(a, b), c);
        prop_assert_eq!(&abc, &merged(a, &merged(b, c)), "associative");
        prop_assert_eq!(merged(&abc, &abc), abc.clone(), "idempotent");
        prop_assert_eq!(Store::decode(&abc.encode()), Ok(abc.clone()));
        for n in 0..KINDS {
            let key = ModeKey::of(&kind_of(n));
            let of_key: Vec<&ScoreRecord> = all.iter().filter(|(k, _)| key.is_of(k)).map(|(_, s)| s).collect();
            let last = of_key.iter().copied().reduce(|x, y| ScoreRecord::later(x, y));
            prop_assert_eq!(abc.last_for(&key), last.cloned(), "last of {:?}", key);
            let best = of_key.iter().copied().reduce(|x, y| ScoreRecord::better(x, y)).filter(|_| key.counts_for_best());
            prop_assert_eq!(abc.best_for(&key), best.cloned(), "best of {:?}", key);
            // A new best beats everything before it, and is never a mistakes or review score.
            for (id, _) in abc.attempts_oldest_first() {
                if abc.is_new_best(id) {
                    let this = of_key.iter().find(|s| s.id == id);
                    if let Some(this) = this {
                        prop_assert!(key.counts_for_best());
                        let earlier = of_key.iter().filter(|s| s.finished_at_ms < this.finished_at_ms);
                        for s in earlier {
                            prop_assert!(this.score().beats(&s.score()), "{} does not beat {}", id, s.id);
                        }
                    }
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    /// Every answer either tab gave after the later clear is in the merge,
    /// once, and each question's totals count exactly those.
    #[test]
    fn merging_loses_no_answer(shared in history(), one in history(), two in history(), offsets in (0u64..DAY_MS, 0u64..DAY_MS)) {
        let base = play(&Store::default(), START, &shared);
        let a = play(&base, START + 10 * DAY_MS + offsets.0, &one);
        let b = play(&base, START + 10 * DAY_MS + offsets.1, &two);
        let ab = merged(&a, &b);
        let ids: BTreeSet<&String> = a.progress.items.keys().chain(b.progress.items.keys()).collect();
        for id in ids {
            let mut expected: Vec<Review> = [&a, &b].iter()
                .filter_map(|s| s.progress.items.get(id))
                .flat_map(|i| i.reviews().iter().copied())
                .filter(|r| r.at > ab.cleared_at)
                .collect();
            expected.sort();
            expected.dedup();
            let item = ab.progress.items.get(id);
            prop_assert_eq!(item.map_or(&[][..], |i| i.reviews()), expected.as_slice(), "{}", id);
            let answers = item.map_or(0, |i| i.right() + i.wrong());
            prop_assert_eq!(answers as usize, expected.len(), "{}: each answer counted once", id);
        }
    }

    /// Merging a backup (another device's, from the same start) adds and
    /// never deletes: every answer of both is kept (the backup's restamped
    /// after this device's clear, on their own days), every other entry of the
    /// backup is kept unless this device changed that id later, and every
    /// day practised is kept. Taking in the same backup twice is taking it in
    /// once, and two backups give the same in either order.
    #[test]
    fn merging_a_backup_loses_nothing_and_twice_is_once(
        shared in history(), mine in history(), theirs in history(), other in history(),
    ) {
        let base = play(&Store::default(), START, &shared);
        let here = play(&base, START + 10 * DAY_MS, &mine);
        let backup = play(&base, START + 10 * DAY_MS + 5_000, &theirs);
        let second = play(&base, START + 10 * DAY_MS + 9_000, &other);
        let take_in = |here: &Store, backup: &Store| {
            let mut out = here.clone();
            out.merge_backup(backup);
            out
        };
        let merged = take_in(&here, &backup);
        prop_assert_eq!(take_in(&merged, &backup), merged.clone(), "twice is once");
        prop_assert_eq!(take_in(&take_in(&here, &backup), &second), take_in(&take_in(&here, &second), &backup), "either order");
        prop_assert_eq!(Store::decode(&merged.encode()), Ok(merged.clone()));
        prop_assert_eq!(merged.cleared_at, here.cleared_at);
        // Answers: all of this device's, and all of the backup's, on their days.
        let after = here.cleared_at + 1;
        for (id, item) in &merged.progress.items {
            // (What a store holds from at or before its own clear marker, only
            // these histories make: the app stamps every change after it.)
            let of = |s: &Store| s.progress.items.get(id).map_or(Vec::new(), |i| i.reviews().iter().filter(|r| r.at > s.cleared_at).copied().collect());
            let kept = item.reviews();
            prop_assert!(of(&here).iter().all(|r| kept.contains(r)), "{}: an answer here was lost", id);
            let theirs = of(&backup);
            prop_assert!(theirs.iter().filter(|r| r.at >= after).all(|r| kept.contains(r)), "{}: an answer of the backup was lost", id);
            let mut days: Vec<(i64, bool)> = kept.iter().map(|r| (r.day, r.right)).collect();
            for r in &theirs {
                let found = days.iter().position(|d| *d == (r.day, r.right));
                prop_assert!(found.is_some(), "{}: the backup's answer on day {} was lost", id, r.day);
                days.remove(found.unwrap());
            }
        }
        for id in backup.progress.items.keys() {
            prop_assert!(merged.progress.items.contains_key(id));
        }
        for day in backup.progress.days.keys() {
            prop_assert!(merged.progress.days.contains_key(day), "day {} practised was lost", day);
        }
        // Everything else: each live entry of the backup is there, unless this
        // device changed that id at or after the time it is taken in at.
        fn kept<T: PartialEq + std::fmt::Debug + Clone + serde::Serialize>(
            what: &str, here: &Collection<T>, backup: &Collection<T>, merged: &Collection<T>, after: u64,
        ) -> Result<(), TestCaseError> {
            for entry in backup.entries() {
                let Some(value) = &entry.value else { continue };
                let taken_at = entry.at.max(after);
                let changed_here = here.entries().iter().any(|e| e.id == entry.id && e.at >= taken_at);
                if !changed_here {
                    prop_assert_eq!(merged.get(&entry.id), Some(value), "{} {} was lost", what, entry.id);
                }
            }
            Ok(())
        }
        kept("attempt", &here.attempts, &backup.attempts, &merged.attempts, after)?;
        kept("quiz", &here.quizzes, &backup.quizzes, &merged.quizzes, after)?;
        kept("record", &here.records, &backup.records, &merged.records, after)?;
        kept("draft", &here.drafts, &backup.drafts, &merged.drafts, after)?;
        kept("result", &here.debrief, &backup.debrief, &merged.debrief, after)?;
        kept("session", &here.sessions, &backup.sessions, &merged.sessions, after)?;
        for n in 0..KINDS {
            let key = ModeKey::of(&kind_of(n));
            for archived in backup.progress.archive.of_key(&key) {
                let best = merged.best_for(&key);
                prop_assert!(!key.counts_for_best() || best.is_some_and(|b| !archived.score.score().beats(&b.score())), "the backup's best of {:?} was lost", key);
                prop_assert!(merged.last_for(&key).is_some(), "the last score of {:?} was lost", key);
            }
        }
    }
}

/// A finished quiz: its kind (see `kind_of`), right answers and questions.
fn quiz() -> impl Strategy<Value = (u8, u8, u8)> {
    (0u8..KINDS, 1u8..=4).prop_flat_map(|(kind, total)| (Just(kind), 0u8..=total, Just(total)))
}
