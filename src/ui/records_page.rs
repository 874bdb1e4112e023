//! Completion records for CPD: the list of them, each printable as a one-page certificate ("Print / Save as PDF").

use super::focus::{focus_after_render, focus_when_shown};
use leptos::{html, prelude::*};

use super::state::use_app;
use super::NavLink;
use crate::platform::{clock, files, share};
use crate::quiz::record::{self, Record};
use crate::quiz::route::Route;
use crate::quiz::wording::{format_day, format_day_number, iso_date};

/// One record laid out as a certificate; the print stylesheet fits it on one A4 page.
fn certificate(record: &Record) -> impl IntoView {
    let offset = clock::offset_then(record.finished_at_ms, record.offset_minutes);
    let reflection = |heading: &'static str, text: &str| {
        let text = if text.is_empty() { "—".to_string() } else { text.to_string() };
        view! { <h4>{heading}</h4><p class="reflection">{text}</p> }
    };
    view! {
        <article class="certificate">
            <p class="certificate-app">"Safeguarding Check"</p>
            <h3>"Certificate of completion"</h3>
            <p class="certificate-course">"Learning from serious child safeguarding incidents"</p>
            <dl class="score-list">
                {record.name.clone().map(|n| view! { <div><dt>"Name"</dt><dd>{n}</dd></div> })}
                <div><dt>"Completed"</dt><dd>{format_day(record.finished_at_ms, offset)}</dd></div>
                <div><dt>"Activity"</dt><dd>{record.activity.clone()}</dd></div>
                <div><dt>"Topics"</dt><dd>{if record.topics.is_empty() { "Every topic".to_string() } else { record.topics.join("; ") }}</dd></div>
                <div><dt>"Score"</dt><dd>{format!(
                    "{} out of {} ({}%){}",
                    record.correct, record.total, record.correct * 100 / record.total.max(1),
                    match record.passed { Some(true) => ", passed", Some(false) => ", not passed", None => "" }
                )}</dd></div>
                <div><dt>"Refresher due"</dt><dd>{format_day_number(record.refresher_due_day)}</dd></div>
            </dl>
            {reflection("What I learnt", &record.learnt)}
            {reflection("How it will change my practice", &record.practice)}
            {reflection("What I will discuss in supervision", &record.supervision)}
        </article>
    }
}

#[component]
pub fn RecordsPage(on_navigate: Callback<Route>) -> impl IntoView {
    let state = use_app();
    let records = Memo::new(move |_| {
        state.store.with(|s| s.records_oldest_first().into_iter().map(|(id, r)| (id.to_owned(), r.clone())).collect::<Vec<_>>())
    });
    let message = RwSignal::new(String::new());
    let heading_ref = NodeRef::<html::H2>::new();
    let undo_ref = NodeRef::<html::Button>::new();
    focus_when_shown(heading_ref);
    // The record just deleted, for Undo: (id, record).
    let deleted = RwSignal::new(None::<(String, Record)>);
    // The record being printed: the print stylesheet shows only that one.
    let printing = RwSignal::new(None::<String>);
    let print = move |id: String| {
        printing.set(Some(id));
        request_animation_frame(share::print);
    };
    let delete = move |id: String| {
        if let Some(Some(record)) = state.change(|s, now| s.delete_record(&id, now)) {
            message.set("The record was deleted.".into());
            deleted.set(Some((id, record)));
            // The button pressed has gone: focus goes to Undo, so it can be taken back at once.
            focus_after_render(undo_ref);
        }
    };
    let undo = move |_| {
        if let Some((id, record)) = deleted.get_untracked() {
            state.change(|s, now| s.save_record(&id, record, None, now));
            deleted.set(None);
            message.set("The record is back.".into());
        }
    };
    let export = move |_| {
        let now = clock::now_ms();
        let name = format!("safeguarding-check-records-{}.json", iso_date(now, clock::local_offset_minutes()));
        let list: Vec<Record> = records.with_untracked(|r| r.iter().map(|(_, r)| r.clone()).collect());
        let saved = files::download(&name, &record::encode(&list));
        message.set(if saved { format!("Your records were saved as {name}.") } else { "This browser would not save the file.".into() });
    };
    view! {
        <section class="page records" aria-labelledby="records-heading">
            <h2 id="records-heading" tabindex="-1" node_ref=heading_ref>"Your completion records"</h2>
            <div class="share-status" role="status">
                <p>{move || message.get()}</p>
                {move || deleted.get().is_some().then(|| view! {
                    <button type="button" class="button button-secondary" node_ref=undo_ref on:click=undo>"Undo"</button>
                })}
            </div>
            {move || {
                let list = records.get();
                if list.is_empty() {
                    view! { <p>"No records yet. After a quiz, choose \u{201c}Make a completion record\u{201d}."</p> }.into_any()
                } else {
                    view! {
                        <ol class="record-list">
                            {list.into_iter().rev().map(|(id, r)| {
                                let (print_id, delete_id, shown_id) = (id.clone(), id.clone(), id);
                                view! {
                                    <li class:printing=move || printing.get().as_deref() == Some(shown_id.as_str())>
                                        {certificate(&r)}
                                        <div class="button-group">
                                            <button type="button" class="button button-primary" on:click=move |_| print(print_id.clone())>"Print or save as PDF"</button>
                                            <button type="button" class="button button-secondary" on:click=move |_| delete(delete_id.clone())>"Delete this record"</button>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                        <button type="button" class="button button-secondary" on:click=export>"Export my records"</button>
                    }
                    .into_any()
                }
            }}
            <NavLink route=Route::Home on_navigate=on_navigate class="button button-secondary">"Back to home"</NavLink>
        </section>
    }
}
