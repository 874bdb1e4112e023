//! Keeping progress in `localStorage`, and surviving when that fails.
//!
//! Storage can be blocked (private modes, strict settings), full, or hold
//! something this version cannot read. In each case the app keeps working in
//! memory and says so; stored data it cannot read is copied aside, never
//! overwritten.

use crate::quiz::progress::{Progress, ProgressError};
use crate::quiz::resume::SavedQuiz;
use gloo_storage::{LocalStorage, Storage};
use js_sys::Reflect;
use wasm_bindgen::JsValue;

pub const PROGRESS_KEY: &str = "safeguarding-check:progress";
pub const QUIZ_IN_PROGRESS_KEY: &str = "safeguarding-check:quiz-in-progress";
/// Learners' results tallied on a trainer's phone.
pub const DEBRIEF_KEY: &str = "safeguarding-check:debrief";
/// Completion records for CPD.
pub const RECORDS_KEY: &str = "safeguarding-check:records";
const SET_ASIDE_KEY_PREFIX: &str = "safeguarding-check:unreadable-progress:";

/// Something about storage the person needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageProblem {
    /// The browser will not let the app use storage at all.
    Unavailable,
    /// Stored progress could not be read; it was copied aside and a fresh start made.
    UnreadableSetAside,
    /// Stored progress could not be read, nor copied aside, so it is left untouched
    /// and nothing new is saved over it.
    UnreadableLeftAlone,
    /// Progress was written by a newer version of the app; it is left untouched.
    FromNewerVersion,
    /// The device's storage for this site is full.
    Full,
    /// Saving failed for another reason, or what was saved did not read back.
    SaveFailed,
    /// An unfinished quiz was stored but could not be picked up again.
    UnfinishedQuizUnreadable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Read and write `localStorage`.
    Persistent,
    /// Never write: storage is missing, or holds data we must not overwrite.
    MemoryOnly,
}

/// Where progress lives for this visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProgressStore {
    mode: Mode,
}

/// `localStorage`, if the browser lets us touch it. Reading the property itself
/// throws a SecurityError when storage is blocked, and gloo-storage's `raw()`
/// would turn that into an uncatchable JS exception, so probe first.
fn local_storage_available() -> bool {
    web_sys::window().and_then(|window| window.local_storage().ok().flatten()).is_some()
}

impl ProgressStore {
    /// Opens storage and reads progress. Always returns usable progress, plus
    /// the problem to show the person, if there is one.
    pub fn open(now_ms: u64) -> (ProgressStore, Progress, Option<StorageProblem>) {
        let memory_only = ProgressStore { mode: Mode::MemoryOnly };
        if !local_storage_available() {
            return (memory_only, Progress::default(), Some(StorageProblem::Unavailable));
        }
        let persistent = ProgressStore { mode: Mode::Persistent };
        let stored = match LocalStorage::raw().get_item(PROGRESS_KEY) {
            Ok(Some(text)) => text,
            Ok(None) => return (persistent, Progress::default(), None),
            Err(_) => return (memory_only, Progress::default(), Some(StorageProblem::Unavailable)),
        };
        match Progress::decode(&stored) {
            Ok(progress) => (persistent, progress, None),
            Err(ProgressError::FromNewerVersion(_)) => (memory_only, Progress::default(), Some(StorageProblem::FromNewerVersion)),
            Err(ProgressError::Corrupt(_)) => {
                let aside_key = format!("{SET_ASIDE_KEY_PREFIX}{now_ms}");
                match LocalStorage::raw().set_item(&aside_key, &stored) {
                    Ok(()) => (persistent, Progress::default(), Some(StorageProblem::UnreadableSetAside)),
                    Err(_) => (memory_only, Progress::default(), Some(StorageProblem::UnreadableLeftAlone)),
                }
            }
        }
    }

    /// True when progress is only kept for this visit.
    pub fn is_memory_only(&self) -> bool {
        self.mode == Mode::MemoryOnly
    }

    /// Saves progress, first merging in whatever another tab saved since, so
    /// neither tab overwrites the other's newer answers. `progress` gains the
    /// merged-in answers. Reads the result back to be sure it landed.
    pub fn save(&self, progress: &mut Progress) -> Result<(), StorageProblem> {
        if self.mode == Mode::MemoryOnly {
            return Ok(());
        }
        if let Some(stored) = self.read_progress() {
            progress.merge(&stored);
        }
        write_verified(PROGRESS_KEY, &progress.encode())
    }

    /// The progress stored now, if it can be read (another tab may have saved).
    pub fn read_progress(&self) -> Option<Progress> {
        if self.mode == Mode::MemoryOnly {
            return None;
        }
        let text = LocalStorage::raw().get_item(PROGRESS_KEY).ok().flatten()?;
        Progress::decode(&text).ok()
    }

    /// Removes the stored progress, so the next save writes exactly what the
    /// app holds (an import that replaces progress).
    pub fn clear_progress(&self) {
        if self.mode == Mode::Persistent {
            LocalStorage::delete(PROGRESS_KEY);
        }
    }

    /// Deletes this app's data from the device ("Clear my data").
    pub fn clear_all(&self) {
        if self.mode == Mode::MemoryOnly {
            return;
        }
        let storage = LocalStorage::raw();
        let keys: Vec<String> = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
        for key in keys.iter().filter(|k| k.starts_with("safeguarding-check:")) {
            let _ = storage.remove_item(key);
        }
    }

    /// The stored quiz in progress, as text for the domain to check.
    pub fn load_quiz(&self) -> Option<String> {
        if self.mode == Mode::MemoryOnly {
            return None;
        }
        LocalStorage::raw().get_item(QUIZ_IN_PROGRESS_KEY).ok().flatten()
    }

    /// Keeps the quiz in progress, so a reload or an update loses nothing.
    pub fn save_quiz(&self, quiz: &SavedQuiz) -> Result<(), StorageProblem> {
        if self.mode == Mode::MemoryOnly {
            return Ok(());
        }
        write_verified(QUIZ_IN_PROGRESS_KEY, &quiz.encode())
    }

    /// Text stored under one of this app's other keys (debrief, records).
    pub fn load_text(&self, key: &str) -> Option<String> {
        if self.mode == Mode::MemoryOnly {
            return None;
        }
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    pub fn save_text(&self, key: &str, text: &str) -> Result<(), StorageProblem> {
        if self.mode == Mode::MemoryOnly {
            return Ok(());
        }
        write_verified(key, text)
    }

    pub fn clear_quiz(&self) {
        if self.mode == Mode::Persistent {
            LocalStorage::delete(QUIZ_IN_PROGRESS_KEY);
        }
    }
}

/// Writes `text` and reads it back, so a write that silently failed (or was
/// cut short) is reported rather than trusted.
fn write_verified(key: &str, text: &str) -> Result<(), StorageProblem> {
    // The app encodes its own JSON (see quiz::json), so it writes the text through
    // gloo-storage's raw Storage rather than its serde_json-based `set`.
    LocalStorage::raw().set_item(key, text).map_err(|error| {
        if is_quota_error(&error) {
            StorageProblem::Full
        } else {
            StorageProblem::SaveFailed
        }
    })?;
    match LocalStorage::raw().get_item(key) {
        Ok(Some(stored)) if stored == text => Ok(()),
        _ => Err(StorageProblem::SaveFailed),
    }
}

/// Calls `on_change` when another tab changes the stored progress. (The
/// `storage` event only fires in the other tabs, never in the one that saved.)
pub fn on_progress_changed_elsewhere(on_change: impl Fn() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast};
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::StorageEvent)>::new(move |event: web_sys::StorageEvent| {
        if event.key().as_deref() == Some(PROGRESS_KEY) {
            on_change();
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Chromium says `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED`,
/// and old WebKit only gives code 22. Read as plain properties, so whatever
/// was thrown (even a non-Error) is handled.
fn is_quota_error(error: &JsValue) -> bool {
    let property = |name: &str| Reflect::get(error, &JsValue::from_str(name)).ok();
    let name = property("name").and_then(|v| v.as_string()).unwrap_or_default();
    let code = property("code").and_then(|v| v.as_f64());
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == Some(22.0)
}
