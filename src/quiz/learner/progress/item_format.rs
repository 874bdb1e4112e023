//! An item's stored format (and version 5's), read and written.

use super::*;

/// How an [`ItemRecord`] (or its base) is written down (see there).
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct StoredItem {
    /// Missing in version 2; then taken from the log.
    #[serde(default)]
    at: Option<u64>,
    s: u64,
    d: u64,
    last: i64,
    due: i64,
    n: u32,
    lapses: u32,
    right: u32,
    wrong: u32,
    log: Vec<LogEntry>,
    /// Only beside reviews: what the item was before them, in version 5's form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    base: Option<Box<StoredItem>>,
    /// Only on a base folded from reviews (see [`Base::folded`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    folded: bool,
    /// Only on a base taken in from a backup after a clear (see [`Base::taken_in`]).
    #[serde(default, skip_serializing_if = "is_zero")]
    taken: u64,
}

pub(super) fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// One entry of a stored log: `[minute, 1 or 0]` as version 5 wrote it, or
/// a [`Review`] (`[ms, 1 or 0, day]`, and its `taken_in` if not 0).
pub(super) enum LogEntry {
    Old(u64, u8),
    New(u64, u8, i64, u64),
}

impl Serialize for LogEntry {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            LogEntry::Old(minute, right) => (minute, right).serialize(serializer),
            LogEntry::New(ms, right, day, 0) => (ms, right, day).serialize(serializer),
            LogEntry::New(ms, right, day, taken_in) => (ms, right, day, taken_in).serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for LogEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<LogEntry, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = LogEntry;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("[minute, 0 or 1] or [ms, 0 or 1, day] or [ms, 0 or 1, day, ms]")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<LogEntry, A::Error> {
                use serde::de::Error;
                let time: u64 = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(0, &self))?;
                let right: u8 = seq.next_element()?.ok_or_else(|| A::Error::invalid_length(1, &self))?;
                let entry = match seq.next_element::<i64>()? {
                    None => LogEntry::Old(time, right),
                    Some(day) => match seq.next_element::<u64>()? {
                        // Written only when not 0.
                        Some(0) => return Err(A::Error::invalid_value(serde::de::Unexpected::Unsigned(0), &self)),
                        taken_in => LogEntry::New(time, right, day, taken_in.unwrap_or(0)),
                    },
                };
                if seq.next_element::<serde::de::IgnoredAny>()?.is_some() {
                    return Err(A::Error::invalid_length(5, &self));
                }
                Ok(entry)
            }
        }
        deserializer.deserialize_seq(Visitor)
    }
}

impl StoredItem {
    /// Version 5's form of a base (with no base of its own).
    pub(super) fn of_base(b: &Base) -> StoredItem {
        let old = b.log.iter().map(|&(minute, right)| LogEntry::Old(minute, u8::from(right))).collect();
        StoredItem { folded: b.folded, taken: b.taken_in, ..StoredItem::summary(b.at, &b.memory, b.right, b.wrong, old) }
    }

    pub(super) fn summary(at: u64, m: &Memory, right: u32, wrong: u32, log: Vec<LogEntry>) -> StoredItem {
        StoredItem {
            at: Some(at),
            s: (m.stability * 1000.0).round() as u64,
            d: (m.difficulty * 1000.0).round() as u64,
            last: m.last_review_day,
            due: m.due_day,
            n: m.reviews,
            lapses: m.lapses,
            right,
            wrong,
            log,
            base: None,
            folded: false,
            taken: 0,
        }
    }

    /// True if the memory and totals are in range (as this app writes them).
    pub(super) fn summary_sane(&self) -> bool {
        let counts_sane = [self.n, self.lapses, self.right, self.wrong].iter().all(|&n| n <= SANE_COUNT);
        (1..=100_000_000).contains(&self.s)
            && (1000..=10_000).contains(&self.d)
            && SANE_DAYS.contains(&self.last)
            && SANE_DAYS.contains(&self.due)
            && self.due >= self.last
            && counts_sane
    }

    /// Reads it as a base: version 5's form, checked as version 5 did.
    pub(super) fn into_base(self) -> Result<Base, &'static str> {
        let mut log = Vec::with_capacity(self.log.len());
        for entry in &self.log {
            match *entry {
                LogEntry::Old(minute, right) if right <= 1 => log.push((minute, right == 1)),
                _ => return Err("not an item this app wrote"),
            }
        }
        let at = self.at.unwrap_or_else(|| log.last().map_or(0, |&(minute, _)| minute.saturating_mul(60_000)));
        if !self.summary_sane() || self.base.is_some() || log.len() > LOG_KEPT || (self.taken != 0 && self.taken <= at) {
            return Err("not an item this app wrote");
        }
        Ok(Base {
            at,
            memory: Memory {
                stability: self.s as f64 / 1000.0,
                difficulty: self.d as f64 / 1000.0,
                last_review_day: self.last,
                due_day: self.due,
                reviews: self.n,
                lapses: self.lapses,
            },
            right: self.right,
            wrong: self.wrong,
            log,
            folded: self.folded,
            taken_in: self.taken,
        })
    }
}

impl From<ItemRecord> for StoredItem {
    fn from(r: ItemRecord) -> StoredItem {
        match (&r.base, r.reviews.is_empty()) {
            // Only a base: exactly as version 5 wrote it.
            (Some(base), true) => StoredItem::of_base(base),
            _ => {
                let log = r.reviews.iter().map(|v| LogEntry::New(v.at, u8::from(v.right), v.day, v.taken_in)).collect();
                let mut stored = StoredItem::summary(r.at, &r.memory, r.right, r.wrong, log);
                stored.base = r.base.as_ref().map(|b| Box::new(StoredItem::of_base(b)));
                stored
            }
        }
    }
}

impl TryFrom<StoredItem> for ItemRecord {
    type Error = &'static str;

    fn try_from(mut s: StoredItem) -> Result<ItemRecord, &'static str> {
        const NOT_OURS: &str = "not an item this app wrote";
        let old = s.log.iter().all(|e| matches!(e, LogEntry::Old(..)));
        if old && s.base.is_none() {
            // Version 5's form (or older): all of it is a base.
            let base = s.into_base()?;
            return ItemRecord::from_parts(Some(base), Vec::new()).ok_or(NOT_OURS);
        }
        if !s.summary_sane() || s.folded || s.taken != 0 || s.log.is_empty() || s.log.len() > REVIEWS_KEPT {
            return Err(NOT_OURS);
        }
        let mut reviews = Vec::with_capacity(s.log.len());
        for entry in &s.log {
            match *entry {
                LogEntry::New(at, right, day, taken_in) if right <= 1 && SANE_DAYS.contains(&day) && (taken_in == 0 || taken_in > at) => {
                    reviews.push(Review { at, day, right: right == 1, taken_in })
                }
                _ => return Err(NOT_OURS),
            }
        }
        let base = s.base.take().map(|b| b.into_base()).transpose()?;
        let after_base = base.as_ref().and_then(Base::holds_until).is_none_or(|at| reviews[0].at > at);
        if !after_base || reviews.windows(2).any(|w| w[0].key() >= w[1].key()) {
            return Err(NOT_OURS);
        }
        // What is written beside the reviews is worked out again from them.
        ItemRecord::from_parts(base, reviews).ok_or(NOT_OURS)
    }
}
