//! Choosing the questions for a quiz: N from the chosen topics, balanced
//! across them, in an order set by the seed.

use super::bank::{Bank, Question};
use super::rng::SeededRng;

/// Up to `count` questions from `topic_ids` (all topics when empty), taking one
/// from each topic in turn so no topic crowds out the others. The same bank,
/// topics, count and seed always give the same questions in the same order.
pub fn draw(bank: &Bank, topic_ids: &[&str], count: usize, rng: &mut SeededRng) -> Vec<Question> {
    let mut pools: Vec<Vec<&Question>> = bank
        .topics
        .iter()
        .filter(|t| topic_ids.is_empty() || topic_ids.contains(&t.id.as_str()))
        .map(|t| {
            let mut pool: Vec<&Question> = t.questions.iter().collect();
            rng.shuffle(&mut pool);
            pool
        })
        .filter(|pool| !pool.is_empty())
        .collect();
    rng.shuffle(&mut pools);
    let mut drawn = Vec::with_capacity(count);
    while drawn.len() < count && pools.iter().any(|p| !p.is_empty()) {
        for pool in pools.iter_mut() {
            if drawn.len() == count {
                break;
            }
            if let Some(question) = pool.pop() {
                drawn.push(question.clone());
            }
        }
    }
    rng.shuffle(&mut drawn);
    drawn
}
