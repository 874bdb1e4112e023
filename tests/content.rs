//! The shipped question bank: valid, complete and traceable to the seed deck.
//! `tests/fixtures/seed-deck.txt` is a verbatim copy of the seed it is written from.

mod support;

use std::collections::{BTreeMap, HashSet};
use std::fs;

use safeguarding_check::quiz::bank::{Bank, Kind};
use support::shipped_bank;

const SEED: &str = include_str!("fixtures/seed-deck.txt");

#[test]
fn the_bank_parses_and_passes_every_rule() {
    assert_eq!(shipped_bank().problems(), Vec::<String>::new());
}

/// The app loads the bank from the bundle scripts/bank-bundle.mjs joins the
/// authoring files into; read from there it is the same bank.
#[test]
fn the_bundle_of_the_shipped_files_reads_as_the_same_bank() {
    let read = |path: &str| -> serde_json::Value { serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap() };
    let files = support::question_files();
    let bundle = serde_json::json!({
        "sections": read("assets/seed-sections.json"),
        "facts": read("assets/facts.json"),
        "topics": files.iter().map(|f| read(f)).collect::<Vec<_>>(),
        "cards": read("assets/learn.json")["cards"],
    });
    assert_eq!(Bank::from_bundle(&bundle.to_string()), Ok(shipped_bank()));
}

#[test]
fn question_ids_are_unique() {
    let bank = shipped_bank();
    let mut seen = HashSet::new();
    for q in bank.questions() {
        assert!(seen.insert(q.id.as_str()), "{} is used twice", q.id);
    }
}

#[test]
fn every_fact_is_taught_and_every_named_fact_exists() {
    let bank = shipped_bank();
    let taught: HashSet<&str> = bank.questions().flat_map(|q| q.facts.iter().map(String::as_str)).collect();
    for fact in &bank.facts {
        assert!(taught.contains(fact.id.as_str()), "no question teaches {}", fact.id);
    }
    for q in bank.questions() {
        for fact in &q.facts {
            assert!(bank.fact(fact).is_some(), "{} names unknown fact {fact}", q.id);
        }
    }
}

#[test]
fn every_numeric_answer_is_the_figure_in_the_fact_list() {
    let bank = shipped_bank();
    let mut numeric = 0;
    for q in bank.questions() {
        if let Kind::Numeric { answer, .. } = q.kind {
            numeric += 1;
            let figures: Vec<i64> = q.facts.iter().filter_map(|f| bank.fact(f)?.figure).collect();
            assert!(figures.contains(&answer), "{}: {answer} is not in {figures:?}", q.id);
        }
    }
    assert!(numeric >= 5, "only {numeric} numeric questions");
}

#[test]
fn every_correct_answer_fits_its_question_type() {
    for q in shipped_bank().questions() {
        let correct = q.kind.options().map(|o| o.iter().filter(|o| o.correct).count());
        match &q.kind {
            Kind::SingleChoice { .. } => assert_eq!(correct, Some(1), "{}", q.id),
            Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => {
                let n = correct.unwrap();
                assert!(n >= 1 && n < options.len(), "{}", q.id)
            }
            Kind::Order { items } => assert!(items.len() >= 3, "{}", q.id),
            Kind::Match { pairs } => assert!(pairs.len() >= 2, "{}", q.id),
            Kind::TrueFalse { .. } | Kind::Numeric { .. } => {}
        }
    }
}

/// Every figure in the fact list appears, as a number, in the seed deck.
#[test]
fn every_statistic_in_the_fact_list_is_in_the_seed() {
    let words: HashSet<String> = SEED.split(|c: char| !c.is_ascii_digit()).filter(|w| !w.is_empty()).map(str::to_owned).collect();
    for fact in shipped_bank().facts.iter().filter(|f| f.section != "principles") {
        if let Some(figure) = fact.figure {
            assert!(words.contains(&figure.to_string()), "{}: {figure} is not in the seed", fact.id);
        }
    }
}

/// The characteristics, with their percentages, exactly as the seed lists them.
#[test]
fn the_characteristics_match_the_seed_line_by_line() {
    let bank = shipped_bank();
    let section = SEED.split("# Characteristics of the 538 children").nth(1).unwrap().split("\n# ").next().unwrap();
    let seed_lines: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("- "))
        .filter(|l| l.split_once("% ").is_some_and(|(n, _)| n.parse::<u8>().is_ok()))
        .collect();
    assert_eq!(seed_lines.len(), 11, "the seed lists 11 characteristics");
    let facts: Vec<_> = bank.facts.iter().filter(|f| f.section == "characteristics" && f.figure != Some(538)).collect();
    assert_eq!(facts.len(), 11);
    for line in seed_lines {
        let percent: i64 = line.split_once('%').unwrap().0.parse().unwrap();
        assert!(
            facts.iter().any(|f| f.figure == Some(percent) && f.text.starts_with(&format!("{percent}% of the 538 children"))),
            "no fact for '{line}'"
        );
    }
}

#[test]
fn every_principle_is_named_as_the_seed_names_it() {
    let bank = shipped_bank();
    let principle_sections: Vec<_> = bank.sections.iter().filter(|s| s.title.starts_with("Principle ")).collect();
    assert_eq!(principle_sections.len(), 10);
    for section in principle_sections {
        let (number, name) = section.title["Principle ".len()..].split_once(": ").unwrap();
        assert!(SEED.contains(&format!("{number}. {name}")), "the seed has no line '{number}. {name}'");
        let fact = bank.fact(&format!("pr-{number}-name")).unwrap();
        assert_eq!(fact.text, format!("Principle {number} is: {name}."));
    }
}

fn count_by<K: Ord>(bank: &Bank, key: impl Fn(&safeguarding_check::quiz::bank::Question) -> Option<K>) -> BTreeMap<K, usize> {
    let mut counts = BTreeMap::new();
    for q in bank.questions() {
        if let Some(k) = key(q) {
            *counts.entry(k).or_default() += 1;
        }
    }
    counts
}

#[test]
fn the_bank_is_big_and_varied_enough() {
    let bank = shipped_bank();
    let total = bank.questions().count();
    assert!(total >= 120, "{total} questions");
    let per_principle = count_by(&bank, |q| q.principle);
    for n in 1..=10u8 {
        let count = per_principle.get(&n).copied().unwrap_or(0);
        assert!(count >= 8, "Principle {n} has {count} questions");
    }
    let statistics: usize = ["national-picture", "characteristics"].iter().map(|t| bank.topic(t).unwrap().questions.len()).sum();
    assert!(statistics >= 30, "{statistics} questions on the statistics");
    let per_type = count_by(&bank, |q| Some(q.kind.name()));
    for kind in ["single", "multi", "true_false", "order", "match", "numeric", "scenario"] {
        assert!(per_type.get(kind).copied().unwrap_or(0) >= 3, "too few {kind} questions: {per_type:?}");
    }
    let topics: Vec<&str> = bank.topics.iter().map(|t| t.id.as_str()).collect();
    for topic in ["national-picture", "characteristics", "section-11"] {
        assert!(topics.contains(&topic), "no topic {topic}");
    }
    for n in 1..=10 {
        assert!(topics.contains(&format!("principle-{n}").as_str()), "no topic for Principle {n}");
    }
}

#[test]
fn every_option_explains_itself() {
    for q in shipped_bank().questions() {
        for option in q.kind.options().unwrap_or_default() {
            assert!(option.feedback.as_deref().is_some_and(|f| !f.trim().is_empty()), "{}: '{}' has no feedback", q.id, option.text);
        }
    }
}

/// The ids the first release shipped: progress refers to them, so they stay.
#[test]
fn ids_from_earlier_releases_are_still_there() {
    let bank = shipped_bank();
    for id in [
        "p1-record-decisions",
        "p2-easy-assumption",
        "p3-adult-and-children-services",
        "p4-behaviour-is-the-voice",
        "p5-lead-professional",
        "p6-common-language",
        "p7-fathers-convictions",
        "p8-why-support-staff",
        "p9-section-11",
        "p10-deflect-attention",
    ] {
        assert!(bank.question(id).is_some(), "{id} has gone");
    }
}

#[test]
fn every_fact_is_on_a_learn_card_and_every_card_names_its_seed_section() {
    let bank = shipped_bank();
    for fact in &bank.facts {
        let on_card =
            bank.cards.iter().any(|c| c.groups.iter().any(|g| g.points.iter().any(|p| p.fact.as_deref() == Some(fact.id.as_str()))));
        assert!(on_card, "{} is on no card", fact.id);
    }
    for card in &bank.cards {
        assert!(bank.sections.iter().any(|s| s.id == card.section), "{} names no seed section", card.id);
    }
}

#[test]
fn there_is_a_card_for_every_part_of_the_training() {
    let bank = shipped_bank();
    let mut wanted = vec![
        "aims".to_string(),
        "national-picture".into(),
        "characteristics".into(),
        "principles".into(),
        "section-11".into(),
        "e-learning".into(),
    ];
    wanted.extend((1..=10).map(|n| format!("principle-{n}")));
    for id in wanted {
        assert!(bank.card(&id).is_some(), "no card {id}");
    }
    let elearning = bank.card("e-learning").unwrap();
    assert_eq!(elearning.link.as_deref(), Some("https://virtual-college.co.uk/courses/safeguarding/learning-from-serious-case-reviews"));
    assert!(SEED.contains("virtual-college.co.uk/courses/safeguarding/learning-from-serious-case-reviews"));
}

#[test]
fn charts_draw_the_figures_of_the_fact_list() {
    let bank = shipped_bank();
    let characteristics = &bank.card("characteristics").unwrap().charts[0];
    let bars = characteristics.bars(&bank);
    assert_eq!(bars.len(), 11);
    assert_eq!(bars.iter().map(|b| b.value).sum::<i64>(), 35 + 21 + 17 + 13 + 12 + 11 + 9 + 7 + 7 + 4 + 1);
    let national: Vec<i64> = bank.card("national-picture").unwrap().charts.iter().flat_map(|c| c.bars(&bank)).map(|b| b.value).collect();
    assert_eq!(national, [294, 244, 77, 46, 15, 13]);
}

#[test]
fn search_finds_disguised_compliance_under_principles_5_and_7() {
    let bank = shipped_bank();
    let hits: Vec<String> =
        safeguarding_check::quiz::learn::search(&bank.cards, "disguised compliance").into_iter().map(|h| h.card).collect();
    assert!(hits.contains(&"principle-5".to_string()) && hits.contains(&"principle-7".to_string()), "{hits:?}");
}

#[test]
fn every_question_links_to_a_learn_card() {
    let bank = shipped_bank();
    for q in bank.questions() {
        assert!(bank.card_for_question(&q.source, bank.topic_of(&q.id)).is_some(), "{} has no card to read more", q.id);
    }
    let p3 = bank.question("p3-adult-and-children-services").unwrap();
    assert_eq!(bank.card_for_question(&p3.source, Some("principle-3")).unwrap().id, "principle-3");
    let s11 = bank.questions().find(|q| q.id.starts_with("s11-")).unwrap();
    assert_eq!(bank.card_for_question(&s11.source, Some("section-11")).unwrap().id, "section-11", "S.11 questions read the S.11 card");
}
