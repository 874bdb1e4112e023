//! A link's values read and written: percent-encoding, titles and names
//! cleaned, numbers in range, and the app's own pairs of a query in their
//! canonical order.

use super::*;

// ---- Percent-encoding

/// Every byte but ASCII letters, digits and `-` as `%XX`, so a full stop or
/// bracket at the end of a link is never the app's own.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || byte == b'-' {
            out.push(byte as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[(byte >> 4) as usize]));
            out.push(char::from(b"0123456789ABCDEF"[(byte & 15) as usize]));
        }
    }
    out
}

/// Strict: a bad `%` escape or invalid UTF-8 is an error, `+` is a space.
pub fn percent_decode(text: &str) -> Result<String, LinkError> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut input = text.bytes();
    while let Some(byte) = input.next() {
        match byte {
            b'%' => {
                let hex = |b: Option<u8>| (b? as char).to_digit(16);
                let (Some(high), Some(low)) = (hex(input.next()), hex(input.next())) else {
                    return Err(LinkError::Malformed);
                };
                bytes.push((high * 16 + low) as u8);
            }
            b'+' => bytes.push(b' '),
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).map_err(|_| LinkError::Malformed)
}

/// Text a person typed, made safe to keep: control characters and odd spacing
/// removed, trimmed, and cut to `max` characters.
pub(super) fn clean_text(text: &str, max: usize) -> Option<String> {
    let cleaned: String =
        text.chars().filter(|c| !is_hidden_character(*c)).collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ");
    let cut: String = cleaned.chars().take(max).collect();
    (!cut.is_empty()).then_some(cut)
}

/// A title as the link will carry it (hidden characters removed, single
/// spaces, trimmed, at most [`TITLE_MAX`] characters), or `None` if blank:
/// the trainer's page keeps exactly what learners will see.
pub fn clean_title(text: &str) -> Option<String> {
    clean_text(text, TITLE_MAX)
}

pub(super) fn is_topic_id(text: &str) -> bool {
    !text.is_empty() && text.len() <= 40 && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

pub(super) fn number(value: &str, what: &'static str, range: std::ops::RangeInclusive<u32>) -> Result<u32, LinkError> {
    // Digits only: no signs, spaces or exponents, and never more than u32 holds.
    if value.is_empty() || value.len() > 9 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LinkError::OutOfRange(what));
    }
    let n: u32 = value.parse().map_err(|_| LinkError::OutOfRange(what))?;
    if range.contains(&n) {
        Ok(n)
    } else {
        Err(LinkError::OutOfRange(what))
    }
}

/// The keys of a trainer's link (after `view`); any other key is ignored.
/// `c` is the link's check of its settings (see [`QuizSpec::to_query`]).
pub(super) const SPEC_KEYS: [&str; 9] = ["view", "c", "title", "topics", "count", "seed", "mode", "pass", "refresh"];
/// The keys of a result link; any other key is ignored.
pub(super) const RESULT_KEYS: [&str; 12] =
    ["view", "name", "title", "topics", "count", "seed", "mode", "pass", "refresh", "score", "missed", "r"];

/// The app's own pairs of a link, read through [`query::own_pairs`] (other
/// software's parameters ignored, `&amp;` and trailing punctuation undone).
pub(super) fn pairs(query: &str, keys: &[&'static str]) -> Result<Vec<(&'static str, String)>, LinkError> {
    query::own_pairs(query, keys, QUERY_MAX)
}

/// The canonical query of a trainer's or result link: only the app's own
/// pairs, in the order given, so the address bar can be tidied after opening.
/// `None` if it is neither kind of link.
/// A link too long or with a repeated key is given back as it came, so that
/// its own parser says what is wrong with it.
pub fn canonical_query(query: &str) -> Option<String> {
    // A link too long to read is still known for what it is by its start.
    let view = match query::own_pairs(query, &["view"], QUERY_MAX) {
        Ok(pairs) => pairs,
        Err(_) => query::own_pairs(&query.chars().take(1_000).collect::<String>(), &["view"], QUERY_MAX).ok()?,
    }
    .first()?
    .1
    .clone();
    let (keys, max): (&[&'static str], usize) = match view.as_str() {
        "trainer-quiz" => (&SPEC_KEYS, QUERY_MAX),
        "session" => (&SESSION_KEYS, SESSION_QUERY_MAX),
        "result" => (&RESULT_KEYS, QUERY_MAX),
        _ => return None,
    };
    match query::own_pairs(query, keys, max) {
        Ok(mut own) => {
            // The view first, as the app writes it. (Not a sort: each sort
            // compiled in adds kilobytes of wasm.)
            if let Some(at) = own.iter().position(|(k, _)| *k == "view") {
                let view = own.remove(at);
                own.insert(0, view);
            }
            Some(query::to_query(&own))
        }
        // The view first, so the screen for its kind of link says what is
        // wrong (once: a link that starts with it is given back as it is).
        Err(_) => {
            let rest = query.trim().strip_prefix('?').unwrap_or(query);
            if rest.starts_with(&format!("view={view}&")) {
                Some(format!("?{rest}"))
            } else {
                Some(format!("?view={view}&{rest}"))
            }
        }
    }
}
