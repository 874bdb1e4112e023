//! A question asked before leaving something behind (a quiz in progress):
//! a heading, what happens, and two answers side by side, the one that
//! keeps things as they are first.

use leptos::{html, prelude::*};

/// The inside of a confirmation: the heading `heading` (with id
/// `heading_id`, for the panel's `aria-labelledby`, an optional
/// `heading_class`, and `heading_ref` for the caller to focus), then
/// `children` (what happens), then a `button-group` with the primary button
/// `primary` (`on_primary`) and the secondary `secondary` (`on_secondary`).
/// The caller wraps it in its own element (a page, or a panel in one).
#[component]
pub fn ConfirmPanel(
    heading_id: &'static str,
    #[prop(optional)] heading_class: Option<&'static str>,
    heading_ref: NodeRef<html::H2>,
    heading: &'static str,
    primary: &'static str,
    #[prop(into)] on_primary: Callback<()>,
    secondary: &'static str,
    #[prop(into)] on_secondary: Callback<()>,
    children: Children,
) -> impl IntoView {
    view! {
        <h2 id=heading_id class=heading_class tabindex="-1" node_ref=heading_ref>{heading}</h2>
        {children()}
        <div class="button-group">
            <button type="button" class="button button-primary" on:click=move |_| on_primary.run(())>{primary}</button>
            <button type="button" class="button button-secondary" on:click=move |_| on_secondary.run(())>{secondary}</button>
        </div>
    }
}
