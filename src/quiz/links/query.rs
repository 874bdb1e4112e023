//! Reading the query part of a link as it arrives after a trip through chat
//! apps, e-mail and social networks, which all change links a little:
//!
//! - they add parameters of their own (`fbclid`, `utm_source`, `gclid`…):
//!   every key the caller does not name is ignored;
//! - HTML e-mail turns each `&` into `&amp;` (sometimes twice): read as `&`;
//! - a sentence's full stop, a closing bracket or quote, or a space sticks to
//!   the end of the link: trimmed (see [`tidy`]).
//!
//! The app's own values are still checked strictly by the caller
//! (`link::QuizSpec`, `route::Route`). Everything here is one pass over the
//! text, so a hostile link costs time in proportion to its length.
//!
//! Hand-written rather than a URL crate: the `url` crate parses whole URLs
//! (and pulls in IDNA tables, ~100 KB of wasm), yet knows nothing of `&amp;`
//! or trailing punctuation, which is the part that matters here.

/// The longest query read at all, including what other software added.
/// Why a link could not be read, in words for the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkError {
    TooLong,
    Malformed,
    Missing(&'static str),
    OutOfRange(&'static str),
    UnknownTopic,
    /// The link's own check (`c`) does not match its settings: it was cut
    /// (an e-mail client wrapping it, a chat app shortening it) or changed.
    Incomplete,
}

impl LinkError {
    pub fn message(self) -> String {
        let fix = "Ask whoever shared it to send the link again.";
        match self {
            LinkError::TooLong => format!("This quiz link is too long to be one of ours. {fix}"),
            LinkError::Malformed => format!("This quiz link is damaged or incomplete. {fix}"),
            LinkError::Missing(what) => format!("This quiz link has no {what}. {fix}"),
            LinkError::OutOfRange(what) => format!("This quiz link has a {what} this app cannot use. {fix}"),
            LinkError::UnknownTopic => format!("This quiz link asks for a topic this app does not have. {fix}"),
            LinkError::Incomplete => "This link is incomplete. Ask for it again, or scan the QR code.".to_string(),
        }
    }
}

pub const RAW_QUERY_MAX: usize = 8_000;

/// Characters a chat or e-mail app leaves stuck to the end of a link, as
/// typed (browsers keep these as they are in a query).
pub const TRAILING_JUNK: &[char] = &[
    '.', ',', ';', ':', '!', '?', '*', '\'', '"', ')', ']', '}', '>', ' ', '_', '~', '`', '|', '\\', '\u{201C}', '\u{201D}', '\u{2018}',
    '\u{2019}', '\u{00BB}', '\u{203A}', '\u{2026}', '\u{200B}', '\u{3002}', '\u{300D}', '\u{3009}', '\u{FF09}', '\u{FF02}', '\u{300F}',
    '\u{3011}', '\u{3015}', '\u{300B}', '\u{FF1E}', '\u{301E}', '\u{00AB}', '\u{2039}', '\u{3000}', '\u{200E}', '\u{200F}', '\u{FEFF}',
    '\u{2060}',
];

/// Keys whose values are text a person typed. Links made since version 4 put
/// them before the numbers, but older links end with the title.
pub const FREE_TEXT_KEYS: [&str; 2] = ["title", "name"];

/// Percent-encoded text that is never the end of one of the app's own values:
/// spaces, and the quotes and closing brackets browsers encode. When the link
/// ends with free text (an older link's title), a closer is only trimmed
/// while it has no opener to match, so "Team day (Leeds)" keeps its bracket.
pub const ENCODED_JUNK: &[(&str, Option<&str>)] = &[
    ("%20", None),
    ("%09", None),
    ("%0A", None),
    ("%0D", None),
    ("%C2%A0", None),
    ("%E2%80%A6", None),
    ("%E2%80%8B", None),
    ("%E3%80%80", None),
    ("%E2%80%8E", None),
    ("%E2%80%8F", None),
    ("%EF%BB%BF", None),
    ("%E2%81%A0", None),
    ("%E3%80%8F", Some("%E3%80%8E")),
    ("%E3%80%91", Some("%E3%80%90")),
    ("%E3%80%95", Some("%E3%80%94")),
    ("%E3%80%8B", Some("%E3%80%8A")),
    ("%EF%BC%9E", Some("%EF%BC%9C")),
    ("%E3%80%9E", Some("%E3%80%9D")),
    ("%C2%AB", Some("%C2%BB")),
    ("%E2%80%B9", Some("%E2%80%BA")),
    ("%E3%80%82", None),
    ("%60", None),
    ("%7C", None),
    ("%5C", None),
    ("%E2%80%9C", Some("%E2%80%9E")),
    ("%E2%80%98", Some("%E2%80%9A")),
    ("%E2%80%BA", Some("%E2%80%B9")),
    ("%E3%80%8D", Some("%E3%80%8C")),
    ("%E3%80%89", Some("%E3%80%88")),
    ("%EF%BC%89", Some("%EF%BC%88")),
    ("%EF%BC%82", Some("%EF%BC%82")),
    ("%22", Some("%22")),
    ("%27", Some("%27")),
    ("%E2%80%9D", Some("%E2%80%9C")),
    ("%E2%80%99", Some("%E2%80%98")),
    ("%C2%BB", Some("%C2%AB")),
    ("%3E", Some("%3C")),
    ("%29", Some("%28")),
    ("%5D", Some("%5B")),
    ("%7D", Some("%7B")),
];

/// The raw closers and their openers, trimmed only while unbalanced.
/// (These lists are also the page's before the app arrives: static_pages
/// passes them to assets/early.js, which reads a trainer's link the same way.)
pub const RAW_PAIRS: &[(char, char)] = &[(')', '('), (']', '['), ('}', '{'), ('>', '<')];

/// Counts `needle` in `haystack`, ignoring ASCII case (percent escapes may be
/// in either case).
fn count_ignoring_case(haystack: &str, needle: &str) -> usize {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    if needle.is_empty() || hay.len() < needle.len() {
        return 0;
    }
    // Needles are at most 9 bytes, so this stays linear in the haystack.
    (0..=hay.len() - needle.len()).filter(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle)).count()
}

fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.is_char_boundary(text.len() - suffix.len())
        && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Undoes HTML escaping of `&` (`&amp;`, `&#38;`, `&#x26;`, any number of
/// times over), in one pass.
fn unescape_ampersands(query: &str) -> String {
    const ESCAPES: [&str; 6] = ["amp;", "#38;", "#038;", "#0038;", "#x26;", "#x0026;"];
    let mut out = String::with_capacity(query.len());
    let mut rest = query;
    while let Some(c) = rest.chars().next() {
        if out.ends_with('&') {
            if let Some(escape) =
                ESCAPES.iter().find(|e| rest.len() >= e.len() && rest.as_bytes()[..e.len()].eq_ignore_ascii_case(e.as_bytes()))
            {
                rest = &rest[escape.len()..];
                continue;
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The query with its leading `?`, HTML-escaped ampersands, a second `?`
/// (from tracking tools that add `?utm_source=…` to a link that already has
/// a query; read as `&`) and trailing junk
/// (see [`TRAILING_JUNK`], [`ENCODED_JUNK`]) removed. The app's own links end
/// in a letter or digit, so nothing of theirs is lost.
pub fn tidy(query: &str) -> String {
    let query = query.trim();
    let query = query.strip_prefix('?').unwrap_or(query);
    let mut text = unescape_ampersands(query).replace('?', "&");
    let last_key = text.rsplit('&').find(|segment| segment.contains('=')).and_then(|segment| segment.split('=').next());
    let ends_in_free_text = last_key.is_some_and(|key| FREE_TEXT_KEYS.contains(&key));
    // How many of each closer have no opener, counted once (linear), then
    // kept up to date as closers are trimmed.
    let mut unmatched: Vec<isize> = ENCODED_JUNK
        .iter()
        .map(|(closer, opener)| match opener {
            None => 0,
            Some(opener) if opener == closer => (count_ignoring_case(&text, closer) % 2) as isize,
            Some(opener) => count_ignoring_case(&text, closer) as isize - count_ignoring_case(&text, opener) as isize,
        })
        .collect();
    let mut raw_unmatched: Vec<isize> =
        RAW_PAIRS.iter().map(|&(closer, opener)| text.matches(closer).count() as isize - text.matches(opener).count() as isize).collect();
    loop {
        if let Some(last) = text.chars().next_back() {
            if let Some(pair) = RAW_PAIRS.iter().position(|&(closer, _)| closer == last) {
                // A raw closer is never the app's own (it encodes them), but
                // keep one that closes a bracket opened in the link.
                if ends_in_free_text && raw_unmatched[pair] <= 0 {
                    break;
                }
                raw_unmatched[pair] -= 1;
                text.pop();
                continue;
            }
            if TRAILING_JUNK.contains(&last) || last == '&' || last.is_whitespace() {
                text.pop();
                continue;
            }
        }
        let encoded = ENCODED_JUNK.iter().enumerate().find(|(n, (junk, opener))| {
            ends_with_ignoring_case(&text, junk) && (!ends_in_free_text || opener.is_none() || unmatched[*n] > 0)
        });
        match encoded {
            Some((n, (junk, opener))) => {
                if opener.is_some() {
                    unmatched[n] -= 1;
                }
                text.truncate(text.len() - junk.len());
            }
            None => break,
        }
    }
    text
}

/// The pairs of the query whose keys are in `keys`, in the order they come,
/// after [`tidy`]. Other keys, empty segments and segments without `=` are
/// ignored. A key given twice with different values is an error (which one
/// was meant?); given twice the same, it counts once.
///
/// Errors: [`LinkError::TooLong`] past [`RAW_QUERY_MAX`] bytes, or past
/// `own_max` bytes of the app's own pairs; [`LinkError::Malformed`] for a
/// key given twice differently.
pub fn own_pairs(query: &str, keys: &[&'static str], own_max: usize) -> Result<Vec<(&'static str, String)>, LinkError> {
    if query.len() > RAW_QUERY_MAX {
        return Err(LinkError::TooLong);
    }
    let text = tidy(query);
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    let mut own_len = 0;
    for segment in text.split('&') {
        let Some((key, value)) = segment.split_once('=') else { continue };
        let Some(&key) = keys.iter().find(|k| **k == key) else { continue };
        match pairs.iter().find(|(k, _)| *k == key) {
            Some((_, earlier)) if earlier == value => continue,
            Some(_) => return Err(LinkError::Malformed),
            None => {}
        }
        own_len += segment.len() + 1;
        if own_len > own_max {
            return Err(LinkError::TooLong);
        }
        pairs.push((key, value.to_owned()));
    }
    Ok(pairs)
}

/// The pairs as a query string, with its leading `?` (empty for none).
pub fn to_query(pairs: &[(&'static str, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let joined: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
    format!("?{}", joined.join("&"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_other_software_adds_is_taken_off() {
        for (mangled, tidied) in [
            ("?view=learn&card=principle-3", "view=learn&card=principle-3"),
            ("?view=learn&amp;card=principle-3", "view=learn&card=principle-3"),
            ("?view=learn&AMP;card=principle-3", "view=learn&card=principle-3"),
            ("?view=learn&amp;amp;card=principle-3", "view=learn&card=principle-3"),
            ("?view=learn&#38;card=principle-3", "view=learn&card=principle-3"),
            ("?view=learn&#038;card=principle-3", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3?utm_source=news", "view=learn&card=principle-3&utm_source=news"),
            ("?view=learn&card=principle-3%E2%80%8B", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%E2%80%9C", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%EF%BC%89%E3%80%82", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3_", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%E3%80%91", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%E2%80%8F", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%E3%80%80", "view=learn&card=principle-3"),
            ("?view=learn&#0038;card=principle-3", "view=learn&card=principle-3"),
            ("?view=learn&#x0026;card=principle-3", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3`|", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3.", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3).", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%22", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%E2%80%9D.", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%3E", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3%20%20", "view=learn&card=principle-3"),
            ("?view=learn&card=principle-3&", "view=learn&card=principle-3"),
            ("?title=(b)", "title=(b)"),
            ("?card=(b)", "card=(b"),
            ("?name=O%27Neil&r=0a1b2c3d%27", "name=O%27Neil&r=0a1b2c3d"),
            ("?title=Day%20%28Leeds%29", "title=Day%20%28Leeds%29"),
            ("?title=Day%20%28Leeds%29%29", "title=Day%20%28Leeds%29"),
            ("?title=%22Hi%22", "title=%22Hi%22"),
        ] {
            assert_eq!(tidy(mangled), tidied, "{mangled}");
        }
    }

    #[test]
    fn other_keys_are_ignored_and_ours_kept_in_order() {
        let pairs = own_pairs("?fbclid=IwAR0x&view=learn&utm_source=mail&card=p&gclid&&card=p", &["view", "card"], 100);
        assert_eq!(pairs, Ok(vec![("view", "learn".into()), ("card", "p".into())]));
        assert_eq!(own_pairs("?view=learn&view=quiz", &["view"], 100), Err(LinkError::Malformed));
        assert_eq!(own_pairs(&"x".repeat(RAW_QUERY_MAX + 1), &["view"], 100), Err(LinkError::TooLong));
        assert_eq!(own_pairs(&format!("?view={}", "a".repeat(200)), &["view"], 100), Err(LinkError::TooLong));
        assert_eq!(to_query(&[("view", "learn".into()), ("card", "p".into())]), "?view=learn&card=p");
    }

    #[test]
    fn a_long_hostile_query_is_read_in_linear_time() {
        for text in ["&amp;".repeat(1_600), ")".repeat(8_000), "%29".repeat(2_600), "%22.".repeat(2_000)] {
            let started = std::time::Instant::now();
            let _ = own_pairs(&text, &["view"], 2_000);
            assert!(started.elapsed().as_millis() < 200, "{}", &text[..10]);
        }
    }
}
