use super::*;

const TODAY: i64 = 20_418; // 2025-11-26
const NOW: u64 = 1_764_115_200_000;

fn score(correct: u32, total: u32, at: u64) -> ScoreRecord {
    ScoreRecord { id: format!("a{at}"), finished_at_ms: at, offset_minutes: None, mode: Mode::Quick, topic: None, correct, total }
}

fn sample() -> Progress {
    let scheduler = Scheduler::default();
    let mut p = Progress::default();
    p.record_answer("q1", true, NOW, TODAY, &scheduler);
    p.record_answer("q2", false, NOW + 60_000, TODAY, &scheduler);
    p.record_answer("flip-aims-0", true, NOW + 120_000, TODAY, &scheduler);
    p.archive_score(ModeKey::Quick, NOW + 200_000, score(7, 10, NOW + 200_000));
    p.mark_day(TODAY, NOW + 200_000);
    p
}

fn of(mode: Mode, topic: Option<&str>, correct: u32, at: u64) -> ScoreRecord {
    ScoreRecord { mode, topic: topic.map(str::to_owned), ..score(correct, 10, at) }
}

#[test]
fn the_archive_keeps_the_best_and_the_last_of_each_mode_key() {
    let mut p = Progress::default();
    let best_last = |p: &Progress, key: &ModeKey| (p.archive.best(key).map(|s| s.correct), p.archive.last(key).map(|s| s.correct));
    p.archive_score(ModeKey::Quick, 1000, score(8, 10, 1000));
    p.archive_score(ModeKey::Quick, 2000, score(5, 10, 2000));
    assert_eq!(best_last(&p, &ModeKey::Quick), (Some(8), Some(5)));
    p.archive_score(ModeKey::Quick, 3000, score(6, 10, 3000));
    assert_eq!(p.archive.of_key(&ModeKey::Quick).len(), 2, "the 5/10 is beaten by a later score: not needed");
    p.archive_score(ModeKey::Quick, 4000, score(9, 10, 4000));
    assert_eq!(p.archive.of_key(&ModeKey::Quick).len(), 1, "a later 9/10 is both the best and the last");
    p.archive_score(ModeKey::Quick, 5000, score(18, 20, 5000));
    assert_eq!(p.archive.best(&ModeKey::Quick).unwrap().finished_at_ms, 5000, "of equal scores, the latest");
    // Each topic, and each mode, on its own.
    p.archive_score(ModeKey::Topic("p3".into()), 4000, of(Mode::Topic, Some("p3"), 10, 4000));
    p.archive_score(ModeKey::Topic("p4".into()), 5000, of(Mode::Topic, Some("p4"), 2, 5000));
    p.archive_score(ModeKey::Mistakes, 6000, of(Mode::Mistakes, None, 10, 6000));
    assert_eq!(best_last(&p, &ModeKey::Quick), (Some(18), Some(18)), "a topic's 10/10 is not the quick best");
    assert_eq!(best_last(&p, &ModeKey::Topic("p4".into())), (Some(2), Some(2)));
    assert_eq!(best_last(&p, &ModeKey::Mistakes), (Some(10), Some(10)), "kept for its last score");
    assert_eq!(best_last(&p, &ModeKey::Review), (None, None));
    assert!(p.is_sane());
    // A clear forgets the best, and the best of what came after it is still there.
    let mut q = Progress::default();
    q.archive_score(ModeKey::Quick, 1000, score(9, 10, 1000));
    q.archive_score(ModeKey::Quick, 2000, score(6, 10, 2000));
    q.archive_score(ModeKey::Quick, 3000, score(4, 10, 3000));
    q.forget_until(1000);
    assert_eq!(best_last(&q, &ModeKey::Quick), (Some(6), Some(4)));
}

#[test]
fn merging_archives_in_any_order_gives_the_same() {
    let copies: Vec<Progress> = (0..4u64)
        .map(|n| {
            let mut p = Progress::default();
            for k in 0..6u64 {
                let at = 1000 * (k * 4 + n);
                p.archive_score(ModeKey::Quick, at, score(((k * 7 + n * 3) % 5) as u32, 4, at));
                p.archive_score(ModeKey::Assessment, at, ScoreRecord { mode: Mode::Assessment, ..score(((k + n) % 3) as u32 * 2, 4, at) });
            }
            p.forget_until(n * 3000);
            p
        })
        .collect();
    let merge = |order: &[usize]| {
        let mut out = Progress::default();
        for &n in order {
            out.merge(&copies[n]);
        }
        out
    };
    let one = merge(&[0, 1, 2, 3]);
    assert_eq!(merge(&[3, 1, 0, 2]), one);
    assert_eq!(merge(&[2, 3, 1, 0, 2, 1]), one);
    assert!(one.is_sane());
    let mut split = merge(&[0, 1]);
    split.merge(&merge(&[2, 3]));
    assert_eq!(split, one);
    let mut forgotten = one.clone();
    forgotten.forget_until(9000);
    let mut then_merged = Progress::default();
    for copy in &copies {
        let mut copy = copy.clone();
        copy.forget_until(9000);
        then_merged.merge(&copy);
    }
    assert_eq!(then_merged, forgotten, "forgetting before or after merging gives the same");
}

#[test]
fn mode_keys_are_stored_as_text() {
    let keys = [ModeKey::Quick, ModeKey::Assessment, ModeKey::Topic("principle-3".into()), ModeKey::Trainer("0a1b2c3d".into())];
    for key in keys.into_iter().chain([ModeKey::Mistakes, ModeKey::Review, ModeKey::Topic(String::new())]) {
        let text = serde_json::to_string(&key).unwrap();
        assert_eq!(serde_json::from_str::<ModeKey>(&text).unwrap(), key, "{text}");
    }
    assert_eq!(serde_json::to_string(&ModeKey::Topic("principle-3".into())).unwrap(), r#""topic:principle-3""#);
    for bad in [r#""Quick""#, r#""topic""#, r#""other:x""#, "3"] {
        assert!(serde_json::from_str::<ModeKey>(bad).is_err(), "{bad}");
    }
    let trainer = QuizKind::Trainer(crate::quiz::links::link::QuizSpec {
        topics: vec![],
        count: 5,
        seed: 7,
        assessment: true,
        pass_mark: 80,
        title: None,
        refresh_months: None,
    });
    let key = ModeKey::of(&trainer);
    assert_eq!(key, ModeKey::Trainer(trainer.link().unwrap().id()));
    assert!(key.is_of(&trainer) && !ModeKey::Trainer("00000000".into()).is_of(&trainer));
    let topic = QuizKind::Topic("p3".into());
    assert!(ModeKey::Topic("p3".into()).is_of(&topic) && !ModeKey::Topic("p4".into()).is_of(&topic));
    assert!(ModeKey::Quick.is_of(&QuizKind::Quick) && !ModeKey::Quick.is_of(&topic));
}

#[test]
fn version_3s_one_best_score_is_read_as_the_best_of_its_mode_key() {
    let text = |best: &str| format!(r#"{{"items":{{}},"days":{{}},"best":{best}}}"#);
    let read = |best: &str| serde_json::from_str::<Progress>(&text(best));
    let topic = read(r#"{"id":"a1","at":5000,"mode":"topic","topic":"p3","correct":7,"total":10}"#).unwrap();
    let entry = &topic.archive.of_key(&ModeKey::Topic("p3".into()))[0];
    assert_eq!((entry.at, entry.score.correct, entry.score.id.as_str()), (5000, 7, "a1"));
    assert_eq!(topic.archive.entries().len(), 1);
    assert!(topic.is_sane());
    // Written back in the same shape, as it reads back exactly.
    let text = serde_json::to_string(&topic).unwrap();
    assert!(text.ends_with(r#""best":{"id":"a1","at":5000,"mode":"topic","topic":"p3","correct":7,"total":10}}"#), "{text}");
    assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), topic);
    // Anything more is written as a list, which reads back the same.
    let mut more = topic.clone();
    more.archive_score(ModeKey::Quick, 6000, score(5, 10, 6000));
    let mut later = topic.clone();
    later.archive_score(ModeKey::Topic("p3".into()), 6000, of(Mode::Topic, Some("p3"), 5, 6000));
    let mut mistakes = Progress::default();
    mistakes.archive_score(ModeKey::Mistakes, 6000, of(Mode::Mistakes, None, 2, 6000));
    for p in [more, later, mistakes] {
        let text = serde_json::to_string(&p).unwrap();
        assert!(text.contains(r#""best":[{"key":"#), "{text}");
        assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), p);
    }
    // No best, and bests that no longer count or cannot be keyed, leave nothing.
    for best in [
        "null",
        "[]",
        r#"{"id":"a1","at":5000,"mode":"mistakes","topic":null,"correct":3,"total":3}"#,
        r#"{"id":"a1","at":5000,"mode":"review","topic":null,"correct":3,"total":3}"#,
        r#"{"id":"a1","at":5000,"mode":"trainer","topic":null,"correct":3,"total":3}"#,
    ] {
        assert_eq!(read(best).unwrap().archive, Archive::default(), "{best}");
    }
    // An empty archive is written as version 3 wrote "no best", so an older tab can still read it.
    assert!(serde_json::to_string(&Progress::default()).unwrap().ends_with(r#""best":null}"#));
    // Still strict: unknown fields are refused, in either shape.
    assert!(read(r#"{"id":"a1","at":5000,"mode":"quick","topic":null,"correct":3,"total":3,"x":1}"#).is_err());
    let quick = r#"{"id":"a","at":1,"mode":"quick","topic":null,"correct":3,"total":3}"#;
    assert!(read(&format!(r#"[{{"key":"quick","at":1,"score":{quick}}}]"#)).is_ok());
    assert!(read(&format!(r#"[{{"key":"quick","at":1,"score":{quick},"x":1}}]"#)).is_err());
    assert!(read(&format!(r#"{{"quick":{{"key":"quick","at":1,"score":{quick}}}}}"#)).is_err());
}

#[test]
fn an_impossible_archive_is_not_sane() {
    let entry = |key: &str, at: u64, score: &str| format!(r#"{{"key":"{key}","at":{at},"score":{score}}}"#);
    let quick = |correct: u32| format!(r#"{{"id":"a","at":1,"mode":"quick","topic":null,"correct":{correct},"total":3}}"#);
    let mistakes = r#"{"id":"a","at":1,"mode":"mistakes","topic":null,"correct":3,"total":3}"#;
    let sane = |entries: &[String]| {
        let text = format!(r#"{{"items":{{}},"days":{{}},"best":[{}]}}"#, entries.join(","));
        serde_json::from_str::<Progress>(&text).unwrap().is_sane()
    };
    assert!(sane(&[entry("quick", 1, &quick(3)), entry("quick", 2, &quick(2)), entry("mistakes", 1, mistakes)]));
    assert!(!sane(&[entry("mistakes", 1, mistakes), entry("quick", 1, &quick(3))]), "keys out of order");
    assert!(!sane(&[entry("quick", 2, &quick(2)), entry("quick", 1, &quick(3))]), "times out of order");
    assert!(!sane(&[entry("quick", 1, &quick(2)), entry("quick", 2, &quick(3))]), "a later better score makes the first needless");
    assert!(!sane(&[entry("quick", 1, &quick(3)), entry("quick", 1, &quick(2))]), "two at one time");
    assert!(!sane(&[entry("assessment", 1, &quick(3))]), "a score of another mode");
    assert!(!sane(&[entry("quick", 1, &quick(4))]), "more right than asked");
    let topic = r#"{"id":"a","at":1,"mode":"topic","topic":"p3","correct":3,"total":3}"#;
    assert!(sane(&[entry("topic:p3", 1, topic)]));
    assert!(!sane(&[entry("topic:p4", 1, topic)]), "a score of another topic");
}

#[test]
fn serde_round_trip_is_exact() {
    let p = sample();
    let text = serde_json::to_string(&p).unwrap();
    let back: Progress = serde_json::from_str(&text).unwrap();
    assert_eq!(back, p, "memory is kept in thousandths, so a reload reads exactly what was saved");
}

#[test]
fn insane_items_are_refused() {
    let good = serde_json::to_string(&sample()).unwrap();
    for (from, to) in [("\"lapses\":0", "\"lapses\":-1"), ("\"right\":1", "\"right\":\"1\""), ("\"n\":1", "\"n\":1,\"x\":1")] {
        assert!(good.contains(from), "{from}");
        assert!(serde_json::from_str::<Progress>(&good.replacen(from, to, 1)).is_err(), "{to}");
    }
}

#[test]
fn mastery_fades_gradually_as_items_come_due_and_never_drops_to_zero() {
    let p = sample();
    let q1 = &p.items["q1"];
    assert_eq!(q1.last_answer_right(), Some(true));
    let due = q1.memory.due_day;
    assert_eq!(p.mastery(["q1"], TODAY), 100, "answered right today");
    let on_due_day = p.mastery(["q1"], due);
    assert!((88..=92).contains(&on_due_day), "about 90% the day it falls due, not 0: {on_due_day}");
    let mut last = 100;
    for day in TODAY..TODAY + 400 {
        let now = p.mastery(["q1"], day);
        assert!(now <= last, "never rises without practice (day {day}: {now} after {last})");
        assert!(last - now <= 10, "fades gradually, not in a step (day {day}: {last} to {now})");
        assert!(now > 0, "never reaches 0 (day {day})");
        last = now;
    }
    assert!(p.mastery(["q1"], TODAY + 30) < on_due_day, "30 days on it has faded");
    assert!(p.mastery(["q1"], TODAY + 30) >= 40, "but a topic does not read 0% after 30 days");
    assert_eq!(p.mastery(["q2"], TODAY), 0, "last answered wrong");
    assert_eq!(p.mastery(["unseen"], TODAY), 0);
    assert_eq!(p.mastery([], TODAY), 0, "no items");
    assert_eq!(p.mastery(["q1"], TODAY - 5), 100, "a clock put back does not raise it over 100");
}

#[test]
fn due_mistakes_mastery_and_streaks() {
    let p = sample();
    assert_eq!(p.mistakes(), vec!["q2"]);
    assert!(p.due(TODAY).is_empty(), "nothing is due the day it was answered");
    let q2_due = p.items["q2"].memory.due_day;
    assert_eq!(p.due(q2_due), vec!["q2"]);
    assert_eq!(p.mastery(["q1", "q2", "q3"], TODAY), 33, "q1 right today (100%), q2 wrong and q3 unseen (0%)");
    assert_eq!(p.streak(TODAY), 1);
    assert_eq!(p.streak(TODAY + 1), 1, "yesterday's practice still counts until today ends");
    assert_eq!(p.streak(TODAY + 2), 0);
    let mut q = Progress::default();
    for day in [TODAY - 3, TODAY - 2, TODAY - 1, TODAY] {
        q.mark_day(day, NOW);
    }
    assert_eq!(q.streak(TODAY), 4);
    // Flown west (or the clock put back): today's practice is "tomorrow" here.
    assert_eq!(q.streak(TODAY - 1), 3, "the days after today count as today");
    let mut london = Progress::default();
    london.mark_day(TODAY, NOW);
    assert_eq!(london.streak(TODAY - 1), 1, "practised in London at 00:30, opened in New York an hour later");
    london.mark_day(TODAY - 1, NOW + 3_600_000);
    assert_eq!(london.streak(TODAY - 1), 1, "practising again in New York is still one day here");
    assert_eq!(london.streak(TODAY), 2);
}

#[test]
fn merging_loses_nothing_and_counts_nothing_twice() {
    let scheduler = Scheduler::default();
    let mut a = sample();
    let mut b = sample();
    b.record_answer("q1", false, NOW + 86_400_000, TODAY + 1, &scheduler);
    b.archive_score(ModeKey::Quick, NOW + 86_500_000, score(10, 10, NOW + 86_500_000));
    b.archive_score(ModeKey::Review, NOW + 86_600_000, of(Mode::Review, None, 1, NOW + 86_600_000));
    a.merge(&b);
    assert_eq!(a.archive.best(&ModeKey::Quick).unwrap().correct, 10);
    assert!(a.archive.last(&ModeKey::Review).is_some(), "keys only one copy has are taken in");
    assert_eq!(a.items["q1"].reviews().len(), 2, "both answers to q1, once each");
    assert_eq!(a.items["q1"].memory.last_review_day, TODAY + 1, "the later state wins");
    assert_eq!(a.days.keys().copied().collect::<Vec<_>>(), vec![TODAY, TODAY + 1]);
    let before = a.clone();
    a.merge(&b);
    assert_eq!(a, before, "merging again changes nothing");
}

#[test]
fn forgetting_drops_what_came_before_the_clear() {
    let mut p = sample();
    p.forget_until(NOW + 300_000);
    assert_eq!(p, Progress::default());
    let mut q = sample();
    q.record_answer("q3", true, NOW + 600_000, TODAY, &Scheduler::default());
    q.forget_until(NOW + 300_000);
    assert_eq!(q.items.keys().collect::<Vec<_>>(), vec!["q3"]);
    assert!(q.archive.entries().is_empty());
}

/// 10,000 answers over two years, spread over every question and flip card.
#[test]
fn ten_thousand_answers_stay_small() {
    let scheduler = Scheduler::default();
    let mut p = Progress::default();
    let mut rng = crate::quiz::rng::SeededRng::new(1);
    for n in 0..10_000u64 {
        let item = if n % 4 == 0 { flip_item_id("principle-3", rng.below(72)) } else { format!("q{}", rng.below(168)) };
        let day = TODAY + (n / 14) as i64;
        p.record_answer(&item, rng.below(4) != 0, day as u64 * 86_400_000 + n, day, &scheduler);
    }
    // Every answer is kept with its time and day: about 28 bytes each
    // (278,575 bytes measured), of the 5 MB local storage holds.
    let size = serde_json::to_string(&p).unwrap().len();
    assert!(size <= 300 * 1024, "{size} bytes");
    assert!(p.items.values().all(|r| r.reviews().len() <= REVIEWS_KEPT));
    assert_eq!(p.items.values().map(|r| r.reviews().len()).sum::<usize>(), 10_000, "every answer is kept");
    assert_eq!(p.items.values().map(|r| (r.right + r.wrong) as u64).sum::<u64>(), 10_000, "totals keep every answer");
}

/// A heavy user: 150 questions answered 30 times each, a day apart; and
/// the most an item can hold, every question and flip card at the cap.
#[test]
fn a_heavy_users_history_and_the_most_it_can_grow_to_fit_local_storage() {
    let scheduler = Scheduler::default();
    let size = |answers: u64, items: u64| {
        let mut p = Progress::default();
        for n in 0..answers {
            let day = TODAY + (n / items) as i64;
            p.record_answer(&format!("q{}", n % items), n % 5 != 0, day as u64 * 86_400_000 + n * 1000, day, &scheduler);
        }
        serde_json::to_string(&p).unwrap().len()
    };
    let heavy = size(150 * 30, 150);
    // Measured: 126,432 bytes, about 28 bytes an answer.
    assert!(heavy <= 140 * 1024, "150 questions × 30 answers: {heavy} bytes");
    // 240 items (168 questions and 72 flip cards) at REVIEWS_KEPT each.
    let most = size(240 * (REVIEWS_KEPT as u64 + 20), 240);
    // Measured: 1,245,802 bytes, a quarter of local storage.
    assert!(most <= 1_400_000, "every item at the cap: {most} bytes");
}
