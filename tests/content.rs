//! The shipped question bank is valid and traceable to the seed deck.
//! `tests/fixtures/seed-deck.txt` is a verbatim copy of the seed the content is written from.

use safeguarding_check::quiz::bank::Bank;

const SEED: &str = include_str!("fixtures/seed-deck.txt");

fn bank() -> Bank {
    Bank::builtin()
}

#[test]
fn the_shipped_bank_passes_validation() {
    // build.rs refuses invalid content; this checks the compiled-in copy too.
    let bank = bank();
    assert_eq!(bank.problems(), Vec::<String>::new());
    assert!(bank.questions().count() >= 10);
}

#[test]
fn the_compiled_in_bank_is_exactly_the_json_files() {
    let sections = std::fs::read_to_string("assets/seed-sections.json").unwrap();
    let mut files: Vec<_> = std::fs::read_dir("assets/questions")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let topics: Vec<(String, String)> = files
        .iter()
        .map(|p| (p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let refs: Vec<(&str, &str)> = topics.iter().map(|(n, j)| (n.as_str(), j.as_str())).collect();
    assert_eq!(Bank::from_json(&sections, &refs).unwrap(), bank());
}

#[test]
fn every_principle_has_at_least_one_question() {
    let bank = bank();
    for n in 1..=10u8 {
        assert!(
            bank.questions().any(|q| q.principle == Some(n)),
            "no question on Principle {n}"
        );
    }
}

#[test]
fn every_principle_section_title_is_the_principle_as_the_seed_names_it() {
    let bank = bank();
    for section in bank.sections.iter().filter(|s| s.title.starts_with("Principle ")) {
        let (number, name) = section.title["Principle ".len()..].split_once(": ").unwrap();
        let seed_line = format!("{number}. {name}");
        assert!(SEED.contains(&seed_line), "the seed has no line '{seed_line}'");
    }
    let principle_sections = bank.sections.iter().filter(|s| s.title.starts_with("Principle ")).count();
    assert_eq!(principle_sections, 10);
}

#[test]
fn every_question_cites_a_section_some_question_can_use() {
    let bank = bank();
    for q in bank.questions() {
        assert!(bank.sections.iter().any(|s| s.title == q.source), "{}: {}", q.id, q.source);
    }
}

#[test]
fn every_wrong_option_explains_itself() {
    for q in bank().questions() {
        for option in q.options.iter() {
            assert!(
                option.feedback.as_deref().is_some_and(|f| !f.trim().is_empty()),
                "{}: option '{}' has no feedback",
                q.id,
                option.text
            );
        }
    }
}
