//! Marks and comparing results.

/// Stored as `{"correct": 8, "total": 10}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub correct: u32,
    pub total: u32,
}

impl Score {
    /// Whole-number percentage, rounded down; 0 for an empty quiz.
    pub fn percent(&self) -> u32 {
        if self.total == 0 {
            0
        } else {
            ((self.correct.min(self.total) as u64 * 100) / self.total as u64) as u32
        }
    }

    /// True if this is a strictly higher proportion than `other`.
    /// Compared by cross-multiplying so 9/10 beats 17/20 exactly, with no rounding.
    pub fn beats(&self, other: &Score) -> bool {
        (self.correct as u64) * (other.total as u64) > (other.correct as u64) * (self.total as u64)
    }

    /// Passed if the percentage reaches `pass_mark_percent`, compared exactly.
    pub fn passes(&self, pass_mark_percent: u32) -> bool {
        self.total > 0 && (self.correct as u64) * 100 >= (pass_mark_percent as u64) * (self.total as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(correct: u32, total: u32) -> Score {
        Score { correct, total }
    }

    #[test]
    fn percent_rounds_down_and_handles_empty() {
        assert_eq!(s(2, 3).percent(), 66);
        assert_eq!(s(10, 10).percent(), 100);
        assert_eq!(s(0, 0).percent(), 0);
    }

    #[test]
    fn beats_compares_proportions_exactly() {
        assert!(s(9, 10).beats(&s(17, 20)));
        assert!(!s(17, 20).beats(&s(9, 10)));
        assert!(!s(5, 10).beats(&s(1, 2)), "equal proportions do not beat each other");
    }

    #[test]
    fn pass_mark_is_inclusive() {
        assert!(s(8, 10).passes(80));
        assert!(!s(79, 100).passes(80));
        assert!(!s(0, 0).passes(0), "an empty quiz is never a pass");
    }
}
