//! Numbers typed the way people type them, in en-GB and other locales: each
//! spelling is read as the person meant or refused with a plain message,
//! never misread. See `src/quiz/text/number.rs`.

use proptest::prelude::*;
use quiz::text::number::{read_whole_number, NumberProblem, NUMBER_MAX};

/// A digit as one of the keyboards people use types it.
fn digit_in(script: u32, digit: u32) -> char {
    char::from_u32(script + digit).unwrap()
}

const SCRIPTS: [u32; 5] = ['0' as u32, 0xFF10, 0x0660, 0x06F0, 0x0966];

/// `n` grouped in threes with `separator` ("1,234,567").
fn grouped(n: u64, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

proptest! {
    /// Any whole number, in any script, grouped or not, with any sign and
    /// percent sign people use, is read as itself.
    #[test]
    fn a_whole_number_typed_any_usual_way_is_read_as_itself(
        n in 0u64..=NUMBER_MAX as u64,
        script in prop::sample::select(SCRIPTS.to_vec()),
        separator in prop::sample::select(vec!["", ",", " ", "\u{00A0}", "\u{202F}", "'"]),
        minus in prop::sample::select(vec!["", "-", "\u{2212}", "+"]),
        zeros in prop::sample::select(vec!["", ".0", ",0", ",00", ".000,0"]),
        percent in prop::sample::select(vec!["", "%", " %", "\u{FF05}", " per cent"]),
        spaces in prop::sample::select(vec!["", " ", "  "]),
    ) {
        // ".000,0" only makes sense after a number grouped with full stops; use ",0" instead.
        let zeros = if zeros == ".000,0" { ",0" } else { zeros };
        // A single comma before three digits is read as thousands: "1,000" is 1000, so a
        // grouped number followed by ",0"-style decimals is only tested ungrouped.
        let separator = if n >= 1000 && zeros.starts_with(',') && separator == "," { "" } else { separator };
        let body: String = grouped(n, separator).chars().map(|c| c.to_digit(10).map_or(c, |d| digit_in(script, d))).collect();
        let text = format!("{spaces}{minus}{body}{zeros}{percent}{spaces}");
        let expected = if minus == "-" || minus == "\u{2212}" { -(n as i64) } else { n as i64 };
        prop_assert_eq!(read_whole_number(&text), Ok(expected), "{:?}", text);
    }

    /// A decimal with a part after the point or comma is never read as a whole
    /// number: not "4,6" as 46, not "12,6" as 126.
    #[test]
    fn a_decimal_is_never_read_as_a_whole_number(
        whole in 0u64..100_000,
        fraction in "[0-9]{1,2}|[0-9]{4,6}",
        comma in any::<bool>(),
    ) {
        prop_assume!(!fraction.bytes().all(|b| b == b'0'));
        let text = format!("{whole}{}{fraction}", if comma { ',' } else { '.' });
        prop_assert_eq!(read_whole_number(&text), Err(NumberProblem::NotWhole), "{}", text);
    }

    /// A number that starts "0," or "0." is a decimal, whatever follows: "0,244" is never 244.
    #[test]
    fn a_leading_zero_is_never_a_thousands_group(zeros in "0{1,3}", fraction in "[0-9]{1,6}", comma in any::<bool>()) {
        prop_assume!(!fraction.bytes().all(|b| b == b'0'));
        let text = format!("{zeros}{}{fraction}", if comma { ',' } else { '.' });
        prop_assert_eq!(read_whole_number(&text), Err(NumberProblem::NotWhole), "{}", text);
    }

    /// "1.000" could be one or one thousand: asked again, never guessed.
    #[test]
    fn a_single_full_stop_before_three_digits_is_asked_about(whole in 1u64..1000, fraction in "[0-9]{3}") {
        let text = format!("{whole}.{fraction}");
        prop_assert_eq!(read_whole_number(&text), Err(NumberProblem::Unclear), "{}", text);
    }

    /// Too many digits says so, whatever their number.
    #[test]
    fn a_huge_number_is_too_large_not_not_a_number(digits in "[1-9][0-9]{7,80}") {
        prop_assert_eq!(read_whole_number(&digits), Err(NumberProblem::TooLarge));
    }

    /// No text whatever makes the reader panic, and each refusal has words.
    #[test]
    fn no_text_makes_the_reader_panic(text in ".{0,60}") {
        if let Err(problem) = read_whole_number(&text) {
            prop_assert!(!problem.message().is_empty());
        }
    }
}

#[test]
fn a_long_paste_is_read_in_linear_time() {
    for text in ["1,".repeat(50_000), "9".repeat(100_000), "\u{FF19}".repeat(30_000), " ".repeat(100_000)] {
        let started = std::time::Instant::now();
        let _ = read_whole_number(&text);
        assert!(started.elapsed().as_millis() < 200);
    }
}
