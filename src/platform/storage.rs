//! Keeping the [`Store`] in `localStorage`, and surviving when that fails.
//!
//! Storage can be blocked (private modes, strict settings), full, or hold
//! something this version cannot read. In each case the app keeps working in
//! memory and says so; stored data it cannot read is copied aside, never
//! overwritten.
//!
//! Every save first merges in what is stored now (another tab may have saved
//! since), then writes and reads back. Versions 1 and 2 kept the quiz in
//! progress, the records and the debrief under keys of their own: opening
//! takes them into the store and removes them once the store is safely written.

use gloo_storage::{LocalStorage, Storage};
use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::quiz::saved::store::{LegacyData, Store, StoreError};

/// The one key the app keeps everything under (it held progress alone in versions 1 and 2).
pub const STORE_KEY: &str = "safeguarding-check:progress";
/// Keys of versions 1 and 2, taken into the store when first opened.
const LEGACY_QUIZ_KEY: &str = "safeguarding-check:quiz-in-progress";
const LEGACY_RECORDS_KEY: &str = "safeguarding-check:records";
const LEGACY_DEBRIEF_KEY: &str = "safeguarding-check:debrief";
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
    /// An unfinished quiz from an older version could not be picked up again.
    UnfinishedQuizUnreadable,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Read and write `localStorage`.
    Persistent,
    /// Never write: storage is missing, or holds data we must not overwrite.
    MemoryOnly,
}

/// Where the store lives for this visit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StoreFile {
    mode: Mode,
}

/// `localStorage`, if the browser lets us touch it. Reading the property itself
/// throws a SecurityError when storage is blocked, and gloo-storage's `raw()`
/// would turn that into an uncatchable JS exception, so probe first.
fn local_storage_available() -> bool {
    super::page::window().and_then(|window| window.local_storage().ok().flatten()).is_some()
}

fn read_key(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// The text of a quick check begun on the page before the app arrived
/// (`quiz::early_start`), if there is one.
pub fn early_start_text() -> Option<String> {
    if !local_storage_available() {
        return None;
    }
    read_key(crate::quiz::saved::early_start::STORAGE_KEY)
}

/// Removes the early start once it has been taken in (or could not be).
pub fn remove_early_start() {
    if local_storage_available() {
        LocalStorage::delete(crate::quiz::saved::early_start::STORAGE_KEY);
    }
}

/// How much the app's data takes in local storage, in bytes as browsers
/// count it (UTF-16: 2 bytes a code unit, keys included), over every key
/// the app keeps; `None` if storage is blocked. This is what fills the
/// about 5 MB a browser keeps for a site's local storage, unlike the offline
/// copy of the app, which is kept apart (Cache Storage) with a far larger quota.
pub fn data_size_bytes() -> Option<f64> {
    let storage = super::page::window()?.local_storage().ok().flatten()?;
    let mut units = 0usize;
    for n in 0..storage.length().ok()? {
        let Some(key) = storage.key(n).ok().flatten() else { continue };
        if key.starts_with("safeguarding-check:") {
            let value = storage.get_item(&key).ok().flatten().unwrap_or_default();
            units += key.encode_utf16().count() + value.encode_utf16().count();
        }
    }
    Some(units as f64 * 2.0)
}

/// Takes (reads and removes) what the page's script left in session storage
/// when "Start the quiz" was tapped on a trainer's link before the app had
/// arrived (`quiz::early_start::StartWhenReady`). `None` when there is
/// nothing, or session storage is blocked.
pub fn take_start_when_ready() -> Option<String> {
    let storage = super::page::window()?.session_storage().ok().flatten()?;
    let key = crate::quiz::saved::early_start::START_WHEN_READY_KEY;
    let text = storage.get_item(key).ok().flatten()?;
    let _ = storage.remove_item(key);
    Some(text)
}

impl StoreFile {
    /// Storage that is never read or written: the store lives in memory for
    /// this visit. The component tests mount a screen over a prepared store this way.
    pub fn in_memory() -> StoreFile {
        StoreFile { mode: Mode::MemoryOnly }
    }

    /// Opens storage and reads the store, migrating older versions' data.
    /// Always returns a usable store, plus the problem to show the person, if there is one.
    pub fn open(now_ms: u64) -> (StoreFile, Store, Option<StorageProblem>) {
        let memory_only = StoreFile { mode: Mode::MemoryOnly };
        if !local_storage_available() {
            return (memory_only, Store::default(), Some(StorageProblem::Unavailable));
        }
        let persistent = StoreFile { mode: Mode::Persistent };
        let (mut store, mut problem) = match LocalStorage::raw().get_item(STORE_KEY) {
            Ok(None) => (Store::default(), None),
            Err(_) => return (memory_only, Store::default(), Some(StorageProblem::Unavailable)),
            Ok(Some(text)) => match Store::decode(&text) {
                Ok(store) => (store, None),
                Err(StoreError::FromNewerVersion(_)) => {
                    return (memory_only, Store::default(), Some(StorageProblem::FromNewerVersion));
                }
                Err(StoreError::Corrupt(_)) => {
                    let aside_key = format!("{SET_ASIDE_KEY_PREFIX}{now_ms}");
                    match LocalStorage::raw().set_item(&aside_key, &text) {
                        Ok(()) => (Store::default(), Some(StorageProblem::UnreadableSetAside)),
                        Err(_) => return (memory_only, Store::default(), Some(StorageProblem::UnreadableLeftAlone)),
                    }
                }
            },
        };
        let (quiz, records, debrief) = (read_key(LEGACY_QUIZ_KEY), read_key(LEGACY_RECORDS_KEY), read_key(LEGACY_DEBRIEF_KEY));
        if quiz.is_some() || records.is_some() || debrief.is_some() {
            let legacy = LegacyData { quiz: quiz.as_deref(), records: records.as_deref(), debrief: debrief.as_deref() };
            let unreadable = store.take_in_legacy(legacy, now_ms);
            if unreadable.contains(&"quiz in progress") {
                problem = problem.or(Some(StorageProblem::UnfinishedQuizUnreadable));
            }
            // The old keys go only once the store holding them is safely written.
            match persistent.save(&mut store) {
                Ok(()) => {
                    for key in [LEGACY_QUIZ_KEY, LEGACY_RECORDS_KEY, LEGACY_DEBRIEF_KEY] {
                        LocalStorage::delete(key);
                    }
                }
                Err(save_problem) => problem = problem.or(Some(save_problem)),
            }
        }
        (persistent, store, problem)
    }

    /// True when the store is only kept for this visit.
    pub fn is_memory_only(&self) -> bool {
        self.mode == Mode::MemoryOnly
    }

    /// Saves the store, first merging in whatever another tab saved since, so
    /// neither tab overwrites the other. `store` gains what was merged in.
    /// Reads the result back to be sure it landed.
    pub fn save(&self, store: &mut Store) -> Result<(), StorageProblem> {
        if self.mode == Mode::MemoryOnly {
            return Ok(());
        }
        if let Some(stored) = self.read() {
            store.merge(&stored);
        }
        write_verified(STORE_KEY, &store.encode())
    }

    /// The store as saved now, if it can be read (another tab may have saved).
    pub fn read(&self) -> Option<Store> {
        if self.mode == Mode::MemoryOnly {
            return None;
        }
        Store::decode(&read_key(STORE_KEY)?).ok()
    }

    /// "Clear my data": removes the copies of unreadable data set aside. The
    /// store itself is cleared by the caller and saved with its clear marker,
    /// so other tabs learn of the clear instead of writing their data back.
    pub fn remove_set_aside(&self) {
        if self.mode == Mode::MemoryOnly {
            return;
        }
        let storage = LocalStorage::raw();
        let keys: Vec<String> = (0..storage.length().unwrap_or(0)).filter_map(|i| storage.key(i).ok().flatten()).collect();
        for key in keys.iter().filter(|k| k.starts_with(SET_ASIDE_KEY_PREFIX)) {
            let _ = storage.remove_item(key);
        }
    }
}

/// Writes `text` and reads it back, so a write that silently failed (or was
/// cut short) is reported rather than trusted. (The store is encoded by
/// serde in the domain, so the text goes through gloo-storage's raw Storage.)
fn write_verified(key: &str, text: &str) -> Result<(), StorageProblem> {
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

/// Chromium says `QuotaExceededError`, Firefox `NS_ERROR_DOM_QUOTA_REACHED`,
/// and old WebKit only gives code 22. Read as plain properties, so whatever
/// was thrown (even a non-Error) is handled.
fn is_quota_error(error: &JsValue) -> bool {
    let property = |name: &str| Reflect::get(error, &JsValue::from_str(name)).ok();
    let name = property("name").and_then(|v| v.as_string()).unwrap_or_default();
    let code = property("code").and_then(|v| v.as_f64());
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == Some(22.0)
}
