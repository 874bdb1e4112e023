//! How a trainer's session is named and described in the trainer's
//! screens: its title, and what it asks of the room.

use crate::quiz::links::link::QuizSpec;
use crate::quiz::text::wording::about_minutes;

/// "10 questions · about 5 minutes · practice": what a session asks of the
/// room, for a link that gives `given` questions (`draw::session_questions`:
/// fewer than asked when the topics have fewer that each teach something different).
pub fn session_effort(given: usize, spec: &QuizSpec) -> String {
    let feedback = if spec.assessment { format!("assessment, pass mark {}%", spec.pass_mark) } else { "practice".to_string() };
    format!("{given} question{} · {} · {feedback}", if given == 1 { "" } else { "s" }, about_minutes(given))
}

/// A session's title as lists show it.
pub fn session_title(spec: &QuizSpec) -> String {
    spec.title.clone().unwrap_or_else(|| "Untitled session".into())
}
