//! The session as slides, from the shipped content: the seed's order, the
//! quiz where the trainer puts it, notes drawn from the learning points, the
//! group work in the seed's words, and the presentation kept in the store so
//! a reload or a second window finds the same slide and timer.

use quiz::content::deck::Part;
use quiz::links::link::QuizSpec;
use quiz::room::presenting::{slides, GroupTimer, Presentation, QuizPlace, Slide, TimerState};
use quiz::saved::store::Store;

use crate::support::shipped_bank;

const SEED: &str = include_str!("../fixtures/seed-deck.txt");

fn keys(slides: &[Slide]) -> Vec<&str> {
    slides.iter().map(Slide::key).collect()
}

/// The seed with its markdown and runs of white space taken out, to look for a sentence in.
fn seed_text() -> String {
    SEED.replace(['#', '*', '\n'], " ").split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_slides_follow_the_seed_with_the_quiz_after_the_principles_or_at_the_end() {
    let bank = shipped_bank();
    let mut expected = vec!["title", "aims", "national-picture", "characteristics", "animation", "group-work", "principles"];
    let principles: Vec<String> = (1..=10).map(|n| format!("principle-{n}")).collect();
    for (n, id) in principles.iter().enumerate() {
        expected.push(id);
        if n == 8 {
            expected.push("section-11");
        }
    }
    let after = [expected.clone(), vec!["join-quiz", "debrief", "e-learning", "care-line"]].concat();
    let at_end = [expected, vec!["e-learning", "join-quiz", "debrief", "care-line"]].concat();
    assert_eq!(keys(&slides(&bank, QuizPlace::AfterPrinciples)), after);
    assert_eq!(keys(&slides(&bank, QuizPlace::AtEnd)), at_end);
    // Every Learn card is in the deck, so nothing the course teaches is left off the projector.
    for card in &bank.cards {
        assert!(after.contains(&card.id.as_str()), "{} is not in the deck", card.id);
    }
}

#[test]
fn the_title_and_group_work_are_the_seeds_own_words() {
    let bank = shipped_bank();
    let seed = seed_text();
    assert!(seed.contains(&bank.deck.title), "{}", bank.deck.title);
    let work = &bank.deck.group_work;
    assert!(seed.contains(&format!("{} {}", work.title, work.intro)), "{}", work.intro);
    assert!(work.intro.contains(&format!("{} minutes", work.minutes)), "the timer is as long as the seed says");
    for prompt in &work.prompts {
        assert!(seed.contains(&format!("- {prompt}")), "{prompt}");
    }
    assert!(SEED.contains("\n# Animation\n"), "the seed marks the animation's place");
    assert_eq!(bank.deck.slides.iter().filter(|s| s.part == Some(Part::GroupWork)).count(), 1);
}

#[test]
fn a_principle_slides_notes_are_its_learning_points_and_its_questions() {
    let bank = shipped_bank();
    let all = slides(&bank, QuizPlace::AfterPrinciples);
    let principle_1 = all.iter().find(|s| s.key() == "principle-1").unwrap();
    let notes = principle_1.notes();
    let card = bank.card("principle-1").unwrap();
    for point in card.groups.iter().flat_map(|g| &g.points) {
        assert!(notes.lines().any(|line| line == point.text), "{} is not in the notes", point.text);
    }
    assert_eq!(notes.ask.len(), card.flips.len());
    assert!(notes.ask.iter().all(|(q, a)| !q.is_empty() && !a.is_empty()));
    let group_work = all.iter().find(|s| s.key() == "group-work").unwrap();
    assert_eq!(
        group_work.notes().lines().collect::<Vec<_>>(),
        ["In groups, take 10 minutes to:", "Reflect on the 10 Principles and how they relate to your role."]
    );
    // A card's groups keep their headings, with their points under them.
    let principle_2 = all.iter().find(|s| s.key() == "principle-2").unwrap().notes();
    let themes = principle_2.say.iter().find(|g| g.heading.as_deref().is_some_and(|h| h.starts_with("Key themes"))).unwrap();
    assert!(themes.lines.contains(&"Poverty".to_string()));
    assert!(all.iter().find(|s| s.key() == "debrief").unwrap().notes().say.is_empty());
}

#[test]
fn moving_through_the_deck_keeps_the_slide_by_its_key_and_starts_the_group_work_once() {
    let bank = shipped_bank();
    let after = slides(&bank, QuizPlace::AfterPrinciples);
    let mut p = Presentation::new(QuizPlace::AfterPrinciples, 1_000);
    assert_eq!(p.position(&after), 0);
    let group_work = after.iter().position(|s| s.key() == "group-work").unwrap();
    p.go_to(&after, group_work, 5_000);
    assert_eq!(p.timer.state(10, 5_000 + 60_000), TimerState::Running(9 * 60_000), "arriving starts the timer");
    p.go_to(&after, group_work + 1, 7_000);
    p.timer.pause(65_000);
    p.go_to(&after, group_work, 70_000);
    assert!(matches!(p.timer.state(10, 80_000), TimerState::Paused(_)), "coming back does not restart a paused timer");
    // Held at the ends.
    p.go_to(&after, 999, 0);
    assert_eq!(p.slide, "care-line");
    // The quiz moved to the end: the slide showing stays the same slide.
    p.go_to(&after, after.iter().position(|s| s.key() == "e-learning").unwrap(), 0);
    p.place_quiz(QuizPlace::AtEnd);
    let at_end = slides(&bank, p.place);
    assert_eq!(at_end[p.position(&at_end)].key(), "e-learning");
    // A slide an update removed: back to the first, never out of range.
    p.slide = "principle-99".into();
    assert_eq!(p.position(&at_end), 0);
}

#[test]
fn the_presentation_is_kept_with_the_session_and_read_back() {
    let spec = QuizSpec {
        topics: vec!["principle-1".into()],
        count: 5,
        seed: 7,
        assessment: false,
        pass_mark: 80,
        title: None,
        refresh_months: None,
    };
    let id = spec.id();
    let mut store = Store::default();
    assert!(!store.present(&id, Presentation::new(QuizPlace::AtEnd, 1), 2), "no session, nothing kept");
    store.add_session(spec, 1_000);
    let mut p = Presentation::new(QuizPlace::AtEnd, 1_000);
    p.slide = "group-work".into();
    p.timer = GroupTimer { added_s: 60, used_ms: 90_000, running_since: None, skipped: false };
    assert!(store.present(&id, p.clone(), 2_000));
    let back = Store::decode(&store.encode()).unwrap();
    assert_eq!(back.sessions.get(&id).unwrap().presentation.as_ref(), Some(&p));
    // Another window's later move wins when the two copies merge.
    let mut other = back.clone();
    let mut moved = p.clone();
    moved.slide = "principles".into();
    other.present(&id, moved.clone(), 3_000);
    let mut merged = store.clone();
    merged.merge(&other);
    assert_eq!(merged.sessions.get(&id).unwrap().presentation.as_ref(), Some(&moved));
}
