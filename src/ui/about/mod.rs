//! About this app, and the accessibility statement.

pub(super) mod about_page;
pub(super) mod accessibility_page;
