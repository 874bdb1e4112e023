//! The only code that touches the browser. Everything else receives what it
//! needs (time, seeds, stored text) as plain values.

pub mod bank_loader;
pub mod clock;
pub mod files;
pub mod history;
pub mod page;
pub mod persistence;
pub mod print;
pub mod service_worker;
pub mod share;
pub mod storage;
