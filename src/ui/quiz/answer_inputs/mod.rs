//! The inputs for each question type. Each takes the question's layout, the
//! draft being built (an [`AnswerDraft`]: each pick is kept as it is made), and (once checked) the learner's response, which it
//! shows in place of the draft, marked right or wrong in words as well as colour.

mod answer_draft;
mod choice;
mod matching;
mod number;
mod order;

pub use answer_draft::AnswerDraft;
pub use choice::ChoiceInputs;
pub use matching::MatchInputs;
pub use number::NumberInput;
pub use order::OrderInput;
