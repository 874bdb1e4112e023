//! The course: the question bank and its rules (`bank`), the study cards and
//! their charts (`learn`), the session as slides (`deck`), and where to turn
//! for support (`contact`), all
//! read from `assets/` and checked at build time (`build.rs` includes these
//! files). Uses `text` only.

pub mod bank;
pub mod contact;
pub mod deck;
pub mod learn;
