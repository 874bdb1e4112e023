//! The shipped question bank: valid, complete and traceable to the seed deck.
//! `tests/fixtures/seed-deck.txt` is a verbatim copy of the seed it is written from.

use crate::support;

use std::collections::{BTreeMap, HashSet};

use quiz::content::bank::{Bank, Kind};
use support::{read_project_file, shipped_bank};

const SEED: &str = include_str!("../fixtures/seed-deck.txt");

#[test]
fn the_bank_parses_and_passes_every_rule() {
    assert_eq!(shipped_bank().problems(), Vec::<String>::new());
}

/// The app loads the bank from the bundle scripts/bank-bundle.mjs joins the
/// authoring files into; read from there it is the same bank.
#[test]
fn the_bundle_of_the_shipped_files_reads_as_the_same_bank() {
    let read = |path: &str| -> serde_json::Value { serde_json::from_str(&read_project_file(path)).unwrap() };
    let files = support::question_files();
    let bundle = serde_json::json!({
        "sections": read("assets/seed-sections.json"),
        "facts": read("assets/facts.json"),
        "topics": files.iter().map(|f| read(f)).collect::<Vec<_>>(),
        "cards": read("assets/learn.json")["cards"],
        "deck": read("assets/learn.json")["deck"],
    });
    assert_eq!(Bank::from_bundle(&bundle.to_string()), Ok(shipped_bank()));
}

// Each rule below is a function over a bank that returns what breaks it, so
// its test can run it on the shipped bank and on a broken copy made in
// memory, past the loader (which refuses a broken bank before any test
// could look). Each rule is shown failing on its broken copy.

/// Ids used more than once.
fn duplicate_ids(bank: &Bank) -> Vec<String> {
    let mut seen = HashSet::new();
    bank.questions().filter(|q| !seen.insert(q.id.as_str())).map(|q| format!("{} is used twice", q.id)).collect()
}

/// Facts no question teaches, and facts a question names that do not exist.
fn untaught_or_unknown_facts(bank: &Bank) -> Vec<String> {
    let taught: HashSet<&str> = bank.questions().flat_map(|q| q.facts.iter().map(String::as_str)).collect();
    let untaught = bank.facts.iter().filter(|f| !taught.contains(f.id.as_str())).map(|f| format!("no question teaches {}", f.id));
    let unknown = bank
        .questions()
        .flat_map(|q| q.facts.iter().filter(|f| bank.fact(f).is_none()).map(move |f| format!("{} names unknown fact {f}", q.id)));
    untaught.chain(unknown).collect()
}

/// Numeric answers that are not a figure of the facts their question names.
fn numeric_answers_not_in_facts(bank: &Bank) -> Vec<String> {
    bank.questions()
        .filter_map(|q| match q.kind {
            Kind::Numeric { answer, .. } => {
                let figures: Vec<i64> = q.facts.iter().filter_map(|f| bank.fact(f)?.figure).collect();
                (!figures.contains(&answer)).then(|| format!("{}: {answer} is not in {figures:?}", q.id))
            }
            _ => None,
        })
        .collect()
}

/// Questions whose right answers do not fit their type: one for single
/// choice, some but not all for multiple choice and scenarios, at least
/// three items to order and two pairs to match.
fn answers_not_fitting_type(bank: &Bank) -> Vec<String> {
    bank.questions()
        .filter(|q| {
            let correct = q.kind.options().map_or(0, |o| o.iter().filter(|o| o.correct).count());
            !match &q.kind {
                Kind::SingleChoice { .. } => correct == 1,
                Kind::MultipleChoice { options } | Kind::Scenario { options, .. } => correct >= 1 && correct < options.len(),
                Kind::Order { items } => items.len() >= 3,
                Kind::Match { pairs } => pairs.len() >= 2,
                Kind::TrueFalse { .. } | Kind::Numeric { .. } => true,
            }
        })
        .map(|q| format!("{}: its right answers do not fit a {} question", q.id, q.kind.name()))
        .collect()
}

/// Options with no feedback of their own.
fn options_without_feedback(bank: &Bank) -> Vec<String> {
    bank.questions()
        .flat_map(|q| {
            q.kind
                .options()
                .unwrap_or_default()
                .iter()
                .filter(|o| o.feedback.as_deref().is_none_or(|f| f.trim().is_empty()))
                .map(move |o| format!("{}: '{}' has no feedback", q.id, o.text))
        })
        .collect()
}

/// A copy of the shipped bank with `break_it` applied to the first question `pick` chooses.
fn broken(pick: impl Fn(&Kind) -> bool, break_it: impl FnOnce(&mut quiz::content::bank::Question)) -> Bank {
    let mut bank = shipped_bank();
    let question = bank.topics.iter_mut().flat_map(|t| t.questions.iter_mut()).find(|q| pick(&q.kind)).expect("a question to break");
    break_it(question);
    bank
}

#[test]
fn question_ids_are_unique() {
    assert_eq!(duplicate_ids(&shipped_bank()), Vec::<String>::new());
    let mut bank = shipped_bank();
    let first = bank.topics[0].questions[0].id.clone();
    bank.topics[1].questions[0].id = first.clone();
    assert_eq!(duplicate_ids(&bank), vec![format!("{first} is used twice")]);
}

#[test]
fn every_fact_is_taught_and_every_named_fact_exists() {
    assert_eq!(untaught_or_unknown_facts(&shipped_bank()), Vec::<String>::new());
    let bank = broken(|_| true, |q| q.facts = vec!["no-such-fact".into()]);
    assert!(untaught_or_unknown_facts(&bank).iter().any(|p| p.ends_with("names unknown fact no-such-fact")));
    let mut bank = shipped_bank();
    bank.facts.push(quiz::content::bank::Fact { id: "taught-nowhere".into(), ..bank.facts[0].clone() });
    assert_eq!(untaught_or_unknown_facts(&bank), vec!["no question teaches taught-nowhere".to_string()]);
}

#[test]
fn every_numeric_answer_is_the_figure_in_the_fact_list() {
    let bank = shipped_bank();
    assert_eq!(numeric_answers_not_in_facts(&bank), Vec::<String>::new());
    let numeric = bank.questions().filter(|q| matches!(q.kind, Kind::Numeric { .. })).count();
    assert!(numeric >= 5, "only {numeric} numeric questions");
    let bank = broken(
        |k| matches!(k, Kind::Numeric { .. }),
        |q| {
            if let Kind::Numeric { answer, .. } = &mut q.kind {
                *answer += 1;
            }
        },
    );
    assert_eq!(numeric_answers_not_in_facts(&bank).len(), 1, "a figure one out is caught");
}

#[test]
fn every_correct_answer_fits_its_question_type() {
    assert_eq!(answers_not_fitting_type(&shipped_bank()), Vec::<String>::new());
    let every_option_right = |q: &mut quiz::content::bank::Question| {
        if let Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } = &mut q.kind {
            options.iter_mut().for_each(|o| o.correct = true);
        }
    };
    for pick in [
        (|k: &Kind| matches!(k, Kind::SingleChoice { .. })) as fn(&Kind) -> bool,
        |k| matches!(k, Kind::MultipleChoice { .. }),
        |k| matches!(k, Kind::Scenario { .. }),
    ] {
        assert_eq!(answers_not_fitting_type(&broken(pick, every_option_right)).len(), 1);
    }
    let two_items = broken(
        |k| matches!(k, Kind::Order { .. }),
        |q| {
            if let Kind::Order { items } = &mut q.kind {
                items.truncate(2);
            }
        },
    );
    assert_eq!(answers_not_fitting_type(&two_items).len(), 1, "two items are too few to order");
    let one_pair = broken(
        |k| matches!(k, Kind::Match { .. }),
        |q| {
            if let Kind::Match { pairs } = &mut q.kind {
                pairs.truncate(1);
            }
        },
    );
    assert_eq!(answers_not_fitting_type(&one_pair).len(), 1, "one pair is nothing to match");
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

fn count_by<K: Ord>(bank: &Bank, key: impl Fn(&quiz::content::bank::Question) -> Option<K>) -> BTreeMap<K, usize> {
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
    let topics = bank.topic_ids();
    for topic in ["national-picture", "characteristics", "section-11"] {
        assert!(topics.contains(&topic), "no topic {topic}");
    }
    for n in 1..=10 {
        assert!(topics.contains(&format!("principle-{n}").as_str()), "no topic for Principle {n}");
    }
}

#[test]
fn every_option_explains_itself() {
    assert_eq!(options_without_feedback(&shipped_bank()), Vec::<String>::new());
    for feedback in [None, Some("  ".to_string())] {
        let bank = broken(
            |k| k.options().is_some(),
            |q| {
                if let Kind::SingleChoice { options } | Kind::MultipleChoice { options } | Kind::Scenario { options, .. } = &mut q.kind {
                    options[0].feedback = feedback.clone();
                }
            },
        );
        assert_eq!(options_without_feedback(&bank).len(), 1, "{feedback:?}");
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
    let bars = bank.bars(characteristics);
    assert_eq!(bars.len(), 11);
    assert_eq!(bars.iter().map(|b| b.value).sum::<i64>(), 35 + 21 + 17 + 13 + 12 + 11 + 9 + 7 + 7 + 4 + 1);
    let national: Vec<i64> = bank.card("national-picture").unwrap().charts.iter().flat_map(|c| bank.bars(c)).map(|b| b.value).collect();
    assert_eq!(national, [294, 244, 500, 77, 46, 15, 13]);
}

#[test]
fn chart_labels_are_the_seeds_own_words_and_units_are_never_mixed() {
    let bank = shipped_bank();
    let seed = SEED.to_lowercase().replace('\u{2019}', "'");
    for card in &bank.cards {
        for chart in &card.charts {
            for bar in &chart.bars {
                // A label may join two phrases of the seed with ": ".
                for part in bar.label.split(": ") {
                    let part = part.to_lowercase().replace('\u{2019}', "'");
                    assert!(seed.contains(&part), "{}: \"{part}\" is not the seed's wording", card.id);
                }
            }
        }
    }
    // Children (as safeguarding partnerships reported them) and incidents are
    // different things: each chart counts one of them.
    let national = &bank.card("national-picture").unwrap().charts;
    let labels_of = |title: &str| -> Vec<String> {
        national.iter().find(|c| c.title.contains(title)).unwrap().bars.iter().map(|b| b.label.clone()).collect()
    };
    assert_eq!(labels_of("as reported by safeguarding partnerships"), ["Seriously harmed", "Died"]);
    assert!(labels_of("incidents").iter().all(|l| l != "Seriously harmed" && l != "Died"), "no count of children among the incidents");
    let characteristics = bank.card("characteristics").unwrap().charts[0].bars.iter().map(|b| b.label.as_str()).collect::<Vec<_>>();
    assert!(characteristics.contains(&"History of child abuse by either or both parents"));
}

#[test]
fn every_card_with_figures_says_they_are_from_2018_19_and_that_scrs_became_lcsprs() {
    let bank = shipped_bank();
    let with_charts: Vec<_> = bank.cards.iter().filter(|c| !c.charts.is_empty()).collect();
    assert!(with_charts.len() >= 2);
    for card in with_charts {
        let note = card.note.as_deref().unwrap_or_else(|| panic!("{} has figures and no note", card.id));
        assert!(note.contains("2018-19") && note.contains("Local Child Safeguarding Practice Reviews"), "{}: {note}", card.id);
    }
}

#[test]
fn search_finds_disguised_compliance_under_principles_5_and_7() {
    let bank = shipped_bank();
    let hits: Vec<String> = quiz::content::learn::search(&bank.cards, "disguised compliance").into_iter().map(|h| h.card).collect();
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

/// Every text the shipped content shows or states, each with where it is:
/// facts; cards (title, intro, note, headings, points, flips, chart titles
/// and bar labels); topic titles; and questions (prompt, scenario, options
/// and their feedback, order items, match lefts and rights, explanation).
fn every_text(bank: &Bank) -> Vec<(String, &str)> {
    let mut texts: Vec<(String, &str)> = bank.facts.iter().map(|f| (format!("fact {}", f.id), f.text.as_str())).collect();
    for card in &bank.cards {
        let at = |what: &str| format!("card {} {what}", card.id);
        texts.push((at("title"), &card.title));
        texts.extend(card.intro.iter().chain(&card.note).map(|t| (at("intro or note"), t.as_str())));
        for group in &card.groups {
            texts.extend(group.heading.iter().map(|h| (at("heading"), h.as_str())));
            texts.extend(group.points.iter().map(|p| (at("point"), p.text.as_str())));
        }
        texts.extend(card.flips.iter().flat_map(|f| [(at("flip"), f.front.as_str()), (at("flip"), f.back.as_str())]));
        for chart in &card.charts {
            texts.push((at("chart title"), &chart.title));
            texts.extend(chart.bars.iter().map(|b| (at("bar label"), b.label.as_str())));
        }
    }
    for topic in &bank.topics {
        texts.push((format!("topic {}", topic.id), &topic.title));
        for q in &topic.questions {
            let at = format!("question {}", q.id);
            texts.push((at.clone(), &q.prompt));
            texts.push((at.clone(), &q.explanation));
            match &q.kind {
                Kind::Scenario { scenario, .. } => texts.push((at.clone(), scenario)),
                Kind::Order { items } => texts.extend(items.iter().map(|i| (at.clone(), i.text.as_str()))),
                Kind::Match { pairs } => {
                    texts.extend(pairs.iter().flat_map(|p| [(at.clone(), p.left.as_str()), (at.clone(), p.right.as_str())]))
                }
                Kind::SingleChoice { .. } | Kind::MultipleChoice { .. } | Kind::TrueFalse { .. } | Kind::Numeric { .. } => {}
            }
            for option in q.kind.options().unwrap_or_default() {
                texts.push((at.clone(), &option.text));
                texts.extend(option.feedback.iter().map(|f| (at.clone(), f.as_str())));
            }
        }
    }
    texts
}

/// The seed's sentence on deaths and serious harm, as the seed writes it.
fn seed_partnership_sentence() -> &'static str {
    SEED.lines()
        .find_map(|l| l.trim().strip_prefix("- ").filter(|l| l.starts_with("244 safeguarding partnerships")))
        .expect("the seed's sentence")
}

/// Texts that present 244 or 294 as a number of safeguarding partnerships.
/// They count children (244 who died, 294 seriously harmed: together the 538
/// notified), as reported by partnerships. A text may quote the seed's own
/// sentence, verbatim and in quotation marks; the rest of it must not read
/// the figures as partnerships. A chart drawing either figure must say in its
/// title that it counts children.
fn texts_counting_partnerships(bank: &Bank) -> Vec<String> {
    let sentence = seed_partnership_sentence();
    let quotes: Vec<String> = [('"', '"'), ('\u{201c}', '\u{201d}')]
        .iter()
        .flat_map(|(open, close)| [format!("{open}{sentence}{close}"), format!("{open}{}{close}", sentence.trim_end_matches('.'))])
        .collect();
    let wrong: Vec<String> = ["244", "294"]
        .iter()
        .flat_map(|n| [format!("{n} partnerships"), format!("{n} safeguarding partnerships")])
        .chain(
            [
                "partnerships that reported",
                "how many safeguarding partnerships",
                "how many partnerships",
                "number of safeguarding partnerships",
                "number of partnerships",
            ]
            .map(String::from),
        )
        .collect();
    let mut problems: Vec<String> = every_text(bank)
        .into_iter()
        .filter_map(|(at, text)| {
            let unquoted = quotes.iter().fold(text.to_string(), |t, q| t.replace(q.as_str(), ""));
            let lower = unquoted.to_lowercase();
            wrong.iter().any(|w| lower.contains(w.as_str())).then(|| format!("{at}: \"{text}\" counts partnerships"))
        })
        .collect();
    for card in &bank.cards {
        for chart in &card.charts {
            let draws_children = chart.bars.iter().any(|b| bank.fact(&b.fact).and_then(|f| f.figure).is_some_and(|f| f == 244 || f == 294));
            if draws_children && !chart.title.to_lowercase().contains("children") {
                problems.push(format!("card {}: chart \"{}\" draws 244 or 294 and does not say they are children", card.id, chart.title));
            }
        }
    }
    problems
}

#[test]
fn no_text_counts_the_244_or_294_as_partnerships() {
    let bank = shipped_bank();
    assert_eq!(texts_counting_partnerships(&bank), Vec::<String>::new());
    let sentence = seed_partnership_sentence();
    assert!(every_text(&bank).iter().any(|(_, t)| t.contains(&format!("\"{sentence}\""))), "the seed's own words are quoted somewhere");

    // Each way the course used to put it, in each kind of text, is caught.
    let caught = |bank: &Bank| texts_counting_partnerships(bank).len();
    fn national(bank: &mut Bank) -> &mut quiz::content::learn::Card {
        bank.cards.iter_mut().find(|c| c.id == "national-picture").expect("the national picture card")
    }
    let mut fact = shipped_bank();
    fact.facts.iter_mut().find(|f| f.id == "np-died-244").unwrap().text =
        "244 safeguarding partnerships reported that children had died.".into();
    assert_eq!(caught(&fact), 1, "a fact");
    let mut chart = shipped_bank();
    national(&mut chart).charts[0].title = "Safeguarding partnerships, 2018-19".into();
    assert_eq!(caught(&chart), 1, "a chart title");
    let mut flip = shipped_bank();
    national(&mut flip).flips[1].front = "How many safeguarding partnerships reported that children had died?".into();
    assert_eq!(caught(&flip), 1, "a flip card");
    let order = broken(
        |k| matches!(k, Kind::Order { .. }),
        |q| {
            if let Kind::Order { items } = &mut q.kind {
                items[0].text = "Safeguarding partnerships that reported serious harm".into();
            }
        },
    );
    assert_eq!(caught(&order), 1, "an order item");
    let pair = broken(
        |k| matches!(k, Kind::Match { .. }),
        |q| {
            if let Kind::Match { pairs } = &mut q.kind {
                pairs[0].right = "Safeguarding partnerships that reported that children had died".into();
            }
        },
    );
    assert_eq!(caught(&pair), 1, "a match right");
    let option = broken(
        |k| matches!(k, Kind::SingleChoice { .. }),
        |q| {
            if let Kind::SingleChoice { options } = &mut q.kind {
                options[0].feedback = Some("294 is the number of safeguarding partnerships that reported serious harm.".into());
            }
        },
    );
    assert_eq!(caught(&option), 1, "an option's feedback");
    let explanation =
        broken(|_| true, |q| q.explanation = "The near misses were part of the serious harm group (294 partnerships).".into());
    assert_eq!(caught(&explanation), 1, "an explanation");

    // The seed's sentence in quotation marks is the seed speaking; unquoted, it is the course.
    let quoted =
        broken(|_| true, |q| q.explanation = format!("The seed says \u{201c}{sentence}\u{201d} These are children, not partnerships."));
    assert_eq!(caught(&quoted), 0, "a verbatim quotation");
    let unquoted = broken(|_| true, |q| q.explanation = sentence.to_string());
    assert_eq!(caught(&unquoted), 1, "the same words unquoted");
}

/// Principle 6's difficult conversation is had the safe way: the worker
/// goes to the designated safeguarding lead first.
#[test]
fn the_difficult_conversation_goes_through_the_safeguarding_lead() {
    let bank = shipped_bank();
    let q = bank.question("p6-scenario-difficult-conversation").expect("the scenario");
    let Kind::Scenario { scenario, options } = &q.kind else { panic!("p6-scenario-difficult-conversation is not a scenario") };
    assert!(scenario.to_lowercase().contains("safeguarding lead"), "{scenario}");
    let right: Vec<&str> = options.iter().filter(|o| o.correct).map(|o| o.text.as_str()).collect();
    assert_eq!(right, ["Principle 6: Clear, concise and consistent communication"]);
}
