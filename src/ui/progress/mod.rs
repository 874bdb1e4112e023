//! Your progress: streak, refresher, mastery, finished quizzes, and the
//! backup (export, import, clear).

pub(super) mod backup_panel;
pub(super) mod progress_page;
