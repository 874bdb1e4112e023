//! A trainer's quiz as a link (`?view=trainer-quiz&c=…`) and as a session
//! link carrying results (`?view=session&…`), written and read strictly.

use super::*;

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
    pub(super) fn title_param(&self) -> String {
        self.title.as_ref().map(|title| format!("&title={}", percent_encode(title))).unwrap_or_default()
    }

    /// Every value but the title, which is left out of [`QuizSpec::id`].
    pub(super) fn params(&self) -> String {
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

    pub(super) fn from_pairs(pairs: &[(&'static str, String)], known_topic: impl Fn(&str) -> bool) -> Result<QuizSpec, LinkError> {
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
