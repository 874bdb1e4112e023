//! The form that makes a completion record for one finished attempt. What
//! is typed is kept in the store as it is typed (a draft per attempt), so
//! Back, Forward, a reload or another tab never lose a reflection.

use crate::ui::common::focus::focus_when_shown;
use leptos::{html, prelude::*};

use crate::platform::clock;
use crate::quiz::learner::record::{Record, RecordDraft, ORGANISATION_MAX, REFLECTION_MAX, ROLE_MAX};
use crate::quiz::links::link::NAME_MAX;
use crate::quiz::links::route::Route;
use crate::quiz::text::calendar::format_day;
use crate::ui::state::use_app;
use crate::ui::{GoneNotice, NavLink};

/// Which of the draft's texts a field edits.
#[derive(Clone, Copy)]
enum Field {
    Name,
    Role,
    Organisation,
    Learnt,
    Practice,
    Supervision,
}

impl Field {
    fn of(self, draft: &RecordDraft) -> &String {
        match self {
            Field::Name => &draft.name,
            Field::Role => &draft.role,
            Field::Organisation => &draft.organisation,
            Field::Learnt => &draft.learnt,
            Field::Practice => &draft.practice,
            Field::Supervision => &draft.supervision,
        }
    }

    fn set(self, draft: &mut RecordDraft, text: String) {
        let (slot, max) = match self {
            Field::Name => (&mut draft.name, NAME_MAX),
            Field::Role => (&mut draft.role, ROLE_MAX),
            Field::Organisation => (&mut draft.organisation, ORGANISATION_MAX),
            Field::Learnt => (&mut draft.learnt, REFLECTION_MAX),
            Field::Practice => (&mut draft.practice, REFLECTION_MAX),
            Field::Supervision => (&mut draft.supervision, REFLECTION_MAX),
        };
        *slot = text.chars().take(max).collect();
    }
}

/// The form that makes a completion record for finished attempt `attempt`
/// (its id; `None` or unknown says the attempt is gone): name, role,
/// organisation and three reflections, kept as they are typed.
#[component]
pub fn RecordForm(attempt: Option<String>) -> impl IntoView {
    let state = use_app();
    let found = attempt.and_then(|id| state.store.with_untracked(|s| s.attempts.get(&id).cloned()).map(|a| (id, a)));
    let (Some((attempt_id, attempt)), Some(bank)) = (found, state.ready_bank_untracked()) else {
        return view! {
            <GoneNotice message="The quiz this record was for is no longer on this device, so a record cannot be made for it." />
        }
        .into_any();
    };
    // The title is isolated (`<bdi>`): a right-to-left title must not
    // reorder the score beside it ("4 :جلسة الثلاثاء out of 5").
    let title = attempt.title.clone();
    let summary = format!(
        ": {} out of {}{}, on {}.",
        attempt.score.correct,
        attempt.score.total,
        match attempt.passed() {
            Some(true) => " (passed)",
            Some(false) => " (not passed)",
            None => "",
        },
        format_day(attempt.finished_at_ms, clock::offset_then(attempt.finished_at_ms, attempt.offset_minutes))
    );
    let draft = {
        let id = attempt_id.clone();
        // See `Store::draft_for`: nothing typed is lost, and saving again never blanks a record.
        Memo::new(move |_| state.store.with(|s| s.draft_for(&id)))
    };
    let edit = {
        let id = attempt_id.clone();
        move |field: Field, text: String| {
            let mut changed = draft.get_untracked();
            field.set(&mut changed, text);
            state.change(|s, now| s.save_draft(&id, changed, now));
        }
    };
    let input = {
        let edit = edit.clone();
        move |id: &'static str, label: &'static str, field: Field, max: usize, autocomplete: &'static str| {
            let edit = edit.clone();
            view! {
                <div class="form-group">
                    <label class="label" for=id>{label}</label>
                    <input id=id class="input" type="text" maxlength=max.to_string() autocomplete=autocomplete
                        prop:value=move || draft.with(|d| field.of(d).clone()) on:input=move |e| edit(field, event_target_value(&e)) />
                </div>
            }
        }
    };
    let area = move |id: &'static str, label: &'static str, field: Field| {
        let edit = edit.clone();
        view! {
            <div class="form-group">
                <label class="label" for=id>{label}</label>
                <textarea id=id class="input textarea" rows="4" maxlength=REFLECTION_MAX.to_string()
                    prop:value=move || draft.with(|d| field.of(d).clone()) on:input=move |e| edit(field, event_target_value(&e))></textarea>
            </div>
        }
    };
    // Cleared or made in another tab meanwhile: say so, rather than keep a form for nothing.
    let gone = {
        let id = attempt_id.clone();
        Memo::new(move |_| state.store.with(|s| s.attempts.get(&id).is_none()))
    };
    // One record per finished quiz, under the quiz's id: saving again (here or
    // in another tab) updates it rather than making a second certificate.
    let saved_already = {
        let id = attempt_id.clone();
        Memo::new(move |_| state.store.with(|s| s.records.get(&id).is_some()))
    };
    let save = move |_| {
        let made = Record::from_attempt(&attempt, &bank, &draft.get_untracked(), clock::now_ms(), clock::offset_at(attempt.finished_at_ms));
        state.change(|s, now| s.save_record(&attempt_id, made, Some(&attempt_id), now));
        state.save_now();
        state.replace(Route::Records);
    };
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    view! {
        {move || gone.get().then(|| view! { <GoneNotice message="The quiz this record was for was cleared from this device." /> })}
        <section class="page record-form" aria-labelledby="record-form-heading" hidden=move || gone.get()>
            <h2 id="record-form-heading" tabindex="-1" node_ref=heading_ref>"Make a completion record"</h2>
            <p><bdi>{title}</bdi>{summary}</p>
            <p class="small">"Everything here stays on this device. Your name, role and organisation are optional; the role and organisation are filled in next time. What you type is kept as you type it."</p>
            <div role="status">
                {move || saved_already.get().then(|| view! {
                    <p class="notice">
                        "A record for this quiz is already saved. Saving again replaces it. "
                        <NavLink route=Route::Records class="tap-link">
                            "See your records"
                        </NavLink>
                    </p>
                })}
            </div>
            {input("record-name", "Your name (optional)", Field::Name, NAME_MAX, "name")}
            {input("record-role", "Your role (optional)", Field::Role, ROLE_MAX, "organization-title")}
            {input("record-organisation", "Your organisation (optional)", Field::Organisation, ORGANISATION_MAX, "organization")}
            {area("record-learnt", "What I learnt", Field::Learnt)}
            {area("record-practice", "How it will change my practice", Field::Practice)}
            {area("record-supervision", "What I will discuss in supervision", Field::Supervision)}
            <button type="button" class="button button-primary" on:click=save>"Save the record"</button>
        </section>
    }
    .into_any()
}
