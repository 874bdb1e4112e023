//! For trainers: choose the quiz, then show its link and QR code to the room.

use std::sync::Arc;

use leptos::{prelude::*, task::spawn_local};

use super::qr::qr_svg;
use super::state::use_app;
use super::NavLink;
use crate::platform::{clock, share};
use crate::quiz::bank::Bank;
use crate::quiz::draw::link_questions;
use crate::quiz::link::{clean_title, QuizSpec, TITLE_MAX};
use crate::quiz::rng::SeededRng;
use crate::quiz::route::Route;

#[component]
pub fn TrainerPage(bank: Arc<Bank>, on_navigate: Callback<Route>) -> impl IntoView {
    let state = use_app();
    let chosen_topics = RwSignal::new(Vec::<String>::new());
    let count = RwSignal::new(10u32);
    let assessment = RwSignal::new(false);
    let pass_mark = RwSignal::new(80u32);
    let title = RwSignal::new(String::new());
    let refresh = RwSignal::new(12u32);
    let spec = RwSignal::new(None::<QuizSpec>);
    let message = RwSignal::new(String::new());

    let bank_for_count = bank.clone();
    let make_link = move |_| {
        // Every topic is written `topics=all`: a shorter link, a simpler QR code.
        let topics = chosen_topics.get_untracked();
        let new_spec = QuizSpec {
            topics: if topics.len() == bank_for_count.topics.len() { Vec::new() } else { topics },
            count: count.get_untracked(),
            seed: clock::random_seed() as u32,
            assessment: assessment.get_untracked(),
            pass_mark: pass_mark.get_untracked(),
            title: clean_title(&title.get_untracked()),
            refresh_months: Some(refresh.get_untracked()),
        };
        // Say how many questions the link really gives: fewer than asked when
        // the topics have fewer that each teach something different.
        let given = link_questions(&bank_for_count, &new_spec, &mut SeededRng::new(u64::from(new_spec.seed))).len();
        let asked = new_spec.count as usize;
        message.set(if given < asked {
            format!("Your quiz link is ready. It gives {given} questions, not {asked}: the topics chosen have {given} that each teach something different. Everyone who opens it gets the same questions in the same order.")
        } else {
            format!("Your quiz link is ready: {given} questions. Everyone who opens it gets the same questions in the same order.")
        });
        state.change(|s, now| s.add_session(new_spec.clone(), now));
        spec.set(Some(new_spec));
    };
    let url = move || spec.get().map(|s| share::absolute_url(&s.to_query()));
    let copy = move |_| {
        let Some(link) = url() else { return };
        spawn_local(async move {
            message.set(if share::copy(&link).await {
                "The link is copied.".into()
            } else {
                "This browser would not copy. Select the link above and copy it.".into()
            });
        });
    };
    let share_link = move |_| {
        let Some(link) = url() else { return };
        spawn_local(async move {
            share::share("Safeguarding Check quiz", &link).await;
        });
    };
    let topic_boxes = bank
        .topics
        .iter()
        .map(|t| {
            let id = t.id.clone();
            let box_id = format!("topic-{}", t.id);
            let checked = {
                let id = id.clone();
                move || chosen_topics.with(|c| c.contains(&id))
            };
            view! {
                <div class="option">
                    <input type="checkbox" id=box_id.clone() prop:checked=checked on:change=move |_| chosen_topics.update(|c| {
                        match c.iter().position(|x| *x == id) {
                            Some(at) => { c.remove(at); }
                            None => c.push(id.clone()),
                        }
                    }) />
                    <label for=box_id>{t.title.clone()}</label>
                </div>
            }
        })
        .collect_view();
    let number_select = |id: &'static str, label: &'static str, choices: &'static [u32], value: RwSignal<u32>| {
        view! {
            <label class="label" for=id>{label}</label>
            <select id=id class="select" on:change=move |e| { if let Ok(n) = event_target_value(&e).parse() { value.set(n) } }>
                {choices.iter().map(|&n| view! { <option value=n.to_string() selected=move || value.get() == n>{n.to_string()}</option> }).collect_view()}
            </select>
        }
    };

    view! {
        <section class="page trainer" aria-labelledby="trainer-heading">
            <h2 id="trainer-heading">"Run a session"</h2>
            <p>"Make one link for your group. Show its QR code on the projector, or send the link. Every phone gets the same quiz, and it works offline once opened."</p>
            <fieldset class="question">
                <legend><h3>"Topics"</h3></legend>
                <p class="hint">"Choose none for questions from every topic."</p>
                <div class="options">{topic_boxes}</div>
            </fieldset>
            {number_select("quiz-count", "Number of questions", &[5, 10, 15, 20], count)}
            <fieldset class="question">
                <legend><h3>"Feedback"</h3></legend>
                <div class="options">
                    <div class="option">
                        <input type="radio" id="mode-practice" name="mode" prop:checked=move || !assessment.get() on:change=move |_| assessment.set(false) />
                        <label for="mode-practice">"Practice: feedback after each answer"</label>
                    </div>
                    <div class="option">
                        <input type="radio" id="mode-assessment" name="mode" prop:checked=move || assessment.get() on:change=move |_| assessment.set(true) />
                        <label for="mode-assessment">"Assessment: feedback at the end, with a pass mark"</label>
                    </div>
                </div>
            </fieldset>
            {number_select("pass-mark", "Pass mark (%)", &[50, 60, 70, 75, 80, 90, 100], pass_mark)}
            {number_select("refresh", "Refresher due after (months)", &[6, 12, 24, 36], refresh)}
            <label class="label" for="quiz-title">"Title (optional)"</label>
            <input id="quiz-title" class="input" type="text" maxlength=TITLE_MAX.to_string() autocomplete="off"
                prop:value=move || title.get() on:input=move |e| title.set(event_target_value(&e)) />
            <button type="button" class="button button-primary" on:click=make_link>"Make the quiz link"</button>
            <p class="share-status" role="status">{move || message.get()}</p>
            {move || spec.get().map(|s| {
                let link = share::absolute_url(&s.to_query());
                let qr = qr_svg(&link).unwrap_or_default();
                let quiz_id = s.id();
                view! {
                    <label class="label" for="quiz-link">"The quiz link"</label>
                    <input id="quiz-link" class="input" type="text" readonly prop:value=link />
                    <div class="button-group">
                        <button type="button" class="button button-primary" on:click=copy>"Copy the link"</button>
                        {share::can_share().then(|| view! {
                            <button type="button" class="button button-secondary" on:click=share_link>"Share"</button>
                        })}
                    </div>
                    <div class="qr-box" inner_html=qr></div>
                    <p>"After the quiz, learners can send you their result link. Open each one on this device to build the debrief."</p>
                    <NavLink route=Route::Debrief { quiz: Some(quiz_id) } on_navigate=on_navigate class="button button-secondary">"Open the debrief"</NavLink>
                }
            })}
            <NavLink route=Route::Home on_navigate=on_navigate class="button button-secondary">"Back to home"</NavLink>
        </section>
    }
}
