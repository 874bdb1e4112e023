//! Text in which a range of figures ("2018-19?") never breaks across lines:
//! at 200% text on a phone, "2018-" at the end of one line and "19?" at the
//! start of the next read as two numbers. Each such word is a
//! `<span class="nowrap">`; the text itself (and so what a screen reader
//! reads) is unchanged. See `ranges_kept_whole`.

use leptos::prelude::*;

use crate::quiz::wording::ranges_kept_whole;

/// `text` as inline content, each range of figures in it kept on one line.
#[component]
pub fn UnbrokenText(#[prop(into)] text: String) -> impl IntoView {
    ranges_kept_whole(&text)
        .into_iter()
        .map(|(run, whole)| {
            let run = run.to_owned();
            if whole {
                view! { <span class="nowrap">{run}</span> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view()
}
