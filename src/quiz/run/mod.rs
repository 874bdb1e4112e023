//! A quiz being taken and once taken: which quiz it is (`quiz_kind`) and
//! what it is called (`quiz_names`), an
//! attempt in progress with its questions as drawn (`attempt`), answers kept
//! by the ids of what was chosen (`stored_answer`), a finished attempt and
//! its score (`finished`), and an attempt in progress as stored (`resume`).
//! Uses the layers below. ("Session" is only ever a trainer's session: see
//! `room`.)

pub mod attempt;
pub mod finished;
pub mod quiz_kind;
pub mod quiz_names;
pub mod resume;
pub mod stored_answer;
