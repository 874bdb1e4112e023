//! A finished attempt's results, with sending the result to the trainer.

pub(super) mod results_page;
