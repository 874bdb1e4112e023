//! The trainer's settings for a session: topics, number of questions,
//! practice or assessment (with its pass mark), when the refresher is due,
//! and a title; then "Make the quiz link".

use std::sync::Arc;

use leptos::prelude::*;

use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::QUIZ_LENGTH;
use crate::quiz::learner::record::DEFAULT_REFRESH_MONTHS;
use crate::quiz::links::link::{clean_title, QuizSpec, TITLE_MAX};
use crate::quiz::run::attempt::PASS_MARK;
use crate::ui::unbroken;

/// The form's fields as they stand. Cheap to copy.
#[derive(Clone, Copy)]
pub struct SessionSettings {
    topics: RwSignal<Vec<String>>,
    count: RwSignal<u32>,
    assessment: RwSignal<bool>,
    pass_mark: RwSignal<u32>,
    title: RwSignal<String>,
    refresh: RwSignal<u32>,
}

impl SessionSettings {
    /// The settings of `start` (the session shown, so changing one setting
    /// is one change), else the defaults; `bank` gives every topic.
    pub fn new(start: Option<&QuizSpec>, bank: &Bank) -> SessionSettings {
        // A session of every topic is kept as `topics=all`: shown with every box ticked.
        let topics = match start {
            Some(spec) if spec.topics.is_empty() => bank.topics.iter().map(|t| t.id.clone()).collect(),
            Some(spec) => spec.topics.clone(),
            None => Vec::new(),
        };
        SessionSettings {
            topics: RwSignal::new(topics),
            count: RwSignal::new(start.map_or(QUIZ_LENGTH as u32, |s| s.count)),
            assessment: RwSignal::new(start.is_some_and(|s| s.assessment)),
            pass_mark: RwSignal::new(start.map_or(PASS_MARK, |s| s.pass_mark)),
            title: RwSignal::new(start.and_then(|s| s.title.clone()).unwrap_or_default()),
            refresh: RwSignal::new(start.and_then(|s| s.refresh_months).unwrap_or(DEFAULT_REFRESH_MONTHS)),
        }
    }

    /// The settings as the form stands (seed 0: not yet made), tracked;
    /// `bank_order` is every topic's id in the bank's order.
    pub fn spec(&self, bank_order: &[String]) -> QuizSpec {
        // In the bank's order, whatever order they were ticked in, so the session code gives them back as they were.
        let topics: Vec<String> = self.topics.with(|c| bank_order.iter().filter(|id| c.contains(id)).cloned().collect());
        QuizSpec {
            // Every topic is written `topics=all`: a shorter link, a simpler QR code.
            topics: if topics.len() == bank_order.len() { Vec::new() } else { topics },
            count: self.count.get(),
            seed: 0,
            assessment: self.assessment.get(),
            pass_mark: self.pass_mark.get(),
            title: clean_title(&self.title.get()),
            refresh_months: Some(self.refresh.get()),
        }
    }
}

/// A labelled select of `choices` for `value`, with id `id`.
fn number_select(id: &'static str, label: &'static str, choices: &'static [u32], value: RwSignal<u32>) -> impl IntoView {
    view! {
        <div class="form-group">
            <label class="label" for=id>{label}</label>
            <select id=id class="select" on:change=move |e| { if let Ok(n) = event_target_value(&e).parse() { value.set(n) } }>
                {choices.iter().map(|&n| view! { <option value=n.to_string() selected=move || value.get() == n>{n.to_string()}</option> }).collect_view()}
            </select>
        </div>
    }
}

/// The settings form: `settings`' fields, with a topic box for each of
/// `bank`'s topics, a note while the QR code shown is `stale` (no longer
/// matches them), and "Make the quiz link" (or Enter in the title), which
/// runs `on_make`.
#[component]
pub fn SessionForm(bank: Arc<Bank>, settings: SessionSettings, stale: Memo<bool>, on_make: Callback<()>) -> impl IntoView {
    let SessionSettings { topics, count, assessment, pass_mark, title, refresh } = settings;
    let topic_boxes = bank
        .topics
        .iter()
        .map(|t| {
            let id = t.id.clone();
            let box_id = format!("topic-{}", t.id);
            let checked = {
                let id = id.clone();
                move || topics.with(|c| c.contains(&id))
            };
            view! {
                <div class="option">
                    <input type="checkbox" id=box_id.clone() prop:checked=checked on:change=move |_| topics.update(|c| {
                        match c.iter().position(|x| *x == id) {
                            Some(at) => { c.remove(at); }
                            None => c.push(id.clone()),
                        }
                    }) />
                    <label for=box_id>{unbroken(&t.title)}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="question">
            <legend><h4>"Topics"</h4></legend>
            <p class="hint">"Choose none for questions from every topic."</p>
            <div class="options">{topic_boxes}</div>
        </fieldset>
        {number_select("quiz-count", "Number of questions", &[5, 10, 15, 20], count)}
        <fieldset class="question">
            <legend><h4>"Feedback"</h4></legend>
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
        // Practice has no pass mark, so it is asked for only with an assessment.
        {move || assessment.get().then(|| number_select("pass-mark", "Pass mark (%)", &[50, 60, 70, 75, 80, 90, 100], pass_mark))}
        {number_select("refresh", "Refresher due after (months)", &[6, 12, 24, 36], refresh)}
        <div class="form-group">
            <label class="label" for="quiz-title">"Title (optional)"</label>
            <p class="hint" id="quiz-title-hint">"A title also keeps two groups' debriefs apart."</p>
            <input id="quiz-title" class="input" type="text" maxlength=TITLE_MAX.to_string() autocomplete="off" aria-describedby="quiz-title-hint"
                enterkeyhint="done" prop:value=move || title.get() on:input=move |e| title.set(event_target_value(&e))
                on:keydown=move |e| if e.key() == "Enter" { on_make.run(()) } />
        </div>
        {move || stale.get().then(|| view! {
            <p class="notice stale-notice">"The QR code above no longer matches these settings."</p>
        })}
        <button type="button" class="button button-primary" on:click=move |_| on_make.run(())>"Make the quiz link"</button>
    }
}
