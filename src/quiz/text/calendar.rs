//! Dates in the learner's own calendar, without a date library: local day
//! numbers (days since 1970-01-01 where the device was), months added on the
//! calendar, and days written out ("26 November 2026", "2026-11-26").

const MONTHS: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// (year, month 1-12, day 1-31) of a count of days since 1970-01-01.
/// Howard Hinnant's `civil_from_days`, valid for any date this app will see.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The offsets from UTC places use, in minutes east (UTC−12:00 to UTC+14:00).
/// A stored offset outside this range is not one this app wrote.
pub const OFFSET_RANGE: std::ops::RangeInclusive<i64> = -720..=840;

/// The device's local calendar day of `utc_ms`, as days since 1970-01-01:
/// what streaks and review dates count in.
pub fn local_day(utc_ms: u64, offset_minutes: i64) -> i64 {
    (utc_ms as i64 + offset_minutes * 60_000).div_euclid(86_400_000)
}

/// The local day number `months` calendar months after `day`, keeping the day
/// of the month where it can (31 January + 1 month is the last day of February).
pub fn add_months(day: i64, months: u32) -> i64 {
    let (year, month, date) = civil_from_days(day);
    let index = year * 12 + i64::from(month - 1) + i64::from(months);
    let (year, month) = (index.div_euclid(12), index.rem_euclid(12) as u32 + 1);
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    days_from_civil(year, month, date.min(days_in_month))
}

/// The inverse of `civil_from_days` (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = i64::from((month + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// "26 November 2026" for a local day number.
pub fn format_day_number(day: i64) -> String {
    let (year, month, date) = civil_from_days(day);
    format!("{date} {} {year}", MONTHS[(month - 1) as usize])
}

/// "2026-11-26": the local calendar day of `utc_ms`, for file names.
pub fn iso_date(utc_ms: u64, offset_minutes: i64) -> String {
    let (year, month, day) = civil_from_days(local_day(utc_ms, offset_minutes));
    format!("{year:04}-{month:02}-{day:02}")
}

/// "26 November 2026": the local calendar day of `utc_ms`, given the device's
/// offset from UTC in minutes.
pub fn format_day(utc_ms: u64, offset_minutes: i64) -> String {
    let local_ms = utc_ms as i64 + offset_minutes * 60_000;
    let (year, month, day) = civil_from_days(local_ms.div_euclid(86_400_000));
    format!("{day} {} {year}", MONTHS[(month - 1) as usize])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_is_first_of_january_1970() {
        assert_eq!(format_day(0, 0), "1 January 1970");
    }

    #[test]
    fn known_dates() {
        // 2026-11-26T05:00:00Z
        assert_eq!(format_day(1_795_669_200_000, 0), "26 November 2026");
        // 2024-02-29T12:00:00Z, a leap day
        assert_eq!(format_day(1_709_208_000_000, 0), "29 February 2024");
    }

    #[test]
    fn months_are_added_on_the_calendar() {
        let day = |y, m, d| days_from_civil(y, m, d);
        assert_eq!(civil_from_days(day(2026, 11, 26)), (2026, 11, 26));
        assert_eq!(add_months(day(2026, 11, 26), 12), day(2027, 11, 26));
        assert_eq!(add_months(day(2027, 1, 31), 1), day(2027, 2, 28));
        assert_eq!(add_months(day(2028, 1, 31), 1), day(2028, 2, 29), "a leap year");
        assert_eq!(add_months(day(2026, 11, 30), 3), day(2027, 2, 28));
        assert_eq!(format_day_number(day(2027, 11, 26)), "26 November 2027");
    }

    #[test]
    fn iso_dates_for_file_names() {
        assert_eq!(iso_date(1_795_669_200_000, 0), "2026-11-26");
        assert_eq!(iso_date(0, 0), "1970-01-01");
    }

    #[test]
    fn local_days_count_from_1970_in_local_time() {
        assert_eq!(local_day(0, 0), 0);
        assert_eq!(local_day(1_795_669_200_000, 0), 20_783);
        assert_eq!(local_day(1_782_862_200_000, 60), local_day(1_782_862_200_000, 0) + 1, "23:30 UTC is tomorrow in London");
    }

    #[test]
    fn local_offset_moves_across_midnight() {
        // 2026-06-30T23:30:00Z is already 1 July in London (UTC+1).
        assert_eq!(format_day(1_782_862_200_000, 60), "1 July 2026");
        assert_eq!(format_day(1_782_862_200_000, 0), "30 June 2026");
    }
}
