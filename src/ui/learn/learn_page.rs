//! Learn: the study cards, a search across them, and one card at a time with
//! its charts, its points and ways to check yourself.

use std::sync::Arc;

use crate::ui::common::focus::focus_when_shown;
use leptos::{html, prelude::*};

use crate::quiz::content::bank::Bank;
use crate::quiz::content::learn::{search, Card};
use crate::quiz::links::route::Route;
use crate::ui::learn::html_text::card_body;
use crate::ui::state::use_app;
use crate::ui::{unbroken, CardPager, NavLink};

/// Learn: the list of study cards with search, or card `card`;
/// `on_practise` starts a quiz on a card's topic.
#[component]
pub fn LearnPage(bank: Arc<Bank>, card: Option<String>, on_practise: Callback<String>) -> impl IntoView {
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    // The quiz in progress most recently used, to go back to from a card opened from its feedback.
    let state = use_app();
    let back_to_quiz = state.store.with_untracked(|s| s.quizzes_in_progress().first().map(|(id, _)| id.to_string())).map(|id| {
        view! {
            <NavLink route=Route::Quiz { quiz: Some(id) } class="button button-primary">"Back to your quiz"</NavLink>
        }
    });
    // A link to a card this version does not have says so, above the list of cards.
    let unknown = card.as_ref().filter(|id| bank.card(id).is_none()).map(|_| {
        view! { <p class="notice" role="status">"That card is not in this version of the app. Here are all the cards."</p> }
    });
    match card.and_then(|id| bank.card(&id).cloned()) {
        Some(card) => view! {
            <CardView bank=bank card=card heading_ref=heading_ref on_practise=on_practise />
            {back_to_quiz}
        }
        .into_any(),
        None => view! {
            {unknown}
            <CardList bank=bank heading_ref=heading_ref />
            {back_to_quiz}
        }
        .into_any(),
    }
}

/// Every card of `bank` as a link, with the search; `heading_ref` gets focus.
#[component]
fn CardList(bank: Arc<Bank>, heading_ref: NodeRef<html::H2>) -> impl IntoView {
    let query = RwSignal::new(String::new());
    let cards = StoredValue::new(bank.cards.clone());
    let link = move |id: String, title: String| {
        view! {
            <NavLink route=Route::Learn { card: Some(id) } class="card-link">{unbroken(title)}</NavLink>
        }
    };
    let results = move || {
        let text = query.get();
        if text.trim().is_empty() {
            let all = cards.with_value(|cards| cards.iter().map(|c| (c.id.clone(), c.title.clone(), None)).collect::<Vec<_>>());
            return (String::new(), all);
        }
        let hits = cards.with_value(|cards| search(cards, &text));
        let message = match hits.len() {
            0 => format!("No cards mention \u{201c}{}\u{201d}.", text.trim()),
            1 => "1 card matches.".to_string(),
            n => format!("{n} cards match."),
        };
        (message, hits.into_iter().map(|h| (h.card, h.title, Some(h.snippet))).collect())
    };
    view! {
        <section class="page learn" aria-labelledby="learn-heading">
            <h2 id="learn-heading" tabindex="-1" node_ref=heading_ref>"Learn"</h2>
            <p>"The key points of the training, one card for each part. Read a card, then check yourself on it."</p>
            <label class="label" for="learn-search">"Search the cards"</label>
            <input
                id="learn-search"
                class="input"
                type="search"
                autocomplete="off"
                prop:value=move || query.get()
                on:input=move |event| query.set(event_target_value(&event))
            />
            <p class="search-status" role="status">{move || results().0}</p>
            <ul class="card-list">
                {move || results().1.into_iter().map(|(id, title, snippet)| view! {
                    <li>
                        {link(id, title)}
                        {snippet.map(|s| view! { <p class="snippet">{s}</p> })}
                    </li>
                }).collect_view()}
            </ul>
            <NavLink route=Route::Home class="button button-secondary">"Back to home"</NavLink>
        </section>
    }
}

/// One study card with its charts, Previous and Next, flip cards and
/// "Check yourself on this" (`on_practise`); `heading_ref` gets focus.
#[component]
fn CardView(bank: Arc<Bank>, card: Card, heading_ref: NodeRef<html::H2>, on_practise: Callback<String>) -> impl IntoView {
    let bank_for_pager = bank.clone();
    let source = bank.sections.iter().find(|s| s.id == card.section).map(|s| s.title.clone()).unwrap_or_default();
    let body = card_body(&card, &bank);
    // An outside link says where it goes and what it needs before it is tapped,
    // and the app stays open in this tab to come back to.
    let link = card.link.clone().map(|href| {
        let site = outside_site(&href).to_string();
        view! {
            <div class="outside-link">
                <p>
                    {format!("This link leaves the app: it opens {site} in a new tab, and needs an internet connection. ")}
                    "This app stays open here, so you can come back to it at any time."
                </p>
                <p>
                    <a href=href class="external-link" target="_blank" rel="noopener noreferrer external">
                        "Free e-learning module: learning from serious case reviews"
                        <span class="small">{format!(" ({site}, opens in a new tab)")}</span>
                    </a>
                </p>
            </div>
        }
    });
    let flips = (!card.flips.is_empty()).then(|| {
        view! {
            <NavLink route=Route::Flip { card: card.id.clone() } class="button button-secondary">
                {format!("Flip cards ({})", card.flips.len())}
            </NavLink>
        }
    });
    let practise = card.topic.clone().map(|topic| {
        view! {
            <button type="button" class="button button-primary" on:click=move |_| on_practise.run(topic.clone())>
                "Check yourself on this"
            </button>
        }
    });
    view! {
        <article class="page learn-card" aria-labelledby="card-heading">
            <NavLink route=Route::Learn { card: None } class="back-link">"All cards"</NavLink>
            <h2 id="card-heading" tabindex="-1" node_ref=heading_ref>{unbroken(&card.title)}</h2>
            <p class="source">"From the training deck: " {unbroken(source)}</p>
            <div class="card-body" inner_html=body></div>
            {link}
            <div class="button-group">{practise}{flips}</div>
            <CardPager bank=bank_for_pager current=card.id.clone() />
        </article>
    }
}

/// The site an outside link goes to, as a person would say it: the host
/// without "www." ("virtual-college.co.uk").
fn outside_site(href: &str) -> &str {
    let host = href.split("://").nth(1).unwrap_or(href).split(['/', '?', '#']).next().unwrap_or(href);
    host.strip_prefix("www.").unwrap_or(host)
}

#[cfg(test)]
mod tests {
    use super::outside_site;

    #[test]
    fn an_outside_link_is_named_by_its_site() {
        assert_eq!(outside_site("https://virtual-college.co.uk/courses/safeguarding/x"), "virtual-college.co.uk");
        assert_eq!(outside_site("https://www.gov.uk/guidance?x=1"), "gov.uk");
        assert_eq!(outside_site("https://example.org"), "example.org");
    }
}
