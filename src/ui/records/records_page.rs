//! CPD records: the list of them, each printable on one A4 page ("Print or
//! save this as a PDF"); the browser's own Print gives every record, one a page.

use crate::ui::common::focus::focus_when_shown;
use crate::ui::common::tap_guard::TapGuard;
use crate::ui::common::undo::{Removed, Undo};
use leptos::{html, prelude::*};

use crate::platform::{clock, files, print, share};
use crate::quiz::learner::record::{self, Record, MADE_BY, SOURCE};
use crate::quiz::links::route::Route;
use crate::quiz::saved::saving::{saving_message, Saving, COPY_RECORDS_INSTEAD, PRINT_DID_NOT_START, PRINT_START_MS};
use crate::quiz::text::calendar::{format_day, format_day_number, iso_date};
use crate::quiz::text::wording::{isolated, time_spent};
use crate::ui::state::use_app;
use crate::ui::{CopyAsText, NavLink};

/// One record laid out for a manager's files: a "Certificate of completion"
/// for a passed assessment, else a "CPD learning record" (see
/// `Record::kind_name`). Each prints on one A4 page: `platform::print`
/// measures it and chooses its type size as the browser is about to print.
fn certificate(id: &str, record: &Record) -> impl IntoView {
    let offset = clock::offset_then(record.finished_at_ms, record.offset_minutes);
    let reflection = |heading: &'static str, text: &str| {
        let text = if text.is_empty() { "—".to_string() } else { text.to_string() };
        view! { <h4>{heading}</h4><p class="reflection">{text}</p> }
    };
    let field = |term: &'static str, value: Option<String>| value.map(|v| view! { <div><dt>{term}</dt><dd>{isolated(&v)}</dd></div> });
    view! {
        <article class="certificate">
            <p class="certificate-app">"Safeguarding Check"</p>
            <h3>{record.kind_name()}</h3>
            <p class="certificate-course">"Learning from serious child safeguarding incidents"</p>
            <dl class="score-list certificate-fields">
                {field("Name", record.name.clone())}
                {field("Role", record.role.clone())}
                {field("Organisation", record.organisation.clone())}
                {field("Completed", Some(format_day(record.finished_at_ms, offset)))}
                {field("Activity", Some(record.activity.clone()))}
                {field("Topics", Some(if record.topics.is_empty() { "Every topic".to_string() } else { record.topics.join("; ") }))}
                {field("Score", Some(format!(
                    "{} out of {} ({}%){}",
                    record.correct, record.total, record.correct * 100 / record.total.max(1),
                    match (record.passed, record.pass_mark) {
                        (Some(true), Some(mark)) => format!(", passed (pass mark {mark}%)"),
                        (Some(false), Some(mark)) => format!(", not passed (pass mark {mark}%)"),
                        (Some(true), None) => ", passed".to_string(),
                        (Some(false), None) => ", not passed".to_string(),
                        (None, _) => String::new(),
                    }
                )))}
                {field("Time spent", record.time_spent_ms.map(time_spent))}
                {field("Refresher due", Some(format_day_number(record.refresher_due_day)))}
                {field("Record id", Some(Record::reference(id)))}
            </dl>
            {reflection("What I learnt", &record.learnt)}
            {reflection("How it will change my practice", &record.practice)}
            {reflection("What I will discuss in supervision", &record.supervision)}
            <p class="certificate-source">"Source: " {SOURCE}</p>
            <p class="certificate-made">{MADE_BY}</p>
            <div class="sign-off">
                <p class="sign-off-title">"Supervisor's sign-off"</p>
                <p class="sign-line">"Name"</p>
                <p class="sign-line">"Signature"</p>
                <p class="sign-line">"Date"</p>
            </div>
        </article>
    }
}

/// Your completion records (`?view=records`): each record as it prints, with
/// Print, Delete (with Undo) and export; takes nothing, reading the store.
#[component]
pub fn RecordsPage() -> impl IntoView {
    let state = use_app();
    let records = Memo::new(move |_| {
        state.store.with(|s| s.records_oldest_first().into_iter().map(|(id, r)| (id.to_owned(), r.clone())).collect::<Vec<_>>())
    });
    let message = RwSignal::new(String::new());
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    // The print rules for records hang on a class on <html> (`.records-screen`
    // in style/main.css), not on `body:has(.records)`: a browser without
    // `:has()` (Firefox ESR 115, the last for Windows 7 and 8) drops a whole
    // rule that names it, and printed a page holding only the header.
    let print_rules = share::RootClassHold::new("records-screen");
    on_cleanup(move || drop(print_rules));
    // The record just deleted, for Undo: (id, record).
    let deleted = Removed::<(String, Record)>::new();
    // The record being printed with its own button: the print stylesheet
    // shows only that one. The browser's own Print (Ctrl+P, the menu, Share
    // then Print) prints every record, one a page.
    let printing = RwSignal::new(None::<String>);
    // Whether the browser started printing since the button asked it to:
    // an app's built-in browser ignores the request, and then the app says so.
    let print_started = StoredValue::new(false);
    let print = move |id: String| {
        printing.set(Some(id));
        print_started.set_value(false);
        request_animation_frame(share::print);
        set_timeout(
            move || {
                if print_started.try_get_value() == Some(false) {
                    _ = message.try_set(PRINT_DID_NOT_START.to_string());
                    _ = printing.try_set(None);
                }
            },
            std::time::Duration::from_millis(PRINT_START_MS),
        );
    };
    // However printing starts (Ctrl+P, the menu, Share then Print, the
    // button above), each record is sized to one page first.
    let before_print = window_event_listener(leptos::ev::beforeprint, move |_| {
        print_started.set_value(true);
        print::fit_records_to_pages();
    });
    let after_print = window_event_listener(leptos::ev::afterprint, move |_| {
        print::end_paper_layout();
        printing.set(None);
    });
    on_cleanup(move || {
        before_print.remove();
        after_print.remove();
        print::end_paper_layout();
    });
    // Deleting a record moves the next one up, under the finger: its Delete
    // must not take the second tap of a double tap.
    let guard = TapGuard::new();
    let delete = move |id: String| {
        guard.raise();
        if let Some(Some(record)) = state.change(|s, now| s.delete_record(&id, now)) {
            message.set("The record was deleted.".into());
            deleted.hold((id, record));
        }
    };
    let undo = move || {
        guard.raise();
        if let Some((id, record)) = deleted.take() {
            state.change(|s, now| s.save_record(&id, record, None, now));
            message.set("The record is back.".into());
        }
    };
    // True after an export that may not have been saved: the records are then offered as text to copy.
    let copy_instead = RwSignal::new(false);
    let records_text = Callback::new(move |_| {
        let list: Vec<Record> = records.with_untracked(|r| r.iter().map(|(_, r)| r.clone()).collect());
        record::encode(&list)
    });
    let export = move |_| {
        let now = clock::now_ms();
        let name = format!("safeguarding-check-records-{}.json", iso_date(now, clock::local_offset_minutes()));
        let saving = files::saving(files::download(&name, &records_text.run(())));
        copy_instead.set(saving != Saving::Offered);
        message.set(saving_message("your records", &name, saving, COPY_RECORDS_INSTEAD));
    };
    view! {
        <section class="page records" aria-labelledby="records-heading"
            data-settling=move || guard.settling().get().then_some("")
            on:click:capture=guard.on_click()
            on:mousedown:capture=guard.on_mousedown()>
            <h2 id="records-heading" tabindex="-1" node_ref=heading_ref>"Your completion records"</h2>
            <div class="share-status" role="status">
                <p>{move || message.get()}</p>
                {move || deleted.is_held().then(|| view! {
                    <Undo button=deleted.button() class="button button-secondary" on_undo=undo />
                })}
            </div>
            <CopyAsText shown=copy_instead label="Copy my records as text" text=records_text />
            {move || {
                let list = records.get();
                if list.is_empty() {
                    view! { <p>"No records yet. After a quiz, choose \u{201c}Make a completion record\u{201d}."</p> }.into_any()
                } else {
                    view! {
                        <ol class="record-list" class:printing-one=move || printing.with(Option::is_some)>
                            {list.into_iter().rev().map(|(id, r)| {
                                let card = certificate(&id, &r);
                                let (print_id, delete_id, shown_id) = (id.clone(), id.clone(), id);
                                view! {
                                    <li class:printing=move || printing.get().as_deref() == Some(shown_id.as_str())>
                                        {card}
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
            <NavLink route=Route::Home class="button button-secondary">"Back to home"</NavLink>
        </section>
    }
}
