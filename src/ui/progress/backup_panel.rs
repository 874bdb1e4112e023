//! Export, import (with a preview, then Merge or Replace) and "Clear my data".

use std::sync::Arc;

use leptos::{html, prelude::*, task::spawn_local};

use crate::platform::{clock, files};
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::progress::flip_item_id;
use crate::quiz::saved::backup::{self, ImportError, Summary, MAX_BACKUP_BYTES};
use crate::quiz::saved::saving::{saving_message, Saving, COPY_PROGRESS_INSTEAD};
use crate::quiz::saved::store::Store;
use crate::quiz::text::calendar::{format_day, iso_date};
use crate::ui::common::focus::focus_after_render;
use crate::ui::state::{today, use_app};
use crate::ui::CopyAsText;

/// Where the backup tools are up to.
#[derive(Clone)]
enum Step {
    Idle,
    /// A valid backup was read; the person chooses what to do with it.
    Preview(Box<Store>, Summary),
    ConfirmClear,
}

/// True for a question id, or a flip card id, that this version of the app has.
fn known_item(bank: &Bank, id: &str) -> bool {
    bank.question(id).is_some() || bank.cards.iter().any(|card| (0..card.flips.len()).any(|i| flip_item_id(&card.id, i) == id))
}

/// Export, import (with a preview, then Merge or Replace) and "Clear my
/// data"; `bank` checks an imported backup's questions.
#[component]
pub fn BackupPanel(bank: Arc<Bank>) -> impl IntoView {
    let state = use_app();
    let step = RwSignal::new(Step::Idle);
    // What happened, in words, announced in a live region.
    let message = RwSignal::new(String::new());
    let input_ref = NodeRef::<html::Input>::new();
    // Where focus goes once the button pressed is gone: the message saying
    // what happened, or back to what opened the step cancelled.
    let notice_ref = NodeRef::<html::P>::new();
    // True after an export that may not have been saved: the backup is then offered as text to copy.
    let copy_instead = RwSignal::new(false);
    let clear_ref = NodeRef::<html::Button>::new();
    let say = move |text: String| {
        message.set(text);
        copy_instead.set(false);
        focus_after_render(notice_ref);
    };
    let bank = StoredValue::new(bank);

    let export = move |_| {
        let now = clock::now_ms();
        let text = state.store.with_untracked(|s| backup::export(s, now));
        let name = format!("safeguarding-check-progress-{}.json", iso_date(now, clock::local_offset_minutes()));
        let saving = files::saving(files::download(&name, &text));
        copy_instead.set(saving != Saving::Offered);
        message.set(saving_message("your progress", &name, saving, COPY_PROGRESS_INSTEAD));
    };

    let read_import = move |_| {
        let Some(input) = input_ref.get_untracked() else { return };
        spawn_local(async move {
            let result = match files::read_picked_file(&input, MAX_BACKUP_BYTES).await {
                Ok(text) => bank.with_value(|bank| backup::import(&text, |id| known_item(bank, id), clock::now_ms(), today())),
                Err(files::ReadFileError::NoFile) => return,
                Err(files::ReadFileError::TooLarge) => Err(ImportError::TooLarge),
                Err(files::ReadFileError::Unreadable) => Err(ImportError::NotJson),
            };
            input.set_value("");
            match result {
                Ok((imported, summary)) => {
                    message.set(String::new());
                    step.set(Step::Preview(Box::new(imported), summary));
                }
                Err(error) => {
                    step.set(Step::Idle);
                    say(error.message());
                }
            }
        });
    };

    let finish_import = move |replace: bool| {
        if let Step::Preview(imported, _) = step.get_untracked() {
            if replace {
                state.change(|s, now| s.replace_with(&imported, now));
                say("Your progress was replaced by the backup.".into());
            } else {
                state.change(|s, _| s.merge_backup(&imported));
                say("The backup was added to your progress.".into());
            }
        }
        step.set(Step::Idle);
    };

    view! {
        <section class="backup" aria-labelledby="backup-heading">
            <h3 id="backup-heading">"Keep your progress safe"</h3>
            <p>
                "Your progress is only on this device. Save a copy to move it to another browser, "
                "or in case this browser clears it."
            </p>
            <button type="button" class="button button-secondary" on:click=export>"Export my progress"</button>
            <label class="label" for="import-file">"Import a backup file"</label>
            <input id="import-file" class="file-input" type="file" accept="application/json,.json" node_ref=input_ref on:change=read_import />
            <div class="backup-status">
                <div role="status">
                    {move || {
                        let text = message.get();
                        (!text.is_empty()).then(|| view! { <p class="notice" tabindex="-1" node_ref=notice_ref>{text}</p> })
                    }}
                </div>
                <CopyAsText
                    shown=copy_instead
                    label="Copy my progress as text"
                    text=Callback::new(move |_| state.store.with_untracked(|s| backup::export(s, clock::now_ms())))
                />
                <div class="backup-step" role="status">
                    {move || match step.get() {
                        Step::Preview(_, summary) => Some(view! {
                            <div class="preview">
                                <p>{summary.description(&format_day(summary.exported_at_ms, clock::offset_then(summary.exported_at_ms, None)))}</p>
                                {summary.clock_note().map(|note| view! { <p class="clock-note">{note}</p> })}
                                <p>"Merge adds it to your progress here. Replace swaps your progress here for it."</p>
                                <div class="button-group">
                                    <button type="button" class="button button-primary" on:click=move |_| finish_import(false)>"Merge"</button>
                                    <button type="button" class="button button-secondary" on:click=move |_| finish_import(true)>"Replace"</button>
                                    <button type="button" class="button button-secondary" on:click=move |_| {
                                        step.set(Step::Idle);
                                        focus_after_render(input_ref);
                                    }>"Cancel"</button>
                                </div>
                            </div>
                        }.into_any()),
                        Step::ConfirmClear => Some(view! {
                            <div class="preview">
                                <p>"This deletes from this device, and from every tab of this app that is open:"</p>
                                <ul>
                                    <li>"your scores, answers and progress, and any quiz in progress"</li>
                                    <li>"your completion records, with your name and reflections"</li>
                                    <li>"a trainer's debriefs and sessions"</li>
                                </ul>
                                <p>"It cannot be undone. Export your progress first if you want to keep it."</p>
                                <p>"Files already saved from this app (backups, records, QR codes) are not deleted: they stay in this device's downloads until you delete them there."</p>
                                <div class="button-group">
                                    <button type="button" class="button button-warning" on:click=move |_| {
                                        state.clear_all();
                                        step.set(Step::Idle);
                                        say("Your data has been deleted from this app on this device. Any files saved from it before are still in the downloads.".into());
                                    }>"Delete my data"</button>
                                    <button type="button" class="button button-secondary" on:click=move |_| {
                                        step.set(Step::Idle);
                                        focus_after_render(clear_ref);
                                    }>"Cancel"</button>
                                </div>
                            </div>
                        }.into_any()),
                        Step::Idle => None,
                    }}
                </div>
            </div>
            <h3>"On a shared device?"</h3>
            <button type="button" class="button button-secondary" node_ref=clear_ref on:click=move |_| {
                message.set(String::new());
                step.set(Step::ConfirmClear);
            }>"Clear my data"</button>
        </section>
    }
}
