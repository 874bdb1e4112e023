//! Reading a whole number as people type it, whatever their phone's keyboard
//! and habits: "46", "46%", " 46 % ", "４６", "٤٦", "−3", "1,000", "1 000",
//! "1.000.000", "46.0" and "46,0" are all understood. A decimal comma is a
//! decimal comma: "46,5" and "46.5" get the same answer (not a whole
//! number), and "4,6" or "12,6" is never read as 46 or 126.
//!
//! Every figure in this course is a whole number, so a decimal is refused
//! with a plain message rather than marked, and so is anything that could be
//! read two ways ("1.000": one, or one thousand?).
//!
//! Hand-written: locale number parsers (ICU4X's `icu_decimal`) read one
//! locale chosen in advance and bring their locale data (hundreds of KB of
//! wasm), but a learner types with whatever keyboard their phone has. This is
//! one pass over at most a few dozen characters.

use super::wording::is_hidden_character;

/// The largest size of answer read (either sign); every figure in the course is far below it.
pub const NUMBER_MAX: i64 = 1_000_000;

/// Why what was typed is not a whole number this app can mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberProblem {
    /// Nothing but spaces (or a lone "%").
    Empty,
    /// Letters or symbols: "forty", "1e3", "--4".
    NotDigits,
    /// A decimal with a part after the point or comma that is not zero.
    NotWhole,
    /// A single full stop before three digits, as in "1.000": one or one thousand?
    Unclear,
    /// Thousands separators in the wrong places: "1,00,000", "4 6".
    BadGrouping,
    /// Larger than [`NUMBER_MAX`].
    TooLarge,
}

impl NumberProblem {
    /// The error message, in GOV.UK's words for number fields.
    pub fn message(self) -> &'static str {
        match self {
            NumberProblem::Empty => "Enter a number",
            NumberProblem::NotDigits => "Enter a number using digits, like 25",
            NumberProblem::NotWhole => "Enter a whole number, like 25: the figures in this course have no decimal places",
            NumberProblem::Unclear => "Enter the number without a full stop, like 1000",
            NumberProblem::BadGrouping => "Enter the number without spaces or commas, like 1000",
            NumberProblem::TooLarge => "Enter a number no bigger than 1,000,000",
        }
    }
}

/// The zero of each run of decimal digits people's keyboards type: full-width
/// (Chinese and Japanese input), Arabic-Indic, Persian, Devanagari, Bengali,
/// Gurmukhi, Gujarati, Odia, Tamil, Telugu, Kannada, Malayalam, Thai, Lao,
/// Tibetan, Myanmar and Khmer.
const DIGIT_ZEROS: [u32; 17] = [
    0xFF10, 0x0660, 0x06F0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x17E0,
];

/// One typed character as the few this reader knows: ASCII digits, `-`,
/// `+`, `,`, `.`, `'` (a thousands separator), `%` and a space.
fn plain(c: char) -> char {
    if let Some(digit) = DIGIT_ZEROS.iter().find_map(|&zero| (u32::from(c).wrapping_sub(zero) < 10).then(|| u32::from(c) - zero)) {
        return char::from(b'0' + digit as u8);
    }
    match c {
        '\u{2212}' | '\u{FF0D}' | '\u{2013}' | '\u{2010}' | '\u{2011}' | '\u{FE63}' => '-',
        '\u{FF0B}' => '+',
        '\u{FF0C}' => ',',
        '\u{FF0E}' | '\u{066B}' => '.',
        '\u{066C}' | '\u{2019}' => '\'',
        '\u{FF05}' | '\u{066A}' => '%',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// Reads `text` as a whole number, or says plainly why it cannot.
///
/// Errors: see [`NumberProblem`]. Linear in the length of `text`.
pub fn read_whole_number(text: &str) -> Result<i64, NumberProblem> {
    // Invisible marks (direction marks, the Arabic letter mark some phones put
    // after "٪", word joiners, soft hyphens) are not part of what was typed.
    let visible = |c: &char| !is_hidden_character(*c) && !matches!(c, '\u{061C}' | '\u{2060}' | '\u{00AD}');
    let typed: String = text.chars().filter(visible).map(plain).collect::<String>().to_ascii_lowercase();
    let typed = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    // Sentence punctuation after the number ("46%.", "46!", "46。") is not part of it.
    let mut body = typed.trim().trim_end_matches(['.', ',', '!', ' ', '\u{3002}']);
    for suffix in ["%", "per cent", "percent"] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest.trim_end();
            break;
        }
    }
    let (negative, body) = match body.chars().next() {
        Some('-') => (true, body[1..].trim_start()),
        Some('+') => (false, body[1..].trim_start()),
        _ => (false, body),
    };
    if body.is_empty() {
        return Err(if negative || typed.trim().is_empty() || typed.trim() == "%" {
            NumberProblem::Empty
        } else {
            NumberProblem::NotDigits
        });
    }
    if !body.chars().all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\'')) || !body.chars().any(|c| c.is_ascii_digit()) {
        return Err(NumberProblem::NotDigits);
    }
    // A full stop or comma at the very end ends the sentence: "46."
    let body = body.trim_end_matches(['.', ',']);
    let (whole, fraction) = split_decimal(body)?;
    if !fraction.bytes().all(|b| b == b'0') {
        return Err(NumberProblem::NotWhole);
    }
    let digits = ungroup(whole)?;
    let significant = digits.trim_start_matches('0');
    if significant.len() > 7 {
        return Err(NumberProblem::TooLarge);
    }
    let size: i64 = if significant.is_empty() { 0 } else { significant.parse().map_err(|_| NumberProblem::NotDigits)? };
    if size > NUMBER_MAX {
        return Err(NumberProblem::TooLarge);
    }
    Ok(if negative { -size } else { size })
}

/// Splits the number at its decimal separator, if it has one: (whole part,
/// digits after the separator).
fn split_decimal(body: &str) -> Result<(&str, &str), NumberProblem> {
    let commas = body.matches(',').count();
    let points = body.matches('.').count();
    let separator = match (commas, points) {
        (0, 0) => None,
        // Both: the later one is the decimal separator ("1,000.5", "1.000,5").
        (_, _) if commas > 0 && points > 0 => {
            let last = body.rfind([',', '.']).map(|at| &body[at..at + 1]);
            let decimal = if last == Some(",") { ',' } else { '.' };
            if body.matches(decimal).count() > 1 {
                return Err(NumberProblem::BadGrouping);
            }
            Some(decimal)
        }
        // More than one of a kind: thousands separators ("1,000,000", "1.000.000").
        (c, p) if c > 1 || p > 1 => None,
        // One comma before exactly three digits: thousands, as written in the UK ("1,000").
        (1, 0) if after(body, ',').len() == 3 && groups_before(body, ',') => None,
        (1, 0) => Some(','),
        // One full stop before exactly three digits could be either ("1.000").
        (0, 1) if after(body, '.').len() == 3 && groups_before(body, '.') => {
            return Err(NumberProblem::Unclear);
        }
        _ => Some('.'),
    };
    let Some(separator) = separator else { return Ok((body, "")) };
    let (whole, fraction) = body.rsplit_once(separator).unwrap_or((body, ""));
    if !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return Err(NumberProblem::BadGrouping);
    }
    Ok((whole, fraction))
}

/// What follows the only `separator` in `body`.
fn after(body: &str, separator: char) -> &str {
    body.rsplit_once(separator).map_or("", |(_, rest)| rest)
}

/// True if what comes before the only `separator` could be the first group
/// of thousands: one to three digits, not starting with 0 ("0,294" is a decimal).
fn groups_before(body: &str, separator: char) -> bool {
    body.split_once(separator).is_some_and(|(first, _)| is_first_group(first))
}

/// One to three digits, not starting with 0: how a number grouped in thousands begins.
fn is_first_group(group: &str) -> bool {
    (1..=3).contains(&group.len()) && group.bytes().all(|b| b.is_ascii_digit()) && !group.starts_with('0')
}

/// The digits of the whole part with its thousands separators checked and
/// taken out: one kind of separator, 1–3 digits before the first and exactly
/// three between and after them.
fn ungroup(whole: &str) -> Result<String, NumberProblem> {
    if whole.is_empty() {
        return Ok("0".into());
    }
    let kinds: Vec<char> = [',', '.', ' ', '\''].into_iter().filter(|&k| whole.contains(k)).collect();
    match kinds.as_slice() {
        [] => Ok(whole.to_owned()),
        [separator] => {
            let groups: Vec<&str> = whole.split(*separator).collect();
            if is_first_group(groups[0]) && groups[1..].iter().all(|g| g.len() == 3) {
                Ok(groups.concat())
            } else {
                Err(NumberProblem::BadGrouping)
            }
        }
        _ => Err(NumberProblem::BadGrouping),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_people_type_them() {
        for (text, n) in [
            ("46", 46),
            (" 46% ", 46),
            ("46 %", 46),
            ("46 per cent", 46),
            ("46 Percent", 46),
            ("046", 46),
            ("46.", 46),
            ("46.0", 46),
            ("46,0", 46),
            ("46,00 %", 46),
            ("1,000", 1000),
            ("1 000", 1000),
            ("1\u{202F}000", 1000),
            ("1'000", 1000),
            ("1.000.000", 1_000_000),
            ("1,000.0", 1000),
            ("1.000,0", 1000),
            ("0.000", 0),
            ("-3", -3),
            ("\u{2212}3", -3),
            ("+538", 538),
            ("\u{FF14}\u{FF16}", 46),
            ("\u{FF14}\u{FF16}\u{FF05}", 46),
            ("\u{0664}\u{0666}\u{066A}", 46),
            ("\u{06F5}\u{06F3}\u{06F8}", 538),
            ("\u{096A}\u{096C}", 46),
            ("\u{0C6A}\u{0C6C}", 46),
            ("\u{0E54}\u{0E56}", 46),
            ("46%.", 46),
            ("46 %.", 46),
            ("46 per cent.", 46),
            ("46!", 46),
            ("\u{200F}46\u{200E}", 46),
            ("\u{FEFF}46\u{200B}", 46),
            ("\u{0664}\u{0666}\u{066A}\u{061C}", 46),
            ("4\u{2060}6", 46),
            ("46\u{3002}", 46),
            ("46 per  cent", 46),
        ] {
            assert_eq!(read_whole_number(text), Ok(n), "{text}");
        }
    }

    #[test]
    fn what_cannot_be_marked_is_refused_with_a_reason() {
        for (text, problem) in [
            ("", NumberProblem::Empty),
            ("   ", NumberProblem::Empty),
            ("%", NumberProblem::Empty),
            ("46,5", NumberProblem::NotWhole),
            ("46.5", NumberProblem::NotWhole),
            ("4,6", NumberProblem::NotWhole),
            ("12,6", NumberProblem::NotWhole),
            ("\u{FF14}\u{FF0C}\u{FF16}", NumberProblem::NotWhole),
            ("0,5", NumberProblem::NotWhole),
            (".5", NumberProblem::NotWhole),
            ("0,244", NumberProblem::NotWhole),
            ("00,294", NumberProblem::NotWhole),
            ("0,294 %", NumberProblem::NotWhole),
            ("0.294", NumberProblem::NotWhole),
            ("1,000.5", NumberProblem::NotWhole),
            ("1.000,5", NumberProblem::NotWhole),
            ("1.000", NumberProblem::Unclear),
            ("294.000", NumberProblem::Unclear),
            ("1,00,000", NumberProblem::BadGrouping),
            ("4 6", NumberProblem::BadGrouping),
            ("1,000,0", NumberProblem::BadGrouping),
            ("1.000.5", NumberProblem::BadGrouping),
            ("1,2.3,4", NumberProblem::BadGrouping),
            ("forty", NumberProblem::NotDigits),
            ("1e3", NumberProblem::NotDigits),
            ("--4", NumberProblem::NotDigits),
            ("4-6", NumberProblem::NotDigits),
            ("..", NumberProblem::NotDigits),
            ("1,000,001", NumberProblem::TooLarge),
            ("99999999999999999999999", NumberProblem::TooLarge),
            ("-99999999999999999999999", NumberProblem::TooLarge),
        ] {
            assert_eq!(read_whole_number(text), Err(problem), "{text}");
            assert!(!problem.message().is_empty());
        }
    }
}
