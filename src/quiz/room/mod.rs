//! The trainer's room: the short code a learner types to join a session
//! (`session_code`), and the group debrief tallied from results
//! (`debrief`), and the session presented as slides (`presenting`). Uses
//! `links`, `answering` and `content`.

pub mod debrief;
pub mod presenting;
pub mod session_code;
