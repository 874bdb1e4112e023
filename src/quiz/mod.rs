//! The quiz domain. Nothing here touches the browser or Leptos, so it is all
//! tested natively with `cargo test`.
//!
//! Folders by concept, each depending only on those above it in this list
//! (`tests/native/domain_purity.rs` fails on any import cycle, between files
//! or between folders):
//!
//! - `text` and `rng`: words, dates and numbers; the seeded random numbers;
//! - `content`: the course (questions, study cards, support contacts);
//! - `answering`: one answer, marked;
//! - `links`: links, routes, query strings and QR codes;
//! - `room`: the trainer's session code and debrief;
//! - `run`: a quiz being taken, and a finished attempt;
//! - `learner`: progress, the review schedule, records and the draw;
//! - `saved`: the store, backups, and the page's early start.

pub mod answering;
pub mod content;
pub mod learner;
pub mod links;
pub mod rng;
pub mod room;
pub mod run;
pub mod saved;
pub mod text;
