//! Properties of the spaced-review scheduler, over many random histories.

use proptest::prelude::*;
use quiz::learner::schedule::{Memory, Scheduler};

/// Replays answers (right or wrong, and how many days late or early each was
/// given relative to its due day) and returns every memory along the way.
fn replay(answers: &[(bool, i64)]) -> Vec<(i64, Memory)> {
    let scheduler = Scheduler::default();
    let mut memory: Option<Memory> = None;
    let mut today = 20_000;
    let mut out = Vec::new();
    for &(right, offset) in answers {
        if let Some(m) = memory {
            today = (m.due_day + offset).max(m.last_review_day);
        }
        let next = scheduler.review(memory.as_ref(), today, right);
        out.push((today, next));
        memory = Some(next);
    }
    out
}

proptest! {
    #[test]
    fn a_review_is_never_due_in_the_past(answers in prop::collection::vec((any::<bool>(), -30i64..60), 1..40)) {
        for (today, memory) in replay(&answers) {
            prop_assert!(memory.due_day > today, "due {} on day {}", memory.due_day, today);
            prop_assert!(memory.stability.is_finite() && memory.stability > 0.0);
            prop_assert!((1.0..=10.0).contains(&memory.difficulty));
        }
    }

    #[test]
    fn right_answers_on_time_strengthen_memory_and_never_shorten_intervals(history in prop::collection::vec(any::<bool>(), 0..15), extra in 1usize..8) {
        let mut answers: Vec<(bool, i64)> = history.iter().map(|&r| (r, 0)).collect();
        answers.extend(std::iter::repeat_n((true, 0), extra + 1));
        let memories = replay(&answers);
        let tail = &memories[memories.len() - extra - 1..];
        for pair in tail.windows(2) {
            let before = pair[0].1.due_day - pair[0].0;
            let after = pair[1].1.due_day - pair[1].0;
            // Memory always strengthens; the interval, rounded to whole days,
            // never shrinks (at the hardest difficulty it can stay the same).
            prop_assert!(pair[1].1.stability > pair[0].1.stability);
            prop_assert!(after >= before, "interval {} then {} after a right answer", before, after);
        }
    }

    #[test]
    fn a_wrong_answer_shortens_the_interval(history in prop::collection::vec(any::<bool>(), 1..15)) {
        let mut answers: Vec<(bool, i64)> = history.iter().map(|&r| (r, 0)).collect();
        answers.push((true, 0));
        answers.push((false, 0));
        let memories = replay(&answers);
        let n = memories.len();
        let before = memories[n - 2].1.due_day - memories[n - 2].0;
        let after = memories[n - 1].1.due_day - memories[n - 1].0;
        prop_assert!(after < before || before == 1, "interval {} then {} after a wrong answer", before, after);
        prop_assert!(memories[n - 1].1.stability < memories[n - 2].1.stability);
    }
}
