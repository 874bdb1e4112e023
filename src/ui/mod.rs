//! Leptos components: one per file, each a screen or a part of one.

mod about_page;
mod answer_inputs;
mod app;
mod debrief_page;
mod backup_panel;
mod html_text;
pub(crate) mod feedback_panel;
mod flip_deck;
mod home_page;
mod learn_page;
mod nav_link;
mod qr;
mod records_page;
mod progress_page;
mod quiz_page;
mod results_page;
mod storage_notice;
mod trainer_page;
mod update_banner;

pub use about_page::AboutPage;
pub use app::{App, BankState, QuizApp, QuizRequest};
pub use backup_panel::BackupPanel;
pub use debrief_page::DebriefPage;
pub use feedback_panel::FeedbackPanel;
pub use flip_deck::FlipDeck;
pub use home_page::HomePage;
pub use learn_page::LearnPage;
pub use nav_link::NavLink;
pub use progress_page::ProgressPage;
pub use quiz_page::QuizPage;
pub use records_page::{RecordForm, RecordsPage};
pub use results_page::ResultsPage;
pub use storage_notice::StorageNotice;
pub use trainer_page::TrainerPage;
pub use update_banner::UpdateBanner;
