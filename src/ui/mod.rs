//! Leptos components, grouped by feature: one file per screen or shared
//! part, its private pieces beside it. The shared state every screen reads
//! is in `state` (provided as context by `App`); `screen` picks the screen
//! from the route.
//!
//! - `home`, `quiz`, `results`, `learn`, `progress`, `records`, `trainer`,
//!   `slides`, `about`: each feature's screens and their parts;
//! - `common`: what several features use (links, focus, the tap guard, the
//!   error summary, Undo, the confirmation panel, notices, QR codes).

mod about;
mod app;
mod common;
mod home;
mod learn;
mod progress;
mod quiz;
mod records;
mod results;
mod screen;
mod slides;
pub mod state;
mod trainer;

pub use about::about_page::AboutPage;
pub use about::accessibility_page::AccessibilityPage;
pub use app::{App, AppView, QuizApp};
pub use common::care_note::CareNote;
pub use common::focus::{hold_focus_for_takeover, release_focus_hold};
pub use common::gone_notice::GoneNotice;
pub use common::nav_link::NavLink;
pub use common::open_in_browser::{CopyAsText, InAppNotice};
pub use common::problem_contact::ProblemContact;
pub use common::storage_notice::StorageNotice;
pub use common::unbroken_text::unbroken;
pub use common::update_banner::UpdateBanner;
pub use home::confirm_start::ConfirmStart;
pub use home::home_page::HomePage;
pub use home::way_in::WayIn;
pub use learn::card_pager::CardPager;
pub use learn::flip_deck::FlipDeck;
pub use learn::flip_page::FlipPage;
pub use learn::learn_page::LearnPage;
pub use progress::backup_panel::BackupPanel;
pub use progress::progress_page::ProgressPage;
pub use quiz::check_answers_page::CheckAnswersPage;
pub use quiz::feedback_panel::FeedbackPanel;
pub use quiz::quit_quiz::QuitQuiz;
pub use quiz::quiz_page::QuizPage;
pub use quiz::quiz_screen::QuizScreen;
pub use records::record_form::RecordForm;
pub use records::records_page::RecordsPage;
pub use results::results_page::ResultsPage;
pub use screen::Screen;
pub use slides::notes_page::NotesPage;
pub use slides::slides_page::SlidesPage;
pub use state::BankState;
pub use trainer::debrief_page::DebriefPage;
pub use trainer::join_page::JoinPage;
pub use trainer::present_page::PresentPage;
pub use trainer::trainer_page::TrainerPage;
pub use trainer::trainer_quiz_page::{TrainerQuizPage, UNTITLED_LINK_QUIZ};
