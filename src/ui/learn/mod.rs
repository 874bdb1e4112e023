//! Learn: the study cards, their charts and search, and the flip cards.

pub(super) mod card_pager;
pub(super) mod flip_deck;
pub(super) mod flip_page;
pub(super) mod html_text;
pub(super) mod learn_page;
