//! Spaced review: when each question (or flip card) is next due.
//!
//! A port of the FSRS long-term scheduler as rs-fsrs 1.2 implements it
//! (FSRS-5 formulas, short-term steps and fuzz off), driven by right/wrong:
//! right is FSRS's "Good", wrong is "Again". Binary ratings lose almost
//! nothing against four grades in the open srs-benchmark, and people here
//! only tell us right or wrong. Ported rather than depending on rs-fsrs: that
//! crate adds ~15 KB brotli with chrono and reads the clock itself; here time
//! is always passed in, as a day number.
//!
//! The test at the bottom replays rs-fsrs's own long-term test and expects its
//! published intervals, stabilities and difficulties.

/// rs-fsrs 1.2's default FSRS-5 weights.
pub const DEFAULT_WEIGHTS: [f64; 19] = [
    0.4072, 1.1829, 3.1262, 15.4722, 7.2102, 0.5316, 1.0651, 0.0234, 1.616, 0.1544, 1.0824, 1.9813, 0.0953, 0.2975, 2.2042, 0.2407, 2.9466,
    0.5034, 0.6567,
];

const DECAY: f64 = -0.5;
/// 0.9 ^ (1 / DECAY) - 1
const FACTOR: f64 = 19.0 / 81.0;
const MAX_INTERVAL_DAYS: i64 = 36500;

/// What the scheduler remembers about one item.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Memory {
    /// Days until recall falls to 90%.
    pub stability: f64,
    /// 1 (easy) to 10 (hard).
    pub difficulty: f64,
    pub last_review_day: i64,
    pub due_day: i64,
    pub reviews: u32,
    pub lapses: u32,
}

#[derive(Debug, Clone, Copy)]
enum Grade {
    Again = 1,
    Hard = 2,
    Good = 3,
}

#[derive(Debug, Clone)]
pub struct Scheduler {
    w: [f64; 19],
    /// The chance of remembering that reviews aim for.
    retention: f64,
}

impl Default for Scheduler {
    fn default() -> Self {
        Scheduler { w: DEFAULT_WEIGHTS, retention: 0.9 }
    }
}

impl Scheduler {
    pub fn with_weights(w: [f64; 19]) -> Scheduler {
        Scheduler { w, retention: 0.9 }
    }

    fn init_difficulty(&self, grade: f64) -> f64 {
        (self.w[4] - (self.w[5] * (grade - 1.0)).exp() + 1.0).clamp(1.0, 10.0)
    }

    fn next_difficulty(&self, difficulty: f64, grade: Grade) -> f64 {
        let moved = difficulty - self.w[6] * (grade as i32 as f64 - 3.0);
        // Mean reversion towards the difficulty of an "Easy" first answer.
        (self.w[7] * self.init_difficulty(4.0) + (1.0 - self.w[7]) * moved).clamp(1.0, 10.0)
    }

    fn recall_stability(&self, difficulty: f64, stability: f64, retrievability: f64, grade: Grade) -> f64 {
        let modifier = match grade {
            Grade::Hard => self.w[15],
            _ => 1.0,
        };
        stability
            * (self.w[8].exp()
                * (11.0 - difficulty)
                * stability.powf(-self.w[9])
                * (((1.0 - retrievability) * self.w[10]).exp() - 1.0)
                * modifier
                + 1.0)
    }

    fn forget_stability(&self, difficulty: f64, stability: f64, retrievability: f64) -> f64 {
        self.w[11] * difficulty.powf(-self.w[12]) * ((stability + 1.0).powf(self.w[13]) - 1.0) * ((1.0 - retrievability) * self.w[14]).exp()
    }

    fn interval(&self, stability: f64) -> f64 {
        (stability / FACTOR * (self.retention.powf(1.0 / DECAY) - 1.0)).round().clamp(1.0, MAX_INTERVAL_DAYS as f64)
    }

    /// The chance of recalling an item `today`, from 0 to 1 (0 if never reviewed).
    pub fn retrievability(memory: Option<&Memory>, today: i64) -> f64 {
        match memory {
            None => 0.0,
            Some(m) => {
                let elapsed = (today - m.last_review_day).max(0) as f64;
                (1.0 + FACTOR * elapsed / m.stability.max(0.01)).powf(DECAY)
            }
        }
    }

    /// The memory after answering an item `today`, right or wrong.
    pub fn review(&self, memory: Option<&Memory>, today: i64, right: bool) -> Memory {
        let grade = if right { Grade::Good } else { Grade::Again };
        // Stabilities for Again, Hard and Good: FSRS keeps their intervals apart,
        // so Good's interval depends on the others.
        let (again, hard, good, difficulty) = match memory {
            None => (self.w[0].max(0.1), self.w[1].max(0.1), self.w[2].max(0.1), self.init_difficulty(grade as i32 as f64)),
            Some(m) => {
                let r = Self::retrievability(Some(m), today);
                (
                    self.forget_stability(m.difficulty, m.stability, r),
                    self.recall_stability(m.difficulty, m.stability, r, Grade::Hard),
                    self.recall_stability(m.difficulty, m.stability, r, Grade::Good),
                    self.next_difficulty(m.difficulty, grade),
                )
            }
        };
        let again_days = self.interval(again).min(self.interval(hard));
        let hard_days = self.interval(hard).max(again_days + 1.0);
        let good_days = self.interval(good).max(hard_days + 1.0);
        let (stability, days) = if right { (good, good_days) } else { (again, again_days) };
        let (reviews, lapses) = memory.map_or((0, 0), |m| (m.reviews, m.lapses));
        Memory {
            stability,
            difficulty,
            last_review_day: today,
            due_day: today + days as i64,
            reviews: reviews.saturating_add(1),
            lapses: lapses.saturating_add(u32::from(memory.is_some() && !right)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// rs-fsrs 1.2's `test_long_term_scheduler`: its test weights, ratings
    /// Good ×6, Again ×2, Good ×5, each review on the day it falls due.
    #[test]
    fn matches_the_published_rs_fsrs_long_term_test() {
        let scheduler = Scheduler::with_weights([
            0.4197, 1.1869, 3.0412, 15.2441, 7.1434, 0.6477, 1.0007, 0.0674, 1.6597, 0.1712, 1.1178, 2.0225, 0.0904, 0.3025, 2.1214,
            0.2498, 2.9466, 0.4891, 0.6468,
        ]);
        let right = [true, true, true, true, true, true, false, false, true, true, true, true, true];
        let expected_interval = [3, 13, 48, 155, 445, 1158, 17, 3, 9, 27, 74, 190, 457];
        let expected_stability =
            [3.0412, 13.0913, 48.1585, 154.9373, 445.0556, 1158.0778, 16.6306, 2.9888, 9.4633, 26.9474, 73.9723, 189.7037, 457.4379];
        let expected_difficulty = [4.4909, 4.2666, 4.0575, 3.8624, 3.6804, 3.5108, 5.219, 6.8122, 6.4314, 6.0763, 5.7452, 5.4363, 5.1483];
        let mut memory: Option<Memory> = None;
        let mut today = 19_325; // 2022-11-29, as in rs-fsrs
        for i in 0..right.len() {
            let next = scheduler.review(memory.as_ref(), today, right[i]);
            assert_eq!(next.due_day - today, expected_interval[i], "interval of review {i}");
            assert!((next.stability - expected_stability[i]).abs() < 1e-3, "stability {i}: {}", next.stability);
            assert!((next.difficulty - expected_difficulty[i]).abs() < 1e-3, "difficulty {i}: {}", next.difficulty);
            today = next.due_day;
            memory = Some(next);
        }
        assert_eq!(memory.unwrap().lapses, 2);
        assert_eq!(memory.unwrap().reviews, 13);
    }

    #[test]
    fn retrievability_is_ninety_percent_at_the_due_date_with_default_weights() {
        let scheduler = Scheduler::default();
        let memory = scheduler.review(None, 100, true);
        let r = Scheduler::retrievability(Some(&memory), 100 + (memory.stability.round() as i64));
        assert!((r - 0.9).abs() < 0.02, "{r}");
        assert_eq!(Scheduler::retrievability(None, 100), 0.0);
    }
}
