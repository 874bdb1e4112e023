//! Completion records: the list, and the form that makes one.

pub(super) mod record_form;
pub(super) mod records_page;
