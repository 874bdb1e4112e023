//! One slide, sized for a projector: a Learn card's charts or points, the
//! title, the animation's place, the group work with its timer, the
//! session's QR code and short code, the live debrief, or the care line.
//! Text slides are drawn as one HTML string each (see `learn::html_text`):
//! a view of its own for each kind of slide cost the wasm several KB.

use leptos::prelude::*;

use crate::quiz::room::presenting::Slide;
use crate::ui::learn::html_text::slide_html;
use crate::ui::slides::deck::Deck;
use crate::ui::slides::group_timer::GroupTimerPanel;
use crate::ui::trainer::present_page::join_layout;
use crate::ui::{CareNote, DebriefPage};

/// `slide` of `deck`, under its heading (`#slide-heading`).
#[component]
pub fn SlideView(deck: Deck, slide: Slide) -> impl IntoView {
    let bank = deck.bank();
    match slide {
        Slide::JoinQuiz => deck
            .session()
            .map(|t| {
                let heading = view! { <h2 id="slide-heading" class="slide-heading">{Slide::JoinQuiz.title()}</h2> };
                view! { <div class="slide slide-join present">{join_layout(&bank, &t.spec, heading.into_any())}</div> }
            })
            .into_any(),
        Slide::Debrief => view! {
            <div class="slide slide-debrief">
                <DebriefPage bank=bank quiz=Some(deck.id()) notice=None in_deck=true />
            </div>
        }
        .into_any(),
        // The rest are text, drawn as one string each (see `html_text`), with the group
        // work's timer and the care line after theirs.
        text => {
            let class = match &text {
                Slide::Title(_) => "slide slide-title",
                Slide::Card(card) if !card.charts.is_empty() => "slide slide-charts",
                Slide::GroupWork(_) => "slide slide-group-work",
                Slide::CareLine => "slide slide-care",
                _ => "slide",
            };
            let timer = matches!(text, Slide::GroupWork(_)).then(|| view! { <GroupTimerPanel deck=deck /> });
            let care = matches!(text, Slide::CareLine).then(|| view! { <CareNote /> });
            view! {
                <div class=class>
                    <div class="slide-text-part" inner_html=slide_html(&text, &bank)></div>
                    {timer}
                    {care}
                </div>
            }
            .into_any()
        }
    }
}
