use super::*;

#[test]
fn a_session_link_brings_the_same_session_and_a_cut_one_is_refused() {
    let spec = QuizSpec {
        topics: vec!["principle-3".into()],
        count: 10,
        seed: 77,
        assessment: true,
        pass_mark: 80,
        title: Some("Church hall".into()),
        refresh_months: Some(12),
    };
    let link = spec.session_query();
    assert!(link.starts_with("?view=session&c="), "{link}");
    let read = QuizSpec::from_session_query(&link, |_| true).unwrap();
    assert_eq!((read.id(), read.title.as_deref()), (spec.id(), Some("Church hall")), "the same session, so one debrief");
    // Cut anywhere, as a chat app may: refused, never opened as another session.
    for end in "?view=session".len()..link.len() {
        assert!(QuizSpec::from_session_query(&link[..end], |_| true).is_err(), "{}", &link[..end]);
    }
    assert!(QuizSpec::from_session_query(&link.replace("pass=80", "pass=8"), |_| true).is_err());
    assert!(QuizSpec::from_session_query(&spec.to_query(), |_| true).is_err(), "a learner's link is not a session link");
}

#[test]
fn a_session_link_carries_its_results_and_a_cut_one_is_refused() {
    let spec = QuizSpec {
        topics: Vec::new(),
        count: 5,
        seed: 9,
        assessment: false,
        pass_mark: 80,
        title: Some("Hall".into()),
        refresh_months: Some(12),
    };
    let result = |token: &str, correct: u32, missed: Vec<u32>, name: Option<&str>| QuizResult {
        spec: spec.clone(),
        correct,
        missed,
        token: token.into(),
        name: name.map(str::to_owned),
    };
    let other = QuizResult { spec: QuizSpec { seed: 10, ..spec.clone() }, ..result("ffff0000", 5, vec![], None) };
    let results = vec![
        result("aaaa0001", 4, vec![2], Some("Sam_J. O'Neil")),
        result("aaaa0002", 2, vec![0, 1, 4], None),
        other,
        result("aaaa0003", 5, vec![], Some("جلسة")),
    ];
    let link = spec.session_query_with(&results).query;
    assert!(link.starts_with(&format!("?view=session&c={}&results=3_", spec.id())), "{link}");
    let read = QuizSpec::from_session_query(&link, |_| true).unwrap();
    let carried = read.session_results(&link, &|_| true).unwrap();
    let expected: Vec<QuizResult> = results.iter().filter(|r| r.spec.id() == spec.id()).cloned().collect();
    assert_eq!(
        carried.iter().map(|r| (&r.token, r.correct, &r.missed, &r.name)).collect::<Vec<_>>(),
        expected.iter().map(|r| (&r.token, r.correct, &r.missed, &r.name)).collect::<Vec<_>>(),
        "every result of this session, names and all, and only those"
    );
    assert!(carried.iter().all(|r| r.spec.id() == spec.id()));
    // Cut anywhere: refused, never read as another session or as fewer results.
    for end in "?view=session".len()..link.len() {
        let cut = &link[..end];
        let refused = QuizSpec::from_session_query(cut, |_| true).and_then(|s| s.session_results(cut, &|_| true)).is_err();
        assert!(refused, "{cut}");
    }
    assert_eq!(
        spec.session_query_with(&[]),
        SessionLink { query: spec.session_query(), left_out: 0 },
        "no results: the plain session link"
    );
}

#[test]
fn a_session_link_too_long_for_its_results_carries_none_and_says_so() {
    let spec = QuizSpec { topics: Vec::new(), count: 20, seed: 9, assessment: true, pass_mark: 80, title: None, refresh_months: Some(12) };
    let name = "A long name of thirty-five letters";
    let results: Vec<QuizResult> = (0..200u32)
        .map(|n| QuizResult {
            spec: spec.clone(),
            correct: 2,
            missed: (0..18).collect(),
            token: format!("{n:08x}"),
            name: Some(name.into()),
        })
        .collect();
    for (count, fits) in [(20, true), (200, false)] {
        let link = spec.session_query_with(&results[..count]);
        let read = QuizSpec::from_session_query(&link.query, |_| true).unwrap();
        let carried = read.session_results(&link.query, &|_| true).unwrap();
        if fits {
            assert_eq!((carried.len(), link.left_out), (count, 0));
        } else {
            assert_eq!((carried.len(), link.left_out), (0, count), "the session opens, and the screen can say the results did not come");
            assert_eq!(link.query, spec.session_query());
        }
    }
}

#[test]
fn a_result_from_a_link_that_gave_fewer_questions_than_asked_is_read() {
    let base = "?view=result&topics=principle-8&count=20&seed=1&mode=assessment&pass=80&refresh=12";
    let known = |_: &str| true;
    let read = |tail: &str| QuizResult::from_query(&format!("{base}{tail}"), known);
    let five = read("&score=4&missed=0&r=abcdef12").unwrap();
    assert_eq!((five.correct, five.missed.clone()), (4, vec![0]));
    assert!(read("&score=4&missed=7&r=abcdef12").is_err(), "position 8 of a 5-question quiz");
    assert!(read("&score=20&missed=0&r=abcdef12").is_err(), "21 questions of 20");
    assert!(read("&score=0&missed=&r=abcdef12").is_err(), "no questions at all");
    assert!(five.fits(5));
    assert!(!five.fits(4) && !five.fits(20), "the trainer's phone knows the link gives 5");
    assert!(!read("&score=6&missed=&r=abcdef12").unwrap().fits(5));
}

#[test]
fn same_settings_ignore_the_seed_and_the_order_of_topics() {
    let a = QuizSpec {
        topics: vec!["principle-1".into(), "principle-3".into()],
        count: 10,
        seed: 1,
        assessment: false,
        pass_mark: 80,
        title: Some("Hall".into()),
        refresh_months: Some(12),
    };
    let b = QuizSpec { seed: 99, topics: vec!["principle-3".into(), "principle-1".into()], ..a.clone() };
    assert!(a.same_settings(&b));
    assert!(a.same_settings(&QuizSpec { pass_mark: 70, ..a.clone() }), "practice has no pass mark to differ");
    let assessed = QuizSpec { assessment: true, ..a.clone() };
    assert!(!assessed.same_settings(&QuizSpec { pass_mark: 70, ..assessed.clone() }));
    for other in [
        QuizSpec { count: 5, ..a.clone() },
        QuizSpec { assessment: true, ..a.clone() },
        QuizSpec { title: None, ..a.clone() },
        QuizSpec { refresh_months: Some(24), ..a.clone() },
        QuizSpec { topics: vec!["principle-1".into()], ..a.clone() },
    ] {
        assert!(!a.same_settings(&other), "{other:?}");
    }
}

fn known(topic: &str) -> bool {
    matches!(topic, "principle-3" | "principle-4" | "national-picture")
}

fn spec() -> QuizSpec {
    QuizSpec {
        topics: vec!["principle-3".into(), "national-picture".into()],
        count: 10,
        seed: 4_000_000_000,
        assessment: true,
        pass_mark: 80,
        title: Some("Team day: <Safeguarding> & \"you\" — ok?".into()),
        refresh_months: Some(12),
    }
}

#[test]
fn a_spec_round_trips_through_its_link() {
    let link = spec().to_query();
    assert!(link.starts_with(&format!("?view=trainer-quiz&c={}&title=Team%20day%3A%20%3CSafeguarding%3E", spec().id())), "{link}");
    assert!(
        link.ends_with("&topics=principle-3.national-picture&count=10&seed=4000000000&mode=assessment&pass=80&refresh=12"),
        "ends with a number: {link}"
    );
    assert_eq!(QuizSpec::from_query(&link, known), Ok(spec()));
    let all = QuizSpec { topics: vec![], title: None, refresh_months: None, assessment: false, ..spec() };
    assert_eq!(QuizSpec::from_query(&all.to_query(), known), Ok(all));
}

#[test]
fn hostile_and_odd_links_are_refused_with_a_reason() {
    // As links were made before the check: each fault has its own reason.
    // (With the check, each of these is "incomplete": see the next test.)
    let good = spec().to_query().replacen(&format!("&c={}", spec().id()), "", 1);
    let ten_kb_title = format!("{}&title={}", good.split("&title=").next().unwrap(), "A".repeat(10_000));
    for (link, error) in [
        (good.replace("count=10", "count=0"), LinkError::OutOfRange("question count")),
        (good.replace("count=10", "count=99999999999999"), LinkError::OutOfRange("question count")),
        (good.replace("count=10", "count=-5"), LinkError::OutOfRange("question count")),
        (good.replace("count=10", "count=1e3"), LinkError::OutOfRange("question count")),
        (good.replace("pass=80", "pass=101"), LinkError::OutOfRange("pass mark")),
        (good.replace("seed=4000000000", "seed=99999999999"), LinkError::OutOfRange("question order")),
        (good.replace("mode=assessment", "mode=exam"), LinkError::OutOfRange("mode")),
        (good.replace("principle-3", "principle-99x"), LinkError::UnknownTopic),
        (good.replace("principle-3", "<img onerror=alert(1)>"), LinkError::Malformed),
        (good.replace("&count=10", ""), LinkError::Missing("question count")),
        (format!("{good}&count=11"), LinkError::Malformed),
        (good.replace("&title=", "&title=%E0%A4%A"), LinkError::Malformed),
        (good.replace("&title=", "&title=%FF"), LinkError::Malformed),
        (ten_kb_title, LinkError::TooLong),
        ("?view=trainer-quiz&&".into(), LinkError::Missing("topics")),
        (good.replace("view=trainer-quiz", "view=result"), LinkError::Malformed),
    ] {
        assert_eq!(QuizSpec::from_query(&link, known), Err(error), "{}", &link[..link.len().min(120)]);
        assert!(!error.message().is_empty());
    }
}

#[test]
fn titles_are_kept_as_plain_short_text() {
    let mut hostile = spec();
    hostile.title = Some(format!("<img src=x onerror=alert(1)>\u{202E}\u{0007}{}", "é".repeat(100)));
    let back = QuizSpec::from_query(&hostile.to_query(), known).unwrap();
    let title = back.title.unwrap();
    assert_eq!(title.chars().count(), TITLE_MAX);
    assert!(title.starts_with("<img src=x onerror=alert(1)>é"), "kept as text, never interpreted: {title}");
    assert!(!title.contains('\u{202E}') && !title.contains('\u{0007}'));
    let mut blank = spec();
    blank.title = Some("   \u{200B} ".into());
    assert_eq!(QuizSpec::from_query(&blank.to_query(), known).unwrap().title, None);
}

#[test]
fn the_quiz_id_is_the_same_for_the_same_spec() {
    assert_eq!(spec().id(), spec().id());
    assert_ne!(spec().id(), QuizSpec { seed: 1, ..spec() }.id());
    assert_eq!(spec().id().len(), 8);
}

#[test]
fn the_quiz_id_does_not_depend_on_the_title() {
    for title in [None, Some("Team day."), Some("team  day"), Some("Team day!)")] {
        assert_eq!(QuizSpec { title: title.map(str::to_owned), ..spec() }.id(), spec().id(), "{title:?}");
    }
    // Untitled quizzes keep the id earlier versions gave them.
    let untitled = QuizSpec { title: None, ..spec() };
    assert_eq!(untitled.id(), "dcc29dc1");
}

#[test]
fn a_cut_link_is_refused_and_a_link_made_before_the_check_still_opens() {
    let link = spec().to_query();
    assert!(link.starts_with(&format!("?view=trainer-quiz&c={}&title=", spec().id())), "{link}");
    assert!(link.ends_with("&pass=80&refresh=12"), "{link}");
    for cut in ["&refresh=1", "&refresh=", "&refresh", "&", "&pass=8", "&pass=", "&count=1"] {
        let at = link.rfind(cut).unwrap() + cut.len();
        assert_eq!(QuizSpec::from_query(&link[..at], known), Err(LinkError::Incomplete), "{}", &link[..at]);
    }
    assert_eq!(LinkError::Incomplete.message(), "This link is incomplete. Ask for it again, or scan the QR code.");
    // A setting changed by hand.
    assert_eq!(QuizSpec::from_query(&link.replace("&count=10", "&count=11"), known), Err(LinkError::Incomplete));
    // A title changed on the way still opens the same quiz.
    let retitled = QuizSpec::from_query(&link.replace("&title=Team", "&title=Our"), known).unwrap();
    assert_eq!(retitled.id(), spec().id());
    // Made before the check: opens as it always did.
    let older = link.replacen(&format!("&c={}", spec().id()), "", 1);
    assert_eq!(QuizSpec::from_query(&older, known), Ok(spec()));
}

#[test]
fn links_survive_what_chat_and_email_apps_do_to_them() {
    let good = spec().to_query();
    for mangled in [
        format!("{good}&fbclid=IwAR3xYz_abc-123"),
        format!("{good}&utm_source=newsletter&utm_medium=email&utm_campaign=autumn"),
        good.replacen("&count", "&gclid=x&count", 1),
        good.replace('&', "&amp;"),
        format!("{good}."),
        format!("{good})."),
        format!("{good}%22"),
        format!("{good}%E2%80%9D,"),
        format!("{good}&fbclid=abc)."),
        format!("  {good}  "),
    ] {
        assert_eq!(QuizSpec::from_query(&mangled, known), Ok(spec()), "{mangled}");
    }
    assert_eq!(canonical_query(&format!("{good}&fbclid=abc.")), Some(good.clone()));
    assert_eq!(canonical_query("?fbclid=1&view=trainer-quiz&topics=all"), Some("?view=trainer-quiz&topics=all".into()));
    assert_eq!(canonical_query("?view=learn"), None);
    let too_long = format!("{good}&title={}", "A".repeat(10_000));
    assert_eq!(canonical_query(&too_long), Some(too_long.clone()), "given back for its parser to refuse");
    let view_later = format!("?fbclid=1&{}", &too_long[1..]);
    assert_eq!(canonical_query(&view_later), Some(format!("?view=trainer-quiz&{}", &view_later[1..])), "with its view first");
    let repeated = format!("?fbclid=x&{}&count=11", &good[1..]);
    assert!(canonical_query(&repeated).unwrap().starts_with("?view=trainer-quiz&"), "known for a trainer's link");
    let repeated = format!("{good}&count=11");
    assert_eq!(canonical_query(&repeated), Some(repeated.clone()), "its view once");
    // A link made before the check (no `c`) naming a topic twice.
    let older = good.replacen(&format!("&c={}", spec().id()), "", 1);
    assert_eq!(
        QuizSpec::from_query(&older.replace("principle-3.national-picture", "principle-3.principle-3"), known).unwrap().topics,
        ["principle-3"]
    );
    assert_eq!(QuizSpec::from_query(&too_long, known), Err(LinkError::TooLong));
}

#[test]
fn a_result_round_trips_and_must_add_up() {
    let result = QuizResult { spec: spec(), correct: 7, missed: vec![0, 4, 9], token: "0a1b2c3d".into(), name: Some("Sam Jones".into()) };
    let link = result.to_query();
    assert_eq!(QuizResult::from_query(&link, known), Ok(result.clone()));
    for (from, to) in [
        ("score=7", "score=8"),
        ("missed=0.4.9", "missed=0.4.10"),
        ("missed=0.4.9", "missed=0.4.4"),
        ("r=0a1b2c3d", "r=xyz"),
        ("view=result", "view=resul"),
    ] {
        assert!(QuizResult::from_query(&link.replace(from, to), known).is_err(), "{to}");
    }
    let perfect = QuizResult { correct: 10, missed: vec![], name: None, ..result };
    assert_eq!(QuizResult::from_query(&perfect.to_query(), known), Ok(perfect));
}

#[test]
fn a_learners_name_on_a_result_is_trimmed_limited_as_on_a_record_and_read_back() {
    let spec = QuizSpec { topics: Vec::new(), count: 10, seed: 3, assessment: false, pass_mark: 80, title: None, refresh_months: Some(12) };
    let result = QuizResult { spec, correct: 9, missed: vec![2], token: "abcdef12".into(), name: None };
    assert_eq!(result.clone().named("  Ali Khan ").name.as_deref(), Some("Ali Khan"));
    assert_eq!(result.clone().named("   ").name, None);
    let long: String = "é".repeat(NAME_MAX + 5);
    let named = result.named(&long);
    assert_eq!(named.name.as_deref().map(|n| n.chars().count()), Some(NAME_MAX), "the record's limit too");
    let back = QuizResult::from_query(&named.to_query(), |_| true).unwrap();
    assert_eq!(back.name, named.name, "a name at the limit reads back whole");
}
