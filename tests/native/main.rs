//! The native tests, as one test binary: the quiz domain and the shipped
//! content, run with plain `cargo test` (no browser). One binary links the
//! crate (Leptos included) once, where fourteen binaries linked it fourteen
//! times. Each module is one area; its own documentation says what it checks.
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/mod.rs"]
mod support;

mod attempt;
mod content;
mod domain_purity;
mod draw;
mod draw_properties;
mod link_properties;
mod merge_history;
mod numbers;
mod opened_links;
mod parser_fuzz;
mod prepared_stores;
mod presenting;
mod qr_code;
mod resume;
mod schedule_properties;
mod session_code;
mod store_properties;
mod stored_answers;
mod time_zones;
mod typed_numbers;
