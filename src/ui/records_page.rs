//! Completion records for CPD: making one after a quiz, and the list of them,
//! each printable as a one-page certificate ("Print / Save as PDF").

use leptos::prelude::*;

use super::NavLink;
use crate::platform::{clock, files, share};
use crate::quiz::record::{self, clean_reflection, Record, NAME_MAX, REFLECTION_MAX};
use crate::quiz::route::Route;
use crate::quiz::wording::{format_day, format_day_number, iso_date};

/// The form after a quiz; `draft` has everything but the person's own words.
#[component]
pub fn RecordForm(draft: Record, on_save: Callback<Record>) -> impl IntoView {
    let name = RwSignal::new(String::new());
    let learnt = RwSignal::new(String::new());
    let practice = RwSignal::new(String::new());
    let supervision = RwSignal::new(String::new());
    let summary = format!(
        "{}: {} out of {}{}, on {}.",
        draft.activity,
        draft.correct,
        draft.total,
        match draft.passed {
            Some(true) => " (passed)",
            Some(false) => " (not passed)",
            None => "",
        },
        format_day(draft.finished_at_ms, clock::local_offset_minutes())
    );
    let draft = StoredValue::new(draft);
    let area = |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <label class="label" for=id>{label}</label>
            <textarea id=id class="input textarea" rows="4" maxlength=REFLECTION_MAX.to_string()
                prop:value=move || value.get() on:input=move |e| value.set(event_target_value(&e))></textarea>
        }
    };
    let save = move |_| {
        let mut made = draft.get_value();
        made.made_at_ms = clock::now_ms();
        made.name = Some(clean_reflection(&name.get_untracked(), NAME_MAX).replace('\n', " ")).filter(|n| !n.is_empty());
        made.learnt = clean_reflection(&learnt.get_untracked(), REFLECTION_MAX);
        made.practice = clean_reflection(&practice.get_untracked(), REFLECTION_MAX);
        made.supervision = clean_reflection(&supervision.get_untracked(), REFLECTION_MAX);
        on_save.run(made);
    };
    view! {
        <section class="page record-form" aria-labelledby="record-form-heading">
            <h2 id="record-form-heading">"Make a completion record"</h2>
            <p>{summary}</p>
            <p class="small">"Everything here stays on this device. Your name is optional."</p>
            <label class="label" for="record-name">"Your name (optional)"</label>
            <input id="record-name" class="input" type="text" maxlength=NAME_MAX.to_string() autocomplete="name"
                prop:value=move || name.get() on:input=move |e| name.set(event_target_value(&e)) />
            {area("record-learnt", "What I learnt", learnt)}
            {area("record-practice", "How it will change my practice", practice)}
            {area("record-supervision", "What I will discuss in supervision", supervision)}
            <button type="button" class="button button-primary" on:click=save>"Save the record"</button>
        </section>
    }
}

/// One record laid out as a certificate; the print stylesheet fits it on one A4 page.
fn certificate(record: &Record) -> impl IntoView {
    let offset = clock::local_offset_minutes();
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
pub fn RecordsPage(records: RwSignal<Vec<Record>>, on_delete: Callback<u64>, on_navigate: Callback<Route>) -> impl IntoView {
    let message = RwSignal::new(String::new());
    // The record being printed: the print stylesheet shows only that one.
    let printing = RwSignal::new(None::<u64>);
    let print = move |id: u64| {
        printing.set(Some(id));
        request_animation_frame(share::print);
    };
    let export = move |_| {
        let now = clock::now_ms();
        let name = format!("safeguarding-check-records-{}.json", iso_date(now, clock::local_offset_minutes()));
        let saved = records.with_untracked(|r| files::download(&name, &record::encode(r)));
        message.set(if saved { format!("Your records were saved as {name}.") } else { "This browser would not save the file.".into() });
    };
    view! {
        <section class="page records" aria-labelledby="records-heading">
            <h2 id="records-heading">"Your completion records"</h2>
            <p class="share-status" role="status">{move || message.get()}</p>
            {move || {
                let list = records.get();
                if list.is_empty() {
                    view! { <p>"No records yet. After a quiz, choose \u{201c}Make a completion record\u{201d}."</p> }.into_any()
                } else {
                    view! {
                        <ol class="record-list">
                            {list.into_iter().rev().map(|r| {
                                let id = r.made_at_ms;
                                view! {
                                    <li class:printing=move || printing.get() == Some(id)>
                                        {certificate(&r)}
                                        <div class="button-group">
                                            <button type="button" class="button button-primary" on:click=move |_| print(id)>"Print or save as PDF"</button>
                                            <button type="button" class="button button-secondary" on:click=move |_| on_delete.run(id)>"Delete this record"</button>
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
