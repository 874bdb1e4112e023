use super::*;
use crate::quiz::content::bank::OrderItem;

const SECTIONS: &str = r#"[{"id":"principle-1","title":"Principle 1: Keep clear and detailed records"},
        {"id":"national-picture","title":"The national picture 2018-19"}]"#;
const FACTS: &str = r#"[{"id":"f1","section":"principle-1","text":"A fact."},
        {"id":"f46","section":"national-picture","text":"46%.","figure":46}]"#;

const LEARN: &str = r#"{"cards":[{"id":"c","title":"C","section":"principle-1","groups":[{"points":[
        {"fact":"f1","text":"A fact."},{"fact":"f46","text":"46%."}]}],
        "charts":[{"title":"T","unit":"%","bars":[{"fact":"f46","label":"Not known"}]}]}],
        "deck":{"title":"S","slides":[{"part":"title"},{"card":"c"},{"part":"animation"},{"part":"group-work"},{"part":"quiz"},{"part":"care-line"}],
        "animation":"A.","group_work":{"title":"G","minutes":10,"intro":"In groups:","prompts":["Reflect."]}}}"#;

fn topic_json(questions: &str) -> String {
    format!(r#"{{"id":"t","title":"T","questions":[{questions}]}}"#)
}

const GOOD: &str = r#"{"id":"q-1","type":"single","prompt":"P?","principle":1,"facts":["f1"],
        "options":[{"id":"a","text":"A","correct":true},{"id":"b","text":"B"}],
        "explanation":"Because.","source":"Principle 1: Keep clear and detailed records"}"#;
const NUMERIC: &str = r#"{"id":"q-2","type":"numeric","prompt":"How many?","facts":["f46"],
        "answer":46,"close_within":3,"unit":"%","explanation":"Because.","source":"The national picture 2018-19"}"#;

fn load(questions: &str) -> Result<Bank, BankError> {
    Bank::from_files(SECTIONS, FACTS, LEARN, &[("t.json", &topic_json(questions))])
}

fn problems_for(question: &str) -> Vec<String> {
    match load(&format!("{question},{NUMERIC}")) {
        Err(BankError::Invalid(problems)) => problems,
        other => panic!("expected an invalid bank, got {other:?}"),
    }
}

#[test]
fn good_questions_load() {
    let bank = load(&format!("{GOOD},{NUMERIC}")).unwrap();
    assert_eq!(bank.question("q-1").unwrap().kind.name(), "single");
    assert_eq!(bank.question("q-2").unwrap().kind, Kind::Numeric { answer: 46, close_within: 3, unit: "%".into() });
}

#[test]
fn the_bundle_reads_the_same_as_the_files() {
    let files = load(&format!("{GOOD},{NUMERIC}")).unwrap();
    // The learn file's `"cards": […], "deck": {…}`, as the bundle holds them.
    let cards_and_deck = &LEARN[1..LEARN.len() - 1];
    let bundle =
        format!(r#"{{"sections":{SECTIONS},"facts":{FACTS},"topics":[{}],{cards_and_deck}}}"#, topic_json(&format!("{GOOD},{NUMERIC}")));
    assert_eq!(Bank::from_bundle(&bundle), Ok(files));
}

#[test]
fn a_damaged_bundle_is_refused() {
    let bundle = format!(r#"{{"sections":{SECTIONS},"facts":{FACTS},"topics":[{}],{}}}"#, topic_json(GOOD), &LEARN[1..LEARN.len() - 1]);
    assert!(Bank::from_bundle(&bundle).is_ok());
    for damaged in [&bundle[..bundle.len() / 2], "", "null", "{}", &bundle.replace("\"options\"", "\"opts\"")] {
        assert_eq!(Bank::from_bundle(damaged), Err(BankError::Damaged), "{damaged}");
    }
}

#[test]
fn malformed_json_names_the_file_and_the_place() {
    let err = Bank::from_files(SECTIONS, FACTS, LEARN, &[("broken.json", "{")]).unwrap_err();
    assert!(matches!(err, BankError::Parse { ref file, .. } if file == "broken.json"));
    assert_eq!(err.to_string(), "broken.json: not valid JSON: EOF while parsing an object at line 1 column 1");
    let err = Bank::from_files(SECTIONS, "[\n  {\"id\": \"f1\",}\n]", LEARN, &[]).unwrap_err();
    assert!(err.to_string().starts_with("facts.json: not valid JSON: trailing comma at line 2 column"), "{err}");
}

/// Reads a topic file `t.json` of one question as `from_files` does (without
/// the content rules), giving the question's kind or the error message.
fn parse_one(question: &str) -> Result<Kind, String> {
    read_file::<Topic>("t.json", &topic_json(question)).map(|topic| topic.questions[0].kind.clone()).map_err(|e| e.to_string())
}

/// A question of `type` with the common fields and then `fields`.
fn question(question_type: &str, fields: &str) -> String {
    format!(
        r#"{{"id":"q-9","type":"{question_type}","prompt":"P","facts":["f1"],"explanation":"E.",
            "source":"Principle 1: Keep clear and detailed records",{fields}}}"#
    )
}

#[test]
fn each_type_reads_into_its_kind() {
    let option = |text: &str, correct| AnswerOption { id: text.to_lowercase(), text: text.into(), correct, feedback: None };
    let options =
        r#""options":[{"id":"a","text":"A","correct":true,"feedback":"Yes."},{"id":"b","text":"B","correct":false},{"id":"c","text":"C"}]"#;
    let read_options = vec![AnswerOption { feedback: Some("Yes.".into()), ..option("A", true) }, option("B", false), option("C", false)];
    let cases = [
        ("single", options.to_string(), Kind::SingleChoice { options: read_options.clone() }),
        ("multi", options.to_string(), Kind::MultipleChoice { options: read_options.clone() }),
        ("true_false", r#""answer":false"#.to_string(), Kind::TrueFalse { answer: false }),
        (
            "order",
            r#""items":[{"id":"a","text":"a"},{"id":"b","text":"b"},{"id":"c","text":"c"}]"#.to_string(),
            Kind::Order { items: OrderItem::lettered(&["a", "b", "c"]) },
        ),
        (
            "match",
            r#""pairs":[{"id":"a","left":"a","right":"1"},{"id":"b","left":"b","right":"2"}]"#.to_string(),
            Kind::Match {
                pairs: vec![
                    Pair { id: "a".into(), left: "a".into(), right: "1".into() },
                    Pair { id: "b".into(), left: "b".into(), right: "2".into() },
                ],
            },
        ),
        (
            "numeric",
            r#""answer":-7,"close_within":0,"unit":"""#.to_string(),
            Kind::Numeric { answer: -7, close_within: 0, unit: String::new() },
        ),
        ("scenario", format!(r#""scenario":"S.",{options}"#), Kind::Scenario { scenario: "S.".into(), options: read_options.clone() }),
    ];
    let covered: Vec<&str> = cases.iter().map(|(question_type, _, _)| *question_type).collect();
    assert_eq!(covered, type_names(), "a case for every type serde reads");
    for (question_type, fields, kind) in cases {
        let read = parse_one(&question(question_type, &fields));
        assert_eq!(read, Ok(kind), "{question_type}");
        assert_eq!(read.unwrap().name(), question_type, "Kind::name is the type as written");
    }
}

/// Every type name serde reads, in order: the list its error for an
/// unknown type gives, so a new type is in it without being written here.
fn type_names() -> Vec<String> {
    let Err(err) = serde_json::from_str::<QuestionType>(r#""?""#) else { panic!("\"?\" is no type") };
    let err = err.to_string();
    let (_, expected) = err.split_once("expected one of ").unwrap_or_else(|| panic!("{err}"));
    expected.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

#[test]
fn every_type_name_reads_back_as_that_type() {
    let names = type_names();
    assert!(names.contains(&"single".to_string()) && names.contains(&"scenario".to_string()), "{names:?}");
    for name in &names {
        let Ok(read) = serde_json::from_str::<QuestionType>(&format!("\"{name}\"")) else { panic!("{name}") };
        assert_eq!(read.name(), name, "QuestionType::name is the name serde reads");
    }
}

#[test]
fn a_question_needs_exactly_the_fields_of_its_type() {
    let err = parse_one(&question("numeric", r#""answer":46,"unit":"%""#)).unwrap_err();
    assert!(err.starts_with("t.json: question 'q-9': field `close_within` is missing for type numeric at line 2"), "{err}");
    let err = parse_one(&question("true_false", r#""answer":true,"options":[]"#)).unwrap_err();
    assert!(err.contains("question 'q-9': field `options` does not belong to type true_false"), "{err}");
    let err = parse_one(&question("true_false", r#""answer":1"#)).unwrap_err();
    assert!(err.contains("question 'q-9': field `answer` must be true or false for type true_false"), "{err}");
    let err = parse_one(&question("numeric", r#""answer":"46","close_within":0,"unit":"""#)).unwrap_err();
    assert!(err.contains("invalid type: string \"46\", expected true, false or a whole number"), "{err}");
    let err = parse_one(&question("numeric", r#""answer":true,"close_within":0,"unit":"""#)).unwrap_err();
    assert!(err.contains("field `answer` must be a whole number for type numeric"), "{err}");
    let err = parse_one(&question("numeric", r#""answer":46.5,"close_within":0,"unit":"""#)).unwrap_err();
    assert!(err.contains("invalid type: floating point `46.5`"), "{err}");
    let err = parse_one(&question("numeric", r#""answer":46,"close_within":-1,"unit":"""#)).unwrap_err();
    assert!(err.contains("invalid value: integer `-1`, expected u32"), "{err}");
}

#[test]
fn misspelt_fields_are_reported() {
    let q = GOOD.replace("\"explanation\"", "\"explanaton\"");
    let err = load(&format!("{q},{NUMERIC}")).unwrap_err().to_string();
    assert!(err.starts_with("t.json: unknown field `explanaton`, expected one of `id`, `type`,"), "{err}");
    assert!(err.ends_with(" at line 3 column 20"), "{err}");
    let q = GOOD.replace("\"principle\":1", "\"principle\":1,\"colour\":\"red\"");
    assert!(load(&format!("{q},{NUMERIC}")).unwrap_err().to_string().contains("unknown field `colour`"));
    let q = GOOD.replace(r#""explanation":"Because.","#, "");
    assert!(load(&format!("{q},{NUMERIC}")).unwrap_err().to_string().contains("missing field `explanation`"));
    let learn = LEARN.replace("\"label\"", "\"lable\"");
    let err = Bank::from_files(SECTIONS, FACTS, &learn, &[("t.json", &topic_json(GOOD))]).unwrap_err().to_string();
    assert!(err.starts_with("learn.json: unknown field `lable`, expected one of `fact`, `qualifier`, `label` at line 3"), "{err}");
    let facts = FACTS.replace("\"text\"", "\"txt\"");
    let err = Bank::from_files(SECTIONS, &facts, LEARN, &[("t.json", &topic_json(GOOD))]).unwrap_err().to_string();
    assert!(err.starts_with("facts.json: unknown field `txt`"), "{err}");
}

#[test]
fn unknown_types_are_reported() {
    let q = GOOD.replace("\"single\"", "\"essay\"");
    let err = load(&format!("{q},{NUMERIC}")).unwrap_err().to_string();
    assert!(err.contains("unknown variant `essay`, expected one of `single`, `multi`, `true_false`, `order`, `match`,"), "{err}");
}

#[test]
fn single_choice_needs_exactly_one_correct_option() {
    let two = GOOD.replace(r#"{"id":"b","text":"B"}"#, r#"{"id":"b","text":"B","correct":true}"#);
    assert!(problems_for(&two).iter().any(|p| p.contains("exactly one correct")));
    let none = GOOD.replace(r#""correct":true"#, r#""correct":false"#);
    assert!(problems_for(&none).iter().any(|p| p.contains("exactly one correct")));
}

#[test]
fn multi_needs_a_right_and_a_wrong_option() {
    let all_right = GOOD.replace("\"single\"", "\"multi\"").replace(r#"{"id":"b","text":"B"}"#, r#"{"id":"b","text":"B","correct":true}"#);
    assert!(problems_for(&all_right).iter().any(|p| p.contains("one correct and one wrong")));
}

#[test]
fn numeric_answers_must_be_a_figure_of_their_facts() {
    let wrong = NUMERIC.replace("\"answer\":46", "\"answer\":45");
    let problems = match load(&format!("{GOOD},{wrong}")) {
        Err(BankError::Invalid(p)) => p,
        other => panic!("{other:?}"),
    };
    assert!(problems.iter().any(|p| p.contains("numeric answer 45")), "{problems:?}");
}

#[test]
fn every_fact_must_be_taught_and_known() {
    match load(GOOD) {
        Err(BankError::Invalid(p)) => assert!(p.iter().any(|p| p.contains("fact 'f46' is taught by no question"))),
        other => panic!("{other:?}"),
    }
    let unknown = GOOD.replace(r#"["f1"]"#, r#"["f1","f999"]"#);
    assert!(problems_for(&unknown).iter().any(|p| p.contains("unknown fact 'f999'")));
}

#[test]
fn every_fact_must_be_on_a_learn_card_and_charts_need_figures() {
    let only_f1 = LEARN.replace(r#",{"fact":"f46","text":"46%."}"#, "").replace(r#""fact":"f46","label""#, r#""fact":"f1","label""#);
    match Bank::from_files(SECTIONS, FACTS, &only_f1, &[("t.json", &topic_json(&format!("{GOOD},{NUMERIC}")))]) {
        Err(BankError::Invalid(p)) => {
            assert!(p.iter().any(|p| p.contains("fact 'f46' is on no Learn card")), "{p:?}");
            assert!(p.iter().any(|p| p.contains("needs a fact with a figure")), "{p:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_percentage_chart_holds_only_percentages_and_units_are_known() {
    let problems =
        |learn: &str, facts: &str| match Bank::from_files(SECTIONS, facts, learn, &[("t.json", &topic_json(&format!("{GOOD},{NUMERIC}")))])
        {
            Err(BankError::Invalid(p)) => p,
            Ok(_) => Vec::new(),
            other => panic!("{other:?}"),
        };
    assert!(problems(LEARN, FACTS).is_empty());
    let over_100 = FACTS.replace(r#""figure":46"#, r#""figure":146"#);
    assert!(problems(LEARN, &over_100).iter().any(|p| p.contains("is a percentage, so its figure must be 0 to 100")));
    let as_count = problems(&LEARN.replace(r#""unit":"%""#, r##""unit":"""##), &over_100);
    assert!(!as_count.iter().any(|p| p.contains("chart")), "146 is fine as a count: {as_count:?}");
    let unit = LEARN.replace(r#""unit":"%""#, r#""unit":"incidents""#);
    assert!(problems(&unit, FACTS).iter().any(|p| p.contains("unit must be")));
    let qualified = LEARN.replace(r#"{"fact":"f46","label""#, r#"{"fact":"f46","qualifier":"over","label""#);
    assert!(problems(&qualified, FACTS).is_empty());
}

#[test]
fn order_and_match_need_distinct_items() {
    let order = r#"{"id":"q-3","type":"order","prompt":"Order","facts":["f1"],"items":[{"id":"a","text":"a"},{"id":"b","text":"b"},{"id":"c","text":"a"}],
            "explanation":"E.","source":"Principle 1: Keep clear and detailed records"}"#;
    assert!(problems_for(&format!("{GOOD},{order}")).iter().any(|p| p.contains("all different")));
    let pairs = r#"{"id":"q-3","type":"match","prompt":"Match","facts":["f1"],
            "pairs":[{"id":"a","left":"a","right":"1"},{"id":"b","left":"b","right":"1"}],
            "explanation":"E.","source":"Principle 1: Keep clear and detailed records"}"#;
    assert!(problems_for(&format!("{GOOD},{pairs}")).iter().any(|p| p.contains("all different")));
}

#[test]
fn unknown_source_and_mismatched_principle_are_rejected() {
    let q = GOOD.replace("Principle 1: Keep clear and detailed records", "Wikipedia");
    assert!(problems_for(&q).iter().any(|p| p.contains("not a section of the seed")));
    let q = GOOD.replace(r#""principle":1"#, r#""principle":2"#);
    assert!(problems_for(&q).iter().any(|p| p.contains("principle 2")));
}

#[test]
fn duplicate_and_unstable_ids_are_rejected() {
    assert!(problems_for(&format!("{GOOD},{GOOD}")).iter().any(|p| p.contains("used twice")));
    let q = GOOD.replace("q-1", "Q 1");
    assert!(problems_for(&q).iter().any(|p| p.contains("lowercase")));
}

#[test]
fn the_deck_names_known_cards_and_holds_each_part_once() {
    let problems = |learn: &str| match Bank::from_files(SECTIONS, FACTS, learn, &[("t.json", &topic_json(&format!("{GOOD},{NUMERIC}")))]) {
        Err(BankError::Invalid(problems)) => problems,
        Ok(_) => vec![],
        Err(other) => panic!("{other:?}"),
    };
    assert!(problems(LEARN).is_empty());
    assert!(problems(&LEARN.replace(r#"{"card":"c"}"#, r#"{"card":"gone"}"#)).iter().any(|p| p.contains("no card 'gone'")));
    assert!(problems(&LEARN.replace(r#"{"card":"c"}"#, r#"{"card":"c","part":"quiz"}"#))
        .iter()
        .any(|p| p.contains("either a card or a part")));
    assert!(problems(&LEARN.replace(r#"{"card":"c"}"#, "{}")).iter().any(|p| p.contains("either a card or a part")));
    assert!(problems(&LEARN.replace(r#"{"part":"quiz"},"#, "")).iter().any(|p| p.contains("Quiz must be there once, not 0 times")));
    assert!(problems(&LEARN.replace(r#"{"part":"title"},"#, r#"{"part":"animation"},"#))
        .iter()
        .any(|p| p.contains("Animation must be there once, not 2")));
    assert!(problems(&LEARN.replace(r#""minutes":10"#, r#""minutes":0"#)).iter().any(|p| p.contains("1 to 60 minutes")));
    assert!(problems(&LEARN.replace(r#"["Reflect."]"#, "[]")).iter().any(|p| p.contains("needs a prompt")));
    let misspelt = Bank::from_files(SECTIONS, FACTS, &LEARN.replace(r#""part":"quiz""#, r#""part":"quizz""#), &[]).unwrap_err();
    assert!(matches!(misspelt, BankError::Parse { .. }), "an unknown part is refused: {misspelt}");
}
