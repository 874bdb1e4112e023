//! Every parser of outside text, fed arbitrary and mangled input: none may panic.
//!
//! The normal test run tries 256 cases each. `scripts/fuzz.sh` runs 100,000
//! each (FUZZ_CASES=100000), as the fuzz budget.

use crate::support;

use std::sync::OnceLock;

use proptest::prelude::*;
use quiz::content::bank::Bank;
use quiz::learner::record;
use quiz::learner::schedule::Scheduler;
use quiz::links::link::{QuizResult, QuizSpec};
use quiz::links::route::Route;
use quiz::room::debrief::Tally;
use quiz::run::resume::SavedQuiz;
use quiz::saved::backup;
use quiz::saved::store::Store;

const NOW: u64 = 1_795_669_200_000;
const TODAY: i64 = 20_783;

fn known(_: &str) -> bool {
    true
}

/// Valid samples of each kind of text, for mutation.
struct Samples {
    progress: String,
    backup: String,
    spec: String,
    result: String,
    saved_quiz: String,
}

fn samples() -> &'static Samples {
    static SAMPLES: OnceLock<Samples> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let mut store = Store::default();
        let scheduler = Scheduler::default();
        for (i, id) in ["p1-record-decisions", "p3-adult-and-children-services", "flip-aims-0"].iter().enumerate() {
            store.record_answer(id, i % 2 == 0, NOW - 60_000 * i as u64, TODAY, &scheduler);
        }
        let spec = QuizSpec {
            topics: vec!["principle-3".into()],
            count: 5,
            seed: 99,
            assessment: true,
            pass_mark: 80,
            title: Some("Team".into()),
            refresh_months: Some(12),
        };
        let result = QuizResult { spec: spec.clone(), correct: 3, missed: vec![1, 4], token: "0a1b2c3d".into(), name: Some("Sam".into()) };
        let saved = r#"{"version":2,"mode":"trainer","topic":null,"link":"?view=trainer-quiz&topics=all&count=2&seed=1&mode=practice&pass=80","items":[{"id":"q1","order":[1,0],"response":{"choice":1}},{"id":"q2","order":[0,1],"response":null}],"position":1,"answered":false}"#;
        Samples {
            backup: backup::export(&store, NOW),
            progress: store.encode(),
            spec: spec.to_query(),
            result: result.to_query(),
            saved_quiz: saved.into(),
        }
    })
}

/// A valid sample with up to four random edits: characters swapped, cut or added.
fn mangled(sample: &'static str) -> impl Strategy<Value = String> {
    prop::collection::vec((any::<prop::sample::Index>(), 0u8..3, any::<char>()), 1..5).prop_map(move |edits| {
        let mut chars: Vec<char> = sample.chars().collect();
        for (at, edit, c) in edits {
            if chars.is_empty() {
                chars.push(c);
                continue;
            }
            let i = at.index(chars.len());
            match edit {
                0 => chars[i] = c,
                1 => {
                    chars.remove(i);
                }
                _ => chars.insert(i, c),
            }
        }
        chars.into_iter().collect()
    })
}

/// Arbitrary text, weighted towards the characters the formats use.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![".{0,400}", "[{}\\[\\]\":,0-9a-z_=&?%.-]{0,400}"]
}

/// Cases per parser: FUZZ_CASES, or 256 for the normal test run.
fn cases() -> u32 {
    std::env::var("FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn the_stored_store_never_panics(input in prop_oneof![text(), mangled(&samples().progress)]) {
        if let Ok(store) = Store::decode(&input) {
            // Whatever it accepts, it can write back and read again.
            prop_assert!(Store::decode(&store.encode()).is_ok());
        }
    }

    #[test]
    fn backup_import_never_panics(input in prop_oneof![text(), mangled(&samples().backup)]) {
        let _ = backup::import(&input, known, NOW, TODAY);
    }

    #[test]
    fn quiz_links_never_panic(input in prop_oneof![text(), mangled(&samples().spec)]) {
        let _ = QuizSpec::from_query(&input, known);
        let _ = Route::from_query(&input);
    }

    #[test]
    fn result_links_never_panic(input in prop_oneof![text(), mangled(&samples().result)]) {
        let _ = QuizResult::from_query(&input, known);
        let _ = Tally::decode_legacy(&input, known);
    }

    #[test]
    fn saved_quizzes_never_panic(input in prop_oneof![text(), mangled(&samples().saved_quiz)]) {
        if let Ok(saved) = SavedQuiz::decode_legacy(&input, "Your quiz", NOW) {
            let _ = saved.restore(&support::shipped_bank());
        }
        if let Ok(saved) = serde_json::from_str::<SavedQuiz>(&input) {
            let _ = saved.restore(&support::shipped_bank());
        }
    }

    #[test]
    fn records_and_bundles_never_panic(input in text()) {
        let _ = record::decode(&input);
        let _ = Bank::from_bundle(&input);
    }
}
