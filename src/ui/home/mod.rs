//! The home screen: the ways in, and the confirmation before starting a
//! quiz while another is in progress.

pub(super) mod confirm_start;
pub(super) mod home_page;
pub(super) mod way_in;
