//! Taking in what versions 1 and 2 stored under keys of their own.

use super::*;

impl Store {
    // ---- Migration from versions 1 and 2

    /// Takes in what versions 1 and 2 kept under keys of their own: a quiz in
    /// progress, the records file and the debrief tally. Each is read strictly
    /// and skipped if unreadable; the result says which could not be read.
    ///
    /// Taking in the same text again changes nothing: the quiz's id is a hash
    /// of its text, and records and results have ids of their own. (A tab of
    /// the old version left open may write the old keys again.)
    pub fn take_in_legacy(&mut self, legacy: LegacyData<'_>, now_ms: u64) -> Vec<&'static str> {
        let mut unreadable = Vec::new();
        if let Some(text) = legacy.quiz {
            let id = format!("{:016x}", fnv1a_64(text));
            match SavedQuiz::decode_legacy(text, "", now_ms) {
                Ok(quiz) if self.quizzes.find(&id).is_err() && self.attempts.find(&id).is_err() => {
                    // The bank, which knows topic titles, has not loaded when old data is taken in.
                    let title = kind_title(&quiz.kind);
                    self.save_quiz(&id, SavedQuiz { title, ..quiz }, now_ms);
                }
                Ok(_) => {}
                Err(_) => unreadable.push("quiz in progress"),
            }
        }
        if let Some(text) = legacy.records {
            match record::decode(text) {
                Some(records) => {
                    for r in records {
                        let id = format!("{:016x}", r.made_at_ms);
                        if self.records.find(&id).is_err() {
                            self.records.put(&id, r, now_ms);
                        }
                    }
                }
                None => unreadable.push("records"),
            }
        }
        if let Some(text) = legacy.debrief {
            match Tally::decode_legacy(text, |_| true) {
                Some(tally) => {
                    for result in tally.results {
                        self.add_result(result, now_ms);
                    }
                }
                None => unreadable.push("debrief"),
            }
        }
        self.tidy();
        unreadable
    }
}

/// What versions 1 and 2 kept under keys of their own (see [`Store::take_in_legacy`]).
pub struct LegacyData<'a> {
    pub quiz: Option<&'a str>,
    pub records: Option<&'a str>,
    pub debrief: Option<&'a str>,
}

/// FNV-1a, 64 bits: a stable id for a text (not for security).
pub(super) fn fnv1a_64(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

/// Progress as versions 1 and 2 stored it (and as version 1 backups hold it).
///
/// - Version 1: `{"schema_version": 1, "last": score or null, "best": score or null}`,
///   a score being `{"correct", "total", "finished_at_ms"}`.
/// - Version 2: `{"schema_version": 2, "attempts": [score], "best": score or null,
///   "items": {id: item}, "days": [day number]}`, a score being
///   `{"at", "mode", "topic", "correct", "total"}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct LegacyProgress {
    schema_version: u32,
    #[serde(default)]
    last: Option<LegacyScore>,
    #[serde(default)]
    best: Option<LegacyScore>,
    #[serde(default)]
    attempts: Option<Vec<ScoreRecord>>,
    #[serde(default)]
    items: Option<BTreeMap<String, ItemRecord>>,
    #[serde(default)]
    days: Option<Vec<i64>>,
}

/// A score of version 1 (`{"correct", "total", "finished_at_ms"}`) or 2
/// (`{"at", "mode", "topic", "correct", "total"}`): one struct for both,
/// checked against the version in [`LegacyScore::read`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LegacyScore {
    correct: u32,
    total: u32,
    #[serde(default)]
    finished_at_ms: Option<u64>,
    #[serde(default)]
    at: Option<u64>,
    #[serde(default)]
    mode: Option<Mode>,
    #[serde(default)]
    topic: Option<String>,
}

impl LegacyScore {
    /// The score, if it has exactly the fields of its version.
    fn read(self, version_2: bool) -> Option<ScoreRecord> {
        let (finished_at_ms, mode) = match (version_2, self.finished_at_ms, self.at, self.mode) {
            (false, Some(at), None, None) if self.topic.is_none() => (at, Mode::Quick),
            (true, None, Some(at), Some(mode)) => (at, mode),
            _ => return None,
        };
        Some(ScoreRecord {
            id: String::new(),
            finished_at_ms,
            offset_minutes: None,
            mode,
            topic: self.topic,
            correct: self.correct,
            total: self.total,
        })
    }
}

impl LegacyProgress {
    pub(crate) fn migrate(self) -> Result<Store, StoreError> {
        let corrupt = |what| Err(StoreError::Corrupt(what));
        let version_2 = self.schema_version == 2;
        let fields_fit = if version_2 {
            self.last.is_none() && self.attempts.is_some() && self.items.is_some() && self.days.is_some()
        } else {
            self.attempts.is_none() && self.items.is_none() && self.days.is_none()
        };
        let best = match self.best {
            None => None,
            Some(score) => Some(score.read(version_2).ok_or(StoreError::Corrupt("not a score"))?),
        };
        if !fields_fit {
            return corrupt("unknown field");
        }
        let scores: Vec<ScoreRecord> = match self.last {
            Some(last) => vec![last.read(false).ok_or(StoreError::Corrupt("not a score"))?],
            None => self.attempts.unwrap_or_default(),
        };
        let days = self.days.unwrap_or_default();
        if days.windows(2).any(|w| w[0] >= w[1]) || !days.iter().all(|d| SANE_DAYS.contains(d)) {
            return corrupt("days out of order");
        }
        if !scores.iter().chain(best.iter()).all(ScoreRecord::is_sane) || scores.len() > ATTEMPTS_KEPT {
            return corrupt("impossible score");
        }
        let mut store = Store::default();
        store.progress.items = self.items.unwrap_or_default();
        // Old days have no time: the start of the day stands in.
        store.progress.days = days.into_iter().map(|d| (d, (d as u64).saturating_mul(86_400_000))).collect();
        for score in scores {
            // Old attempts kept the score only; their answers were never stored.
            let id = format!("{:016x}", score.finished_at_ms);
            let attempt = FinishedAttempt {
                kind: crate::quiz::run::attempt::QuizKind::of_mode(score.mode, score.topic.clone())
                    .ok_or(StoreError::Corrupt("not a score"))?,
                title: String::new(),
                started_at_ms: score.finished_at_ms,
                finished_at_ms: score.finished_at_ms,
                offset_minutes: None,
                active_ms: None,
                score: score.score(),
                items: Vec::new(),
                token: "00000000".into(),
            };
            store.attempts.put(&id, attempt, score.finished_at_ms);
        }
        // The one best score of every mode becomes the best of its own mode key.
        store.progress.archive = Archive::from_one_best(best.map(|b| ScoreRecord { id: format!("{:016x}", b.finished_at_ms), ..b }));
        store.tidy();
        Ok(store)
    }
}
