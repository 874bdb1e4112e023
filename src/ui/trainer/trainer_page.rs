//! For trainers: choose the quiz, make its link, and show its QR code to the
//! room; and the list of sessions made on this device, each with its QR
//! code, its debrief and the results counted so far.
//!
//! A session is kept in the store (`Store::sessions`) as soon as its link is
//! made, and the screen shows it at `?view=trainer&quiz=<id>`, so a reload,
//! Back or the next day brings back the same link, seed and QR code. Making
//! the link again with the same settings gives the same session.

use std::sync::Arc;

use leptos::{html, prelude::*};

use crate::platform::{clock, files, share};
use crate::quiz::content::bank::Bank;
use crate::quiz::learner::draw::session_questions;
use crate::quiz::learner::draw::QUIZ_LENGTH;
use crate::quiz::learner::record::DEFAULT_REFRESH_MONTHS;
use crate::quiz::links::link::{clean_title, QuizSpec, TITLE_MAX};
use crate::quiz::links::qr_code::QrCode;
use crate::quiz::links::route::Route;
use crate::quiz::room::session_code::{session_code, SEED_LIMIT};
use crate::quiz::run::attempt::PASS_MARK;
use crate::quiz::saved::saving::{saving_message, COPY_QUIZ_LINK_INSTEAD};
use crate::quiz::saved::store::TrainerSession;
use crate::quiz::text::calendar::format_day;
use crate::quiz::text::wording::{about_minutes, isolated, plural};
use crate::ui::common::focus::focus_when_shown;
use crate::ui::common::link_actions::{copy_link, share_link};
use crate::ui::common::qr::{qr_svg, qr_svg_labelled};
use crate::ui::state::use_app;
use crate::ui::unbroken;
use crate::ui::NavLink;

/// "10 questions · about 5 minutes · practice": what a session asks of the
/// room, for a link that gives `given` questions (`draw::session_questions`:
/// fewer than asked when the topics have fewer that each teach something different).
pub fn session_effort(given: usize, spec: &QuizSpec) -> String {
    let feedback = if spec.assessment { format!("assessment, pass mark {}%", spec.pass_mark) } else { "practice".to_string() };
    format!("{given} question{} · {} · {feedback}", if given == 1 { "" } else { "s" }, about_minutes(given))
}

/// A session's title as lists show it.
pub fn session_title(spec: &QuizSpec) -> String {
    spec.title.clone().unwrap_or_else(|| "Untitled session".into())
}

/// Saves the QR code of `link` as an SVG or PNG file for slides; the status to say.
fn download_qr(link: &str, id: &str, png: bool) -> String {
    let Some(code) = QrCode::encode(link.as_bytes()) else { return "This link is too long for a QR code.".into() };
    let name = format!("safeguarding-check-session-{id}.{}", if png { "png" } else { "svg" });
    let saved = if png {
        files::download_qr_png(&name, &code, 16)
    } else {
        files::download_typed(&name, &code.to_svg(512, "xmlns=\"http://www.w3.org/2000/svg\""), "image/svg+xml")
    };
    saving_message("the QR code", &name, files::saving(saved), COPY_QUIZ_LINK_INSTEAD)
}

/// The trainer's screen: the session `session` (a quiz id) with its links,
/// QR codes and session code, the form for a new one, and the sessions
/// kept here; `bank` gives the topics and questions.
#[component]
pub fn TrainerPage(bank: Arc<Bank>, session: Option<String>) -> impl IntoView {
    let state = use_app();
    let shown = {
        let session = session.clone();
        Memo::new(move |_| session.as_ref().and_then(|id| state.store.with(|s| s.sessions.get(id).cloned().map(|t| (id.clone(), t)))))
    };
    // The form starts from the session shown, so changing one setting is one change.
    let start = shown.get_untracked().map(|(_, t)| t.spec);
    // A session of every topic is kept as `topics=all`: shown with every box ticked.
    let all_topics: Vec<String> = bank.topics.iter().map(|t| t.id.clone()).collect();
    let bank_order = all_topics.clone();
    let chosen_topics = RwSignal::new(match &start {
        Some(spec) if spec.topics.is_empty() => all_topics,
        Some(spec) => spec.topics.clone(),
        None => Vec::new(),
    });
    let count = RwSignal::new(start.as_ref().map_or(QUIZ_LENGTH as u32, |s| s.count));
    let assessment = RwSignal::new(start.as_ref().is_some_and(|s| s.assessment));
    let pass_mark = RwSignal::new(start.as_ref().map_or(PASS_MARK, |s| s.pass_mark));
    let title = RwSignal::new(start.as_ref().and_then(|s| s.title.clone()).unwrap_or_default());
    let refresh = RwSignal::new(start.as_ref().and_then(|s| s.refresh_months).unwrap_or(DEFAULT_REFRESH_MONTHS));
    let message = RwSignal::new(String::new());

    let topic_total = bank.topics.len();
    // The settings as the form stands (seed 0: not yet made).
    let form_spec = Memo::new(move |_| {
        // In the bank's order, whatever order they were ticked in, so the session code gives them back as they were.
        let topics: Vec<String> = chosen_topics.with(|c| bank_order.iter().filter(|id| c.contains(id)).cloned().collect());
        QuizSpec {
            // Every topic is written `topics=all`: a shorter link, a simpler QR code.
            topics: if topics.len() == topic_total { Vec::new() } else { topics },
            count: count.get(),
            seed: 0,
            assessment: assessment.get(),
            pass_mark: pass_mark.get(),
            title: clean_title(&title.get()),
            refresh_months: Some(refresh.get()),
        }
    });
    // The QR code on screen no longer matches the settings chosen.
    let stale = Memo::new(move |_| shown.with(|s| s.as_ref().is_some_and(|(_, t)| !t.spec.same_settings(&form_spec.get()))));
    let make_link = move |_: ()| {
        let wanted = form_spec.get_untracked();
        // The same settings give the same session: the room keeps one quiz and one debrief.
        let existing =
            state.store.with_untracked(|s| s.sessions.live().find(|(_, t)| t.spec.same_settings(&wanted)).map(|(id, _)| id.to_owned()));
        let id = existing.unwrap_or_else(|| {
            // Below 2^16, so the session has a short code to type (see `session_code`).
            let spec = QuizSpec { seed: (clock::random_seed() % u64::from(SEED_LIMIT)) as u32, ..wanted };
            let id = spec.id();
            state.change(|s, now| s.add_session(spec, now));
            state.save_now();
            id
        });
        // From the empty form, a new entry, so Back returns to it; from a
        // session shown, in its place, so Back does not step through each link made.
        let to = Route::Trainer { session: Some(id) };
        if shown.with_untracked(Option::is_some) {
            state.replace(to);
        } else {
            state.navigate(to);
        }
    };
    let results_counts =
        Memo::new(move |_| state.store.with(|s| s.tally().quizzes().into_iter().map(|(id, _, n)| (id, n)).collect::<Vec<_>>()));
    let results_for = move |id: &str| results_counts.with(|c| c.iter().find(|(q, _)| q == id).map_or(0, |(_, n)| *n));

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
                    <label for=box_id>{unbroken(&t.title)}</label>
                </div>
            }
        })
        .collect_view();
    let number_select = |id: &'static str, label: &'static str, choices: &'static [u32], value: RwSignal<u32>| {
        view! {
            <div class="form-group">
                <label class="label" for=id>{label}</label>
                <select id=id class="select" on:change=move |e| { if let Ok(n) = event_target_value(&e).parse() { value.set(n) } }>
                    {choices.iter().map(|&n| view! { <option value=n.to_string() selected=move || value.get() == n>{n.to_string()}</option> }).collect_view()}
                </select>
            </div>
        }
    };

    let heading_ref = NodeRef::<html::H3>::new();
    if session.is_some() {
        focus_when_shown(heading_ref);
    }
    let bank_for_panel = bank.clone();
    let panel = move || {
        shown.get().map(|(id, TrainerSession { spec, made_at_ms })| {
            let link = share::absolute_url(&spec.to_query());
            let qr = qr_svg(&link).unwrap_or_default();
            let given = session_questions(&bank_for_panel, &spec).len();
            let code = session_code(&spec, &bank_for_panel.topic_ids());
            let asked = spec.count as usize;
            let link_value = StoredValue::new(link.clone());
            // The session link carries the results collected here so far, so opening it on
            // another device moves them too (each counted once there).
            let session_link = {
                let spec = spec.clone();
                move || state.store.with(|s| spec.session_query_with(&s.tally().results))
            };
            // A memo of a `String`, not of the `SessionLink`: a memo of a new type compiles the reactive graph's code again (1.5 KB).
            let session_url = {
                let session_link = session_link.clone();
                Memo::new(move |_| share::absolute_url(&session_link().query))
            };
            let copy_session = move |_| {
                copy_link(session_url.get_untracked(), message, "The session link is copied. Open it on the other device.")
            };
            let copy = move |_| copy_link(link_value.get_value(), message, "The link is copied.");
            let details_ref = NodeRef::<html::Details>::new();
            let qr_open = RwSignal::new(false);
            let share_it = move |_| share_link("Safeguarding Check quiz", link_value.get_value());
            let (svg_id, png_id, count_id) = (id.clone(), id.clone(), id.clone());
            view! {
                <section class="session-panel" aria-labelledby="session-heading">
                    <h3 id="session-heading" tabindex="-1" node_ref=heading_ref>{unbroken(session_title(&spec))}</h3>
                    <p class="session-effort">{session_effort(given, &spec)}</p>
                    <p>
                        {format!("Made on {}. ", format_day(made_at_ms, clock::offset_at(made_at_ms)))}
                        {if given < asked {
                            format!("It gives {given} questions, not {asked}: the topics chosen have {given} that each teach something different. ")
                        } else {
                            String::new()
                        }}
                        "Everyone who opens this link gets the same questions in the same order, and it works offline once opened."
                    </p>
                    <div role="status">
                        {move || stale.get().then(|| view! {
                            <p class="notice stale-notice">
                                <strong>"This QR code is out of date. "</strong>
                                "The settings below have changed since it was made. Choose \u{201c}Make the quiz link\u{201d} to make one that matches them."
                            </p>
                        })}
                    </div>
                    <div class="qr-box" class:stale=move || stale.get() inner_html=qr></div>
                    {code.map(|code| view! {
                        <p class="session-code-line">"Session code: " <strong class="session-code">{code}</strong></p>
                        <p class="hint">"A learner whose camera will not scan can choose \u{201c}Join with a code\u{201d} on the app's home screen and type it: the same quiz, offline."</p>
                    })}
                    <div class="form-group">
                        <label class="label" for="quiz-link">"The quiz link"</label>
                        <input id="quiz-link" class="input" type="text" readonly prop:value=link />
                    </div>
                    <div class="button-group">
                        <NavLink route=Route::Present { session: id.clone() } class="button button-primary">"Show on a projector"</NavLink>
                        <button type="button" class="button button-secondary" on:click=copy>"Copy the link"</button>
                        {share::can_share().then(|| view! {
                            <button type="button" class="button button-secondary" on:click=share_it>"Share"</button>
                        })}
                        <button type="button" class="button button-secondary"
                            on:click=move |_| message.set(download_qr(&link_value.get_value(), &svg_id, false))>"Download the QR code (SVG)"</button>
                        <button type="button" class="button button-secondary"
                            on:click=move |_| message.set(download_qr(&link_value.get_value(), &png_id, true))>"Download the QR code (PNG)"</button>
                    </div>
                    <p class="share-status" role="status">{move || message.get()}</p>
                    <h4>"On another device"</h4>
                    <p>"To run this session from another device, such as the laptop on the projector, open this link there. It brings the same quiz and the same debrief, not a new one, and the results collected here so far when they fit in one link (none is counted twice)."</p>
                    <div class="form-group">
                        <label class="label" for="session-link">"The session link"</label>
                        <input id="session-link" class="input" type="text" readonly prop:value=move || session_url.get() />
                    </div>
                    {move || {
                        let left_out = session_link().left_out;
                        (left_out > 0).then(|| view! {
                            <p class="notice">{format!(
                                "The {left_out} results collected here are too many for one link, so this link brings the session without them. To move them, choose \u{201c}Export my progress\u{201d} on Progress here, then \u{201c}Import a backup file\u{201d} on the other device."
                            )}</p>
                        })
                    }}
                    <button type="button" class="button button-secondary" on:click=copy_session>"Copy the session link"</button>
                    // From the laptop to the phone in hand (or back): its camera opens the session link, results and all.
                    // Drawn only while open: one QR code on the screen at a time.
                    <details class="result-link-details session-link-qr" node_ref=details_ref
                        on:toggle=move |_| qr_open.set(details_ref.get_untracked().is_some_and(|d| d.open()))>
                        <summary>"Show the session link as a QR code"</summary>
                        {move || qr_open.get().then(|| match qr_svg_labelled(&session_url.get(), "QR code of the session link") {
                            Some(svg) => view! {
                                <p class="hint">"Scan it with the other device's camera."</p>
                                <div class="qr-box" inner_html=svg></div>
                            }
                            .into_any(),
                            None => view! { <p>"This session link is too long for a QR code, with the results it carries. Copy the session link instead."</p> }.into_any(),
                        })}
                    </details>
                    <h4>"Collecting results"</h4>
                    <p>"At the end, each learner chooses \u{201c}Show my result to the trainer\u{201d}. A result is collected by the device that scans its QR code or opens its link, and only there."</p>
                    <p>"Scan every result with the same phone, with no Wi-Fi needed: its debrief then holds them all. To move them to another device, open the session link above there, or scan its QR code; they also travel in the progress backup, however many there are. None is counted twice."</p>
                    <p class="session-results">{move || {
                        let n = results_for(&count_id);
                        format!("{} so far.", plural(n, "result", "results"))
                    }}</p>
                    <NavLink route=Route::Debrief { quiz: Some(id) } class="button button-secondary">"Open the debrief"</NavLink>
                </section>
            }
        })
    };
    let bank_for_list = bank.clone();
    let current = session.clone();
    let sessions_list = move || -> Option<AnyView> {
        let sessions: Vec<(String, TrainerSession)> =
            state.store.with(|s| s.sessions.newest_first().into_iter().map(|(id, t)| (id.to_owned(), t.clone())).collect());
        (!sessions.is_empty()).then(|| {
            let items = sessions
                .into_iter()
                .map(|(id, t)| {
                    let is_current = current.as_deref() == Some(id.as_str());
                    let n = results_for(&id);
                    let details = format!(
                        "{} · made {} · {}",
                        session_effort(session_questions(&bank_for_list, &t.spec).len(), &t.spec),
                        format_day(t.made_at_ms, clock::offset_at(t.made_at_ms)),
                        plural(n, "result", "results")
                    );
                    view! {
                        <li class:current=is_current>
                            <NavLink route=Route::Trainer { session: Some(id) } class="card-link">
                                <span class="card-title">{unbroken(isolated(&session_title(&t.spec)))}</span>
                                <span class="card-meta">{details}</span>
                                {is_current.then(|| view! { <span class="card-meta">"Shown above"</span> })}
                            </NavLink>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="sessions" aria-labelledby="sessions-heading">
                    <h3 id="sessions-heading">"Your sessions"</h3>
                    <p class="hint">"Kept on this device. Each keeps its own link, QR code and debrief."</p>
                    <ul class="card-list session-list">{items}</ul>
                    <NavLink route=Route::Debrief { quiz: None } class="button button-secondary">
                        "Every debrief on this device"
                    </NavLink>
                </section>
            }
            .into_any()
        })
    };

    // A session asked for by its address that is not on this device.
    let missing = session.is_some() && shown.get_untracked().is_none();
    view! {
        <section class="page trainer" aria-labelledby="trainer-heading">
            <h2 id="trainer-heading">"Run a session"</h2>
            <p>"Make one link for your group. Show its QR code on the projector, or send the link. Every phone gets the same quiz, and it works offline once opened."</p>
            {missing.then(|| view! {
                <p class="notice" role="status">"That session is not on this device: sessions are kept on the phone or computer that made them. On that device, copy \u{201c}The session link\u{201d} and open it here."</p>
            })}
            {panel}
            // Coming back another day: the sessions first, above the empty form.
            {
                let list = sessions_list.clone();
                move || shown.with(Option::is_none).then(&list).flatten()
            }
            <h3>{move || if shown.with(Option::is_some) { "Change the settings" } else { "Make a new session" }}</h3>
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
                    on:keydown=move |e| if e.key() == "Enter" { make_link(()) } />
            </div>
            {move || stale.get().then(|| view! {
                <p class="notice stale-notice">"The QR code above no longer matches these settings."</p>
            })}
            <button type="button" class="button button-primary" on:click=move |_| make_link(())>"Make the quiz link"</button>
            {move || shown.with(Option::is_some).then(&sessions_list).flatten()}
            <NavLink route=Route::Home class="button button-secondary">"Back to home"</NavLink>
        </section>
    }
}
