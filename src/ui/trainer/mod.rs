//! For trainers and their room: the trainer's screen (with the session
//! shown, the settings form and the sessions kept here), present mode and
//! presenting the whole session (`present_session`, see `ui::slides`), the
//! debrief (with its summary) and its projector view, a trainer's quiz
//! landing, and joining with a code; `session_labels` names and describes a
//! session for all of them.

pub(super) mod debrief_page;
pub(super) mod debrief_summary;
pub(super) mod join_page;
pub(super) mod present_page;
pub(super) mod present_session;
pub(super) mod session_form;
pub(super) mod session_labels;
pub(super) mod session_list;
pub(super) mod session_panel;
pub(super) mod trainer_page;
pub(super) mod trainer_quiz_page;
