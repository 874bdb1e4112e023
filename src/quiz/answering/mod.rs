//! Answering one question: a learner's response and how it is marked
//! (`marking`), an answer picked but not yet checked (`draft`), and a score
//! (`scoring`). Uses `content` and `text`.

pub mod draft;
pub mod marking;
pub mod scoring;
