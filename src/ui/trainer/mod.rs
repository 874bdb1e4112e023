//! For trainers and their room: the trainer's screen, present mode, the
//! debrief and its projector view, a trainer's quiz landing, and joining
//! with a code.

pub(super) mod debrief_page;
pub(super) mod join_page;
pub(super) mod present_page;
pub(super) mod trainer_page;
pub(super) mod trainer_quiz_page;
