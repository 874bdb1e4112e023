//! A quiz being taken and once taken: which quiz it is and its questions as
//! drawn (`session`), answers kept by the ids of what was chosen
//! (`stored_answer`), a finished attempt and its score (`attempt`), and a
//! quiz in progress as stored (`resume`). Uses the layers below.

pub mod attempt;
pub mod quiz_kind;
pub mod resume;
pub mod session;
pub mod stored_answer;
