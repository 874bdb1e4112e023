//! One question per screen: a fieldset with the inputs its type needs, Check
//! answer, feedback, Next.

use leptos::{ev::SubmitEvent, html, prelude::*};

use super::answer_inputs::{ChoiceInputs, MatchInputs, NumberInput, OrderInput};
use super::{FeedbackPanel, NavLink};
use crate::quiz::bank::Kind;
use crate::quiz::draft::{Draft, Incomplete};
use crate::quiz::route::Route;
use crate::quiz::session::{Session, SessionItem, Stage};

/// What the quiz page asks the app to keep.
#[derive(Debug, Clone)]
pub enum QuizUpdate {
    /// The current question was answered: the session now, and (question id, right?).
    Answered { session: Session, item: String, right: bool },
    /// The person moved on (or finished, if the session's stage is `Finished`).
    Moved(Session),
    /// What is picked so far on the current question.
    Draft(Draft),
}

/// A fresh draft for the session's current question.
fn draft_for(session: &Option<Session>) -> Draft {
    session.as_ref().and_then(Session::current).map_or(Draft::Choice(None), |item| Draft::new(&item.question.kind, &item.order))
}

/// The stored draft if it fits the current question, else a fresh one.
fn starting_draft(session: &Option<Session>, stored: Option<Draft>) -> Draft {
    let current = session.as_ref().and_then(Session::current).filter(|_| session.as_ref().is_some_and(|s| s.stage() == Stage::Asking));
    match (stored, current) {
        (Some(draft), Some(item)) if draft.fits(&item.question.kind, &item.order) => draft,
        _ => draft_for(session),
    }
}

/// The hint under the question, which states how the type is answered and marked.
fn hint(kind: &Kind) -> String {
    match kind {
        kind if kind.allows_several() => "Select all that apply. To get the mark, choose every right answer and no wrong ones.".into(),
        Kind::TrueFalse { .. } => "Is this statement true or false?".into(),
        Kind::Order { .. } => "Use the Up and Down buttons to put them in order.".into(),
        Kind::Match { .. } => "Choose the right match for each item.".into(),
        Kind::Numeric { tolerance, unit, .. } => {
            let of_what = if unit == "%" { "percentage" } else { "number" };
            format!("Give a whole number. Answers within {tolerance} of the right {of_what} count as right.")
        }
        _ => "Select one answer.".into(),
    }
}

/// Where the error summary's link takes the person.
fn field_for(problem: Incomplete) -> String {
    match problem {
        Incomplete::NoChoice | Incomplete::NoChoices => "option-0".into(),
        Incomplete::UnmatchedItem(i) => format!("match-{i}"),
        Incomplete::NoNumber | Incomplete::NotAWholeNumber => "number-answer".into(),
    }
}

fn focus_by_id(id: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = element.focus();
    }
}

/// The inputs for the current question's type.
fn inputs(item: &SessionItem, draft: RwSignal<Draft>) -> AnyView {
    let answered = item.response.clone();
    match &item.question.kind {
        Kind::Order { items } => {
            view! { <OrderInput items=items.clone() layout=item.order.clone() draft=draft answered=answered /> }.into_any()
        }
        Kind::Match { pairs } => {
            view! { <MatchInputs pairs=pairs.clone() layout=item.order.clone() draft=draft answered=answered /> }.into_any()
        }
        Kind::Numeric { unit, .. } => view! { <NumberInput unit=unit.clone() draft=draft answered=answered /> }.into_any(),
        kind => view! { <ChoiceInputs kind=kind.clone() layout=item.order.clone() draft=draft answered=answered /> }.into_any(),
    }
}

#[component]
pub fn QuizPage(
    /// The quiz as the store holds it now.
    session: Memo<Option<Session>>,
    title: String,
    /// What was picked on the current question before a reload, Back or Forward.
    stored_draft: Option<Draft>,
    /// Every change, for the app to keep.
    on_update: Callback<QuizUpdate>,
    /// The Learn card (id, title) to read more on a question, by its id.
    read_more: Callback<String, Option<(String, String)>>,
    on_navigate: Callback<Route>,
) -> impl IntoView {
    let draft = RwSignal::new(session.with_untracked(|s| starting_draft(s, stored_draft)));
    // What is picked is kept as it changes, so Back, Forward or a reload keep it.
    Effect::new(move |first: Option<()>| {
        let picked = draft.get();
        if first.is_some() {
            on_update.run(QuizUpdate::Draft(picked));
        }
    });
    let problem = RwSignal::new(None::<Incomplete>);
    // The quiz can move on without this page's buttons: the same quiz answered
    // in another tab, or a backup restored. Then what was picked here belongs
    // to another question, so start this one afresh.
    let step = Memo::new(move |_| session.with(|s| s.as_ref().map(|s| (s.position(), s.stage()))));
    Effect::new(move |previous: Option<Option<(usize, Stage)>>| {
        let now = step.get();
        if previous.is_some_and(|p| p != now) {
            draft.set(session.with_untracked(draft_for));
            problem.set(None);
        }
        now
    });
    // Counts checks made with an incomplete answer; each one moves focus to the error summary.
    let failed_checks = RwSignal::new(0u32);
    let heading_ref = NodeRef::<html::H2>::new();
    let next_ref = NodeRef::<html::Button>::new();
    let error_ref = NodeRef::<html::Div>::new();

    let stage = move || session.with(|s| s.as_ref().map_or(Stage::Finished, Session::stage));
    let position = move || session.with(|s| s.as_ref().map_or(0, Session::position));
    let total = move || session.with(|s| s.as_ref().map_or(0, Session::len));
    let is_last = move || session.with(|s| s.as_ref().is_some_and(Session::is_last));
    let answered = move || stage() == Stage::Answered;
    let current = move || session.with(|s| s.as_ref().and_then(Session::current).cloned());

    // Each new question takes focus, so keyboard and screen-reader users start
    // there. Only when the position changes: checking an answer re-renders the
    // question too, and then focus belongs on Next.
    Effect::new(move |previous: Option<usize>| {
        let now = position();
        if previous != Some(now) {
            if let Some(heading) = heading_ref.get_untracked() {
                let _ = heading.focus();
            }
        }
        now
    });
    // The error summary takes focus once it is visible (GOV.UK pattern).
    Effect::new(move |_| {
        if failed_checks.get() > 0 {
            if let Some(summary) = error_ref.get() {
                let _ = summary.focus();
            }
        }
    });
    // After checking, focus moves to Next; the feedback is announced by the live region.
    Effect::new(move |_| {
        if answered() {
            if let Some(button) = next_ref.get() {
                let _ = button.focus();
            }
        }
    });

    let check = move |event: SubmitEvent| {
        event.prevent_default();
        if stage() != Stage::Asking {
            return;
        }
        let fits = session.with_untracked(|s| {
            let item = s.as_ref().and_then(Session::current);
            item.is_some_and(|item| draft.with_untracked(|d| d.fits(&item.question.kind, &item.order)))
        });
        if !fits {
            draft.set(session.with_untracked(draft_for));
        }
        match draft.with_untracked(Draft::to_response) {
            Ok(response) => {
                problem.set(None);
                let Some(mut now) = session.get_untracked() else { return };
                let Some(item) = now.current().map(|i| i.question.id.clone()) else { return };
                if let Ok(feedback) = now.answer(response) {
                    on_update.run(QuizUpdate::Answered { session: now, item, right: feedback.correct });
                }
            }
            Err(incomplete) => {
                problem.set(Some(incomplete));
                failed_checks.update(|n| *n += 1);
            }
        }
    };

    let next = move |event: leptos::ev::MouseEvent| {
        // The button under the finger becomes "Check answer" (a submit button)
        // as the next question renders: this click must not also submit it.
        event.prevent_default();
        let Some(mut now) = session.get_untracked() else { return };
        if now.next().is_err() {
            return;
        }
        let moved = Some(now.clone());
        on_update.run(QuizUpdate::Moved(now));
        draft.set(draft_for(&moved));
    };

    let question = move || {
        current().map(|item| {
            let kind = &item.question.kind;
            let scenario = match kind {
                Kind::Scenario { scenario, .. } => Some(scenario.clone()),
                _ => None,
            };
            let is_scenario = scenario.is_some();
            let described_by = move || {
                let mut ids = vec!["question-hint"];
                if is_scenario {
                    ids.insert(0, "scenario-text");
                }
                if problem.get().is_some() {
                    ids.push("answer-error");
                }
                ids.join(" ")
            };
            view! {
                {scenario.map(|text| view! {
                    <div class="scenario" id="scenario-text">
                        <p class="scenario-label">"Scenario"</p>
                        <p>{text}</p>
                    </div>
                })}
                <fieldset class="question" class:has-error=move || problem.get().is_some() aria-describedby=described_by>
                    <legend>
                        <h2 class="question-prompt" tabindex="-1" node_ref=heading_ref>{item.question.prompt.clone()}</h2>
                    </legend>
                    <p id="question-hint" class="hint">{hint(kind)}</p>
                    {move || problem.get().map(|p| view! {
                        <p id="answer-error" class="error-message">
                            <span class="visually-hidden">"Error: "</span>{p.message()}
                        </p>
                    })}
                    {inputs(&item, draft)}
                </fieldset>
            }
        })
    };

    view! {
        <section class="page quiz">
            <div class="error-summary" role="alert" tabindex="-1" node_ref=error_ref hidden=move || problem.get().is_none()>
                <h2 class="error-summary-title">"There is a problem"</h2>
                <ul>
                    {move || problem.get().map(|p| {
                        let target = field_for(p);
                        let href = format!("#{target}");
                        view! {
                            <li><a href=href on:click=move |event: leptos::ev::MouseEvent| {
                                event.prevent_default();
                                focus_by_id(&target);
                            }>{p.message()}</a></li>
                        }
                    })}
                </ul>
            </div>
            <p class="quiz-title">{title}</p>
            <p class="question-count">{move || format!("Question {} of {}", position() + 1, total())}</p>
            <form on:submit=check novalidate>
                {question}
                <FeedbackPanel session=session />
                {move || {
                    let deferred = session.with(|s| s.as_ref().is_some_and(|s| s.kind().defers_feedback()));
                    let question_id = (answered() && !deferred).then(|| current().map(|i| i.question.id))??;
                    let (card, card_title) = read_more.run(question_id)?;
                    Some(view! {
                        <p class="read-more">
                            <NavLink route=Route::Learn { card: Some(card) } on_navigate=on_navigate>
                                {format!("Read more: {card_title}")}
                            </NavLink>
                        </p>
                    })
                }}
                {move || if answered() {
                    view! {
                        <button type="button" class="button button-primary" node_ref=next_ref on:click=next>
                            {if is_last() { "See results" } else { "Next question" }}
                        </button>
                    }.into_any()
                } else {
                    view! { <button type="submit" class="button button-primary">"Check answer"</button> }.into_any()
                }}
            </form>
        </section>
    }
}
