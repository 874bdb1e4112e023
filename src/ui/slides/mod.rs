//! The whole session presented from the app: the course as slides for a
//! projector (`slides_page`), and the presenter's view with the notes, the
//! next slide and the time used (`notes_page`), in a second window or on the
//! trainer's phone. Both read and move the same presentation (`deck`), kept
//! on the trainer's session in the store, so a move in one window shows in
//! the other, and a reload returns to the same slide and timer. One slide is
//! drawn by `slide_view`; the group work's timer by `group_timer`.

pub(super) mod deck;
pub(super) mod group_timer;
pub(super) mod notes_page;
pub(super) mod slide_view;
pub(super) mod slides_page;
