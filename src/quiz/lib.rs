//! The quiz domain as a crate of its own, for its tests (tests/native) and
//! for build.rs, which checks the content with it.
//!
//! The app compiles the same files as its module `quiz` (src/lib.rs), so
//! paths inside the domain are `crate::quiz::…` in both builds. Why both:
//! as a crate of its own, the domain's tests build without Leptos (a domain
//! change rebuilds them in 2-4 s; 16-20 s when they linked the app), and
//! Cargo refuses any browser crate in it (it has none as a dependency); as a
//! module of the app, its generic code (serde, collections) is compiled once
//! with the app's, where a dependency crate made the app 2.9 KB (brotli)
//! larger, measured.

#[path = "mod.rs"]
pub mod quiz;

pub use quiz::*;
