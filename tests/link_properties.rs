//! Properties of the quiz and result links: every valid spec round-trips, and
//! no string whatever makes the parser panic.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use safeguarding_check::quiz::link::{QuizResult, QuizSpec, TITLE_MAX};

const TOPICS: &[&str] = &["national-picture", "characteristics", "principle-1", "principle-10", "section-11"];

fn known(topic: &str) -> bool {
    TOPICS.contains(&topic)
}

fn spec_strategy() -> impl Strategy<Value = QuizSpec> {
    (
        prop::sample::subsequence(TOPICS.to_vec(), 0..=TOPICS.len()),
        1u32..=50,
        any::<u32>(),
        any::<bool>(),
        50u32..=100,
        // A title as a person might type it: letters, digits, punctuation, accents, symbols.
        prop::option::of("[A-Za-z0-9 éüß&<>\"'%+?#/=—😀.,:-]{1,60}"),
        prop::option::of(1u32..=36),
    )
        .prop_map(|(topics, count, seed, assessment, pass_mark, title, refresh_months)| QuizSpec {
            topics: topics.into_iter().map(str::to_owned).collect(),
            count,
            seed,
            assessment,
            pass_mark,
            // Titles are kept trimmed with single spaces; generate them that way.
            title: title.map(|t| t.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|t| !t.is_empty()),
            refresh_months,
        })
}

proptest! {
    #[test]
    fn every_valid_spec_round_trips(spec in spec_strategy()) {
        prop_assert_eq!(QuizSpec::from_query(&spec.to_query(), known), Ok(spec));
    }

    #[test]
    fn every_valid_result_round_trips(spec in spec_strategy(), wrong in prop::collection::btree_set(0u32..50, 0..50), token in "[0-9a-f]{8}", name in prop::option::of("[A-Za-z' -]{1,40}")) {
        let missed: Vec<u32> = wrong.into_iter().filter(|&m| m < spec.count).collect();
        let result = QuizResult {
            correct: spec.count - missed.len() as u32,
            spec,
            missed,
            token,
            name: name.map(|n| n.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|n| !n.is_empty()),
        };
        prop_assert_eq!(QuizResult::from_query(&result.to_query(), known), Ok(result));
    }

    #[test]
    fn no_string_makes_the_parsers_panic(text in ".{0,300}") {
        let _ = QuizSpec::from_query(&text, known);
        let _ = QuizResult::from_query(&text, known);
    }

    #[test]
    fn no_mangled_link_makes_the_parsers_panic(spec in spec_strategy(), cut in 0usize..400, junk in ".{0,20}") {
        let link = spec.to_query();
        let at = link.char_indices().map(|(i, _)| i).nth(cut % link.chars().count().max(1)).unwrap_or(0);
        let mangled = format!("{}{}{}", &link[..at], junk, &link[at..]);
        if let Ok(parsed) = QuizSpec::from_query(&mangled, known) {
            prop_assert!(parsed.title.is_none_or(|t| t.chars().count() <= TITLE_MAX));
        }
        let _ = QuizResult::from_query(&mangled, known);
    }
}
