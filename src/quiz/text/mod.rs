//! Words and numbers as the app writes and reads them: plurals, dates and
//! days in the learner's own time zone, text isolation, hidden characters
//! (`wording`), and figures as people type them (`number`). The bottom layer:
//! it uses nothing else in the domain.

pub mod number;
pub mod wording;
