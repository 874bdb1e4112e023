//! Taking a quiz: the screen that holds it, one question with its answer
//! inputs (`answer_inputs/`, one per type) and feedback, checking an
//! assessment's answers, and Quit.

pub(super) mod answer_inputs;
pub(super) mod check_answers_page;
pub(super) mod feedback_panel;
pub(super) mod quit_quiz;
pub(super) mod quiz_page;
pub(super) mod quiz_screen;
