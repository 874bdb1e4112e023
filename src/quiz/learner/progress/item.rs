//! A question's or flip card's history, its merge and its schedule replayed
//! from its reviews.

use super::*;

/// Everything kept about one question or flip card: its reviews (every
/// answer, with its time and local day), on top of a [`Base`] for answers
/// from before reviews were kept (version 5 and older) or folded in for
/// space. The memory (the schedule), the totals and the time of the latest
/// answer are worked out from these alone, by replaying the reviews in
/// time order with the default [`Scheduler`] from the base's memory.
///
/// **Stored** as `{"at", "s", "d", "last", "due", "n", "lapses", "right",
/// "wrong", "log"}`, as version 5 stored it: stability and difficulty in
/// whole thousandths, days as day numbers. The log is the reviews, each
/// `[ms, 1 or 0, day]` (see [`Review`]); when there is a base, it is under
/// `"base"`, in version 5's form (with `"folded": true` if folded). An item
/// that is only a base is written exactly as version 5 wrote it (its log
/// `[minute, 1 or 0]` pairs), and any such item reads as a base. The memory and totals written beside the
/// reviews are there to be read by people and other tools: reading works
/// them out again from the reviews (they are checked only for range).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(into = "StoredItem", try_from = "StoredItem")]
pub struct ItemRecord {
    pub(super) base: Option<Base>,
    /// Sorted, each once, every one after the base's `at`; at most [`REVIEWS_KEPT`].
    pub(super) reviews: Vec<Review>,
    // Worked out from the two above (see `ItemRecord::from_parts`).
    pub(super) at: u64,
    pub(super) memory: Memory,
    pub(super) right: u32,
    pub(super) wrong: u32,
}

/// The latest time "Clear my data" goes by of a base and reviews, in ms (0 if none).
pub(super) fn latest_stamp(base: Option<&Base>, reviews: &[Review]) -> u64 {
    reviews.iter().map(Review::stamp).chain(base.map(Base::stamp)).max().unwrap_or(0)
}

/// One replayed answer: the scheduler's next memory, rounded to whole
/// thousandths as stored, so what is in memory is exactly what a reload reads.
pub(super) fn replay_one(scheduler: &Scheduler, memory: Option<&Memory>, review: &Review) -> Memory {
    let mut next = scheduler.review(memory, review.day, review.right);
    next.stability = thousandths(next.stability).max(0.001);
    next.difficulty = thousandths(next.difficulty).clamp(1.0, 10.0);
    next
}

impl ItemRecord {
    /// The item made of `base` and `reviews` (any order, repeats allowed):
    /// the reviews sorted and each kept once, those a folded base holds (at
    /// or before its time) dropped, the oldest folded into the base past
    /// [`REVIEWS_KEPT`], and the memory and totals replayed. `None` when
    /// nothing is left.
    pub fn from_parts(base: Option<Base>, mut reviews: Vec<Review>) -> Option<ItemRecord> {
        // An insertion sort: reviews come as one or two lists already in
        // order, where it is linear, and the standard library's sort on this
        // type measured 0.7 KB brotli more wasm.
        for i in 1..reviews.len() {
            let mut j = i;
            while j > 0 && reviews[j - 1] > reviews[j] {
                reviews.swap(j - 1, j);
                j -= 1;
            }
        }
        // One answer in two copies: the later time it was taken in (sorted last).
        reviews.dedup_by(|later, kept| {
            let same = later.key() == kept.key();
            if same {
                kept.taken_in = kept.taken_in.max(later.taken_in);
            }
            same
        });
        if let Some(at) = base.as_ref().and_then(Base::holds_until) {
            reviews.retain(|r| r.at > at);
        }
        let base = if reviews.len() > REVIEWS_KEPT {
            // Fold the oldest into the base, never splitting reviews at one time.
            let mut fold = reviews.len() - REVIEWS_KEPT;
            while fold < reviews.len() && reviews[fold].at == reviews[fold - 1].at {
                fold += 1;
            }
            let folded = ItemRecord::replayed(base, reviews.drain(..fold).collect());
            let mut log = folded.base.as_ref().map_or_else(Vec::new, |b| b.log.clone());
            log.extend(folded.reviews.iter().map(|r| (r.at / 60_000, r.right)));
            log.drain(..log.len().saturating_sub(LOG_KEPT));
            let at = folded.reviews.last().map_or(0, |r| r.at).max(folded.base.as_ref().map_or(0, |b| b.at));
            let taken_in = if folded.at > at { folded.at } else { 0 };
            Some(Base { at, memory: folded.memory, right: folded.right, wrong: folded.wrong, log, folded: true, taken_in })
        } else {
            base
        };
        (base.is_some() || !reviews.is_empty()).then(|| ItemRecord::replayed(base, reviews))
    }

    /// Works out the memory, totals and time from `base` and `reviews` (sorted, after the base).
    pub(super) fn replayed(base: Option<Base>, reviews: Vec<Review>) -> ItemRecord {
        let scheduler = Scheduler::default();
        let mut memory = base.as_ref().map(|b| b.memory);
        let (mut right, mut wrong) = base.as_ref().map_or((0, 0), |b| (b.right, b.wrong));
        for review in &reviews {
            memory = Some(replay_one(&scheduler, memory.as_ref(), review));
            if review.right {
                right = u32::saturating_add(right, 1);
            } else {
                wrong = u32::saturating_add(wrong, 1);
            }
        }
        let at = latest_stamp(base.as_ref(), &reviews);
        // A record is made only from a base or at least one review, so there is a memory.
        let memory = memory.unwrap_or(Memory { stability: 0.001, difficulty: 1.0, last_review_day: 0, due_day: 0, reviews: 0, lapses: 0 });
        ItemRecord { base, reviews, at, memory, right, wrong }
    }

    /// When it was last answered, in ms since the Unix epoch.
    pub fn at(&self) -> u64 {
        self.at
    }

    /// The schedule: stability and difficulty, and the day numbers of the last review and the next.
    pub fn memory(&self) -> &Memory {
        &self.memory
    }

    /// Answers right, over all time (the base's and the reviews').
    pub fn right(&self) -> u32 {
        self.right
    }

    /// Answers wrong, over all time (the base's and the reviews').
    pub fn wrong(&self) -> u32 {
        self.wrong
    }

    /// What it was before the reviews kept, if anything (see [`Base`]).
    pub fn base(&self) -> Option<&Base> {
        self.base.as_ref()
    }

    /// Every answer kept with its day, oldest first (see [`Review`]).
    pub fn reviews(&self) -> &[Review] {
        &self.reviews
    }

    /// Whether the latest answer was right (`None` if no answer is known):
    /// the latest review's, unless the base is later (a version 5 base
    /// newer than another device's review).
    pub fn last_answer_right(&self) -> Option<bool> {
        let of_base = || self.base.as_ref()?.log.last().map(|&(_, right)| right);
        match (self.reviews.last(), &self.base) {
            (Some(review), Some(base)) if base.at > review.at => of_base(),
            (Some(review), _) => Some(review.right),
            (None, _) => of_base(),
        }
    }

    /// One more answer at `now_ms` on local day `today`: stamped after the
    /// latest answer (a later answer always sorts later, even if the clock
    /// went back), so replaying gives what `scheduler` gives for it now.
    pub(super) fn answer(&mut self, right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) {
        let review = Review { at: now_ms.max(self.at + 1), day: today, right, taken_in: 0 };
        self.memory = replay_one(scheduler, Some(&self.memory), &review);
        self.at = review.at;
        if right {
            self.right = self.right.saturating_add(1);
        } else {
            self.wrong = self.wrong.saturating_add(1);
        }
        self.reviews.push(review);
        if self.reviews.len() > REVIEWS_KEPT {
            let (base, reviews) = (self.base.take(), std::mem::take(&mut self.reviews));
            *self = ItemRecord::from_parts(base, reviews).unwrap_or_else(|| unreachable!("a review was just added"));
        }
    }

    /// The first answer to this item, as a record.
    pub(super) fn first(right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) -> ItemRecord {
        let review = Review { at: now_ms, day: today, right, taken_in: 0 };
        let memory = replay_one(scheduler, None, &review);
        ItemRecord { base: None, reviews: vec![review], at: now_ms, memory, right: u32::from(right), wrong: u32::from(!right) }
    }

    /// Two copies of an item combined: every review of either, once, in time
    /// order, on the newer base (or none if neither has one), then replayed.
    /// Commutative, associative and idempotent, and no review is lost, short
    /// of folding past [`REVIEWS_KEPT`]: a folded base is taken to hold the
    /// reviews at or before its time. Of two bases (two devices' progress
    /// from version 5) only the newer is kept: they cannot be told apart
    /// answer by answer.
    pub fn merged(&self, other: &ItemRecord) -> ItemRecord {
        if self == other {
            return self.clone();
        }
        let base = match (&self.base, &other.base) {
            (Some(a), Some(b)) => Some(if b.newness() > a.newness() { b } else { a }.clone()),
            (a, b) => a.as_ref().or(b.as_ref()).cloned(),
        };
        let reviews = self.reviews.iter().chain(&other.reviews).copied().collect();
        ItemRecord::from_parts(base, reviews).unwrap_or_else(|| self.clone())
    }

    /// This item without what was answered at or before `cleared_at_ms`
    /// ("Clear my data"): `None` if nothing is left.
    pub(super) fn forget_until(&self, cleared_at_ms: u64) -> Option<ItemRecord> {
        let earliest = self.reviews.iter().map(Review::stamp).chain(self.base.as_ref().map(Base::stamp)).min().unwrap_or(0);
        if earliest > cleared_at_ms {
            return Some(self.clone());
        }
        let base = self.base.clone().filter(|b| b.stamp() > cleared_at_ms);
        ItemRecord::from_parts(base, self.reviews.iter().filter(|r| r.stamp() > cleared_at_ms).copied().collect())
    }

    /// Marks everything from before `after_ms` as taken in at `after_ms` (a
    /// backup taken in after a clear; see [`Review::taken_in`]), so the clear
    /// does not forget it. The answers keep their own times, so a copy of
    /// the same answer from elsewhere is still known as the same.
    pub(crate) fn restamp(&mut self, after_ms: u64) {
        if let Some(base) = self.base.as_mut().filter(|b| b.stamp() < after_ms) {
            base.taken_in = after_ms;
        }
        for review in self.reviews.iter_mut().filter(|r| r.stamp() < after_ms) {
            review.taken_in = after_ms;
        }
        self.at = latest_stamp(self.base.as_ref(), &self.reviews);
    }

    /// Calls `f` on every time kept, in ms (see [`Progress::each_time`]).
    /// `f` must keep times in their order (as moving later times back to now
    /// does); reviews that it brings to one time are then set apart again,
    /// earlier, so none is lost as a repeat of another.
    pub(super) fn each_time(&mut self, f: &mut dyn FnMut(&mut u64)) {
        if let Some(base) = &mut self.base {
            f(&mut base.at);
            if base.taken_in != 0 {
                f(&mut base.taken_in);
            }
            for (minute, _) in &mut base.log {
                let mut ms = minute.saturating_mul(60_000);
                f(&mut ms);
                *minute = ms / 60_000;
            }
        }
        let before: Vec<u64> = self.reviews.iter().map(|r| r.at).collect();
        for review in &mut self.reviews {
            f(&mut review.at);
            if review.taken_in != 0 {
                f(&mut review.taken_in);
            }
        }
        for n in (1..self.reviews.len()).rev() {
            let gap = u64::from(before[n - 1] < before[n]);
            self.reviews[n - 1].at = self.reviews[n - 1].at.min(self.reviews[n].at.saturating_sub(gap));
        }
        if let (Some(base), Some(first)) = (&mut self.base, self.reviews.first()) {
            if base.folded {
                base.at = base.at.min(first.at.saturating_sub(1));
            }
        }
        // A time taken in is kept only when later than the answer's own.
        for review in &mut self.reviews {
            if review.taken_in <= review.at {
                review.taken_in = 0;
            }
        }
        if let Some(base) = self.base.as_mut().filter(|b| b.taken_in <= b.at) {
            base.taken_in = 0;
        }
        self.at = latest_stamp(self.base.as_ref(), &self.reviews);
    }

    /// Moves every day back by as much as the latest is after `today` (see
    /// [`Progress::bring_days_back`]), keeping the gaps between them, so the
    /// replayed schedule keeps its intervals.
    pub(super) fn bring_days_back(&mut self, today: i64) {
        let latest = self.reviews.iter().map(|r| r.day).chain(self.base.as_ref().map(|b| b.memory.last_review_day)).max();
        let ahead = latest.unwrap_or(today) - today;
        if ahead <= 0 {
            return;
        }
        let back = |day: i64| (day - ahead).max(*SANE_DAYS.start());
        if let Some(base) = &mut self.base {
            base.memory.last_review_day = back(base.memory.last_review_day);
            base.memory.due_day = back(base.memory.due_day);
        }
        for review in &mut self.reviews {
            review.day = back(review.day);
        }
        let (base, reviews) = (self.base.take(), std::mem::take(&mut self.reviews));
        *self = ItemRecord::from_parts(base, reviews).unwrap_or_else(|| unreachable!("nothing was removed"));
    }
}
