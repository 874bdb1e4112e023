//! One slide, sized for a projector: a Learn card's charts or points, the
//! title, the animation's place, the group work with its timer, the
//! session's QR code and short code, the live debrief, or the care line.
//! Cards are drawn as one HTML string each (see `learn::html_text`).

use leptos::prelude::*;

use crate::quiz::room::presenting::Slide;
use crate::ui::learn::html_text::slide_body;
use crate::ui::slides::deck::Deck;
use crate::ui::slides::group_timer::GroupTimerPanel;
use crate::ui::trainer::present_page::join_layout;
use crate::ui::{unbroken, CareNote, DebriefPage};

/// `slide` of `deck`, under its heading (`#slide-heading`).
#[component]
pub fn SlideView(deck: Deck, slide: Slide) -> impl IntoView {
    let bank = deck.bank();
    let heading = |title: &str| view! { <h2 id="slide-heading" class="slide-heading">{unbroken(title)}</h2> };
    match slide {
        Slide::Title(title) => view! {
            <div class="slide slide-title">
                <h2 id="slide-heading" class="slide-heading">{unbroken(&title)}</h2>
            </div>
        }
        .into_any(),
        Slide::Card(card) => {
            let body = slide_body(&card, &bank);
            view! {
                <div class="slide" class:slide-charts=!card.charts.is_empty()>
                    {heading(&card.title)}
                    <div class="slide-body" inner_html=body></div>
                </div>
            }
            .into_any()
        }
        Slide::Animation(text) => view! {
            <div class="slide">
                {heading("Animation")}
                <p class="slide-text">{text}</p>
            </div>
        }
        .into_any(),
        Slide::GroupWork(work) => view! {
            <div class="slide slide-group-work">
                {heading(&work.title)}
                <p class="slide-text">{work.intro.clone()}</p>
                <ul class="points">{work.prompts.iter().map(|p| view! { <li class="point">{p.clone()}</li> }).collect_view()}</ul>
                <GroupTimerPanel deck=deck />
            </div>
        }
        .into_any(),
        Slide::JoinQuiz => match deck.session().map(|t| t.spec) {
            Some(spec) => view! {
                <div class="slide slide-join present">{join_layout(&bank, &spec, heading(Slide::JoinQuiz.title()).into_any())}</div>
            }
            .into_any(),
            None => ().into_any(),
        },
        Slide::Debrief => view! {
            <div class="slide slide-debrief">
                <DebriefPage bank=bank quiz=Some(deck.id()) notice=None in_deck=true />
            </div>
        }
        .into_any(),
        Slide::CareLine => view! {
            <div class="slide slide-care">
                {heading(Slide::CareLine.title())}
                <CareNote />
            </div>
        }
        .into_any(),
    }
}
