//! A collection kept by id, each entry with the time it last changed and a
//! tombstone once deleted, so copies merge without bringing anything back.

use super::*;

/// One entry of a collection: its id, when it last changed, and its value
/// (`None` once deleted: a tombstone, so an older copy cannot bring it back).
/// Stored as `{"id", "at": ms since the Unix epoch, "value": … or null}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry<T> {
    pub id: String,
    /// When it last changed, in ms since the Unix epoch.
    pub at: u64,
    pub value: Option<T>,
}

/// Entries sorted by id, each id once. Stored as a JSON array of entries.
///
/// A sorted `Vec` rather than a `BTreeMap`: the app has seven collections,
/// and seven copies of the B-tree's code measured 45 KB of wasm (about
/// 0.15 s of download on 3G); a few hundred entries search fast either way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Collection<T>(pub(super) Vec<Entry<T>>);

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Collection(Vec::new())
    }
}

impl<T: Clone + PartialEq + Serialize> Collection<T> {
    pub(super) fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|e| e.id.as_str().cmp(id))
    }

    /// Every entry, tombstones included, sorted by id.
    pub fn entries(&self) -> &[Entry<T>] {
        &self.0
    }

    /// True if it holds at most `kept` entries, with the ids in order and
    /// each once (as this app writes them).
    pub(super) fn fits(&self, kept: usize) -> bool {
        self.0.len() <= kept && self.0.windows(2).all(|w| w[0].id < w[1].id)
    }

    /// True if `id` is here, live or deleted (its tombstone kept): an id
    /// once used, so a stale copy from elsewhere must not bring it back.
    pub fn has_ever(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// The live value under `id`.
    pub fn get(&self, id: &str) -> Option<&T> {
        self.0.get(self.find(id).ok()?)?.value.as_ref()
    }

    /// Every live value with its id, ordered by `time(entry's change time,
    /// value)` (ms), oldest first; ties by id.
    pub(super) fn live_by_time(&self, time: impl Fn(u64, &T) -> u64) -> Vec<(&str, &T)> {
        let keys = by_time(self.0.iter().filter_map(|e| Some((time(e.at, e.value.as_ref()?), e.id.as_str()))));
        keys.into_iter().filter_map(|(_, id)| Some((id, self.get(id)?))).collect()
    }

    /// Every live value with its id, most recently changed first.
    pub fn newest_first(&self) -> Vec<(&str, &T)> {
        let mut live = self.live_by_time(|at, _| at);
        live.reverse();
        live
    }

    /// Every live value with its id, in id order.
    pub fn live(&self) -> impl Iterator<Item = (&str, &T)> {
        self.0.iter().filter_map(|e| Some((e.id.as_str(), e.value.as_ref()?)))
    }

    /// How many live values there are.
    pub fn live_count(&self) -> usize {
        self.0.iter().filter(|e| e.value.is_some()).count()
    }

    /// Sets `id` to `value` (`None` deletes) at `now_ms`, never before its
    /// last change, so a later change always wins, whatever the clock did.
    /// Returns what was there.
    pub(super) fn set(&mut self, id: &str, value: Option<T>, now_ms: u64) -> Option<T> {
        match self.find(id) {
            Ok(at) => {
                let entry = &mut self.0[at];
                entry.at = now_ms.max(entry.at + 1);
                std::mem::replace(&mut entry.value, value)
            }
            Err(at) => {
                self.0.insert(at, Entry { id: id.to_owned(), at: now_ms, value });
                None
            }
        }
    }

    /// Puts `value` under `id`.
    pub fn put(&mut self, id: &str, value: T, now_ms: u64) {
        self.set(id, Some(value), now_ms);
    }

    /// Deletes `id`, leaving a tombstone; returns what was there.
    pub fn delete(&mut self, id: &str, now_ms: u64) -> Option<T> {
        self.set(id, None, now_ms)
    }

    /// Which of two entries for one id wins: the newer; at the same time a
    /// tombstone, then the larger value as JSON text, so every tab picks the same.
    pub(super) fn newer<'a>(ours: &'a Entry<T>, theirs: &'a Entry<T>) -> &'a Entry<T> {
        let theirs_wins = match theirs.at.cmp(&ours.at) {
            std::cmp::Ordering::Greater => true,
            std::cmp::Ordering::Less => false,
            std::cmp::Ordering::Equal => match (&ours.value, &theirs.value) {
                (Some(_), None) => true,
                (None, _) => false,
                (Some(a), Some(b)) => a != b && serde_json::to_string(b).ok() > serde_json::to_string(a).ok(),
            },
        };
        if theirs_wins {
            theirs
        } else {
            ours
        }
    }

    /// Takes in another copy: for each id the newer entry (a merge of two sorted lists).
    pub(super) fn merge(&mut self, other: &Collection<T>) {
        let ours = std::mem::take(&mut self.0);
        let mut merged = Vec::with_capacity(ours.len().max(other.0.len()));
        let (mut a, mut b) = (ours.into_iter().peekable(), other.0.iter().peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) => match x.id.cmp(&y.id) {
                    std::cmp::Ordering::Less => a.next(),
                    std::cmp::Ordering::Greater => b.next().cloned(),
                    std::cmp::Ordering::Equal => {
                        let (x, y) = (a.next(), b.next());
                        x.zip(y).map(|(x, y)| Collection::newer(&x, y).clone())
                    }
                },
                (Some(_), None) => a.next(),
                (None, Some(_)) => b.next().cloned(),
                (None, None) => break,
            };
            merged.extend(next);
        }
        self.0 = merged;
    }

    /// Drops everything changed at or before `cleared_at_ms`, then all but the
    /// `kept` most recently changed entries (tombstones included).
    pub(super) fn tidy(&mut self, cleared_at_ms: u64, kept: usize) {
        self.0.retain(|e| e.at > cleared_at_ms);
        if self.0.len() > kept {
            let times = by_time(self.0.iter().map(|e| (e.at, e.id.as_str())));
            let (at, id) = times[times.len() - kept];
            let first_kept = (at, id.to_owned());
            self.0.retain(|e| (e.at, e.id.as_str()) >= (first_kept.0, first_kept.1.as_str()));
        }
    }

    /// The latest change, in ms.
    pub(super) fn latest_ms(&self) -> u64 {
        self.0.iter().map(|e| e.at).max().unwrap_or(0)
    }

    /// Calls `f` on each entry's time of change, and `inner` on each value's own times.
    pub(super) fn each_time(&mut self, f: &mut dyn FnMut(&mut u64), inner: fn(&mut T, &mut TimeVisitor<'_>)) {
        for entry in &mut self.0 {
            f(&mut entry.at);
            if let Some(value) = &mut entry.value {
                inner(value, f);
            }
        }
    }
}

/// What [`Store::each_time`] calls on each time kept, in ms.
pub type TimeVisitor<'a> = dyn FnMut(&mut u64) + 'a;

/// `(time in ms, id)` keys, sorted by time then id. Every sort in the store
/// goes through this one function on one element type: each other sort the
/// standard library compiles in adds several KB of wasm.
pub(super) fn by_time<'a>(keys: impl Iterator<Item = (u64, &'a str)>) -> Vec<(u64, &'a str)> {
    let mut keys: Vec<(u64, &str)> = keys.collect();
    keys.sort_unstable();
    keys
}
