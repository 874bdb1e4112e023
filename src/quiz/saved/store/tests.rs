use super::*;
use crate::quiz::answering::scoring::Score;
use crate::quiz::run::attempt::QuizKind;

const NOW: u64 = 1_795_669_200_000; // 2026-11-26
const TODAY: i64 = 20_783;

fn attempt(correct: u32, at: u64) -> FinishedAttempt {
    FinishedAttempt {
        kind: QuizKind::Quick,
        title: "Quick check".into(),
        started_at_ms: at - 60_000,
        finished_at_ms: at,
        offset_minutes: Some(60),
        active_ms: None,
        score: Score { correct, total: 10 },
        items: Vec::new(),
        token: "0123abcd".into(),
    }
}

/// An attempt of a quiz of `kind` that got `correct` out of `total`, finished at `at`.
fn scored(kind: QuizKind, correct: u32, total: u32, at: u64) -> FinishedAttempt {
    FinishedAttempt { kind, score: Score { correct, total }, ..attempt(0, at) }
}

fn topic(id: &str) -> QuizKind {
    QuizKind::Topic(id.into())
}

fn trainer(seed: u32) -> QuizKind {
    let spec = QuizSpec { topics: vec![], count: 10, seed, assessment: true, pass_mark: 70, title: None, refresh_months: None };
    QuizKind::Trainer(spec)
}

/// A quiz of `kind` just started at NOW, with no questions answered.
fn in_progress(kind: QuizKind) -> SavedQuiz {
    SavedQuiz {
        kind,
        title: "A quiz".into(),
        started_at_ms: NOW,
        items: Vec::new(),
        position: 0,
        answered: false,
        draft: None,
        active_ms: 0,
        active_at_ms: 0,
    }
}

/// Finishes each quiz in turn, a minute apart from NOW, with ids a0, a1, …
fn finished(quizzes: Vec<FinishedAttempt>) -> Store {
    let mut s = Store::default();
    for (n, a) in quizzes.into_iter().enumerate() {
        let at = NOW + n as u64 * 60_000;
        s.finish_quiz(&format!("a{n}"), FinishedAttempt { finished_at_ms: at, started_at_ms: at - 1000, ..a }, at, TODAY);
    }
    s
}

fn record(made: u64) -> Record {
    Record {
        made_at_ms: made,
        name: Some("Sam".into()),
        finished_at_ms: made - 1,
        offset_minutes: None,
        time_spent_ms: None,
        role: None,
        organisation: None,
        activity: "Quick check".into(),
        topics: vec![],
        correct: 6,
        total: 10,
        passed: None,
        pass_mark: None,
        refresher_due_day: TODAY + 365,
        learnt: "Share early.".into(),
        practice: String::new(),
        supervision: String::new(),
    }
}

fn sample() -> Store {
    let mut s = Store::default();
    s.record_answer("q1", true, NOW, TODAY, &Scheduler::default());
    s.finish_quiz("a1", attempt(6, NOW + 1000), NOW + 1000, TODAY);
    s.save_record("r1", record(NOW + 2000), Some("a1"), NOW + 2000);
    s.save_draft("a1", RecordDraft { learnt: "typing".into(), ..RecordDraft::default() }, NOW + 3000);
    s
}

#[test]
fn the_store_round_trips_through_its_text() {
    let s = sample();
    assert_eq!(Store::decode(&s.encode()), Ok(s));
}

#[test]
fn finishing_a_quiz_keeps_the_attempt_and_its_last_and_best_scores() {
    let mut s = Store::default();
    s.finish_quiz("a1", attempt(6, NOW), NOW, TODAY);
    s.finish_quiz("a2", attempt(4, NOW + 1), NOW + 1, TODAY);
    assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a1");
    assert_eq!(s.last_for(&ModeKey::Quick).unwrap().id, "a2");
    assert_eq!(s.last_attempt().unwrap().0, "a2");
    assert_eq!(s.attempts_oldest_first().len(), 2);
    assert_eq!((s.best_for(&ModeKey::Assessment), s.last_for(&ModeKey::Assessment)), (None, None), "never tried");
}

#[test]
fn a_first_attempt_is_not_a_new_best() {
    let s = finished(vec![attempt(6, NOW)]);
    assert!(!s.is_new_best("a0"), "a first score beats nothing");
    assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a0", "though it is the best so far");
    assert!(!s.is_new_best("missing"));
}

#[test]
fn only_a_strictly_better_score_is_a_new_best() {
    let s = finished(vec![attempt(6, NOW), attempt(8, NOW), attempt(8, NOW), attempt(5, NOW), attempt(9, NOW)]);
    let new_bests: Vec<bool> = (0..5).map(|n| s.is_new_best(&format!("a{n}"))).collect();
    assert_eq!(new_bests, vec![false, true, false, false, true], "a tie is not a new best; each is judged by what came before it");
    assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a4");
    // 9/10 beats 17/20 exactly.
    let t = finished(vec![scored(QuizKind::Quick, 17, 20, NOW), attempt(9, NOW)]);
    assert!(t.is_new_best("a1"));
}

#[test]
fn a_fail_is_never_a_new_best() {
    let assessment = || QuizKind::Assessment;
    let s = finished(vec![
        scored(assessment(), 10, 20, NOW),
        scored(assessment(), 15, 20, NOW), // better, but 75% is not a pass
        scored(assessment(), 16, 20, NOW), // 80% passes
        scored(trainer(1), 5, 10, NOW),
        scored(trainer(1), 6, 10, NOW), // the trainer's pass mark is 70%
        scored(trainer(1), 7, 10, NOW),
    ]);
    let new_bests: Vec<bool> = (0..6).map(|n| s.is_new_best(&format!("a{n}"))).collect();
    assert_eq!(new_bests, vec![false, false, true, false, false, true]);
    assert_eq!(s.best_for(&ModeKey::Assessment).unwrap().id, "a2");
}

#[test]
fn mistakes_and_reviews_never_count_for_a_best_but_have_a_last_score() {
    let s = finished(vec![
        attempt(5, NOW),
        scored(QuizKind::Mistakes(Vec::new()), 3, 3, NOW),
        scored(QuizKind::Mistakes(Vec::new()), 4, 4, NOW),
        scored(QuizKind::Review, 2, 3, NOW),
        scored(QuizKind::Review, 3, 3, NOW),
    ]);
    assert!((1..5).all(|n| !s.is_new_best(&format!("a{n}"))));
    assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a0", "a 3/3 mistakes review does not outrank a quick check");
    assert_eq!((s.best_for(&ModeKey::Mistakes), s.best_for(&ModeKey::Review)), (None, None));
    assert_eq!(s.last_for(&ModeKey::Mistakes).unwrap().id, "a2");
    assert_eq!(s.last_for(&ModeKey::Review).unwrap().id, "a4");
    assert_eq!(s.last_for(&ModeKey::Quick).unwrap().id, "a0");
}

#[test]
fn each_mode_topic_and_trainers_quiz_has_its_own_best() {
    let s = finished(vec![
        scored(topic("p3"), 10, 10, NOW),
        scored(topic("p4"), 5, 10, NOW),
        attempt(9, NOW),
        scored(topic("p4"), 6, 10, NOW),
        scored(QuizKind::Assessment, 18, 20, NOW),
        scored(trainer(1), 8, 10, NOW),
        scored(trainer(2), 9, 10, NOW),
        scored(trainer(1), 9, 10, NOW),
    ]);
    let new_bests: Vec<bool> = (0..8).map(|n| s.is_new_best(&format!("a{n}"))).collect();
    assert_eq!(new_bests, vec![false, false, false, true, false, false, false, true]);
    assert_eq!(s.best_for(&ModeKey::Topic("p3".into())).unwrap().id, "a0");
    assert_eq!(s.best_for(&ModeKey::Topic("p4".into())).unwrap().id, "a3");
    assert_eq!(s.best_for(&ModeKey::Quick).unwrap().id, "a2", "a topic's 10/10 is not the quick check's best");
    assert_eq!(s.best_for(&ModeKey::Assessment).unwrap().id, "a4");
    let link = |seed| ModeKey::of(&trainer(seed));
    assert_eq!((s.best_for(&link(1)).unwrap().id, s.best_for(&link(2)).unwrap().id), ("a7".into(), "a6".into()));
}

#[test]
fn the_best_and_last_of_each_mode_survive_being_dropped_for_space() {
    let mut quizzes = vec![
        attempt(9, NOW),
        attempt(7, NOW),
        scored(QuizKind::Assessment, 18, 20, NOW),
        scored(QuizKind::Mistakes(Vec::new()), 3, 3, NOW),
        scored(topic("p3"), 4, 10, NOW),
    ];
    quizzes.extend((0..ATTEMPTS_KEPT).map(|_| scored(topic("p4"), 5, 10, NOW)));
    let mut s = finished(quizzes);
    assert_eq!(s.attempts.live_count(), ATTEMPTS_KEPT);
    assert!(s.attempts.get("a0").is_none() && s.attempts.get("a4").is_none(), "the oldest were dropped");
    let ids = |score: Option<ScoreRecord>| score.map(|b| b.id);
    assert_eq!(ids(s.best_for(&ModeKey::Quick)), Some("a0".into()));
    assert_eq!(ids(s.last_for(&ModeKey::Quick)), Some("a1".into()));
    assert_eq!(ids(s.best_for(&ModeKey::Assessment)), Some("a2".into()));
    assert_eq!(ids(s.best_for(&ModeKey::Topic("p3".into()))), Some("a4".into()));
    assert_eq!(ids(s.last_for(&ModeKey::Mistakes)), Some("a3".into()));
    assert_eq!(s.best_for(&ModeKey::Mistakes), None);
    assert_eq!(s.progress.archive.entries().len(), 5, "quick's 9/10 and its later 7/10, assessment, p3 and mistakes");
    let read = Store::decode(&s.encode()).unwrap();
    assert_eq!(read, s, "the archive is saved and read back");
    // A new attempt is judged against the dropped ones too.
    let at = NOW + 1_000 * 60_000;
    s.finish_quiz("b1", attempt(9, at), at, TODAY);
    s.finish_quiz("b2", attempt(10, at + 1), at + 1, TODAY);
    assert!(!s.is_new_best("b1"), "equal to a dropped best");
    assert!(s.is_new_best("b2"));
    assert_eq!(ids(s.last_for(&ModeKey::Quick)), Some("b2".into()));
    assert_eq!(
        s.progress.archive.of_key(&ModeKey::Topic("p4".into())).len(),
        1,
        "two p4 attempts made way for b1 and b2; the later is kept"
    );
    // "Clear my data" forgets the archive too; a backup taken in brings it back, with its dates.
    let backup = read;
    s.clear_all(at + 10);
    assert_eq!((s.best_for(&ModeKey::Quick), s.progress.archive.entries().len()), (None, 0));
    s.merge_backup(&backup);
    assert_eq!(s.best_for(&ModeKey::Quick).map(|b| (b.id, b.finished_at_ms)), Some(("a0".into(), NOW)));
    assert_eq!(ids(s.last_for(&ModeKey::Quick)), Some("a1".into()), "the dropped last score too");
    assert_eq!(s.progress.archive.entries().len(), backup.progress.archive.entries().len());
    assert!(s.progress.archive.entries().iter().all(|a| a.at > s.cleared_at));
    assert_eq!(Store::decode(&s.encode()), Ok(s.clone()));
}

#[test]
fn version_3s_one_best_score_still_loads() {
    let good = sample().encode();
    assert!(good.contains(r#""best":null"#), "an empty archive is written as version 3 did");
    let old_best = r#""best":{"id":"gone","at":1795000000000,"mode":"quick","topic":null,"correct":9,"total":10}"#;
    let old = Store::decode(&good.replacen(r#""best":null"#, old_best, 1)).unwrap();
    let best = old.best_for(&ModeKey::Quick).unwrap();
    assert_eq!((best.id.as_str(), best.correct, best.finished_at_ms), ("gone", 9, 1_795_000_000_000));
    assert_eq!(old.last_for(&ModeKey::Quick).unwrap().id, "a1", "the later attempt kept is the last");
    assert!(!old.is_new_best("a1"), "6/10 does not beat the old 9/10");
    assert!(old.encode().contains(old_best), "one score that reads back exactly is written as version 3 wrote it");
    assert_eq!(Store::decode(&old.encode()), Ok(old.clone()));
    // An old best from a mistakes review is not a best any more.
    let mistakes = old_best.replace("quick", "mistakes");
    let s = Store::decode(&good.replacen(r#""best":null"#, &mistakes, 1)).unwrap();
    assert_eq!((s.best_for(&ModeKey::Quick).unwrap().id.as_str(), s.progress.archive.entries().len()), ("a1", 0));
    // Still strict.
    for bad in [old_best.replace("\"total\":10", "\"total\":10,\"x\":1"), old_best.replace("\"correct\":9", "\"correct\":11")] {
        assert!(matches!(Store::decode(&good.replacen(r#""best":null"#, &bad, 1)), Err(StoreError::Corrupt(_))), "{bad}");
    }
}

#[test]
fn a_tab_that_saves_later_does_not_overwrite_another_tabs_record() {
    let base = Store::default();
    let mut a = base.clone();
    let mut b = base;
    a.save_record("ra", record(NOW), None, NOW);
    b.save_record("rb", record(NOW + 5), None, NOW + 5);
    a.merge(&b);
    assert_eq!(a.records_oldest_first().len(), 2);
}

#[test]
fn clear_my_data_is_not_undone_by_a_tab_with_old_data() {
    let stale = sample();
    let mut cleared = sample();
    cleared.clear_all(NOW + 10_000);
    assert_eq!(cleared.records_oldest_first().len(), 0);
    assert!(cleared.progress.items.is_empty());
    let mut merged = stale.clone();
    merged.merge(&cleared);
    assert_eq!(merged.records_oldest_first().len(), 0, "the stale tab's records are gone");
    assert!(merged.attempts_oldest_first().is_empty() && merged.best_for(&ModeKey::Quick).is_none());
    assert!(merged.drafts.get("a1").is_none());
    // What the stale tab does after the clear is kept.
    merged.record_answer("q9", true, NOW + 20_000, TODAY, &Scheduler::default());
    cleared.merge(&merged);
    assert_eq!(cleared.progress.items.keys().collect::<Vec<_>>(), vec!["q9"]);
}

#[test]
fn a_deleted_record_stays_deleted_and_undo_brings_it_back() {
    let mut s = sample();
    let old = s.clone();
    let removed = s.delete_record("r1", NOW + 5000).unwrap();
    s.merge(&old);
    assert!(s.records.get("r1").is_none(), "an older copy does not bring it back");
    s.save_record("r1", removed, None, NOW + 6000);
    assert!(s.records.get("r1").is_some());
}

#[test]
fn the_debrief_counts_each_learner_once_and_clearing_can_be_undone() {
    let spec = QuizSpec { topics: vec![], count: 2, seed: 7, assessment: false, pass_mark: 80, title: None, refresh_months: None };
    let result = |token: &str| QuizResult { spec: spec.clone(), correct: 1, missed: vec![0], token: token.into(), name: None };
    let mut s = Store::default();
    assert_eq!(s.add_result(result("aaaaaaaa"), NOW), Added::New);
    assert_eq!(s.add_result(result("aaaaaaaa"), NOW + 1), Added::AlreadyCounted);
    assert_eq!(s.add_result(result("bbbbbbbb"), NOW + 2), Added::New);
    assert_eq!(s.tally().results.len(), 2);
    let removed = s.clear_debrief(&spec.id(), NOW + 3);
    assert_eq!((removed.len(), s.tally().results.len()), (2, 0));
    s.restore_results(removed, NOW + 4);
    assert_eq!(s.tally().results.len(), 2);
}

#[test]
fn replacing_with_a_backup_wins_over_every_tab() {
    let mut here = sample();
    let stale = here.clone();
    let mut backup = Store::default();
    backup.save_record("rz", record(NOW - 99_000), None, NOW - 99_000);
    here.replace_with(&backup, NOW + 50_000);
    here.merge(&stale);
    let ids: Vec<&str> = here.records_oldest_first().iter().map(|r| r.0).collect();
    assert_eq!(ids, vec!["rz"]);
}

#[test]
fn changes_after_a_clear_made_with_a_fast_clock_are_kept() {
    let mut s = sample();
    s.clear_all(NOW + 3_600_000); // the clock was an hour fast
    let now = s.stamp(NOW + 10_000); // then put right
    s.save_record("r9", record(now), None, now);
    s.record_answer("q5", true, now, TODAY, &Scheduler::default());
    s.merge(&sample());
    assert!(s.records.get("r9").is_some());
    assert!(s.progress.items.contains_key("q5"));
}

#[test]
fn time_spent_counts_the_gaps_between_changes_up_to_five_minutes_each() {
    let quiz = |at: u64| SavedQuiz { started_at_ms: at, ..in_progress(QuizKind::Quick) };
    let mut store = Store::default();
    store.save_quiz("q", quiz(NOW), NOW);
    store.save_quiz("q", quiz(NOW), NOW + 60_000); // a minute on the first question
    store.save_quiz("q", quiz(NOW), NOW + 60_000 + 2 * 3_600_000); // left for two hours: counts as five minutes
    assert_eq!(store.quizzes.get("q").map(|q| q.active_ms), Some(60_000 + 300_000));
    store.finish_quiz("q", attempt(7, NOW + 2 * 3_600_000 + 90_000), NOW + 2 * 3_600_000 + 90_000, TODAY);
    assert_eq!(store.attempts.get("q").and_then(|a| a.active_ms), Some(390_000), "and 30 s to finish");
    // It is kept through a save and a reload, and read as absent from older data.
    let back = Store::decode(&store.encode()).unwrap();
    assert_eq!(back.attempts.get("q").and_then(|a| a.active_ms), Some(390_000));
    let old = store.encode().replace(",\"active\":390000", "");
    assert_eq!(Store::decode(&old).unwrap().attempts.get("q").and_then(|a| a.active_ms), None);
}

#[test]
fn a_result_from_this_device_is_known_as_its_own() {
    let mut store = Store::default();
    let spec = crate::quiz::links::link::QuizSpec {
        topics: vec![],
        count: 5,
        seed: 3,
        assessment: false,
        pass_mark: 80,
        title: None,
        refresh_months: None,
    };
    store.attempts.put("mine", FinishedAttempt { kind: QuizKind::Trainer(spec.clone()), ..attempt(4, NOW) }, NOW);
    let result = |token: &str| QuizResult { spec: spec.clone(), correct: 4, missed: vec![1], token: token.into(), name: None };
    assert_eq!(store.own_attempt_of(&result("0123abcd")), Some("mine"));
    assert_eq!(store.own_attempt_of(&result("99999999")), None, "another learner's");
}

#[test]
fn the_record_draft_starts_from_what_was_typed_then_the_record_then_the_last_role() {
    let mut store = Store::default();
    store.save_record("old", Record { role: Some("Teacher".into()), ..record(NOW) }, None, NOW);
    assert_eq!(store.draft_for("new").role, "Teacher");
    assert_eq!(store.draft_for("old").name, "Sam", "a saved record's own words");
    store.save_draft("new", RecordDraft { name: "Ali".into(), ..RecordDraft::default() }, NOW);
    assert_eq!((store.draft_for("new").name.as_str(), store.draft_for("new").role.as_str()), ("Ali", ""));
}

#[test]
fn records_travel_in_a_backup_and_merge_with_the_records_already_here() {
    let mut here = Store::default();
    here.save_record("a", Record { role: Some("Health visitor".into()), ..record(NOW) }, None, NOW);
    let mut there = Store::default();
    there.save_record("b", Record { organisation: Some("Leeds".into()), time_spent_ms: Some(600_000), ..record(NOW + 5) }, None, NOW + 5);
    let file = crate::quiz::saved::backup::export(&there, NOW + 10);
    let imported = crate::quiz::saved::backup::import(&file, |_| true, NOW + 20, TODAY).unwrap().0;
    here.merge_backup(&imported);
    let ids: Vec<&str> = here.records_oldest_first().into_iter().map(|(id, _)| id).collect();
    assert_eq!(ids, vec!["a", "b"]);
    assert_eq!(here.records.get("b").and_then(|r| r.time_spent_ms), Some(600_000));
    assert_eq!(here.records.get("b").and_then(|r| r.organisation.clone()).as_deref(), Some("Leeds"));
    assert_eq!(here.records.get("a").and_then(|r| r.role.clone()).as_deref(), Some("Health visitor"));
}

#[test]
fn a_backup_merged_after_a_clear_still_counts() {
    let backup = sample();
    let mut here = sample();
    here.clear_all(NOW + 100_000);
    here.merge_backup(&backup);
    assert_eq!(here.records_oldest_first().len(), 1);
    assert_eq!(here.progress.items["q1"].reviews().len(), 1, "the answer comes back with it");
    assert!(here.progress.items["q1"].at() > here.cleared_at, "stamped after the clear, so it stays");
    let mut replaced = sample();
    replaced.clear_all(NOW + 100_000);
    replaced.replace_with(&backup, NOW + 200_000);
    let days_and_answers = |s: &Store| s.progress.items["q1"].reviews().iter().map(|r| (r.day, r.right)).collect::<Vec<_>>();
    assert_eq!(days_and_answers(&replaced), days_and_answers(&backup), "its reviews, on their days");
    assert_eq!(replaced.progress.items["q1"].memory(), backup.progress.items["q1"].memory());
    assert_eq!(replaced.progress.mistakes(), backup.progress.mistakes());
}

#[test]
fn version_1_progress_is_migrated() {
    let v1 = r#"{"schema_version":1,"last":{"correct":6,"total":10,"finished_at_ms":2000},"best":{"correct":9,"total":10,"finished_at_ms":1000}}"#;
    let s = Store::decode(v1).unwrap();
    assert_eq!(s.attempts_oldest_first().len(), 1);
    assert_eq!(s.last_attempt().unwrap().1.score, Score { correct: 6, total: 10 });
    assert_eq!(s.best_for(&ModeKey::Quick).map(|b| (b.correct, b.finished_at_ms)), Some((9, 1000)));
    assert_eq!(s.last_for(&ModeKey::Quick).map(|b| (b.correct, b.finished_at_ms)), Some((6, 2000)));
    assert!(Store::decode(r#"{"schema_version":1,"last":null,"best":null}"#).is_ok());
    let with_extra = r#"{"schema_version":1,"last":null,"best":null,"extra":1}"#;
    assert!(matches!(Store::decode(with_extra), Err(StoreError::Corrupt(_))));
}

#[test]
fn version_2_progress_is_migrated() {
    let v2 = r#"{"schema_version":2,"attempts":[{"at":1764000200000,"mode":"topic","topic":"principle-3","correct":7,"total":10}],
            "best":{"at":1764000200000,"mode":"topic","topic":"principle-3","correct":7,"total":10},
            "items":{"q1":{"s":3173,"d":5000,"last":20418,"due":20421,"n":1,"lapses":0,"right":1,"wrong":0,"log":[[29400000,1]]}},
            "days":[20417,20418]}"#;
    let s = Store::decode(v2).unwrap();
    let (id, a) = s.last_attempt().unwrap();
    assert_eq!((&a.kind, a.score.correct), (&QuizKind::Topic("principle-3".into()), 7));
    assert_eq!(s.best_for(&ModeKey::Topic("principle-3".into())).unwrap().id, id, "the migrated best points at its attempt");
    assert!(!s.is_new_best(id), "its own archived best is not an earlier score");
    assert_eq!(s.progress.items["q1"].at(), 29_400_000 * 60_000, "an item's time comes from its log");
    assert_eq!(s.progress.streak(20_418), 2);
    for (from, to) in
        [("\"days\":[20417,20418]", "\"days\":[20418,20418]"), ("\"correct\":7,\"total\":10}],", "\"correct\":11,\"total\":10}],")]
    {
        assert!(matches!(Store::decode(&v2.replacen(from, to, 1)), Err(StoreError::Corrupt(_))), "{to}");
    }
}

#[test]
fn legacy_keys_are_taken_in() {
    let mut s = Store::default();
    let quiz = r#"{"version":2,"mode":"quick","topic":null,"link":null,"items":[{"id":"q1","order":[1,0],"response":null}],"position":0,"answered":false}"#;
    let records = crate::quiz::learner::record::encode(&[record(NOW)]);
    let legacy = || LegacyData { quiz: Some(quiz), records: Some(&records), debrief: Some("{") };
    let unreadable = s.take_in_legacy(legacy(), NOW);
    assert_eq!(unreadable, vec!["debrief"]);
    assert_eq!(s.quizzes_in_progress().len(), 1);
    assert_eq!(s.quizzes_in_progress()[0].1.title, "Quick check");
    assert_eq!(s.records_oldest_first().len(), 1);
    // An old tab writing the same keys again adds no copies.
    s.take_in_legacy(legacy(), NOW + 1000);
    assert_eq!((s.quizzes_in_progress().len(), s.records_oldest_first().len()), (1, 1));
}

#[test]
fn junk_newer_and_oversized_text_is_reported() {
    for text in ["{", "null", "[]", "42", "\"x\"", "", "{}", r#"{"schema_version":"3"}"#, r#"{"schema_version":0}"#] {
        assert!(matches!(Store::decode(text), Err(StoreError::Corrupt(_))), "{text}");
    }
    assert_eq!(Store::decode(r#"{"schema_version":8,"anything":true}"#), Err(StoreError::FromNewerVersion(8)));
    // Version 3 (before times kept their offset) is read as it is.
    let mut s = Store::default();
    s.finish_quiz("a", FinishedAttempt { offset_minutes: None, ..attempt(7, NOW) }, NOW, TODAY);
    let v3 = s.encode().replace("\"schema_version\":7", "\"schema_version\":3");
    let back = Store::decode(&v3).unwrap();
    assert_eq!((back.schema_version, back.attempts.get("a").map(|a| a.offset_minutes)), (SCHEMA_VERSION, Some(None)));
    assert_eq!(
        Store::decode(&s.encode().replace("\"schema_version\":7", "\"schema_version\":0")),
        Err(StoreError::Corrupt("unknown schema_version"))
    );
    assert!(matches!(Store::decode(&" ".repeat(MAX_STORED_BYTES + 1)), Err(StoreError::Corrupt(_))));
    let good = sample().encode();
    let extra = good.replacen("\"cleared_at\"", "\"extra\":1,\"cleared_at\"", 1);
    assert!(matches!(Store::decode(&extra), Err(StoreError::Corrupt(_))), "unknown fields are refused");
}

/// 160,000 keys in 2 MB: read (or refused) in linear time.
#[test]
fn a_two_megabyte_file_of_160000_keys_is_read_quickly() {
    let mut text =
        String::from("{\"schema_version\":3,\"cleared_at\":0,\"progress\":{\"items\":{},\"days\":{},\"best\":null},\"attempts\":[");
    for n in 0..160_000 {
        text.push_str(&format!("{{\"id\":\"{n:x}\",\"at\":1}},"));
    }
    text.pop();
    text.push_str("]}");
    assert!(text.len() > 2_000_000, "{}", text.len());
    let started = std::time::Instant::now();
    let result = Store::decode(&text);
    let took = started.elapsed();
    assert!(result.is_err());
    assert!(took.as_secs_f64() < 1.0, "took {took:?}");
}

#[test]
fn this_very_quiz_in_progress_and_its_latest_attempt_are_found_by_its_kind() {
    let mut store = finished(vec![scored(trainer(1), 3, 10, NOW), scored(trainer(2), 5, 10, NOW), scored(trainer(1), 8, 10, NOW)]);
    assert_eq!(store.latest_attempt_of(&trainer(1)).map(|(id, a)| (id, a.score.correct)), Some(("a2", 8)), "the latest, not the first");
    assert_eq!(store.latest_attempt_of(&trainer(2)).map(|(id, _)| id), Some("a1"));
    assert!(store.latest_attempt_of(&trainer(3)).is_none() && store.latest_attempt_of(&topic("p1")).is_none());
    store.save_quiz("t1", in_progress(trainer(1)), NOW + 600_000);
    store.save_quiz("p1", in_progress(topic("principle-1")), NOW + 660_000);
    assert_eq!(store.quiz_in_progress_of(&trainer(1)).map(|(id, _)| id), Some("t1"));
    assert_eq!(store.quiz_in_progress_of(&topic("principle-1")).map(|(id, _)| id), Some("p1"));
    assert!(store.quiz_in_progress_of(&trainer(2)).is_none() && store.quiz_in_progress_of(&topic("principle-2")).is_none());
}
