//! Keeping progress in `localStorage`, and surviving when that fails.
//!
//! Storage can be blocked (private modes, strict settings), full, or hold
//! something this version cannot read. In each case the app keeps working in
//! memory and says so; stored data it cannot read is copied aside, never
//! overwritten.

use crate::quiz::progress::{Progress, ProgressError};
use gloo_storage::{errors::StorageError, LocalStorage, Storage};

pub const PROGRESS_KEY: &str = "safeguarding-check:progress";
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
    web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .is_some()
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
            Err(ProgressError::FromNewerVersion(_)) => {
                (memory_only, Progress::default(), Some(StorageProblem::FromNewerVersion))
            }
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

    /// Saves progress and reads it back to be sure it landed.
    pub fn save(&self, progress: &Progress) -> Result<(), StorageProblem> {
        if self.mode == Mode::MemoryOnly {
            return Ok(());
        }
        // gloo-storage maps a thrown DOMException to `JsError` with its name. Every
        // browser that runs WebAssembly throws DOMExceptions that are `Error`s.
        LocalStorage::set(PROGRESS_KEY, progress).map_err(|error| match error {
            StorageError::JsError(js) if is_quota_error(&js.name, &js.message) => StorageProblem::Full,
            _ => StorageProblem::SaveFailed,
        })?;
        match LocalStorage::raw().get_item(PROGRESS_KEY) {
            Ok(Some(text)) if Progress::decode(&text).as_ref() == Ok(progress) => Ok(()),
            _ => Err(StorageProblem::SaveFailed),
        }
    }
}

/// Chromium says `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED`,
/// and old WebKit reports code 22 with a message mentioning the quota.
fn is_quota_error(name: &str, message: &str) -> bool {
    name == "QuotaExceededError"
        || name == "NS_ERROR_DOM_QUOTA_REACHED"
        || message.to_ascii_lowercase().contains("quota")
}
