//! Text in which a range of figures ("2018-19?") never breaks across lines:
//! at 200% text on a phone, "2018-" at the end of one line and "19?" at the
//! start of the next read as two numbers. Each such word is a
//! `<span class="nowrap">`; the text itself (and so what a screen reader
//! reads) is unchanged. See `ranges_kept_whole`.

use leptos::prelude::*;

use crate::quiz::text::wording::ranges_kept_whole;

/// `text` as inline content, each range of figures in it kept on one line.
/// Text with a range is one `<span>` holding the runs, so that in a flex
/// container (a link drawn as a flex box, say) it is still one item, not a
/// row of pieces; other text is plain text. A plain function rather than a
/// component: it is used in many places, and a component's props cost wasm
/// at each.
pub fn unbroken(text: impl AsRef<str>) -> AnyView {
    let runs = ranges_kept_whole(text.as_ref());
    if !runs.iter().any(|(_, whole)| *whole) {
        return text.as_ref().to_owned().into_any();
    }
    let runs = runs
        .into_iter()
        .map(|(run, whole)| {
            let run = run.to_owned();
            if whole {
                view! { <span class="nowrap">{run}</span> }.into_any()
            } else {
                run.into_any()
            }
        })
        .collect_view();
    view! { <span>{runs}</span> }.into_any()
}
