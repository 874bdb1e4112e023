//! What each quiz is called: its title on screen, and the words on the
//! buttons that start it and go again (one name per action, on every screen).

use crate::quiz::content::bank::Bank;
use crate::quiz::run::quiz_kind::{Mode, QuizKind};

/// What a trainer's quiz is called when the link gives no title.
pub const TRAINER_TITLE: &str = "Your trainer's quiz";

/// What a quiz of `kind` is called on screen: a topic's title from the bank,
/// else the mode's own name (see [`kind_title`]).
pub fn quiz_title(bank: &Bank, kind: &QuizKind) -> String {
    match kind {
        QuizKind::Topic(id) => bank.topic(id).map_or_else(|| kind_title(kind), |t| t.title.clone()),
        _ => kind_title(kind),
    }
}

/// What a quiz of `kind` is called without the bank (it names no topic):
/// "Quick check", "Full assessment", a trainer's title…
pub fn kind_title(kind: &QuizKind) -> String {
    match kind {
        QuizKind::Quick => "Quick check",
        QuizKind::Topic(_) => "Practise one topic",
        QuizKind::Assessment => "Full assessment",
        QuizKind::Mistakes(_) => "Review my mistakes",
        QuizKind::Review => "Refresher",
        QuizKind::Trainer(spec) => return spec.title.clone().unwrap_or_else(|| TRAINER_TITLE.to_string()),
    }
    .to_string()
}

/// What the button that starts a quiz of `mode` says, on every screen that
/// offers it (one name per action): "Start quick check", "Start full
/// assessment", "Practise this topic", "Review my mistakes". A refresher
/// names its length: "Start a 10-question refresher".
pub fn start_label(mode: &Mode, questions: usize) -> String {
    match mode {
        Mode::Quick => "Start quick check".into(),
        Mode::Topic => "Practise this topic".into(),
        Mode::Assessment => "Start full assessment".into(),
        Mode::Mistakes => "Review my mistakes".into(),
        Mode::Review => format!("Start a {questions}-question refresher"),
        Mode::Trainer => "Start the quiz".into(),
    }
}

/// What the results page's button to go again with the same kind of quiz says:
/// "Start another quick check", "Practise this topic again", "Take the full
/// assessment again", "Start another refresher", "Review my mistakes again",
/// "Try this quiz again" (a trainer's).
pub fn again_label(mode: &Mode) -> &'static str {
    match mode {
        Mode::Quick => "Start another quick check",
        Mode::Topic => "Practise this topic again",
        Mode::Assessment => "Take the full assessment again",
        Mode::Mistakes => "Review my mistakes again",
        Mode::Review => "Start another refresher",
        Mode::Trainer => "Try this quiz again",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_action_has_one_name_and_a_refresher_says_its_length() {
        let modes = [Mode::Quick, Mode::Topic, Mode::Assessment, Mode::Mistakes, Mode::Review, Mode::Trainer];
        let starts: std::collections::HashSet<String> = modes.iter().map(|m| start_label(m, 10)).collect();
        assert_eq!(starts.len(), modes.len(), "no two actions share a name");
        let agains: std::collections::HashSet<&str> = modes.iter().map(again_label).collect();
        assert_eq!(agains.len(), modes.len());
        assert_eq!(start_label(&Mode::Review, 4), "Start a 4-question refresher");
        // The quiz is called what its button says it starts.
        assert_eq!(kind_title(&QuizKind::Quick), "Quick check");
        assert!(start_label(&Mode::Quick, 10).ends_with("quick check") && again_label(&Mode::Quick).ends_with("quick check"));
        assert_eq!(kind_title(&QuizKind::Review), "Refresher");
        assert!(again_label(&Mode::Review).ends_with("refresher"));
    }
}
