//! Parts every screen shares: links that navigate in place, focus and the
//! tap guard, the error summary, Undo after a removal, the confirmation
//! panel, notices (gone, storage, update, in-app browser, care and problem
//! contacts), copying and sharing links, QR codes, and the projector views'
//! hold on the page.

pub(super) mod care_note;
pub(super) mod confirm_panel;
pub(super) mod error_summary;
pub(super) mod focus;
pub(super) mod gone_notice;
pub(super) mod link_actions;
pub(super) mod nav_link;
pub(super) mod open_in_browser;
pub(super) mod problem_contact;
pub(super) mod projector_view;
pub(super) mod qr;
pub(super) mod storage_notice;
pub(super) mod tap_guard;
pub(super) mod unbroken_text;
pub(super) mod undo;
pub(super) mod update_banner;
