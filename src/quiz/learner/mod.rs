//! What is kept about the learner: the spaced-review scheduler
//! (`schedule`), answers, streaks and mastery (`progress`), completion
//! records (`record`), and which questions a quiz gives them (`draw`, which
//! reads their progress). Uses `run` and the layers below.

pub mod draw;
pub mod progress;
pub mod record;
pub mod schedule;
