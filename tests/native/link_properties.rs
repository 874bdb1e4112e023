//! Properties of the quiz and result links: every valid spec round-trips,
//! survives what chat and e-mail apps do to links, and no string whatever
//! makes the parser panic.

use proptest::prelude::*;
use quiz::links::link::{QuizResult, QuizSpec, TITLE_MAX};
use quiz::links::query::LinkError;

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

/// Keys the app reads in a trainer's or result link, or in any other screen's.
const OWN_KEYS: &[&str] = &[
    "view", "c", "name", "title", "topics", "count", "seed", "mode", "pass", "refresh", "score", "missed", "r", "card", "quiz", "attempt",
];

/// A parameter other software adds: tracking ids, or any other key.
fn extra_param() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("fbclid".to_string()),
        Just("utm_source".to_string()),
        Just("utm_medium".to_string()),
        Just("gclid".to_string()),
        Just("mc_eid".to_string()),
        Just("igshid".to_string()),
        "[a-z_]{1,12}".prop_filter("not one of the app's keys", |k| !OWN_KEYS.contains(&k.as_str())),
    ];
    (key, prop::option::of("[A-Za-z0-9_.%-]{0,40}")).prop_map(|(k, v)| match v {
        Some(v) => format!("{k}={v}"),
        None => k,
    })
}

/// What a chat or e-mail app leaves stuck to the end of a link.
fn trailing_junk() -> impl Strategy<Value = String> {
    // A tracking tool that adds `?utm_source=…` to a link that already has a
    // query comes first; then the punctuation a chat app keeps.
    let tracking = prop::option::of(Just("?utm_source=news".to_string()));
    let junk = prop::collection::vec(
        prop::sample::select(vec![
            ".",
            ",",
            ";",
            ":",
            "!",
            "?",
            ")",
            "]",
            ">",
            "'",
            "\"",
            "_",
            "`",
            "|",
            "%22",
            "%27",
            "%E2%80%9D",
            "%E2%80%99",
            "%E2%80%9C",
            "%E2%80%8B",
            "%EF%BC%89",
            "%E3%80%82",
            "%20",
            "%3E",
            "%29",
            " ",
        ]),
        0..4,
    )
    .prop_map(|parts| parts.concat());
    (tracking, junk).prop_map(|(tracking, junk)| format!("{}{junk}", tracking.unwrap_or_default()))
}

/// The link with extra parameters put in anywhere after `view`, every `&`
/// possibly written `&amp;`, and junk on the end.
fn mangle(link: &str, extras: &[(usize, String)], amp: bool, junk: &str) -> String {
    let mut parts: Vec<String> = link.trim_start_matches('?').split('&').map(str::to_owned).collect();
    for (at, extra) in extras {
        let at = 1 + at % parts.len();
        parts.insert(at, extra.clone());
    }
    let joined = parts.join(if amp { "&amp;" } else { "&" });
    format!("?{joined}{junk}")
}

proptest! {
    #[test]
    fn a_shared_link_gives_the_same_quiz(
        spec in spec_strategy(),
        extras in prop::collection::vec((any::<usize>(), extra_param()), 0..4),
        amp in any::<bool>(),
        junk in trailing_junk(),
    ) {
        let mangled = mangle(&spec.to_query(), &extras, amp, &junk);
        prop_assert_eq!(QuizSpec::from_query(&mangled, known), Ok(spec), "{}", mangled);
    }

    #[test]
    fn a_shared_result_link_gives_the_same_result(
        spec in spec_strategy(),
        extras in prop::collection::vec((any::<usize>(), extra_param()), 0..4),
        amp in any::<bool>(),
        junk in trailing_junk(),
    ) {
        let result = QuizResult { correct: spec.count, spec, missed: vec![], token: "0a1b2c3d".into(), name: Some("Sam O'Neil".into()) };
        let mangled = mangle(&result.to_query(), &extras, amp, &junk);
        prop_assert_eq!(QuizResult::from_query(&mangled, known), Ok(result), "{}", mangled);
    }

    #[test]
    fn the_quiz_id_ignores_how_the_title_was_typed(spec in spec_strategy(), title in prop::option::of("[A-Za-z .!?,()'\"-]{0,60}")) {
        let retitled = QuizSpec { title, ..spec.clone() };
        prop_assert_eq!(retitled.id(), spec.id());
    }

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
    fn a_trainer_link_cut_anywhere_is_refused_never_opened_as_another_quiz(spec in spec_strategy(), cut in any::<prop::sample::Index>()) {
        let link = spec.to_query();
        let ends: Vec<usize> = link.char_indices().map(|(i, _)| i).collect();
        let cut_link = &link[..ends[cut.index(ends.len())]];
        let read = QuizSpec::from_query(cut_link, known);
        prop_assert!(read.is_err(), "{} opened as {:?}", cut_link, read);
        if cut_link.contains("&c=") {
            prop_assert_eq!(read, Err(LinkError::Incomplete), "{}", cut_link);
        }
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
