//! The quiz domain. Nothing here touches the browser or Leptos, so it is all
//! tested natively with `cargo test`.

pub mod bank;
pub mod calendar;
pub mod progress;
pub mod rng;
pub mod scoring;
pub mod session;
