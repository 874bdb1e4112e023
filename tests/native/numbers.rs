//! Figures are marked as the course teaches them: exactly. A near answer is
//! told "Close" but is not right, in every mode.

use crate::support;

use quiz::answering::marking::{Response, RightAnswer};
use quiz::content::bank::Kind;

#[test]
fn every_figure_in_the_bank_is_right_only_when_exact() {
    let bank = support::shipped_bank();
    let mut figures = 0;
    for question in bank.questions() {
        let Kind::Numeric { answer, close_within, .. } = &question.kind else { continue };
        figures += 1;
        let shown = |n: i64| question.kind.right_answer(Some(&Response::Number(n)));
        assert!(question.kind.mark(&Response::Number(*answer)).0, "{}: the figure itself", question.id);
        assert!(matches!(shown(*answer), RightAnswer::Number { close: false, .. }));
        assert!(*close_within > 0, "{}: a near answer should be told it is close", question.id);
        // Near: one either side, and the edge of the "Close" band.
        let within = i64::from(*close_within);
        for n in [answer - 1, answer + 1, answer - within, answer + within] {
            assert!(!question.kind.mark(&Response::Number(n)).0, "{}: {n} is not {answer}", question.id);
            assert!(matches!(shown(n), RightAnswer::Number { close: true, .. }), "{}: {n} is close to {answer}", question.id);
        }
        // Far: just outside the band, and nowhere near.
        for n in [answer - within - 1, answer + within + 1, answer * 10, 0] {
            assert!(!question.kind.mark(&Response::Number(n)).0, "{}: {n}", question.id);
            assert!(matches!(shown(n), RightAnswer::Number { close: false, .. }), "{}: {n} is not close to {answer}", question.id);
        }
    }
    assert!(figures >= 9, "the bank asks for {figures} figures");
}
