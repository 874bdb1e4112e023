//! Merging keeps history (#31): two devices' copies of a question's answers
//! merge into the union of their reviews, in time order, and its schedule is
//! a replay of them from the newer base (what version 5 stored, standing for
//! the answers before reviews were kept). So merging is commutative,
//! associative and idempotent and loses no review, whatever time zones the
//! devices were in and whichever of them had progress from version 5; "Clear
//! my data" still forgets every answer before it, a backup from a device
//! with a fast clock keeps every answer, a backup taken in after a clear
//! (Replace) still counts each answer once when merged back, and an item
//! stored by version 5 still loads, writes back as it was, and merges.

use proptest::prelude::*;
use quiz::learner::progress::{Base, ItemRecord, Progress, Review, REVIEWS_KEPT};
use quiz::learner::schedule::{Memory, Scheduler};
use quiz::saved::backup;
use quiz::saved::store::Store;
use quiz::text::calendar::local_day;
use serde_json::Value;

const START: u64 = 1_795_669_200_000; // 2026-11-26
const DAY_MS: u64 = 86_400_000;
/// Questions the histories answer: few, so devices answer the same ones.
const ITEMS: u8 = 3;

/// Answers in time order: (ms since the one before, question, right?).
type Answers = Vec<(u64, u8, bool)>;

fn answers(most: usize) -> impl Strategy<Value = Answers> {
    prop::collection::vec((1u64..3 * DAY_MS, 0..ITEMS, any::<bool>()), 0..most)
}

/// One device: its own answers after the shared ones and before a pause
/// (in which, in a history from version 5, it was updated), its answers
/// since, and its time zone.
#[derive(Debug, Clone)]
struct Device {
    before: Answers,
    after: Answers,
    offset_minutes: i64,
}

fn device() -> impl Strategy<Value = Device> {
    (answers(6), answers(10), prop::sample::select(vec![-480i64, -300, 0, 60, 330, 600, 780]))
        .prop_map(|(before, after, offset_minutes)| Device { before, after, offset_minutes })
}

/// Plays answers onto a copy of `progress` from `from` (ms), in a time zone
/// `offset_minutes` east of UTC; returns the copy and the last time.
fn play(progress: &Progress, from: u64, offset_minutes: i64, answers: &[(u64, u8, bool)]) -> (Progress, u64) {
    let mut p = progress.clone();
    let mut now = from;
    for &(gap, item, right) in answers {
        now += gap;
        p.record_answer(&format!("q{item}"), right, now, local_day(now, offset_minutes), &Scheduler::default());
    }
    (p, now)
}

/// `p` as version 5 stored it, read back: each item its memory and totals,
/// its last 10 answers as `[minute, 1 or 0]` without days. Each item comes
/// back as a base.
fn as_version_5(p: &Progress) -> Progress {
    let mut json = serde_json::to_value(p).unwrap();
    for item in json["items"].as_object_mut().unwrap().values_mut() {
        let item = item.as_object_mut().unwrap();
        assert!(item.get("base").is_none(), "played fresh, so no base");
        let log: Vec<Value> =
            item["log"].as_array().unwrap().iter().map(|e| serde_json::json!([e[0].as_u64().unwrap() / 60_000, e[1]])).collect();
        let kept = log.len().saturating_sub(10);
        item.insert("log".into(), Value::Array(log[kept..].to_vec()));
    }
    serde_json::from_value(json).unwrap()
}

/// A device's copy: the shared history, then its own answers (see
/// [`Device`]). With `version_5`, everything before the pause was stored by
/// version 5 (the shared answers too), so each item's comes back as a base;
/// the answers after it are reviews.
fn copy_of(shared: &Progress, from: u64, d: &Device, version_5: bool) -> Progress {
    let (before, now) = play(shared, from, d.offset_minutes, &d.before);
    let before = if version_5 { as_version_5(&before) } else { before };
    play(&before, now + 20 * DAY_MS, d.offset_minutes, &d.after).0
}

/// Every review of `copies`' copies of item `id`, sorted, each once.
fn union_of(copies: &[&Progress], id: &str) -> Vec<Review> {
    let mut union: Vec<Review> = copies.iter().filter_map(|p| p.items.get(id)).flat_map(|i| i.reviews().iter().copied()).collect();
    union.sort();
    union.dedup();
    union
}

fn merged(a: &Progress, b: &Progress) -> Progress {
    let mut out = a.clone();
    out.merge(b);
    out
}

/// What the schedule must be: the reviews replayed in order with the default
/// scheduler from the base, each memory rounded to whole thousandths as
/// stored. Returns (memory, right, wrong, time of the latest answer).
fn replay(base: Option<&Base>, reviews: &[Review]) -> (Memory, u32, u32, u64) {
    let scheduler = Scheduler::default();
    let mut memory = base.map(|b| b.memory);
    let (mut right, mut wrong) = base.map_or((0, 0), |b| (b.right, b.wrong));
    for r in reviews {
        let mut m = scheduler.review(memory.as_ref(), r.day, r.right);
        m.stability = ((m.stability * 1000.0).round() / 1000.0).max(0.001);
        m.difficulty = ((m.difficulty * 1000.0).round() / 1000.0).clamp(1.0, 10.0);
        memory = Some(m);
        if r.right {
            right += 1;
        } else {
            wrong += 1;
        }
    }
    let at = reviews.last().map(|r| r.at).max(base.map(|b| b.at)).unwrap_or(0);
    (memory.expect("an item has a base or a review"), right, wrong, at)
}

/// Checks that `item` is what replaying its own base and reviews gives.
fn is_its_replay(item: &ItemRecord) -> Result<(), TestCaseError> {
    let (memory, right, wrong, at) = replay(item.base(), item.reviews());
    prop_assert_eq!(item.memory(), &memory);
    prop_assert_eq!((item.right(), item.wrong(), item.at()), (right, wrong, at));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn merging_items_is_commutative_associative_and_idempotent(
        shared in answers(8), d in prop::collection::vec(device(), 3), version_5 in any::<bool>(),
    ) {
        let (base, _) = play(&Progress::default(), START, 0, &shared);
        let from = START + 30 * DAY_MS;
        let copy = |n: usize| copy_of(&base, from + n as u64 * 7_000, &d[n], version_5);
        let (a, b, c) = (copy(0), copy(1), copy(2));
        prop_assert_eq!(merged(&a, &b), merged(&b, &a), "commutative");
        let abc = merged(&merged(&a, &b), &c);
        prop_assert_eq!(&abc, &merged(&a, &merged(&b, &c)), "associative");
        // And it is the union: each item holds every review of the three,
        // and counts exactly those and its base's.
        for (id, item) in &abc.items {
            let union = union_of(&[&a, &b, &c], id);
            prop_assert_eq!(item.reviews(), union.as_slice(), "{}", id);
            let base_answers = item.base().map_or(0, |b| b.right + b.wrong);
            prop_assert_eq!((item.right() + item.wrong() - base_answers) as usize, union.len(), "{}", id);
        }
        let ab = merged(&a, &b);
        prop_assert_eq!(merged(&ab, &ab), ab.clone(), "idempotent");
        prop_assert_eq!(merged(&ab, &b), ab.clone(), "taking in a part again changes nothing");
        let text = serde_json::to_string(&ab).unwrap();
        prop_assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), ab, "saved and read back exactly");
    }

    /// Every review of either copy after the newer base is in the merge, once,
    /// nothing else is, and the schedule, totals and time are a replay of them.
    #[test]
    fn a_merge_keeps_every_review_of_both_copies_and_replays_the_schedule_from_them(
        shared in answers(8), d in prop::collection::vec(device(), 2), version_5 in any::<bool>(),
    ) {
        let (base, _) = play(&Progress::default(), START, 0, &shared);
        let from = START + 30 * DAY_MS;
        let (a, b) = (copy_of(&base, from, &d[0], version_5), copy_of(&base, from + 7_000, &d[1], version_5));
        let ab = merged(&a, &b);
        for id in a.items.keys().chain(b.items.keys()) {
            let item = &ab.items[id];
            is_its_replay(item)?;
            let union = union_of(&[&a, &b], id);
            prop_assert_eq!(item.reviews(), union.as_slice(), "{}: every review of both, once", id);
            // The newer base of the two (from version 5; none folded here).
            let bases: Vec<&Base> = [&a, &b].iter().filter_map(|p| p.items.get(id)?.base()).collect();
            prop_assert_eq!(item.base().map(|b| b.at), bases.iter().map(|b| b.at).max());
            // Each review counted once, on top of the base's answers.
            let base_answers = item.base().map_or(0, |b| b.right + b.wrong);
            prop_assert_eq!((item.right() + item.wrong() - base_answers) as usize, item.reviews().len());
            prop_assert_eq!(item.memory().reviews as usize, item.base().map_or(0, |b| b.memory.reviews as usize) + item.reviews().len());
        }
    }

    /// "Clear my data" forgets every answer at or before it, even one that a
    /// device which never saw the clear brings in: of its answers, only those
    /// after the clear are kept, and the schedule and totals are a replay of
    /// the answers after the clear alone (the other device's and its own).
    #[test]
    fn clear_my_data_forgets_every_answer_before_it_even_through_a_merge(
        shared in answers(8), stale in device(), after in answers(10), since in answers(10),
    ) {
        let (base, _) = play(&Progress::default(), START, 0, &shared);
        let old = copy_of(&base, START + 30 * DAY_MS, &stale, false);
        let mut cleared = Store { progress: old.clone(), ..Store::default() };
        let clear_at = START + 200 * DAY_MS;
        cleared.clear_all(clear_at);
        let (later, _) = play(&cleared.progress, clear_at, 60, &after);
        // The stale device goes on answering after the clear, not knowing of it.
        let (unaware, _) = play(&old, clear_at + 5_000, stale.offset_minutes, &since);
        let mut here = Store { progress: later.clone(), ..cleared.clone() };
        here.merge(&Store { progress: old.clone(), ..Store::default() });
        prop_assert_eq!(&here.progress, &later, "a copy from before the clear adds nothing");
        here.merge(&Store { progress: unaware.clone(), ..Store::default() });
        for (id, item) in &here.progress.items {
            prop_assert!(item.base().is_none_or(|b| b.at > clear_at));
            prop_assert!(item.reviews().iter().all(|r| r.at > clear_at), "an answer from before the clear came back");
            let mut expected: Vec<Review> = [&later, &unaware].iter()
                .filter_map(|p| p.items.get(id))
                .flat_map(|i| i.reviews().iter().copied())
                .filter(|r| r.at > clear_at)
                .collect();
            expected.sort();
            prop_assert_eq!(item.reviews(), expected.as_slice(), "every answer after the clear, from both");
            prop_assert_eq!((item.right() + item.wrong()) as usize, expected.len(), "only those counted");
            prop_assert_eq!(item.memory(), &replay(None, &expected).0, "scheduled from those alone");
        }
        // Forgetting after a merge gives the same as forgetting before it.
        let mut both = merged(&unaware, &later);
        both.forget_until(clear_at);
        let mut each = unaware.clone();
        each.forget_until(clear_at);
        prop_assert_eq!(both, merged(&each, &later));
    }

    /// A backup from a device whose clock was days fast: its times are moved
    /// back to now and its days to today, and every answer is still there,
    /// in order, with the same intervals between them.
    #[test]
    fn a_backup_from_a_fast_clock_keeps_every_answer(d in device(), fast_days in 2u64..60, version_5 in any::<bool>()) {
        let from = START + fast_days * DAY_MS;
        let phone = Store { progress: copy_of(&Progress::default(), from, &d, version_5), ..Store::default() };
        let text = backup::export(&phone, phone.latest_ms());
        let now = START;
        let today = local_day(now, 0);
        let (imported, summary) = backup::import(&text, |_| true, now, today).unwrap();
        prop_assume!(!phone.progress.items.is_empty());
        prop_assert!(summary.clock_ahead_ms > 0);
        for (id, fast) in &phone.progress.items {
            let item = &imported.progress.items[id];
            prop_assert_eq!(item.reviews().len(), fast.reviews().len(), "{}: every answer", id);
            prop_assert!(item.reviews().windows(2).all(|w| w[0] < w[1]), "in order and apart");
            prop_assert!(item.at() <= now);
            let gaps = |i: &ItemRecord| i.reviews().windows(2).map(|w| w[1].day - w[0].day).collect::<Vec<_>>();
            prop_assert_eq!(gaps(item), gaps(fast), "the same days between answers");
            prop_assert_eq!(item.right() + item.wrong(), fast.right() + fast.wrong());
            is_its_replay(item)?;
        }
        // Taken in on a laptop that answered the same questions itself: both count.
        let laptop = Store { progress: play(&Progress::default(), now - 5 * DAY_MS, 0, &d.after).0, ..Store::default() };
        let mut here = laptop.clone();
        here.merge_backup(&imported);
        let answers = |s: &Store| s.progress.items.values().map(|i| i.right() + i.wrong()).sum::<u32>();
        prop_assert_eq!(answers(&here), answers(&phone) + answers(&laptop), "merged in, nothing is lost");
    }
}

/// The issue's example: a phone answered a question 4 times, due on day 155
/// (counting from its first answer); a work laptop answered it once, later.
/// Merging either device's backup into the other keeps all 5 answers and
/// schedules it from all of them, never from the laptop's one answer.
#[test]
fn the_issues_phone_and_laptop_keep_all_five_answers_after_a_merge() {
    let scheduler = Scheduler::default();
    let first_day = local_day(START, 0);
    let mut phone = Store::default();
    let mut day = first_day;
    for n in 0..4 {
        // Each answered right, on the day it falls due.
        phone.record_answer("q1", true, START + (day - first_day) as u64 * DAY_MS + n, day, &scheduler);
        day = phone.progress.items["q1"].memory().due_day;
    }
    let phone_item = phone.progress.items["q1"].clone();
    assert_eq!(phone_item.memory().due_day - first_day, 155, "due on day 155");
    let mut laptop = Store::default();
    let laptop_day = phone_item.memory().last_review_day + 10;
    laptop.record_answer("q1", true, START + (laptop_day - first_day) as u64 * DAY_MS, laptop_day, &scheduler);
    let laptop_item = laptop.progress.items["q1"].clone();
    assert_eq!(laptop_item.memory().due_day - first_day, laptop_day + 3 - first_day, "the laptop's one answer: due 3 days on");
    let now = START + 400 * DAY_MS;
    let take_in = |here: &Store, from: &Store| {
        let (imported, _) = backup::import(&backup::export(from, now), |_| true, now, local_day(now, 0)).unwrap();
        let mut here = here.clone();
        here.merge_backup(&imported);
        here
    };
    let on_laptop = take_in(&laptop, &phone);
    let on_phone = take_in(&phone, &laptop);
    assert_eq!(on_laptop.progress, on_phone.progress, "the same on both devices");
    let item = &on_laptop.progress.items["q1"];
    assert_eq!(item.reviews().len(), 5, "all five answers");
    assert_eq!((item.right(), item.wrong(), item.memory().reviews), (5, 0, 5));
    let mut all: Vec<Review> = phone_item.reviews().iter().chain(laptop_item.reviews()).copied().collect();
    all.sort();
    assert_eq!(item.reviews(), all.as_slice());
    let (memory, ..) = replay(None, &all);
    assert_eq!(item.memory(), &memory, "scheduled from all five");
    assert_ne!(item.memory().due_day, laptop_item.memory().due_day, "not the laptop's single answer's schedule");
    assert!(item.memory().due_day > phone_item.memory().last_review_day + 10 + 3);
}

/// An item as version 5 stored it (memory, totals, the last answers without
/// days) loads as a base, writes back exactly as it was, merges with a copy
/// answered since the update, and its answers are not counted twice.
#[test]
fn a_version_5_item_loads_writes_back_as_it_was_and_merges() {
    // q1 answered twice, right, before the update (day 20783 = 2026-11-26).
    let v5 = r#"{"items":{"q1":{"at":1795669260000,"s":10500,"d":4900,"last":20783,"due":20794,"n":2,"lapses":0,"right":2,"wrong":0,"log":[[29927820,1],[29927821,1]]}},"days":{"20783":1795669260000},"best":null}"#;
    let p: Progress = serde_json::from_str(v5).unwrap();
    assert!(p.is_sane());
    let item = &p.items["q1"];
    let base = item.base().expect("read as a base");
    assert_eq!((base.at, base.right, base.log.len()), (1_795_669_260_000, 2, 2));
    assert!(item.reviews().is_empty());
    assert_eq!((item.memory().due_day, item.right(), item.last_answer_right()), (20_794, 2, Some(true)));
    assert_eq!(serde_json::to_string(&p).unwrap(), v5, "written back exactly as version 5 wrote it");

    // Answered once more on each device since the update.
    let scheduler = Scheduler::default();
    let mut phone = p.clone();
    phone.record_answer("q1", false, 1_795_669_260_000 + 5 * DAY_MS, 20_788, &scheduler);
    let mut laptop = p.clone();
    laptop.record_answer("q1", true, 1_795_669_260_000 + 9 * DAY_MS, 20_792, &scheduler);
    let both = merged(&phone, &laptop);
    assert_eq!(both, merged(&laptop, &phone));
    let item = &both.items["q1"];
    assert_eq!(item.base(), Some(base), "the version 5 base, once");
    assert_eq!(item.reviews().len(), 2);
    assert_eq!((item.right(), item.wrong(), item.memory().reviews), (3, 1, 4), "2 before the update and 2 since, none twice");
    let (memory, ..) = replay(Some(base), item.reviews());
    assert_eq!(item.memory(), &memory, "the two new answers replayed on the base");
    // The new form reads back exactly, base and all.
    let text = serde_json::to_string(&both).unwrap();
    assert!(text.contains(r#""base":{"at":1795669260000"#) && text.contains(r#""log":[[1796101260000,0,20788],"#), "{text}");
    assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), both);
    // And a version 5 copy of the old data adds nothing to it.
    assert_eq!(merged(&both, &p), both);
}

/// What the new form refuses: anything this app could not have written.
#[test]
fn a_stored_item_must_be_one_this_app_wrote() {
    let item = |body: &str| serde_json::from_str::<Progress>(&format!(r#"{{"items":{{"q1":{body}}},"days":{{}},"best":null}}"#));
    let summary = r#""at":1795669260000,"s":3126,"d":2118,"last":20783,"due":20786,"n":1,"lapses":0,"right":1,"wrong":0"#;
    let v5_base = format!(r#"{{"at":1795669200000,{},"log":[[29927820,1]]}}"#, &summary[19..]);
    assert!(item(&format!(r#"{{{summary},"log":[[1795669260000,1,20783]]}}"#)).is_ok());
    assert!(item(&format!(r#"{{{summary},"log":[[1795669260000,1,20783,1795669300000]]}}"#)).is_ok(), "taken in after a clear");
    let folded = v5_base.replacen('{', r#"{"folded":true,"#, 1);
    assert!(item(&format!(r#"{{{summary},"log":[[1795669260000,1,20783]],"base":{v5_base}}}"#)).is_ok());
    assert!(item(&format!(r#"{{{summary},"log":[[1795669260000,1,20783]],"base":{folded}}}"#)).is_ok());
    // Another device's answer from before a version 5 base's time is not in it.
    assert!(item(&format!(r#"{{{summary},"log":[[1795669100000,1,20783]],"base":{v5_base}}}"#)).is_ok());
    for (bad, why) in [
        (format!(r#"{{{summary},"log":[[1795669260000,1,20783],[29927820,1]]}}"#), "old and new answers mixed"),
        (format!(r#"{{{summary},"log":[[1795669260000,2,20783]]}}"#), "an answer neither right nor wrong"),
        (format!(r#"{{{summary},"log":[[1795669260000,1,20783,5]]}}"#), "taken in before it was given"),
        (format!(r#"{{{summary},"log":[[1795669260000,1,20783,0]]}}"#), "a time taken in of 0 written out"),
        (format!(r#"{{{summary},"log":[[1795669260000,1,20783,1795669300000,1]]}}"#), "an answer with more in it"),
        (
            format!(r#"{{{summary},"log":[[1795669260000,1,20783],[1795669260000,1,20783,1795669300000]]}}"#),
            "an answer twice, once taken in",
        ),
        (format!(r#"{{{summary},"log":[[1795669260000,1,120783]]}}"#), "a day this app never wrote"),
        (format!(r#"{{{summary},"log":[[1795669260000,1,20783],[1795669200000,1,20783]]}}"#), "answers out of order"),
        (format!(r#"{{{summary},"log":[[1795669260000,1,20783],[1795669260000,1,20783]]}}"#), "an answer twice"),
        (format!(r#"{{{summary},"log":[[1795669100000,1,20783]],"base":{folded}}}"#), "an answer the folded base already holds"),
        (format!(r#"{{{summary},"log":[[1795669260000,1,20783]],"folded":true}}"#), "reviews marked as folded"),
        (format!(r#"{{{summary},"log":[[29927821,1]],"base":{v5_base}}}"#), "a base beside old answers"),
        (format!(r#"{{{summary},"log":[],"base":{v5_base}}}"#), "a base beside no answers"),
        (format!(r#"{{{summary},"log":[[1795669260000,1,20783]],"x":1}}"#), "an unknown field"),
    ] {
        assert!(item(&bad).is_err(), "{why}: {bad}");
    }
}

/// Past [`REVIEWS_KEPT`] answers to one question the oldest are folded into
/// its base (their memory and totals live on): the same on every device, and
/// merging copies that both folded still agrees.
#[test]
fn the_oldest_answers_past_the_cap_fold_into_the_base_the_same_everywhere() {
    let scheduler = Scheduler::default();
    let mut p = Progress::default();
    let mut every = Vec::new();
    for n in 0..REVIEWS_KEPT as u64 + 30 {
        let now = START + n * DAY_MS / 3;
        p.record_answer("q1", n % 4 != 0, now, local_day(now, 0), &scheduler);
        every.push(*p.items["q1"].reviews().last().unwrap());
    }
    let item = &p.items["q1"];
    assert_eq!(item.reviews().len(), REVIEWS_KEPT);
    assert_eq!(item.reviews(), &every[30..], "the latest kept");
    let base = item.base().unwrap();
    assert_eq!((base.at, base.right + base.wrong, base.log.len()), (every[29].at, 30, 10));
    assert_eq!(item.right() + item.wrong(), REVIEWS_KEPT as u32 + 30, "totals keep every answer");
    let (memory, ..) = replay(None, &every);
    assert_eq!(item.memory(), &memory, "the schedule is as if nothing was folded");
    let text = serde_json::to_string(&p).unwrap();
    assert_eq!(serde_json::from_str::<Progress>(&text).unwrap(), p);
    // Two devices go on from it (q1 twice and once), folding more each.
    let (a, _) = play(&p, START + 100 * DAY_MS, 0, &[(1000, 1, true), (DAY_MS, 1, false), (DAY_MS, 0, true)]);
    let (b, _) = play(&p, START + 100 * DAY_MS + 500, 60, &[(DAY_MS / 2, 1, true)]);
    assert_eq!(merged(&a, &b), merged(&b, &a));
    assert_eq!(merged(&merged(&a, &b), &b), merged(&a, &b));
    assert_eq!(
        merged(&a, &b).items["q1"].right() + merged(&a, &b).items["q1"].wrong(),
        REVIEWS_KEPT as u32 + 33,
        "every answer counted once"
    );
}

/// The phone was updated on Monday and answered q1; the laptop, still on
/// version 5, answered q1 on Tuesday, then was updated. The laptop's base
/// (Tuesday) cannot hold the phone's Monday answer, which version 5 could
/// never have read: the merge keeps it, replayed on the base.
#[test]
fn an_answer_from_before_another_devices_version_5_base_is_still_counted() {
    let scheduler = Scheduler::default();
    let monday = START;
    let mut phone = Progress::default();
    phone.record_answer("q1", false, monday, local_day(monday, 0), &scheduler);
    let mut laptop = Progress::default();
    laptop.record_answer("q1", true, monday + DAY_MS - 60_000, local_day(monday, 0), &scheduler);
    laptop.record_answer("q1", true, monday + DAY_MS, local_day(monday + DAY_MS, 0), &scheduler);
    let laptop = as_version_5(&laptop);
    let base = laptop.items["q1"].base().unwrap().clone();
    assert!(base.at > monday);
    let both = merged(&phone, &laptop);
    assert_eq!(both, merged(&laptop, &phone));
    let item = &both.items["q1"];
    assert_eq!(item.base(), Some(&base));
    assert_eq!(item.reviews(), phone.items["q1"].reviews(), "the phone's answer is kept");
    assert_eq!((item.right(), item.wrong()), (2, 1), "the laptop's two and the phone's one");
    assert_eq!(item.memory(), &replay(Some(&base), item.reviews()).0);
    assert_eq!(item.at(), base.at, "the latest answer is still the laptop's");
    assert_eq!(item.last_answer_right(), Some(true), "and it was right: not a mistake");
    assert!(both.mistakes().is_empty());
}

/// The laptop replaces its progress with the phone's backup (a clear, then
/// the backup taken in after it), and both go on answering; then the phone
/// merges the laptop's backup. Each answer counts once: the laptop's copies
/// of the phone's answers are still the same answers, though taken in after
/// the laptop's clear. And the clear still forgets nothing of the backup.
#[test]
fn replacing_then_merging_back_counts_each_answer_once() {
    let scheduler = Scheduler::default();
    let mut phone = Store::default();
    for n in 0..3u64 {
        let now = START + n * 4 * DAY_MS;
        phone.record_answer("q1", n != 1, now, local_day(now, 0), &scheduler);
    }
    let export_at = START + 10 * DAY_MS;
    let take = |from: &Store, now: u64| backup::import(&backup::export(from, now), |_| true, now, local_day(now, 0)).unwrap().0;
    let mut laptop = Store::default();
    laptop.record_answer("q2", true, START + DAY_MS, local_day(START + DAY_MS, 60), &scheduler);
    let replace_at = START + 11 * DAY_MS;
    laptop.replace_with(&take(&phone, export_at), replace_at);
    let copied = &laptop.progress.items["q1"];
    assert!(!laptop.progress.items.contains_key("q2"), "replaced");
    assert_eq!(copied.reviews().len(), 3);
    assert!(copied.reviews().iter().all(|r| r.taken_in > laptop.cleared_at), "taken in after the clear");
    let own_times = |s: &Store| s.progress.items["q1"].reviews().iter().map(|r| (r.at, r.day, r.right)).collect::<Vec<_>>();
    assert_eq!(own_times(&laptop), own_times(&phone), "each answer keeps its own time");
    let later = START + 12 * DAY_MS;
    laptop.record_answer("q1", true, laptop.stamp(later), local_day(later, 60), &scheduler);
    phone.record_answer("q1", false, later + 60_000, local_day(later + 60_000, 0), &scheduler);
    let back_at = START + 13 * DAY_MS;
    let mut merged_phone = phone.clone();
    merged_phone.merge_backup(&take(&laptop, back_at));
    let mut merged_laptop = laptop.clone();
    merged_laptop.merge_backup(&take(&phone, back_at));
    for store in [&merged_phone, &merged_laptop] {
        let item = &store.progress.items["q1"];
        assert_eq!(item.reviews().len(), 5, "3 shared, 1 on each since: none twice");
        assert_eq!((item.right(), item.wrong()), (3, 2));
        assert_eq!(item.memory(), &replay(None, item.reviews()).0);
    }
    assert_eq!(own_times(&merged_phone), own_times(&merged_laptop), "the same answers on both");
    // Taken in again, nothing changes; and the laptop's clear forgets none of it.
    let mut again = merged_laptop.clone();
    again.merge_backup(&take(&phone, back_at));
    assert_eq!(again, merged_laptop);
    let decoded = Store::decode(&merged_laptop.encode()).unwrap();
    assert_eq!(decoded, merged_laptop, "read back after a save, the clear keeps them");
}
