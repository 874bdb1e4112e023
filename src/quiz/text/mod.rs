//! Words and numbers as the app writes and reads them: plurals, efforts,
//! hidden characters and right-to-left isolation (`wording`), dates in the
//! learner's own calendar (`calendar`), and figures as people type them
//! (`number`). The bottom layer: it uses nothing else in the domain.

pub mod calendar;
pub mod number;
pub mod wording;
