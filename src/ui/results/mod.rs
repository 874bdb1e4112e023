//! A finished attempt's results: the page, its answers (`answer_list`), its
//! split by topic (`topic_breakdown`), and sending the result to the
//! trainer (`send_result`).

pub(super) mod answer_list;
pub(super) mod results_page;
pub(super) mod send_result;
pub(super) mod topic_breakdown;
