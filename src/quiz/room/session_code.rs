//! A session as a short code a learner can type: `K7QM-3XPD-R2TA`.
//!
//! Present mode shows it under the QR code, for a phone whose camera will not
//! scan. Typed into "Join with a code", it gives the same [`QuizSpec`] as the
//! trainer's link (same topics, count, seed, feedback, pass mark and
//! refresher), so the same questions in the same order and one debrief, with
//! no connection. Only the title is left out, as the quiz's id leaves it out.
//!
//! **Shape.** 12 characters of Crockford's base 32 (`0-9`, `A-Z` without
//! `I L O U`), shown in three groups of four: 60 bits. The top 50 hold the
//! settings as one mixed-radix number (seed below 2¹⁶, a bit for each of
//! the bank's first 16 topics, count, feedback, pass mark, refresher); the
//! low 10 are a check over that number *and the bank's topic ids*, so a
//! typing mistake, or an app whose course differs from the trainer's, is
//! refused rather than opened as another quiz (about 1 typo in 4,000 gets
//! through: a check miss and unused topic bits both).
//!
//! Reading forgives what people do when typing or pasting: lower case,
//! spaces, dashes or quotes anywhere, the words around a pasted code, `O` for
//! `0`, `I` or `L` for `1`, and full-width letters.
//!
//! Hand-written (about 100 lines) because the code must be exactly 12
//! characters for a 60-bit number: base-32 crates encode whole bytes, which
//! would make it 13 (8 bytes) or hold only 40 bits (5 bytes).

use std::ops::RangeInclusive;

use crate::quiz::links::link::{fnv1a, QuizSpec, COUNT_RANGE, PASS_RANGE, REFRESH_RANGE};

/// Seeds a code can carry: new sessions draw theirs below this.
pub const SEED_LIMIT: u32 = 1 << 16;
/// Characters in a code, not counting the dashes shown between groups.
pub const CODE_LENGTH: usize = 12;
/// Topics a code can name, by their position in the bank.
const TOPIC_BITS: u32 = 16;
const CHECK_BITS: u32 = 10;
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// Why a typed code could not be read, in words for the learner.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeError {
    Empty,
    /// How many letters and numbers were typed (dashes, spaces and other
    /// marks not counted), with no code among them.
    Length(usize),
    /// A letter or number no code has (`U`, or a letter of another
    /// alphabet), in 12 typed.
    Character(char),
    /// Well formed, but its check does not match: a typing mistake, or a
    /// code for another version of the course.
    Mismatch,
    /// Two different codes in what was pasted.
    Several,
}

impl CodeError {
    /// The message shown under the code field.
    pub fn message(self) -> String {
        match self {
            CodeError::Empty => "Type the code your trainer shows, such as K7QM-3XPD-R2TA.".into(),
            CodeError::Length(n) if n < CODE_LENGTH => {
                format!("A session code has 12 letters and numbers. This one has {n}. Check it against the screen.")
            }
            CodeError::Length(n) => format!(
                "A session code has 12 letters and numbers, and none was found in the {n} typed here. Type only the code, as the screen shows it."
            ),
            CodeError::Character(c) if c.eq_ignore_ascii_case(&'u') => {
                "There is no U in a session code. Check it against the screen: it may be a V.".into()
            }
            CodeError::Character(c) => format!(
                "A session code uses only the letters A to Z and the numbers 0 to 9, and \u{201c}{c}\u{201d} is not one of them. Check it against the screen."
            ),
            CodeError::Several => "That holds two different session codes. Type just the one your trainer shows.".into(),
            CodeError::Mismatch => "This code does not match a session. Check each character against the screen. If it still does not work, scan the QR code or ask for the link: the trainer's app may have a different version of the course.".into(),
        }
    }
}

/// The check over `value` and the bank's topic ids (in the bank's order).
fn check(value: u64, topic_ids: &[&str]) -> u64 {
    let mut hash = fnv1a(0x811C_9DC5, &value.to_le_bytes());
    for id in topic_ids {
        hash = fnv1a(hash, id.as_bytes());
        hash = fnv1a(hash, &[0]);
    }
    u64::from(hash) & ((1 << CHECK_BITS) - 1)
}

/// How many values `range` holds: its digit's radix in the packed number.
fn span(range: &RangeInclusive<u32>) -> u64 {
    u64::from(range.end() - range.start()) + 1
}

/// The spec's settings as one number, or `None` if a code cannot carry them.
/// Each setting is a digit whose radix is its range's size (the refresher's
/// one more, 0 standing for none), so the ranges in `link` are the only
/// statement of what a code can hold.
fn pack(spec: &QuizSpec, topic_ids: &[&str]) -> Option<u64> {
    let mut mask: u64 = 0;
    for topic in &spec.topics {
        let at = topic_ids.iter().position(|id| id == topic)?;
        if at as u32 >= TOPIC_BITS {
            return None;
        }
        mask |= 1 << at;
    }
    let fits = spec.seed < SEED_LIMIT
        && COUNT_RANGE.contains(&spec.count)
        && PASS_RANGE.contains(&spec.pass_mark)
        && spec.refresh_months.is_none_or(|months| REFRESH_RANGE.contains(&months));
    fits.then(|| {
        let refresh = spec.refresh_months.map_or(0, |months| months - REFRESH_RANGE.start() + 1);
        let mut value = u64::from(spec.seed);
        value = (value << TOPIC_BITS) | mask;
        value = value * span(&COUNT_RANGE) + u64::from(spec.count - COUNT_RANGE.start());
        value = value * 2 + u64::from(spec.assessment);
        value = value * span(&PASS_RANGE) + u64::from(spec.pass_mark - PASS_RANGE.start());
        value * (span(&REFRESH_RANGE) + 1) + u64::from(refresh)
    })
}

/// The settings `pack` made `value` from, or `None` for a topic the bank does not have.
fn unpack(mut value: u64, topic_ids: &[&str]) -> Option<QuizSpec> {
    let mut take = |radix: u64| {
        let digit = value % radix;
        value /= radix;
        digit as u32
    };
    let refresh = take(span(&REFRESH_RANGE) + 1);
    let pass_mark = take(span(&PASS_RANGE)) + PASS_RANGE.start();
    let assessment = take(2) == 1;
    let count = take(span(&COUNT_RANGE)) + COUNT_RANGE.start();
    let mask = take(1 << TOPIC_BITS);
    let seed = u32::try_from(value).ok().filter(|s| *s < SEED_LIMIT)?;
    let mut topics = Vec::new();
    for bit in 0..TOPIC_BITS {
        if mask & (1 << bit) != 0 {
            topics.push((*topic_ids.get(bit as usize)?).to_owned());
        }
    }
    let refresh_months = (refresh > 0).then(|| refresh - 1 + REFRESH_RANGE.start());
    Some(QuizSpec { topics, count, seed, assessment, pass_mark, title: None, refresh_months })
}

/// The code for `spec` (`"K7QM-3XPD-R2TA"`), with `topic_ids` the bank's
/// topic ids in the bank's order. `None` when a code cannot give back the
/// same quiz: a seed from before codes (2¹⁶ or more), topics out of the
/// bank's order or beyond its first 16, or a value out of range. The title
/// is never carried.
pub fn session_code(spec: &QuizSpec, topic_ids: &[&str]) -> Option<String> {
    let value = pack(spec, topic_ids)?;
    // Read back, it must be the same quiz: the same id.
    let same = unpack(value, topic_ids).is_some_and(|back| back.id() == spec.id());
    if !same {
        return None;
    }
    let full = (value << CHECK_BITS) | check(value, topic_ids);
    let chars: Vec<char> = (0..CODE_LENGTH).rev().map(|at| char::from(ALPHABET[((full >> (at * 5)) & 31) as usize])).collect();
    Some(chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-"))
}

/// A typed character's value in the code's alphabet, read as people type:
/// either case, `O` as `0`, `I` or `L` as `1`, full-width forms (an East
/// Asian keyboard's) as their ASCII. `None` for a letter or number no code has.
fn value_of(c: char) -> Option<u64> {
    let c = match c {
        '\u{FF10}'..='\u{FF5A}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        other => other,
    };
    let normal = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        other => other,
    };
    ALPHABET.iter().position(|&a| char::from(a) == normal).map(|at| at as u64)
}

/// Reads a typed or pasted code back into the trainer's spec (untitled).
/// `topic_ids` as for [`session_code`]. Only letters and numbers count:
/// dashes, spaces, quotes and the words around a pasted code
/// ("Session code: K7QM-3XPD-R2TA.") are passed over, and the code is the one
/// run of 12 whose check matches. Never panics, whatever was typed.
pub fn from_session_code(typed: &str, topic_ids: &[&str]) -> Result<QuizSpec, CodeError> {
    let chars: Vec<char> = typed.chars().filter(|c| c.is_alphanumeric()).collect();
    if chars.is_empty() {
        return Err(CodeError::Empty);
    }
    let values: Vec<Option<u64>> = chars.iter().map(|&c| value_of(c)).collect();
    let mut found: Vec<QuizSpec> = Vec::new();
    for window in values.windows(CODE_LENGTH) {
        let Some(full) = window.iter().try_fold(0u64, |full, value| value.map(|v| (full << 5) | v)) else { continue };
        let value = full >> CHECK_BITS;
        if full & ((1 << CHECK_BITS) - 1) != check(value, topic_ids) {
            continue;
        }
        if let Some(spec) = unpack(value, topic_ids).filter(|spec| !found.contains(spec)) {
            found.push(spec);
        }
    }
    match (found.len(), chars.len()) {
        (1, _) => Ok(found.remove(0)),
        (0, CODE_LENGTH) => Err(values.iter().position(Option::is_none).map_or(CodeError::Mismatch, |at| CodeError::Character(chars[at]))),
        (0, n) => Err(CodeError::Length(n)),
        // Two different codes pasted together: which one is meant is not for the app to guess.
        _ => Err(CodeError::Several),
    }
}
