//! Where the app is, as the query part of its URL: `?view=learn&card=principle-3`.
//!
//! Screens are query strings on the app's own address, never paths, so a link
//! opens cold on any static host and under any subpath, and the phone's Back
//! button moves between screens. Parsing is strict: anything unexpected is an
//! error, which the app turns into a plain message and the home screen.

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    /// A quiz in progress, by its id (16 hex digits); none in links from version 2.
    Quiz {
        quiz: Option<String>,
    },
    /// The results of a finished attempt, by its id (the quiz's id).
    Results {
        attempt: Option<String>,
    },
    About,
    Accessibility,
    Progress,
    /// The trainer's screen: make a quiz link and its QR code, and the list
    /// of sessions made; `session` is the one shown (a `QuizSpec::id`).
    Trainer {
        session: Option<String>,
    },
    /// One session's QR code, full screen for a projector (a `QuizSpec::id`).
    Present {
        session: String,
    },
    /// "Join with a code": a learner types the session code present mode
    /// shows (see `session_code`).
    Join,
    /// A trainer's quiz link; the query is checked by `link::QuizSpec`.
    TrainerQuiz(String),
    /// A learner's result link; the query is checked by `link::QuizResult`.
    ResultLink(String),
    /// A trainer's session link (`?view=session&…`, see
    /// `QuizSpec::session_query`), in its canonical form: the session is
    /// added to this device, then shown.
    SessionLink(String),
    /// The debrief of one trainer's quiz (by its id), or of all of them.
    Debrief {
        quiz: Option<String>,
    },
    /// One session's debrief, full screen for a projector: the figures, the
    /// spread and the most missed, large; no learner's name.
    Projector {
        quiz: String,
    },
    /// The whole session as slides for a projector (a trainer session's
    /// `QuizSpec::id`): the course, the group work, the quiz and its debrief.
    Slides {
        session: String,
    },
    /// The presenter's view of those slides: notes, the next slide, the time
    /// used; on a second window or the trainer's phone.
    Notes {
        session: String,
    },
    /// Completion records, and making a new one after a quiz.
    Records,
    /// The form that makes a completion record for a finished attempt.
    NewRecord {
        attempt: Option<String>,
    },
    /// The list of study cards, or one card.
    Learn {
        card: Option<String>,
    },
    /// The flip cards of one study card.
    Flip {
        card: String,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadRoute;

use super::{link, query};

/// A quiz's or attempt's id: 16 lowercase hex digits.
fn is_quiz_id(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A trainer's quiz id (see `QuizSpec::id`): 8 lowercase hex digits.
fn is_link_id(text: &str) -> bool {
    text.len() == 8 && text.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Ids in links are short and plain; anything else is not ours.
fn is_id(text: &str) -> bool {
    !text.is_empty() && text.len() <= 64 && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// The app's name, the end of every screen's title.
pub const APP_NAME: &str = "Safeguarding Check";

impl Route {
    /// The page title for this screen (WCAG 2.4.2): what it is, then the
    /// app's name, as "Your progress – Safeguarding Check". Home is the app's
    /// name and what it is for.
    pub fn page_title(&self) -> String {
        let screen = match self {
            Route::Home => return format!("{APP_NAME}: learning from serious child safeguarding incidents"),
            Route::Quiz { .. } => "Quiz",
            Route::Results { .. } => "Your results",
            Route::About => "About",
            Route::Accessibility => "Accessibility statement",
            Route::Progress => "Your progress",
            Route::Trainer { .. } => "Run a session",
            Route::Present { .. } => "Scan to join the quiz",
            Route::Join => "Join with a code",
            Route::TrainerQuiz(_) => "A quiz from your trainer",
            Route::ResultLink(_) => "A learner's result",
            Route::SessionLink(_) => "A trainer's session",
            Route::Debrief { .. } => "Group debrief",
            Route::Projector { .. } => "Group debrief on the projector",
            Route::Slides { .. } => "Presenting the session",
            Route::Notes { .. } => "Speaker notes",
            Route::Records => "Your completion records",
            Route::NewRecord { .. } => "Make a completion record",
            Route::Learn { card: None } => "Learn",
            Route::Learn { card: Some(_) } => "Learn: a study card",
            Route::Flip { .. } => "Flip cards",
        };
        format!("{screen} – {APP_NAME}")
    }

    /// The query string for this route, with its leading `?` (empty for home).
    pub fn to_query(&self) -> String {
        match self {
            Route::Home => String::new(),
            Route::Quiz { quiz: None } => "?view=quiz".into(),
            Route::Quiz { quiz: Some(quiz) } => format!("?view=quiz&quiz={quiz}"),
            Route::Results { attempt: None } => "?view=results".into(),
            Route::Results { attempt: Some(attempt) } => format!("?view=results&attempt={attempt}"),
            Route::About => "?view=about".into(),
            Route::Accessibility => "?view=accessibility".into(),
            Route::Progress => "?view=progress".into(),
            Route::Trainer { session: None } => "?view=trainer".into(),
            Route::Trainer { session: Some(session) } => format!("?view=trainer&quiz={session}"),
            Route::Present { session } => format!("?view=present&quiz={session}"),
            Route::Join => "?view=join".into(),
            Route::TrainerQuiz(query) | Route::ResultLink(query) | Route::SessionLink(query) => query.clone(),
            Route::Debrief { quiz: None } => "?view=debrief".into(),
            Route::Debrief { quiz: Some(quiz) } => format!("?view=debrief&quiz={quiz}"),
            Route::Projector { quiz } => format!("?view=projector&quiz={quiz}"),
            Route::Slides { session } => format!("?view=slides&quiz={session}"),
            Route::Notes { session } => format!("?view=notes&quiz={session}"),
            Route::Records => "?view=records".into(),
            Route::NewRecord { attempt: None } => "?view=record".into(),
            Route::NewRecord { attempt: Some(attempt) } => format!("?view=record&attempt={attempt}"),
            Route::Learn { card: None } => "?view=learn".into(),
            Route::Learn { card: Some(card) } => format!("?view=learn&card={card}"),
            Route::Flip { card } => format!("?view=flip&card={card}"),
        }
    }

    /// Reads a query string (`location.search`, with or without its `?`).
    ///
    /// Parameters the app does not use (`fbclid`, `utm_source`…) are
    /// ignored, `&amp;` is read as `&` and punctuation stuck to the end is
    /// trimmed (see [`query`]); the app's own values are checked strictly. A
    /// trainer's or result link keeps only the app's own pairs.
    pub fn from_query(text: &str) -> Result<Route, BadRoute> {
        if let Some(link) = link::canonical_query(text) {
            return Ok(if link.starts_with("?view=result") {
                Route::ResultLink(link)
            } else if link.starts_with("?view=session") {
                Route::SessionLink(link)
            } else {
                Route::TrainerQuiz(link)
            });
        }
        let pairs = query::own_pairs(text, &["view", "card", "quiz", "attempt"], 1_000).map_err(|_| BadRoute)?;
        if pairs.is_empty() {
            return Ok(Route::Home);
        }
        let get = |key: &str| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        let (card, quiz, attempt) = (get("card"), get("quiz"), get("attempt"));
        if !card.is_none_or(is_id) || !quiz.is_none_or(|q| is_link_id(q) || is_quiz_id(q)) || !attempt.is_none_or(is_quiz_id) {
            return Err(BadRoute);
        }
        let owned = |id: Option<&str>| id.map(str::to_owned);
        let route = match (get("view").ok_or(BadRoute)?, card, quiz, attempt) {
            ("quiz", None, quiz, None) if quiz.is_none_or(is_quiz_id) => Route::Quiz { quiz: owned(quiz) },
            ("results", None, None, attempt) => Route::Results { attempt: owned(attempt) },
            ("about", None, None, None) => Route::About,
            ("accessibility", None, None, None) => Route::Accessibility,
            ("progress", None, None, None) => Route::Progress,
            ("trainer", None, quiz, None) if quiz.is_none_or(is_link_id) => Route::Trainer { session: owned(quiz) },
            ("present", None, Some(quiz), None) if is_link_id(quiz) => Route::Present { session: quiz.to_owned() },
            ("join", None, None, None) => Route::Join,
            ("projector", None, Some(quiz), None) if is_link_id(quiz) => Route::Projector { quiz: quiz.to_owned() },
            ("slides", None, Some(quiz), None) if is_link_id(quiz) => Route::Slides { session: quiz.to_owned() },
            ("notes", None, Some(quiz), None) if is_link_id(quiz) => Route::Notes { session: quiz.to_owned() },
            ("debrief", None, quiz, None) if quiz.is_none_or(is_link_id) => Route::Debrief { quiz: owned(quiz) },
            ("records", None, None, None) => Route::Records,
            ("record", None, None, attempt) => Route::NewRecord { attempt: owned(attempt) },
            ("learn", card, None, None) => Route::Learn { card: owned(card) },
            ("flip", Some(card), None, None) => Route::Flip { card: card.to_owned() },
            _ => return Err(BadRoute),
        };
        Ok(route)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_has_a_title_of_its_own() {
        let routes = [
            Route::Home,
            Route::Quiz { quiz: None },
            Route::Results { attempt: None },
            Route::About,
            Route::Accessibility,
            Route::Progress,
            Route::Trainer { session: None },
            Route::Present { session: "0a1b2c3d".into() },
            Route::Join,
            Route::TrainerQuiz(String::new()),
            Route::ResultLink(String::new()),
            Route::Debrief { quiz: None },
            Route::Projector { quiz: "0a1b2c3d".into() },
            Route::Slides { session: "0a1b2c3d".into() },
            Route::Notes { session: "0a1b2c3d".into() },
            Route::Records,
            Route::NewRecord { attempt: None },
            Route::Learn { card: None },
            Route::Learn { card: Some("principle-3".into()) },
            Route::Flip { card: "principle-3".into() },
        ];
        let titles: std::collections::BTreeSet<String> = routes.iter().map(Route::page_title).collect();
        assert_eq!(titles.len(), routes.len(), "{titles:?}");
        assert!(titles.iter().all(|t| t.contains(APP_NAME)));
        assert_eq!(Route::Progress.page_title(), "Your progress – Safeguarding Check");
    }

    #[test]
    fn every_route_round_trips() {
        for route in [
            Route::Home,
            Route::Quiz { quiz: None },
            Route::Quiz { quiz: Some("0123456789abcdef".into()) },
            Route::Results { attempt: None },
            Route::Results { attempt: Some("0123456789abcdef".into()) },
            Route::NewRecord { attempt: Some("0123456789abcdef".into()) },
            Route::About,
            Route::Accessibility,
            Route::Progress,
            Route::Trainer { session: None },
            Route::Trainer { session: Some("0a1b2c3d".into()) },
            Route::Present { session: "0a1b2c3d".into() },
            Route::Join,
            Route::Debrief { quiz: None },
            Route::Debrief { quiz: Some("0a1b2c3d".into()) },
            Route::Projector { quiz: "0a1b2c3d".into() },
            Route::Slides { session: "0a1b2c3d".into() },
            Route::Notes { session: "0a1b2c3d".into() },
            Route::Records,
            Route::NewRecord { attempt: None },
            Route::TrainerQuiz("?view=trainer-quiz&topics=all".into()),
            Route::ResultLink("?view=result&score=1".into()),
            Route::Learn { card: None },
            Route::Learn { card: Some("principle-3".into()) },
            Route::Flip { card: "characteristics".into() },
        ] {
            assert_eq!(Route::from_query(&route.to_query()), Ok(route));
        }
    }

    #[test]
    fn what_chat_and_email_apps_add_is_ignored() {
        for (query, route) in [
            ("?fbclid=IwAR3x", Route::Home),
            ("?utm_source=mail&utm_medium=email", Route::Home),
            (".", Route::Home),
            ("?view", Route::Home),
            ("?view=learn&card=principle-3&fbclid=IwAR3x", Route::Learn { card: Some("principle-3".into()) }),
            ("?utm_source=x&view=learn&amp;card=principle-3).", Route::Learn { card: Some("principle-3".into()) }),
            ("?view=progress%22", Route::Progress),
            (
                "?view=trainer-quiz&topics=all&count=10&seed=1&mode=practice&pass=80&fbclid=x.",
                Route::TrainerQuiz("?view=trainer-quiz&topics=all&count=10&seed=1&mode=practice&pass=80".into()),
            ),
            ("?fbclid=x&view=result&score=1", Route::ResultLink("?view=result&score=1".into())),
        ] {
            assert_eq!(Route::from_query(query), Ok(route), "{query}");
        }
    }

    #[test]
    fn odd_links_are_refused_not_guessed() {
        let long = format!("?view=learn&card={}", "a".repeat(65));
        for query in [
            "?view=",
            "?view=nowhere",
            "?card=principle-3",
            "?view=learn&view=quiz",
            "?view=learn&card=Principle-3",
            "?view=learn&card=<img onerror=x>",
            "?view=learn&card=",
            "?view=flip",
            "?view=quiz&card=x",
            long.as_str(),
            "?view=learn&card=%70",
            "?view=learn&card=é",
            "?view=debrief&quiz=XYZ",
            "?view=debrief&quiz=0A1B2C3D",
            "?view=records&card=x",
            "?view=quiz&quiz=0a1b2c3d",
            "?view=results&attempt=0123456789ABCDEF",
            "?view=results&attempt=0123",
            "?view=debrief&quiz=0123456789abcdef",
            "?view=learn&attempt=0123456789abcdef",
            "?view=present",
            "?view=present&quiz=0123456789abcdef",
            "?view=trainer&quiz=0A1B2C3D",
        ] {
            assert_eq!(Route::from_query(query), Err(BadRoute), "{query}");
        }
        assert_eq!(Route::from_query(""), Ok(Route::Home));
        assert_eq!(Route::from_query("?view=learn&amp;card=x&amp;card=y"), Err(BadRoute), "two different cards");
        assert_eq!(Route::from_query("view=about"), Ok(Route::About), "the ? is optional");
    }
}
