//! The inputs for each question type. Each takes the question's layout, the
//! draft being built, and (once checked) the learner's response, which it
//! shows in place of the draft, marked right or wrong in words as well as colour.

mod choice;
mod matching;
mod number;
mod order;

pub use choice::ChoiceInputs;
pub use matching::MatchInputs;
pub use number::NumberInput;
pub use order::OrderInput;
