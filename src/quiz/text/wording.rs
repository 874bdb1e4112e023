//! Putting sizes, counts, efforts and names into the words people read:
//! plurals, "about 5 minutes", hidden characters and right-to-left
//! isolation. Dates are in `calendar`.

/// Characters that change how text around them is shown without being seen
/// themselves: controls (other than line breaks), zero-width characters and
/// direction overrides. Text people type or links carry is kept without them.
pub fn is_hidden_character(c: char) -> bool {
    // Zero-width joiners (U+200C, U+200D) are kept: emoji such as 👩‍⚕️ and
    // scripts such as Persian and Malayalam need them.
    (c.is_control() && c != '\n')
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// `text` in runs that join back to it, each `(run, keep_whole)`: a word
/// holding a range of figures ("2018-19?", "1-2") is kept whole, since a line
/// break after its hyphen reads as two separate numbers ("2018-" then "19?");
/// the rest may wrap as usual. A word is a run of non-whitespace.
pub fn ranges_kept_whole(text: &str) -> Vec<(&str, bool)> {
    let is_range = |word: &str| word.as_bytes().windows(3).any(|w| w[0].is_ascii_digit() && w[1] == b'-' && w[2].is_ascii_digit());
    let mut runs = Vec::new();
    let mut plain_from = 0;
    let mut word_from = None;
    for (at, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        match (c.is_whitespace(), word_from) {
            (false, None) => word_from = Some(at),
            (true, Some(from)) => {
                word_from = None;
                if is_range(&text[from..at]) {
                    if plain_from < from {
                        runs.push((&text[plain_from..from], false));
                    }
                    runs.push((&text[from..at], true));
                    plain_from = at;
                }
            }
            _ => {}
        }
    }
    if plain_from < text.len() {
        runs.push((&text[plain_from..], false));
    }
    runs
}

/// "4 KB", "1.2 MB", "2.0 GB": a storage size, rounded for reading.
/// Whole-number arithmetic on purpose: formatting an f64 pulls ~20 KB of float
/// printing code into the wasm.
pub fn format_bytes(bytes: f64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * 1024;
    const GB: u64 = MB * 1024;
    let bytes = bytes.max(0.0) as u64;
    let one_decimal = |unit: u64, name: &str| {
        let tenths = (bytes * 10 + unit / 2) / unit;
        format!("{}.{} {name}", tenths / 10, tenths % 10)
    };
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB))
    } else if bytes < GB {
        one_decimal(MB, "MB")
    } else {
        one_decimal(GB, "GB")
    }
}

/// `count` with the word for it: `plural(1, "answer", "answers")` is
/// `"1 answer"`, and 0 or 2 take the plural (`"0 answers"`).
pub fn plural(count: usize, one: &str, many: &str) -> String {
    format!("{count} {}", if count == 1 { one } else { many })
}

#[cfg(test)]
mod tests {
    #[test]
    fn ranges_of_figures_are_kept_whole_and_the_runs_join_back() {
        use super::ranges_kept_whole;
        let text = "How many were published in 2018-19? Between 1-2 of them, well-known.";
        let runs = ranges_kept_whole(text);
        assert_eq!(runs.iter().map(|(r, _)| *r).collect::<String>(), text);
        let whole: Vec<&str> = runs.iter().filter(|(_, whole)| *whole).map(|(r, _)| *r).collect();
        assert_eq!(whole, ["2018-19?", "1-2"]);
        assert_eq!(ranges_kept_whole("No figures here"), [("No figures here", false)]);
        assert_eq!(ranges_kept_whole("2018-19"), [("2018-19", true)]);
        assert!(ranges_kept_whole("").is_empty());
    }

    use super::*;

    #[test]
    fn sizes_read_naturally() {
        assert_eq!(format_bytes(0.0), "0 KB");
        assert_eq!(format_bytes(1.0), "1 KB");
        assert_eq!(format_bytes(4000.0), "4 KB");
        assert_eq!(format_bytes(1_572_864.0), "1.5 MB");
        assert_eq!(format_bytes(2.5 * 1024.0 * 1024.0 * 1024.0), "2.5 GB");
        assert_eq!(format_bytes(-5.0), "0 KB");
    }
}

/// About how long `questions` questions take, at about half a minute each
/// (scenarios take longer, true or false less): "about 5 minutes".
pub fn about_minutes(questions: usize) -> String {
    match questions.div_ceil(2).max(1) {
        1 => "about a minute".into(),
        n => format!("about {n} minutes"),
    }
}

/// The effort a quiz asks for, as home states it beside each way in:
/// "10 questions · about 5 minutes · nothing is timed". `up_to` says the run
/// may be shorter ("Up to 10 questions", a topic with fewer points to draw).
pub fn effort(questions: usize, up_to: bool) -> String {
    let count = match (questions, up_to) {
        (1, false) => "1 question".to_string(),
        (n, false) => format!("{n} questions"),
        (n, true) => format!("Up to {n} questions"),
    };
    format!("{count} \u{b7} {} \u{b7} nothing is timed", about_minutes(questions))
}

/// A time spent, in ms, as a record says it: "under a minute", "1 minute",
/// "12 minutes", "1 hour 5 minutes" (rounded to the nearest minute).
pub fn time_spent(ms: u64) -> String {
    let minutes = (ms + 30_000) / 60_000;
    let (hours, minutes) = ((minutes / 60) as usize, (minutes % 60) as usize);
    match (hours, minutes) {
        (0, 0) => "under a minute".into(),
        (0, m) => plural(m, "minute", "minutes"),
        (h, 0) => plural(h, "hour", "hours"),
        (h, m) => format!("{} {}", plural(h, "hour", "hours"), plural(m, "minute", "minutes")),
    }
}

#[cfg(test)]
mod effort_tests {
    use super::*;

    #[test]
    fn effort_and_time_spent_read_naturally() {
        assert_eq!(about_minutes(10), "about 5 minutes");
        assert_eq!(about_minutes(5), "about 3 minutes");
        assert_eq!(about_minutes(1), "about a minute");
        assert_eq!(effort(10, false), "10 questions \u{b7} about 5 minutes \u{b7} nothing is timed");
        assert_eq!(effort(20, false), "20 questions \u{b7} about 10 minutes \u{b7} nothing is timed");
        assert_eq!(effort(10, true), "Up to 10 questions \u{b7} about 5 minutes \u{b7} nothing is timed");
        assert_eq!(effort(1, false), "1 question \u{b7} about a minute \u{b7} nothing is timed");
        assert_eq!(time_spent(10_000), "under a minute");
        assert_eq!(time_spent(61_000), "1 minute");
        assert_eq!(time_spent(754_000), "13 minutes");
        assert_eq!(time_spent(3_600_000), "1 hour");
        assert_eq!(time_spent(3_900_000), "1 hour 5 minutes");
    }
}

/// `text` set apart for bidirectional display, as `<bdi>` does in markup:
/// between Unicode's first-strong isolate (U+2068) and pop directional
/// isolate (U+2069). For a name or title typed by a person inside a
/// sentence held as one string (a notice, a chart label, an accessible
/// name), so a right-to-left title does not reorder the words around it.
/// Text with no right-to-left letter cannot reorder this app's
/// left-to-right sentences, and is returned as it is, so what is copied or
/// searched for stays plain.
pub fn isolated(text: &str) -> String {
    if text.chars().any(is_right_to_left) {
        format!("\u{2068}{text}\u{2069}")
    } else {
        text.to_owned()
    }
}

/// True for a letter of a right-to-left script: Hebrew, Arabic, Syriac,
/// Thaana, N'Ko and the others of U+0590 to U+08FF, their presentation
/// forms, and the right-to-left blocks beyond the first plane.
fn is_right_to_left(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}' | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
}

#[cfg(test)]
mod isolation_tests {
    use super::isolated;

    #[test]
    fn only_right_to_left_text_is_set_apart() {
        assert_eq!(isolated("جلسة الثلاثاء"), "\u{2068}جلسة الثلاثاء\u{2069}");
        assert_eq!(isolated("דנה כהן 2"), "\u{2068}דנה כהן 2\u{2069}");
        assert_eq!(isolated("Sam Jones"), "Sam Jones");
        assert_eq!(isolated("Tuesday session 12"), "Tuesday session 12");
    }
}
