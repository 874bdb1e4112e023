//! Dates across time zones and clock changes: a date is shown as the day it
//! happened where the phone was, whichever zone and season it is viewed in,
//! and a streak survives flying west. Zones are modelled with their real
//! rules (the UK's last-Sunday clock changes, New York's, Sydney's), crossed
//! with moments on and around both UK clock changes.

use proptest::prelude::*;
use quiz::learner::progress::Progress;
use quiz::text::calendar::{format_day, local_day};

const MINUTE: i64 = 60_000;
const HOUR: i64 = 60 * MINUTE;
const DAY: i64 = 24 * HOUR;

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm, written
/// again here so the test does not check the app against itself).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Day number of the last Sunday of `month` (1970-01-01 was a Thursday).
fn last_sunday(year: i64, month: i64) -> i64 {
    let next = if month == 12 { days_from_civil(year + 1, 1, 1) } else { days_from_civil(year, month + 1, 1) };
    let last = next - 1;
    last - (last + 4).rem_euclid(7)
}

/// Day number of the `nth` Sunday of `month`.
fn nth_sunday(year: i64, month: i64, nth: i64) -> i64 {
    let first = days_from_civil(year, month, 1);
    first + (7 - (first + 4).rem_euclid(7)) % 7 + 7 * (nth - 1)
}

#[derive(Debug, Clone, Copy)]
enum Zone {
    London,
    NewYork,
    Sydney,
    Kolkata,
}

impl Zone {
    /// Minutes east of UTC at `utc_ms`, by each zone's rules since 2007.
    fn offset(self, utc_ms: i64) -> i64 {
        let year = 1970 + utc_ms / (365 * DAY + DAY / 4);
        let at = |day: i64, utc_hour: i64| day * DAY + utc_hour * HOUR;
        match self {
            // BST: 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
            Zone::London => {
                if (at(last_sunday(year, 3), 1)..at(last_sunday(year, 10), 1)).contains(&utc_ms) {
                    60
                } else {
                    0
                }
            }
            // EDT: 02:00 local on the second Sunday of March to 02:00 local on the first Sunday of November.
            Zone::NewYork => {
                if (at(nth_sunday(year, 3, 2), 7)..at(nth_sunday(year, 11, 1), 6)).contains(&utc_ms) {
                    -240
                } else {
                    -300
                }
            }
            // AEDT: 02:00 local on the first Sunday of October to 03:00 local on the first Sunday of April.
            Zone::Sydney => {
                if (at(nth_sunday(year, 4, 1), -8)..at(nth_sunday(year, 10, 1), -8)).contains(&utc_ms) {
                    600
                } else {
                    660
                }
            }
            Zone::Kolkata => 330,
        }
    }

    /// The local calendar day number at `utc_ms`, worked out from first principles.
    fn civil_day(self, utc_ms: i64) -> i64 {
        (utc_ms + self.offset(utc_ms) * MINUTE).div_euclid(DAY)
    }
}

const ZONES: [Zone; 4] = [Zone::London, Zone::NewYork, Zone::Sydney, Zone::Kolkata];

/// Moments on and around both UK clock changes, 2024 to 2032: the half hours
/// either side of 00:00, 01:00 and 02:00 local on each changing Sunday.
fn around_uk_clock_changes() -> impl Strategy<Value = i64> {
    (2024i64..=2032, prop::bool::ANY, -6i64..=6, 0i64..=1).prop_map(|(year, spring, half_hours, day_before)| {
        let sunday = last_sunday(year, if spring { 3 } else { 10 }) - day_before;
        sunday * DAY + half_hours * 30 * MINUTE
    })
}

fn any_moment() -> impl Strategy<Value = i64> {
    prop_oneof![around_uk_clock_changes(), days_from_civil(2024, 1, 1) * DAY..days_from_civil(2033, 1, 1) * DAY]
}

#[test]
fn the_testers_case_a_completion_at_00_30_bst_on_1_july_is_1_july_in_december() {
    // 00:30 BST on 1 July 2026 is 23:30 UTC on 30 June.
    let finished = days_from_civil(2026, 6, 30) * DAY + 23 * HOUR + 30 * MINUTE;
    let kept = Zone::London.offset(finished);
    assert_eq!(kept, 60);
    assert_eq!(format_day(finished as u64, kept), "1 July 2026");
    let december = days_from_civil(2026, 12, 1) * DAY;
    assert_eq!(Zone::London.offset(december), 0, "today's offset would give 30 June");
    assert_eq!(format_day(finished as u64, Zone::London.offset(december)), "30 June 2026");
}

proptest! {
    /// With the offset kept at the moment it happened, the date shown is the
    /// local date where it happened, whatever zone or season it is viewed in.
    #[test]
    fn a_date_is_the_day_it_happened_where_it_happened(
        at in any_moment(),
        zone in prop::sample::select(ZONES.to_vec()),
    ) {
        let kept = zone.offset(at);
        prop_assert_eq!(local_day(at as u64, kept), zone.civil_day(at));
        // And formatting agrees with the day number.
        let (shown, expected) = (format_day(at as u64, kept), quiz::text::calendar::format_day_number(zone.civil_day(at)));
        prop_assert_eq!(shown, expected);
    }

    /// Practise in one zone, open the app up to a day later in the same zone
    /// or one to its west: the streak is still there.
    #[test]
    fn a_streak_survives_flying_west_or_the_clocks_going_back(
        practised in any_moment(),
        later_minutes in 0i64..24 * 60,
        from in prop::sample::select(ZONES.to_vec()),
        to in prop::sample::select(ZONES.to_vec()),
    ) {
        let opened = practised + later_minutes * MINUTE;
        prop_assume!(to.offset(opened) <= from.offset(practised));
        let mut progress = Progress::default();
        progress.mark_day(from.civil_day(practised), practised as u64);
        let today = to.civil_day(opened);
        prop_assert!(progress.streak(today) >= 1, "practised day {}, opened on day {}", from.civil_day(practised), today);
    }

    /// Days practised on consecutive local days count in full, across the
    /// clock changes, when viewed on the last of them.
    #[test]
    fn consecutive_days_count_across_clock_changes(start in around_uk_clock_changes(), days in 1i64..10, zone in prop::sample::select(ZONES.to_vec())) {
        let mut progress = Progress::default();
        let first = zone.civil_day(start);
        for n in 0..days {
            // Noon local time on each day.
            let noon = (first + n) * DAY + 12 * HOUR - zone.offset((first + n) * DAY) * MINUTE;
            progress.mark_day(zone.civil_day(noon), noon as u64);
        }
        prop_assert_eq!(progress.streak(first + days - 1), days as u32);
    }
}
