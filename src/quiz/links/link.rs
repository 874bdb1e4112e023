//! A trainer's quiz in a link, and a learner's result in a link.
//!
//! A trainer's link carries the whole quiz spec (topics, count, order seed,
//! mode, pass mark, title, refresher period), so every phone that opens it
//! gets the same questions in the same order, with no server. A learner's
//! result link carries the spec plus their score and which questions they
//! missed, so the trainer's phone can tally a debrief.
//!
//! Parsing is strict and never panics: the text comes from anyone. Bad values
//! are errors with a plain reason, and the title is only ever shown as text.

use super::query::{self, LinkError};
use crate::quiz::text::wording::is_hidden_character;

/// The longest title, in characters.
pub const TITLE_MAX: usize = 60;
/// Longest query string we will read at all.
const QUERY_MAX: usize = 2_000;
/// The longest a session link's own pairs may be: its results make it
/// longer than a trainer's link (about 30 characters a result, 60 with a name).
const SESSION_QUERY_MAX: usize = query::RAW_QUERY_MAX;
/// A session link's keys: a trainer's link's, and the results it carries.
const SESSION_KEYS: [&str; 10] = ["view", "c", "title", "topics", "count", "seed", "mode", "pass", "refresh", "results"];
pub const COUNT_RANGE: std::ops::RangeInclusive<u32> = 1..=50;
pub const PASS_RANGE: std::ops::RangeInclusive<u32> = 50..=100;
pub const REFRESH_RANGE: std::ops::RangeInclusive<u32> = 1..=36;
const TOPICS_MAX: usize = 20;
const NAME_MAX: usize = 40;

/// Stored as the text of its link (`"?view=trainer-quiz&topics=…"`), read back
/// through the same strict parser as a link someone opened.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct QuizSpec {
    /// Topic ids; empty means every topic.
    pub topics: Vec<String>,
    pub count: u32,
    /// Orders the questions and options, the same on every phone.
    pub seed: u32,
    /// Feedback deferred to the end, with a pass mark.
    pub assessment: bool,
    pub pass_mark: u32,
    pub title: Option<String>,
    /// Months until a refresher is due, for the completion record.
    pub refresh_months: Option<u32>,
}

/// A learner's result, sent back to the trainer.
/// Stored as the text of its result link (`"?view=result&…"`), read back strictly.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct QuizResult {
    pub spec: QuizSpec,
    pub correct: u32,
    /// Positions (0-based) in the quiz of the questions answered wrongly.
    pub missed: Vec<u32>,
    /// A random token per learner and attempt, so a link sent twice counts once.
    pub token: String,
    pub name: Option<String>,
}

/// A session link ([`QuizSpec::session_query_with`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionLink {
    /// Its query string, with its leading `?`.
    pub query: String,
    /// How many of the session's results it could not carry (all or none).
    pub left_out: usize,
}

/// FNV-1a (32 bits) of `bytes`, continuing from `hash` (`0x811C_9DC5` to
/// start): the quiz id's hash and the session code's check.
pub(crate) fn fnv1a(mut hash: u32, bytes: &[u8]) -> u32 {
    for &byte in bytes {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    hash
}

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
fn clean_text(text: &str, max: usize) -> Option<String> {
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

fn is_topic_id(text: &str) -> bool {
    !text.is_empty() && text.len() <= 40 && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn number(value: &str, what: &'static str, range: std::ops::RangeInclusive<u32>) -> Result<u32, LinkError> {
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
const SPEC_KEYS: [&str; 9] = ["view", "c", "title", "topics", "count", "seed", "mode", "pass", "refresh"];
/// The keys of a result link; any other key is ignored.
const RESULT_KEYS: [&str; 12] = ["view", "name", "title", "topics", "count", "seed", "mode", "pass", "refresh", "score", "missed", "r"];

/// The app's own pairs of a link, read through [`query::own_pairs`] (other
/// software's parameters ignored, `&amp;` and trailing punctuation undone).
fn pairs(query: &str, keys: &[&'static str]) -> Result<Vec<(&'static str, String)>, LinkError> {
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

impl From<QuizSpec> for String {
    fn from(spec: QuizSpec) -> String {
        spec.to_query()
    }
}

impl TryFrom<String> for QuizSpec {
    type Error = &'static str;

    /// Any topic is accepted here; the bank checks topics when the quiz is used.
    fn try_from(text: String) -> Result<QuizSpec, &'static str> {
        QuizSpec::from_query(&text, |_| true).map_err(|_| "not a quiz link")
    }
}

impl From<QuizResult> for String {
    fn from(result: QuizResult) -> String {
        result.to_query()
    }
}

impl TryFrom<String> for QuizResult {
    type Error = &'static str;

    fn try_from(text: String) -> Result<QuizResult, &'static str> {
        QuizResult::from_query(&text, |_| true).map_err(|_| "not a result link")
    }
}

impl QuizSpec {
    /// The query string of a trainer's link, with its leading `?`:
    /// `?view=trainer-quiz&c=<check>&title=…&topics=…&count=…&seed=…&mode=…&pass=…[&refresh=…]`.
    ///
    /// The title comes first and the link ends with a number, so punctuation
    /// a chat app sticks to the end can never be mistaken for part of it.
    /// `c`, right after the view, is the quiz's id ([`QuizSpec::id`], a hash
    /// of every setting but the title): a link cut anywhere after it, or with
    /// a setting changed, no longer matches it and is refused
    /// ([`LinkError::Incomplete`]) rather than opened as another quiz
    /// (`pass=80` cut to `pass=8` is out of range, but `refresh=12` cut to
    /// `refresh=1` is not). Links made before the check have no `c` and open
    /// as they always did; a title changed on the way still opens the same
    /// quiz, as the id leaves it out.
    pub fn to_query(&self) -> String {
        format!("?view=trainer-quiz&c={}{}{}", self.id(), self.title_param(), self.params())
    }

    /// `&title=…`, or nothing for an untitled quiz.
    fn title_param(&self) -> String {
        self.title.as_ref().map(|title| format!("&title={}", percent_encode(title))).unwrap_or_default()
    }

    /// Every value but the title, which is left out of [`QuizSpec::id`].
    fn params(&self) -> String {
        let mut out = format!(
            "&topics={}&count={}&seed={}&mode={}&pass={}",
            if self.topics.is_empty() { "all".to_string() } else { self.topics.join(".") },
            self.count,
            self.seed,
            if self.assessment { "assessment" } else { "practice" },
            self.pass_mark
        );
        if let Some(months) = self.refresh_months {
            out.push_str(&format!("&refresh={months}"));
        }
        out
    }

    /// Reads a trainer's link from its query string. `known_topic` says which
    /// topic ids this app has.
    /// Parameters other software adds (`fbclid`, `utm_source`…) are ignored,
    /// `&amp;` is read as `&` and trailing punctuation is trimmed (see
    /// [`query`]); the app's own values are checked strictly.
    /// The query string of a session link, with its leading `?`: the
    /// trainer's link with `view=session`. Opened on another device (the
    /// laptop on the projector, the phone that scans results), it brings
    /// this session there: the same settings and seed, so the same quiz, the
    /// same id and one debrief.
    pub fn session_query(&self) -> String {
        self.to_query().replacen("?view=trainer-quiz", "?view=session", 1)
    }

    /// A session link that also carries `results` (those of this session
    /// among them), so moving the session moves what was collected with it:
    /// `&results=<how many>_<result>_<result>…`, each result
    /// `<token>.<right>.<missed positions, "-" between>.<name as UTF-8 hex>`,
    /// right after the check. Hex keeps a name clear of every separator and
    /// escape. A link cut inside the results no longer matches their count,
    /// and one cut after them loses settings the check covers: either way it
    /// is refused, never read as fewer results.
    ///
    /// A link longer than the app reads back (`query::RAW_QUERY_MAX`, 8,000
    /// bytes: about 150 results with no names, 60 with long names and many
    /// missed) carries none of them, and says how many it left out, for the
    /// trainer screen to send them another way (the progress backup).
    pub fn session_query_with(&self, results: &[QuizResult]) -> SessionLink {
        let id = self.id();
        let entries: Vec<String> = results
            .iter()
            .filter(|r| r.spec.id() == id)
            .map(|r| {
                let missed: Vec<String> = r.missed.iter().map(u32::to_string).collect();
                let name: String = r.name.as_deref().unwrap_or_default().bytes().map(|b| format!("{b:02x}")).collect();
                format!("{}.{}.{}.{name}", r.token, r.correct, missed.join("-"))
            })
            .collect();
        let query = self.session_query();
        if entries.is_empty() {
            return SessionLink { query, left_out: 0 };
        }
        // Right after `c=` and its eight digits.
        let at = query.find("&c=").map_or(query.len(), |i| (i + 11).min(query.len()));
        let with = format!("{}&results={}_{}{}", &query[..at], entries.len(), entries.join("_"), &query[at..]);
        if with.len() > SESSION_QUERY_MAX {
            return SessionLink { query, left_out: entries.len() };
        }
        SessionLink { query: with, left_out: 0 }
    }

    /// The results a session link carries ([`QuizSpec::session_query_with`]),
    /// each read exactly as its own result link would be (token, name and
    /// missed positions checked), so none can claim what a result link could not.
    /// Empty when it carries none.
    /// `known_topic` is a `&dyn Fn`, as the app's other link readers are
    /// given: each distinct closure type compiles the whole reader again.
    pub fn session_results(&self, query: &str, known_topic: &dyn Fn(&str) -> bool) -> Result<Vec<QuizResult>, LinkError> {
        let pairs = query::own_pairs(query, &["results"], SESSION_QUERY_MAX)?;
        let Some((_, all)) = pairs.first() else { return Ok(Vec::new()) };
        let mut entries = all.split('_');
        let count: usize = entries.next().and_then(|n| n.parse().ok()).ok_or(LinkError::Incomplete)?;
        let entries: Vec<&str> = entries.collect();
        if entries.len() != count {
            return Err(LinkError::Incomplete);
        }
        entries
            .into_iter()
            .map(|entry| {
                let mut parts = entry.splitn(4, '.');
                let (token, correct, missed, hex) = (parts.next(), parts.next(), parts.next(), parts.next());
                let (Some(token), Some(correct), Some(missed), Some(hex)) = (token, correct, missed, hex) else {
                    return Err(LinkError::Malformed);
                };
                let bytes = (0..hex.len())
                    .step_by(2)
                    .map(|i| hex.get(i..i + 2).and_then(|b| u8::from_str_radix(b, 16).ok()))
                    .collect::<Option<Vec<u8>>>()
                    .ok_or(LinkError::Malformed)?;
                let name = String::from_utf8(bytes).map_err(|_| LinkError::Malformed)?;
                let name = if name.is_empty() { String::new() } else { format!("&name={}", percent_encode(&name)) };
                let one = format!(
                    "?view=result{name}{}{}&score={correct}&missed={}&r={token}",
                    self.title_param(),
                    self.params(),
                    missed.replace('-', ".")
                );
                QuizResult::from_query(&one, known_topic)
            })
            .collect()
    }

    /// Reads a session link ([`QuizSpec::session_query`]) with the same
    /// checks as a trainer's link: a cut or changed one is refused.
    pub fn from_session_query(query: &str, known_topic: impl Fn(&str) -> bool) -> Result<QuizSpec, LinkError> {
        let canonical = canonical_query(query).ok_or(LinkError::Malformed)?;
        let rest = canonical.strip_prefix("?view=session").ok_or(LinkError::Malformed)?;
        QuizSpec::from_query(&format!("?view=trainer-quiz{rest}"), known_topic)
    }

    pub fn from_query(query: &str, known_topic: impl Fn(&str) -> bool) -> Result<QuizSpec, LinkError> {
        let pairs = pairs(query, &SPEC_KEYS)?;
        if pairs.iter().any(|(k, v)| *k == "view" && v != "trainer-quiz") {
            return Err(LinkError::Malformed);
        }
        let check = pairs.iter().find(|(k, _)| *k == "c").map(|(_, v)| v.clone());
        // With a check, a setting missing means the link was cut (a cut in
        // its topics leaves an id that is no topic, and no count after it).
        let has = |key: &str| pairs.iter().any(|(k, _)| *k == key);
        if check.is_some() && !["topics", "count", "seed", "mode", "pass"].iter().all(|key| has(key)) {
            return Err(LinkError::Incomplete);
        }
        // A link with a check whose settings are missing or out of range
        // was cut (`pass=80` to `pass=8`): say that, not what it lacks.
        let spec = QuizSpec::from_pairs(&pairs, known_topic).map_err(|e| match (&check, e) {
            (Some(_), LinkError::Missing(_) | LinkError::OutOfRange(_) | LinkError::Malformed) => LinkError::Incomplete,
            (_, e) => e,
        })?;
        match check {
            Some(check) if check != spec.id() => Err(LinkError::Incomplete),
            _ => Ok(spec),
        }
    }

    fn from_pairs(pairs: &[(&'static str, String)], known_topic: impl Fn(&str) -> bool) -> Result<QuizSpec, LinkError> {
        let get = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        let topics_text = get("topics").ok_or(LinkError::Missing("topics"))?;
        let topics: Vec<String> = if topics_text == "all" {
            Vec::new()
        } else {
            let topics: Vec<&str> = topics_text.split('.').collect();
            if topics.len() > TOPICS_MAX || !topics.iter().all(|t| is_topic_id(t)) {
                return Err(LinkError::Malformed);
            }
            if !topics.iter().all(|t| known_topic(t)) {
                return Err(LinkError::UnknownTopic);
            }
            // A topic named twice is the same topic ("principle-3.principle-3").
            let mut unique: Vec<String> = Vec::with_capacity(topics.len());
            for topic in topics {
                if !unique.iter().any(|t| t == topic) {
                    unique.push(topic.to_owned());
                }
            }
            unique
        };
        let seed_text = get("seed").ok_or(LinkError::Missing("question order"))?;
        let seed = if seed_text.len() <= 10 && seed_text.bytes().all(|b| b.is_ascii_digit()) && !seed_text.is_empty() {
            seed_text.parse::<u32>().map_err(|_| LinkError::OutOfRange("question order"))?
        } else {
            return Err(LinkError::OutOfRange("question order"));
        };
        let assessment = match get("mode").ok_or(LinkError::Missing("mode"))? {
            "assessment" => true,
            "practice" => false,
            _ => return Err(LinkError::OutOfRange("mode")),
        };
        Ok(QuizSpec {
            topics,
            count: number(get("count").ok_or(LinkError::Missing("question count"))?, "question count", COUNT_RANGE)?,
            seed,
            assessment,
            pass_mark: number(get("pass").ok_or(LinkError::Missing("pass mark"))?, "pass mark", PASS_RANGE)?,
            refresh_months: get("refresh").map(|r| number(r, "refresher period", REFRESH_RANGE)).transpose()?,
            title: match get("title") {
                None => None,
                Some(t) => clean_text(&percent_decode(t)?, TITLE_MAX),
            },
        })
    }

    /// A short id for the quiz, the same on every phone: a hash of its spec
    /// without the title (8 lowercase hex digits). The title is left out
    /// because chat apps change it (a full stop stuck to the link) and
    /// trainers type it loosely; the random seed already tells sessions apart.
    /// Untitled quizzes keep the ids of earlier versions.
    /// True if `other` has the same settings, whatever its seed: the same
    /// topics (in any order), count, feedback, title and refresher, and for
    /// an assessment the same pass mark (practice has none to compare).
    pub fn same_settings(&self, other: &QuizSpec) -> bool {
        let plain = |spec: &QuizSpec| {
            let mut topics = spec.topics.clone();
            topics.sort();
            QuizSpec { seed: 0, topics, pass_mark: if spec.assessment { spec.pass_mark } else { 0 }, ..spec.clone() }
        };
        plain(self) == plain(other)
    }

    pub fn id(&self) -> String {
        // FNV-1a, 32 bits: plenty to tell a trainer's sessions apart.
        format!("{:08x}", fnv1a(0x811C_9DC5, self.params().as_bytes()))
    }
}

impl QuizResult {
    /// The query string of a result link, with its leading `?`.
    pub fn to_query(&self) -> String {
        let missed = self.missed.iter().map(u32::to_string).collect::<Vec<_>>().join(".");
        let name = self.name.as_ref().map(|name| format!("&name={}", percent_encode(name))).unwrap_or_default();
        format!(
            "?view=result{name}{}{}&score={}&missed={missed}&r={}",
            self.spec.title_param(),
            self.spec.params(),
            self.correct,
            self.token
        )
    }

    /// True if the result fits a quiz of `given` questions (what its link
    /// really gives, from `draw::link_questions`): right and missed add up to
    /// it. A result edited by hand to claim more fails.
    pub fn fits(&self, given: usize) -> bool {
        self.correct as usize + self.missed.len() == given && self.missed.iter().all(|&m| (m as usize) < given)
    }

    pub fn from_query(query: &str, known_topic: impl Fn(&str) -> bool) -> Result<QuizResult, LinkError> {
        let pairs = pairs(query, &RESULT_KEYS)?;
        let get = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        if get("view") != Some("result") {
            return Err(LinkError::Malformed);
        }
        let spec = QuizSpec::from_pairs(&pairs, known_topic)?;
        let correct = match get("score").ok_or(LinkError::Missing("score"))? {
            s if s.len() <= 2 && !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                s.parse::<u32>().map_err(|_| LinkError::Malformed)?
            }
            _ => return Err(LinkError::OutOfRange("score")),
        };
        let missed_text = get("missed").ok_or(LinkError::Missing("list of missed questions"))?;
        let missed: Vec<u32> = if missed_text.is_empty() {
            Vec::new()
        } else {
            missed_text.split('.').map(|m| number(m, "missed question", 0..=spec.count.saturating_sub(1))).collect::<Result<_, _>>()?
        };
        let mut sorted = missed.clone();
        sorted.sort_unstable();
        sorted.dedup();
        // The quiz can give fewer questions than the link asks for (topics
        // with few that teach something different: see `draw::link_questions`),
        // so right and missed add up to the questions given, at most `count`,
        // and every missed position is one of those.
        let given = correct + missed.len() as u32;
        if sorted.len() != missed.len() || given == 0 || given > spec.count || sorted.last().is_some_and(|&last| last >= given) {
            return Err(LinkError::OutOfRange("score"));
        }
        let token = get("r").ok_or(LinkError::Missing("learner code"))?;
        if token.len() != 8 || !token.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase()) {
            return Err(LinkError::Malformed);
        }
        Ok(QuizResult {
            spec,
            correct,
            missed,
            token: token.to_owned(),
            name: match get("name") {
                None => None,
                Some(n) => clean_text(&percent_decode(n)?, NAME_MAX),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_link_brings_the_same_session_and_a_cut_one_is_refused() {
        let spec = QuizSpec {
            topics: vec!["principle-3".into()],
            count: 10,
            seed: 77,
            assessment: true,
            pass_mark: 80,
            title: Some("Church hall".into()),
            refresh_months: Some(12),
        };
        let link = spec.session_query();
        assert!(link.starts_with("?view=session&c="), "{link}");
        let read = QuizSpec::from_session_query(&link, |_| true).unwrap();
        assert_eq!((read.id(), read.title.as_deref()), (spec.id(), Some("Church hall")), "the same session, so one debrief");
        // Cut anywhere, as a chat app may: refused, never opened as another session.
        for end in "?view=session".len()..link.len() {
            assert!(QuizSpec::from_session_query(&link[..end], |_| true).is_err(), "{}", &link[..end]);
        }
        assert!(QuizSpec::from_session_query(&link.replace("pass=80", "pass=8"), |_| true).is_err());
        assert!(QuizSpec::from_session_query(&spec.to_query(), |_| true).is_err(), "a learner's link is not a session link");
    }

    #[test]
    fn a_session_link_carries_its_results_and_a_cut_one_is_refused() {
        let spec = QuizSpec {
            topics: Vec::new(),
            count: 5,
            seed: 9,
            assessment: false,
            pass_mark: 80,
            title: Some("Hall".into()),
            refresh_months: Some(12),
        };
        let result = |token: &str, correct: u32, missed: Vec<u32>, name: Option<&str>| QuizResult {
            spec: spec.clone(),
            correct,
            missed,
            token: token.into(),
            name: name.map(str::to_owned),
        };
        let other = QuizResult { spec: QuizSpec { seed: 10, ..spec.clone() }, ..result("ffff0000", 5, vec![], None) };
        let results = vec![
            result("aaaa0001", 4, vec![2], Some("Sam_J. O'Neil")),
            result("aaaa0002", 2, vec![0, 1, 4], None),
            other,
            result("aaaa0003", 5, vec![], Some("جلسة")),
        ];
        let link = spec.session_query_with(&results).query;
        assert!(link.starts_with(&format!("?view=session&c={}&results=3_", spec.id())), "{link}");
        let read = QuizSpec::from_session_query(&link, |_| true).unwrap();
        let carried = read.session_results(&link, &|_| true).unwrap();
        let expected: Vec<QuizResult> = results.iter().filter(|r| r.spec.id() == spec.id()).cloned().collect();
        assert_eq!(
            carried.iter().map(|r| (&r.token, r.correct, &r.missed, &r.name)).collect::<Vec<_>>(),
            expected.iter().map(|r| (&r.token, r.correct, &r.missed, &r.name)).collect::<Vec<_>>(),
            "every result of this session, names and all, and only those"
        );
        assert!(carried.iter().all(|r| r.spec.id() == spec.id()));
        // Cut anywhere: refused, never read as another session or as fewer results.
        for end in "?view=session".len()..link.len() {
            let cut = &link[..end];
            let refused = QuizSpec::from_session_query(cut, |_| true).and_then(|s| s.session_results(cut, &|_| true)).is_err();
            assert!(refused, "{cut}");
        }
        assert_eq!(
            spec.session_query_with(&[]),
            SessionLink { query: spec.session_query(), left_out: 0 },
            "no results: the plain session link"
        );
    }

    #[test]
    fn a_session_link_too_long_for_its_results_carries_none_and_says_so() {
        let spec =
            QuizSpec { topics: Vec::new(), count: 20, seed: 9, assessment: true, pass_mark: 80, title: None, refresh_months: Some(12) };
        let name = "A long name of thirty-five letters";
        let results: Vec<QuizResult> = (0..200u32)
            .map(|n| QuizResult {
                spec: spec.clone(),
                correct: 2,
                missed: (0..18).collect(),
                token: format!("{n:08x}"),
                name: Some(name.into()),
            })
            .collect();
        for (count, fits) in [(20, true), (200, false)] {
            let link = spec.session_query_with(&results[..count]);
            let read = QuizSpec::from_session_query(&link.query, |_| true).unwrap();
            let carried = read.session_results(&link.query, &|_| true).unwrap();
            if fits {
                assert_eq!((carried.len(), link.left_out), (count, 0));
            } else {
                assert_eq!(
                    (carried.len(), link.left_out),
                    (0, count),
                    "the session opens, and the screen can say the results did not come"
                );
                assert_eq!(link.query, spec.session_query());
            }
        }
    }

    #[test]
    fn a_result_from_a_link_that_gave_fewer_questions_than_asked_is_read() {
        let base = "?view=result&topics=principle-8&count=20&seed=1&mode=assessment&pass=80&refresh=12";
        let known = |_: &str| true;
        let read = |tail: &str| QuizResult::from_query(&format!("{base}{tail}"), known);
        let five = read("&score=4&missed=0&r=abcdef12").unwrap();
        assert_eq!((five.correct, five.missed.clone()), (4, vec![0]));
        assert!(read("&score=4&missed=7&r=abcdef12").is_err(), "position 8 of a 5-question quiz");
        assert!(read("&score=20&missed=0&r=abcdef12").is_err(), "21 questions of 20");
        assert!(read("&score=0&missed=&r=abcdef12").is_err(), "no questions at all");
        assert!(five.fits(5));
        assert!(!five.fits(4) && !five.fits(20), "the trainer's phone knows the link gives 5");
        assert!(!read("&score=6&missed=&r=abcdef12").unwrap().fits(5));
    }

    #[test]
    fn same_settings_ignore_the_seed_and_the_order_of_topics() {
        let a = QuizSpec {
            topics: vec!["principle-1".into(), "principle-3".into()],
            count: 10,
            seed: 1,
            assessment: false,
            pass_mark: 80,
            title: Some("Hall".into()),
            refresh_months: Some(12),
        };
        let b = QuizSpec { seed: 99, topics: vec!["principle-3".into(), "principle-1".into()], ..a.clone() };
        assert!(a.same_settings(&b));
        assert!(a.same_settings(&QuizSpec { pass_mark: 70, ..a.clone() }), "practice has no pass mark to differ");
        let assessed = QuizSpec { assessment: true, ..a.clone() };
        assert!(!assessed.same_settings(&QuizSpec { pass_mark: 70, ..assessed.clone() }));
        for other in [
            QuizSpec { count: 5, ..a.clone() },
            QuizSpec { assessment: true, ..a.clone() },
            QuizSpec { title: None, ..a.clone() },
            QuizSpec { refresh_months: Some(24), ..a.clone() },
            QuizSpec { topics: vec!["principle-1".into()], ..a.clone() },
        ] {
            assert!(!a.same_settings(&other), "{other:?}");
        }
    }

    fn known(topic: &str) -> bool {
        matches!(topic, "principle-3" | "principle-4" | "national-picture")
    }

    fn spec() -> QuizSpec {
        QuizSpec {
            topics: vec!["principle-3".into(), "national-picture".into()],
            count: 10,
            seed: 4_000_000_000,
            assessment: true,
            pass_mark: 80,
            title: Some("Team day: <Safeguarding> & \"you\" — ok?".into()),
            refresh_months: Some(12),
        }
    }

    #[test]
    fn a_spec_round_trips_through_its_link() {
        let link = spec().to_query();
        assert!(link.starts_with(&format!("?view=trainer-quiz&c={}&title=Team%20day%3A%20%3CSafeguarding%3E", spec().id())), "{link}");
        assert!(
            link.ends_with("&topics=principle-3.national-picture&count=10&seed=4000000000&mode=assessment&pass=80&refresh=12"),
            "ends with a number: {link}"
        );
        assert_eq!(QuizSpec::from_query(&link, known), Ok(spec()));
        let all = QuizSpec { topics: vec![], title: None, refresh_months: None, assessment: false, ..spec() };
        assert_eq!(QuizSpec::from_query(&all.to_query(), known), Ok(all));
    }

    #[test]
    fn hostile_and_odd_links_are_refused_with_a_reason() {
        // As links were made before the check: each fault has its own reason.
        // (With the check, each of these is "incomplete": see the next test.)
        let good = spec().to_query().replacen(&format!("&c={}", spec().id()), "", 1);
        let ten_kb_title = format!("{}&title={}", good.split("&title=").next().unwrap(), "A".repeat(10_000));
        for (link, error) in [
            (good.replace("count=10", "count=0"), LinkError::OutOfRange("question count")),
            (good.replace("count=10", "count=99999999999999"), LinkError::OutOfRange("question count")),
            (good.replace("count=10", "count=-5"), LinkError::OutOfRange("question count")),
            (good.replace("count=10", "count=1e3"), LinkError::OutOfRange("question count")),
            (good.replace("pass=80", "pass=101"), LinkError::OutOfRange("pass mark")),
            (good.replace("seed=4000000000", "seed=99999999999"), LinkError::OutOfRange("question order")),
            (good.replace("mode=assessment", "mode=exam"), LinkError::OutOfRange("mode")),
            (good.replace("principle-3", "principle-99x"), LinkError::UnknownTopic),
            (good.replace("principle-3", "<img onerror=alert(1)>"), LinkError::Malformed),
            (good.replace("&count=10", ""), LinkError::Missing("question count")),
            (format!("{good}&count=11"), LinkError::Malformed),
            (good.replace("&title=", "&title=%E0%A4%A"), LinkError::Malformed),
            (good.replace("&title=", "&title=%FF"), LinkError::Malformed),
            (ten_kb_title, LinkError::TooLong),
            ("?view=trainer-quiz&&".into(), LinkError::Missing("topics")),
            (good.replace("view=trainer-quiz", "view=result"), LinkError::Malformed),
        ] {
            assert_eq!(QuizSpec::from_query(&link, known), Err(error), "{}", &link[..link.len().min(120)]);
            assert!(!error.message().is_empty());
        }
    }

    #[test]
    fn titles_are_kept_as_plain_short_text() {
        let mut hostile = spec();
        hostile.title = Some(format!("<img src=x onerror=alert(1)>\u{202E}\u{0007}{}", "é".repeat(100)));
        let back = QuizSpec::from_query(&hostile.to_query(), known).unwrap();
        let title = back.title.unwrap();
        assert_eq!(title.chars().count(), TITLE_MAX);
        assert!(title.starts_with("<img src=x onerror=alert(1)>é"), "kept as text, never interpreted: {title}");
        assert!(!title.contains('\u{202E}') && !title.contains('\u{0007}'));
        let mut blank = spec();
        blank.title = Some("   \u{200B} ".into());
        assert_eq!(QuizSpec::from_query(&blank.to_query(), known).unwrap().title, None);
    }

    #[test]
    fn the_quiz_id_is_the_same_for_the_same_spec() {
        assert_eq!(spec().id(), spec().id());
        assert_ne!(spec().id(), QuizSpec { seed: 1, ..spec() }.id());
        assert_eq!(spec().id().len(), 8);
    }

    #[test]
    fn the_quiz_id_does_not_depend_on_the_title() {
        for title in [None, Some("Team day."), Some("team  day"), Some("Team day!)")] {
            assert_eq!(QuizSpec { title: title.map(str::to_owned), ..spec() }.id(), spec().id(), "{title:?}");
        }
        // Untitled quizzes keep the id earlier versions gave them.
        let untitled = QuizSpec { title: None, ..spec() };
        assert_eq!(untitled.id(), "dcc29dc1");
    }

    #[test]
    fn a_cut_link_is_refused_and_a_link_made_before_the_check_still_opens() {
        let link = spec().to_query();
        assert!(link.starts_with(&format!("?view=trainer-quiz&c={}&title=", spec().id())), "{link}");
        assert!(link.ends_with("&pass=80&refresh=12"), "{link}");
        for cut in ["&refresh=1", "&refresh=", "&refresh", "&", "&pass=8", "&pass=", "&count=1"] {
            let at = link.rfind(cut).unwrap() + cut.len();
            assert_eq!(QuizSpec::from_query(&link[..at], known), Err(LinkError::Incomplete), "{}", &link[..at]);
        }
        assert_eq!(LinkError::Incomplete.message(), "This link is incomplete. Ask for it again, or scan the QR code.");
        // A setting changed by hand.
        assert_eq!(QuizSpec::from_query(&link.replace("&count=10", "&count=11"), known), Err(LinkError::Incomplete));
        // A title changed on the way still opens the same quiz.
        let retitled = QuizSpec::from_query(&link.replace("&title=Team", "&title=Our"), known).unwrap();
        assert_eq!(retitled.id(), spec().id());
        // Made before the check: opens as it always did.
        let older = link.replacen(&format!("&c={}", spec().id()), "", 1);
        assert_eq!(QuizSpec::from_query(&older, known), Ok(spec()));
    }

    #[test]
    fn links_survive_what_chat_and_email_apps_do_to_them() {
        let good = spec().to_query();
        for mangled in [
            format!("{good}&fbclid=IwAR3xYz_abc-123"),
            format!("{good}&utm_source=newsletter&utm_medium=email&utm_campaign=autumn"),
            good.replacen("&count", "&gclid=x&count", 1),
            good.replace('&', "&amp;"),
            format!("{good}."),
            format!("{good})."),
            format!("{good}%22"),
            format!("{good}%E2%80%9D,"),
            format!("{good}&fbclid=abc)."),
            format!("  {good}  "),
        ] {
            assert_eq!(QuizSpec::from_query(&mangled, known), Ok(spec()), "{mangled}");
        }
        assert_eq!(canonical_query(&format!("{good}&fbclid=abc.")), Some(good.clone()));
        assert_eq!(canonical_query("?fbclid=1&view=trainer-quiz&topics=all"), Some("?view=trainer-quiz&topics=all".into()));
        assert_eq!(canonical_query("?view=learn"), None);
        let too_long = format!("{good}&title={}", "A".repeat(10_000));
        assert_eq!(canonical_query(&too_long), Some(too_long.clone()), "given back for its parser to refuse");
        let view_later = format!("?fbclid=1&{}", &too_long[1..]);
        assert_eq!(canonical_query(&view_later), Some(format!("?view=trainer-quiz&{}", &view_later[1..])), "with its view first");
        let repeated = format!("?fbclid=x&{}&count=11", &good[1..]);
        assert!(canonical_query(&repeated).unwrap().starts_with("?view=trainer-quiz&"), "known for a trainer's link");
        let repeated = format!("{good}&count=11");
        assert_eq!(canonical_query(&repeated), Some(repeated.clone()), "its view once");
        // A link made before the check (no `c`) naming a topic twice.
        let older = good.replacen(&format!("&c={}", spec().id()), "", 1);
        assert_eq!(
            QuizSpec::from_query(&older.replace("principle-3.national-picture", "principle-3.principle-3"), known).unwrap().topics,
            ["principle-3"]
        );
        assert_eq!(QuizSpec::from_query(&too_long, known), Err(LinkError::TooLong));
    }

    #[test]
    fn a_result_round_trips_and_must_add_up() {
        let result =
            QuizResult { spec: spec(), correct: 7, missed: vec![0, 4, 9], token: "0a1b2c3d".into(), name: Some("Sam Jones".into()) };
        let link = result.to_query();
        assert_eq!(QuizResult::from_query(&link, known), Ok(result.clone()));
        for (from, to) in [
            ("score=7", "score=8"),
            ("missed=0.4.9", "missed=0.4.10"),
            ("missed=0.4.9", "missed=0.4.4"),
            ("r=0a1b2c3d", "r=xyz"),
            ("view=result", "view=resul"),
        ] {
            assert!(QuizResult::from_query(&link.replace(from, to), known).is_err(), "{to}");
        }
        let perfect = QuizResult { correct: 10, missed: vec![], name: None, ..result };
        assert_eq!(QuizResult::from_query(&perfect.to_query(), known), Ok(perfect));
    }
}
