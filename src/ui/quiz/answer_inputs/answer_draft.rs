//! What is picked on the question on screen, as its inputs see it.

use leptos::prelude::*;

use crate::quiz::answering::draft::Draft;

/// The draft answer for the inputs of the question on screen: read like a
/// signal; each pick the person makes goes through [`AnswerDraft::pick`],
/// which changes it and hands the new draft to `on_pick` (the quiz keeps
/// it, so Back, Forward or a reload keep what was picked). Keeping it is
/// part of the pick, an event, rather than an Effect watching the draft.
#[derive(Clone, Copy)]
pub struct AnswerDraft {
    picked: RwSignal<Draft>,
    on_pick: Callback<Draft>,
}

impl AnswerDraft {
    /// A draft over `picked`; each pick is also sent to `on_pick`.
    pub fn new(picked: RwSignal<Draft>, on_pick: Callback<Draft>) -> AnswerDraft {
        AnswerDraft { picked, on_pick }
    }

    /// Reads the draft (tracked, as a signal's `with`).
    pub fn with<T>(&self, read: impl FnOnce(&Draft) -> T) -> T {
        self.picked.with(read)
    }

    /// Reads the draft without tracking it (for event handlers).
    pub fn with_untracked<T>(&self, read: impl FnOnce(&Draft) -> T) -> T {
        self.picked.with_untracked(read)
    }

    /// The person picked something: `change` makes the new draft, which is kept.
    pub fn pick(&self, change: impl FnOnce(&mut Draft)) {
        self.picked.update(change);
        self.on_pick.run(self.picked.get_untracked());
    }
}
