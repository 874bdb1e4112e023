//! Undo after a removal (a quiz in progress, a record, a debrief's results):
//! what was removed is held until Undo puts it back, and focus moves to Undo
//! once it is drawn, because the button pressed has gone with what it
//! removed.

use leptos::{html, prelude::*};

use crate::ui::common::focus::focus_after_render;

/// What a screen has just removed, held for its Undo button, and that
/// button's node. Cheap to copy.
pub struct Removed<T: Send + Sync + 'static> {
    held: RwSignal<Option<T>>,
    button: NodeRef<html::Button>,
}

impl<T: Send + Sync + 'static> Clone for Removed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Removed<T> {}

impl<T: Clone + Send + Sync + 'static> Default for Removed<T> {
    fn default() -> Self {
        Removed::new()
    }
}

impl<T: Clone + Send + Sync + 'static> Removed<T> {
    /// Nothing removed yet.
    pub fn new() -> Removed<T> {
        Removed { held: RwSignal::new(None), button: NodeRef::new() }
    }

    /// Holds `item` for Undo, and moves focus to Undo once it is drawn, so
    /// a keyboard or screen-reader user can take it back at once.
    pub fn hold(self, item: T) {
        self.held.set(Some(item));
        focus_after_render(self.button);
    }

    /// What Undo puts back, no longer held; `None` if nothing is.
    pub fn take(self) -> Option<T> {
        let item = self.held.get_untracked();
        if item.is_some() {
            self.held.set(None);
        }
        item
    }

    /// What is held (tracked), to say what Undo would put back.
    pub fn held(self) -> Option<T> {
        self.held.get()
    }

    /// True while something is held (tracked): Undo is then shown.
    pub fn is_held(self) -> bool {
        self.held.with(Option::is_some)
    }

    /// The node of Undo, for [`Undo`]'s `button`.
    pub fn button(self) -> NodeRef<html::Button> {
        self.button
    }
}

/// The Undo button: `button` is its node (from [`Removed::button`], which
/// moves focus to it), `class` its style (`link-button` in a sentence,
/// `button button-secondary` alone), and `on_undo` puts back what was removed.
#[component]
pub fn Undo(button: NodeRef<html::Button>, class: &'static str, #[prop(into)] on_undo: Callback<()>) -> impl IntoView {
    view! { <button type="button" class=class node_ref=button on:click=move |_| on_undo.run(())>"Undo"</button> }
}
