//! The quiz domain. Nothing here touches the browser or Leptos, so it is all
//! tested natively with `cargo test`.

pub mod attempt;
pub mod backup;
pub mod bank;
pub mod contact;
pub mod debrief;
pub mod draft;
pub mod draw;
pub mod early_start;
pub mod learn;
pub mod link;
pub mod marking;
pub mod number;
pub mod progress;
pub mod qr_code;
pub mod query;
pub mod record;
pub mod resume;
pub mod rng;
pub mod route;
pub mod saving;
pub mod schedule;
pub mod scoring;
pub mod session;
pub mod session_code;
pub mod store;
pub mod stored_answer;
pub mod wording;
