//! Writes the page a first visit gets, before the app has arrived: the app's
//! own components rendered to HTML natively, from the shipped content, with
//! the app's own draw. `scripts/static-pages.mjs` (the Trunk post-build hook)
//! runs this and puts its output into `index.html`.
//!
//! Prints one JSON object (see `StaticPages`): the home screen, and the first
//! question of the quick check `pre_draw` picks, before and after each of its
//! options is checked. Usage: `static_pages <dist>/questions-<hash>.json`: the
//! bank as the build bundled it, which is what the app loads and draws from.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(bundle) = std::env::args().nth(1) else {
        eprintln!("usage: static_pages <the built questions-<hash>.json>");
        std::process::exit(2);
    };
    match render::pages(&bundle) {
        Ok(pages) => println!("{}", serde_json::to_string(&pages).expect("serde writes plain data")),
        Err(problem) => {
            eprintln!("static_pages: {problem}");
            std::process::exit(1);
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod render {
    use std::fs;
    use std::sync::Arc;

    use leptos::prelude::*;
    use serde::Serialize;

    use safeguarding_check::quiz::answering::draft::Incomplete;
    use safeguarding_check::quiz::answering::marking::Response;
    use safeguarding_check::quiz::content::bank::{Bank, Kind};
    use safeguarding_check::quiz::learner::draw::session_questions;
    use safeguarding_check::quiz::links::link::QuizSpec;
    use safeguarding_check::quiz::links::link::{COUNT_RANGE, PASS_RANGE, REFRESH_RANGE, TITLE_MAX};
    use safeguarding_check::quiz::links::query::{ENCODED_JUNK, FREE_TEXT_KEYS, RAW_PAIRS, TRAILING_JUNK};
    use safeguarding_check::quiz::links::route::Route;
    use safeguarding_check::quiz::run::quiz_names::quiz_title;
    use safeguarding_check::quiz::run::resume::SavedQuiz;

    use safeguarding_check::quiz::run::attempt::{Attempt, QuizKind};
    use safeguarding_check::quiz::saved::early_start::{pre_draw, EarlyStart, START_WHEN_READY_KEY, STORAGE_KEY, VERSION};
    use safeguarding_check::quiz::saved::store::Store;
    use safeguarding_check::ui::state::AppState;
    use safeguarding_check::ui::UNTITLED_LINK_QUIZ as UNTITLED;
    use safeguarding_check::ui::{AppView, BankState};

    /// What the page is built from (all HTML is the app's own markup).
    #[derive(Serialize)]
    pub struct StaticPages {
        /// The home screen of a first visit: `#app`'s content.
        home: String,
        /// The quiz the page can start (see `early_start`).
        quiz: StaticQuiz,
        /// The app's storage key: where it is set, the app has been used
        /// here, and the page's own home (no scores, nothing to continue)
        /// would not be this device's.
        store_key: &'static str,
        /// A trainer's link's landing (see `StaticLanding`).
        landing: StaticLanding,
    }

    /// A trainer's quiz link's landing, before the app arrives: the app's own
    /// page for a link titled [`TITLE_MARK`] (which the page's script puts
    /// the link's title in place of, as text), and what the script needs to
    /// read a link as the app does.
    #[derive(Serialize)]
    struct StaticLanding {
        html: String,
        title_mark: &'static str,
        /// Each topic's id and title, for a link that names topics.
        topics: Vec<(String, String)>,
        title_max: usize,
        count_range: (u32, u32),
        pass_range: (u32, u32),
        refresh_range: (u32, u32),
        untitled: &'static str,
        /// What is trimmed from the end of a link, as `quiz::query::tidy` does.
        junk: Junk,
        /// The session storage key "Start the quiz" leaves for the app.
        start_when_ready_key: &'static str,
        /// How many questions a link can give at most, for every topic
        /// (`all`) and for each topic alone, as the app's draw gives them:
        /// the landing says "8 questions" where the topics hold 8, as the app does.
        most_questions: MostQuestions,
    }

    /// `quiz::query`'s lists, for the page's script.
    #[derive(Serialize)]
    struct Junk {
        trailing: String,
        encoded: &'static [(&'static str, Option<&'static str>)],
        raw_pairs: &'static [(char, char)],
        free_text_keys: [&'static str; 2],
    }

    #[derive(Serialize)]
    struct MostQuestions {
        all: usize,
        by_topic: Vec<(String, usize)>,
    }

    #[derive(Serialize)]
    struct StaticQuiz {
        /// The error summary's words when "Check answer" is pressed with nothing chosen.
        no_choice: &'static str,
        storage_key: &'static str,
        version: u32,
        seed: u32,
        question: String,
        /// The quiz's title on screen.
        title: String,
        /// `#app`'s content on its first question, nothing chosen.
        asking: String,
        /// For each option, in the order shown: its index in the question's
        /// own order (what the page records), and `#app`'s content once it
        /// has been chosen and checked.
        options: Vec<StaticOption>,
    }

    #[derive(Serialize)]
    struct StaticOption {
        choice: usize,
        checked: String,
    }

    /// Stands for the link's title in the landing's markup (a private-use
    /// character, which no title has), and the same percent-encoded.
    const TITLE_MARK: &str = "\u{E000}";
    const TITLE_MARK_ENCODED: &str = "%EE%80%80";

    /// Effects never run while a page is written: this executor runs nothing.
    struct RunsNothing;
    impl any_spawner::CustomExecutor for RunsNothing {
        fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
        fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
        fn poll_local(&self) {}
    }

    /// The bank exactly as the app loads it: the bundle the build wrote (its
    /// topics in the order of the training, which the draw goes by).
    fn bundled_bank(path: &str) -> Result<Bank, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        Bank::from_bundle(&text).map_err(|e| format!("{path}: {e:?}"))
    }

    /// `#app`'s content for `route` over `store`, as the app draws it.
    fn app_html(bank: &Arc<Bank>, store: Store, route: Route) -> String {
        let owner = Owner::new();
        owner.set();
        let html = owner.with(|| {
            provide_context(AppState::in_memory(RwSignal::new(BankState::Ready(bank.clone())), route, store));
            view! { <AppView update_ready=RwSignal::new(false) on_retry=Callback::new(|_| {}) /> }.to_html()
        });
        without_comments(&html)
    }

    /// `html` without its comments: Leptos marks places for hydration with
    /// them (`<!>`, `<!--<() />-->`), and the app draws over this page
    /// rather than hydrating it.
    fn without_comments(html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(start) = rest.find("<!") {
            out.push_str(&rest[..start]);
            rest = &rest[start..];
            let end = if rest.starts_with("<!--") { rest.find("-->").map(|e| e + 3) } else { rest.find('>').map(|e| e + 1) };
            match end {
                Some(end) => rest = &rest[end..],
                None => break,
            }
        }
        out.push_str(rest);
        out
    }

    /// A store holding `session` as a quiz in progress (kept at 1 ms: the
    /// store keeps nothing from at or before its clear marker, 0).
    fn store_with(id: &str, session: &Attempt, title: &str) -> Store {
        let mut store = Store::default();
        if let Some(saved) = SavedQuiz::from_attempt(session, title, 1) {
            store.save_quiz(id, saved, 1);
        }
        store
    }

    pub fn pages(bundle: &str) -> Result<StaticPages, String> {
        let _ = any_spawner::Executor::init_custom_executor(RunsNothing);
        let bank = Arc::new(bundled_bank(bundle)?);
        let (seed, session) = pre_draw(&bank).ok_or("no seed draws a quick check that opens with one choice")?;
        let item = session.current().ok_or("an empty quiz")?.clone();
        let title = quiz_title(&bank, &QuizKind::Quick);
        // Any id will do for the markup: the page's start gets its own.
        let start = EarlyStart {
            version: VERSION,
            seed,
            question: item.question.id.clone(),
            started_at: 0,
            choice: None,
            checked_at: None,
            moved_on: false,
        };
        let id = start.quiz_id();
        let route = || Route::Quiz { quiz: Some(id.clone()) };
        let asking = app_html(&bank, store_with(&id, &session, &title), route());
        let options = item
            .layout
            .iter()
            .map(|&choice| {
                let mut answered = session.clone();
                let response = match &item.question.kind {
                    Kind::TrueFalse { .. } | Kind::SingleChoice { .. } => Response::Choice(choice),
                    other => return Err(format!("the first question is {}, not one choice", other.name())),
                };
                answered.answer(response).map_err(|e| format!("{e:?}"))?;
                Ok(StaticOption { choice, checked: app_html(&bank, store_with(&id, &answered, &title), route()) })
            })
            .collect::<Result<Vec<_>, String>>()?;
        let home = app_html(&bank, Store::default(), Route::Home);
        let sample = format!("?view=trainer-quiz&title={}&topics=all&count=10&seed=1&mode=practice&pass=80", TITLE_MARK_ENCODED);
        let landing = StaticLanding {
            html: app_html(&bank, Store::default(), Route::TrainerQuiz(sample)),
            title_mark: TITLE_MARK,
            topics: bank.topics.iter().map(|t| (t.id.clone(), t.title.clone())).collect(),
            title_max: TITLE_MAX,
            count_range: (*COUNT_RANGE.start(), *COUNT_RANGE.end()),
            pass_range: (*PASS_RANGE.start(), *PASS_RANGE.end()),
            refresh_range: (*REFRESH_RANGE.start(), *REFRESH_RANGE.end()),
            untitled: UNTITLED,
            junk: Junk {
                trailing: TRAILING_JUNK.iter().collect(),
                encoded: ENCODED_JUNK,
                raw_pairs: RAW_PAIRS,
                free_text_keys: FREE_TEXT_KEYS,
            },
            start_when_ready_key: START_WHEN_READY_KEY,
            most_questions: {
                let most = |topics: Vec<String>| {
                    let spec = QuizSpec {
                        topics,
                        count: *COUNT_RANGE.end(),
                        seed: 1,
                        assessment: false,
                        pass_mark: 80,
                        title: None,
                        refresh_months: None,
                    };
                    session_questions(&bank, &spec).len()
                };
                MostQuestions {
                    all: most(Vec::new()),
                    by_topic: bank.topics.iter().map(|t| (t.id.clone(), most(vec![t.id.clone()]))).collect(),
                }
            },
        };
        if !landing.html.contains(TITLE_MARK) {
            return Err("the trainer's landing no longer shows its title where the page can put it".into());
        }
        Ok(StaticPages {
            store_key: safeguarding_check::platform::storage::STORE_KEY,
            landing,
            home,
            quiz: StaticQuiz {
                no_choice: Incomplete::NoChoice.message(),
                storage_key: STORAGE_KEY,
                version: VERSION,
                seed,
                question: item.question.id.clone(),
                title,
                asking,
                options,
            },
        })
    }
}
