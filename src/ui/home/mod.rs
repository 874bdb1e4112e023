//! The home screen (the ways in, quizzes in progress, practising one topic,
//! your scores), and the confirmation before starting a quiz while another
//! is in progress.

pub(super) mod confirm_start;
pub(super) mod home_page;
pub(super) mod in_progress;
pub(super) mod practise_topic;
pub(super) mod way_in;
pub(super) mod your_scores;
