//! Taking a quiz: the screen that holds it, one question (its fields in
//! `question_fields`, with an input per type in `answer_inputs/`) and its
//! feedback, checking an assessment's answers, and Quit.

pub(super) mod answer_inputs;
pub(super) mod check_answers_page;
pub(super) mod feedback_panel;
pub(super) mod question_fields;
pub(super) mod quit_quiz;
pub(super) mod quiz_page;
pub(super) mod quiz_screen;
