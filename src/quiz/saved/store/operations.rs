//! What the screens do to the store: answers, quizzes in progress and
//! finished attempts, records and their drafts, and a trainer's debrief and
//! sessions.

use super::*;
use crate::quiz::content::bank::Bank;
use crate::quiz::run::quiz_kind::QuizKind;

impl Store {
    // ---- What a quiz can draw now

    /// How many questions a refresher can draw on local day `today`: those
    /// due that the bank still has (an update may have removed some).
    pub fn due_for_refresher(&self, bank: &Bank, today: i64) -> usize {
        bank.count_present(&self.progress.due(today))
    }

    /// How many questions a review of mistakes can draw: those last answered
    /// wrong that the bank still has.
    pub fn mistakes_to_review(&self, bank: &Bank) -> usize {
        bank.count_present(&self.progress.mistakes())
    }

    /// True if a quiz of `mode` started now would have questions: a
    /// refresher needs some due, a review of mistakes some left (answering
    /// them all right leaves none); the other kinds always have questions.
    pub fn can_start(&self, mode: Mode, bank: &Bank, today: i64) -> bool {
        match mode {
            Mode::Review => self.due_for_refresher(bank, today) > 0,
            Mode::Mistakes => self.mistakes_to_review(bank) > 0,
            Mode::Quick | Mode::Topic | Mode::Assessment | Mode::Trainer => true,
        }
    }

    // ---- Answers

    /// Records one answer to a question or flip card.
    pub fn record_answer(&mut self, item: &str, right: bool, now_ms: u64, today: i64, scheduler: &Scheduler) {
        self.progress.record_answer(item, right, now_ms, today, scheduler);
    }

    // ---- Quizzes in progress and finished attempts

    /// Applies the clear marker and the size limit to the attempts. Best and
    /// last scores are worked out from the attempts kept; an attempt dropped
    /// for space leaves its score in `progress.archive`, under its mode key.
    pub(super) fn tidy_attempts(&mut self) {
        let cleared = self.cleared_at;
        // Only when some will be dropped for space (not on every save).
        let before: Vec<(ModeKey, u64, ScoreRecord)> = if self.attempts.0.len() > ATTEMPTS_KEPT {
            let live = self.attempts.0.iter().filter(|e| e.at > cleared);
            live.filter_map(|e| e.value.as_ref().map(|a| (ModeKey::of(&a.kind), e.at, a.score_record(&e.id)))).collect()
        } else {
            Vec::new()
        };
        self.attempts.tidy(cleared, ATTEMPTS_KEPT);
        for (key, at, score) in before {
            if self.attempts.find(&score.id).is_err() {
                self.progress.archive_score(key, at, score);
            }
        }
    }

    /// The scores of the attempts kept of mode key `key`.
    pub(super) fn kept_scores<'a>(&'a self, key: &'a ModeKey) -> impl Iterator<Item = ScoreRecord> + 'a {
        self.attempts.live().filter(|(_, a)| key.is_of(&a.kind)).map(|(id, a)| a.score_record(id))
    }

    /// The best score of mode key `key` so far, of the attempts kept and of
    /// those dropped for space: the highest proportion right, and of equal
    /// ones the latest ([`ScoreRecord::rank`]). Always `None` for mistakes and
    /// spaced reviews, which never count for a best.
    pub fn best_for(&self, key: &ModeKey) -> Option<ScoreRecord> {
        if !key.counts_for_best() {
            return None;
        }
        let archived = self.progress.archive.best(key).cloned();
        self.kept_scores(key).chain(archived).reduce(|a, b| ScoreRecord::better(&a, &b).clone())
    }

    /// The latest score of mode key `key` (the latest to finish, of the
    /// attempts kept and of those dropped for space).
    pub fn last_for(&self, key: &ModeKey) -> Option<ScoreRecord> {
        let archived = self.progress.archive.last(key).cloned();
        self.kept_scores(key).chain(archived).reduce(|a, b| ScoreRecord::later(&a, &b).clone())
    }

    /// True if attempt `id` is a new best score, to say so on its results:
    /// its mode key counts for a best, it passed (if its quiz has a pass
    /// mark), and it strictly beats ([`Score::beats`](crate::quiz::answering::scoring::Score::beats))
    /// every earlier score of its mode key, of which there is at least one.
    /// "Earlier" means finished before it (ties by id), among the attempts
    /// kept and the scores kept of those dropped for space. False for an
    /// attempt not kept.
    pub fn is_new_best(&self, id: &str) -> bool {
        let Some(attempt) = self.attempts.get(id) else { return false };
        let key = ModeKey::of(&attempt.kind);
        if !key.counts_for_best() || attempt.passed() == Some(false) {
            return false;
        }
        let finished = (attempt.finished_at_ms, id);
        let archived = self.progress.archive.of_key(&key).iter().map(|a| a.score.clone());
        let mut earlier =
            self.kept_scores(&key).chain(archived).filter(|s| s.id != id && (s.finished_at_ms, s.id.as_str()) < finished).peekable();
        earlier.peek().is_some() && earlier.all(|s| attempt.score.beats(&s.score()))
    }

    /// Keeps the quiz in progress `id` as it now stands, with its time spent
    /// brought up to `now_ms` (see `SavedQuiz::touched`).
    pub fn save_quiz(&mut self, id: &str, quiz: SavedQuiz, now_ms: u64) {
        let quiz = quiz.touched(self.quizzes.get(id), now_ms);
        self.quizzes.put(id, quiz, now_ms);
        self.quizzes.tidy(self.cleared_at, QUIZZES_KEPT);
    }

    /// The quizzes in progress, most recently used first.
    pub fn quizzes_in_progress(&self) -> Vec<(&str, &SavedQuiz)> {
        self.quizzes.newest_first()
    }

    /// This very quiz, if it is in progress here: its id and the quiz.
    pub fn quiz_in_progress_of(&self, kind: &QuizKind) -> Option<(&str, &SavedQuiz)> {
        self.quizzes_in_progress().into_iter().find(|(_, q)| q.kind == *kind)
    }

    /// The latest finished attempt at this very quiz here, if any: its id and the attempt.
    pub fn latest_attempt_of(&self, kind: &QuizKind) -> Option<(&str, &FinishedAttempt)> {
        self.attempts_oldest_first().into_iter().rev().find(|(_, a)| a.kind == *kind)
    }

    /// Deletes the quiz in progress `id` without finishing it.
    pub fn discard_quiz(&mut self, id: &str, now_ms: u64) {
        self.quizzes.delete(id, now_ms);
        // Its tombstone counts towards the limit, so what is written always reads back.
        self.quizzes.tidy(self.cleared_at, QUIZZES_KEPT);
    }

    /// Finishes quiz `id`: it is no longer in progress, the attempt is kept
    /// under the same id, and it counts for the day's practice (and for its
    /// mode key's best and last scores).
    /// The attempt's time spent is the quiz's, brought up to `now_ms`.
    pub fn finish_quiz(&mut self, id: &str, attempt: FinishedAttempt, now_ms: u64, today: i64) {
        let active_ms = self.quizzes.get(id).map(|q| q.active_ms_at(now_ms));
        let attempt = FinishedAttempt { active_ms: attempt.active_ms.or(active_ms), ..attempt };
        self.quizzes.delete(id, now_ms);
        self.quizzes.tidy(self.cleared_at, QUIZZES_KEPT);
        self.progress.mark_day(today, now_ms);
        self.attempts.put(id, attempt, now_ms);
        self.tidy_attempts();
    }

    /// Finishes quiz `id` as `attempt` ended, keeping `finished` (made from
    /// it by `FinishedAttempt::from_attempt`): a deferred-feedback quiz's
    /// answers, held back from spaced review until it was submitted, count
    /// now (an immediate-feedback quiz's counted as each was checked); then
    /// as [`Store::finish_quiz`]. `now_ms` is ms since the Unix epoch and
    /// `today` the device's local day number. The app's results page and the
    /// end-to-end tests' prepared stores both finish quizzes through this.
    pub fn finish_attempt(&mut self, id: &str, attempt: &Attempt, finished: FinishedAttempt, now_ms: u64, today: i64) {
        if attempt.defers_feedback() {
            if let Some(marking) = attempt.marking() {
                for (item, right) in marking.results() {
                    self.record_answer(item, right, now_ms, today, &Scheduler::default());
                }
            }
        }
        self.finish_quiz(id, finished, now_ms, today);
    }

    /// Finished attempts, oldest first.
    pub fn attempts_oldest_first(&self) -> Vec<(&str, &FinishedAttempt)> {
        self.attempts.live_by_time(|_, a| a.finished_at_ms)
    }

    /// The most recently finished attempt.
    pub fn last_attempt(&self) -> Option<(&str, &FinishedAttempt)> {
        self.attempts_oldest_first().pop()
    }

    // ---- Records

    /// Keeps a record under `id`, and drops the draft it was made from.
    pub fn save_record(&mut self, id: &str, record: Record, attempt_id: Option<&str>, now_ms: u64) {
        self.records.put(id, record, now_ms);
        if let Some(attempt) = attempt_id {
            self.drafts.delete(attempt, now_ms);
        }
        self.records.tidy(self.cleared_at, RECORDS_KEPT);
    }

    /// Deletes record `id`; returns it, for Undo.
    pub fn delete_record(&mut self, id: &str, now_ms: u64) -> Option<Record> {
        self.records.delete(id, now_ms)
    }

    /// Records, oldest first, with their ids.
    pub fn records_oldest_first(&self) -> Vec<(&str, &Record)> {
        self.records.live_by_time(|_, r| r.made_at_ms)
    }

    /// Keeps what has been typed so far for attempt `attempt_id`'s record.
    /// What the record form for attempt `attempt_id` starts from: the draft
    /// typed so far; else the saved record's words, so saving again never
    /// replaces them with blanks; else a blank form with the newest record's
    /// role and organisation (see `RecordDraft::next_after`).
    pub fn draft_for(&self, attempt_id: &str) -> RecordDraft {
        self.drafts
            .get(attempt_id)
            .cloned()
            .or_else(|| self.records.get(attempt_id).map(RecordDraft::from))
            .unwrap_or_else(|| RecordDraft::next_after(self.records_oldest_first().last().map(|(_, r)| *r)))
    }

    /// The id of this device's own attempt that `result` came from, if any:
    /// a learner who opens their own result link is not a trainer.
    pub fn own_attempt_of(&self, result: &QuizResult) -> Option<&str> {
        let quiz = result.spec.id();
        self.attempts.live().find(|(_, a)| a.token == result.token && a.kind.link().is_some_and(|l| l.id() == quiz)).map(|(id, _)| id)
    }

    pub fn save_draft(&mut self, attempt_id: &str, draft: RecordDraft, now_ms: u64) {
        if self.drafts.get(attempt_id) != Some(&draft) {
            self.drafts.put(attempt_id, draft, now_ms);
            self.drafts.tidy(self.cleared_at, DRAFTS_KEPT);
        }
    }

    // ---- A trainer's debrief and sessions

    /// Counts a learner's result (from a result link opened on this device).
    pub fn add_result(&mut self, result: QuizResult, now_ms: u64) -> Added {
        let key = result_key(&result);
        // Looked up by the quiz's id as it is now worked out, not only by key:
        // results counted before version 4 are kept under an id that included the title.
        let (quiz, token) = (result.spec.id(), &result.token);
        if self.debrief.get(&key).is_some() || self.debrief.live().any(|(_, r)| &r.token == token && r.spec.id() == quiz) {
            return Added::AlreadyCounted;
        }
        self.debrief.put(&key, result, now_ms);
        self.debrief.tidy(self.cleared_at, RESULTS_KEPT);
        Added::New
    }

    /// Every counted result, in the order they were counted. A result of a
    /// session kept here carries that session's title: a learner who joined
    /// by its code (see `session_code`) sent none, and a chat app may have
    /// cut it from a result link.
    pub fn tally(&self) -> Tally {
        let titled = |result: &QuizResult| {
            let mut result = result.clone();
            if let Some(session) = self.sessions.get(&result.spec.id()) {
                result.spec.title.clone_from(&session.spec.title);
            }
            result
        };
        Tally { results: self.debrief.live_by_time(|at, _| at).into_iter().map(|(_, r)| titled(r)).collect() }
    }

    /// Clears the debrief of quiz `quiz_id`; returns the results removed, for Undo.
    pub fn clear_debrief(&mut self, quiz_id: &str, now_ms: u64) -> Vec<QuizResult> {
        let ids: Vec<String> = self.debrief.live().filter(|(_, r)| r.spec.id() == quiz_id).map(|(id, _)| id.to_owned()).collect();
        ids.iter().filter_map(|id| self.debrief.delete(id, now_ms)).collect()
    }

    /// Puts back results removed by [`Store::clear_debrief`] (Undo).
    pub fn restore_results(&mut self, results: Vec<QuizResult>, now_ms: u64) {
        for result in results {
            let key = result_key(&result);
            self.debrief.put(&key, result, now_ms);
        }
        self.debrief.tidy(self.cleared_at, RESULTS_KEPT);
    }

    /// Keeps a quiz link the trainer made.
    pub fn add_session(&mut self, spec: QuizSpec, now_ms: u64) {
        let id = spec.id();
        if self.sessions.get(&id).is_none() && !self.sessions.live().any(|(_, s)| s.spec.id() == id) {
            self.sessions.put(&id, TrainerSession { spec, made_at_ms: now_ms, presentation: None }, now_ms);
            self.sessions.tidy(self.cleared_at, SESSIONS_KEPT);
        }
    }

    /// Keeps where the presentation of session `id` stands (its slide, the
    /// quiz's place, the timer). False if the session is not here (deleted,
    /// or cleared in another tab).
    pub fn present(&mut self, id: &str, presentation: Presentation, now_ms: u64) -> bool {
        let Some(session) = self.sessions.get(id).cloned() else { return false };
        self.sessions.put(id, TrainerSession { presentation: Some(presentation), ..session }, now_ms);
        true
    }
}
