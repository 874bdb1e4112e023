//! The group work's timer, on its slide and in the presenter's view: the
//! time left, large and calm (no colour change, no sound, no flashing), and
//! Pause or Resume, one more minute, and Skip. The count runs on the wall
//! clock and is kept with the presentation, so both windows show the same
//! time, and a reload or a laptop waking shows the time really left.

use leptos::prelude::*;

use crate::quiz::room::presenting::{clock_text, TimerState};
use crate::ui::slides::deck::{ticking_now, Deck};

/// The timer of `deck`'s group work; `compact` for the presenter's view.
/// Skip stops the count and goes on to the next slide.
#[component]
pub fn GroupTimerPanel(deck: Deck, #[prop(optional)] compact: bool) -> impl IntoView {
    let now = ticking_now();
    let minutes = deck.bank().deck.group_work.minutes;
    let state = move || deck.presentation().timer.state(minutes, now.get());
    let shown = move || match state() {
        TimerState::Ready => clock_text(u64::from(minutes) * 60_000),
        TimerState::Running(left) | TimerState::Paused(left) | TimerState::Skipped(left) => clock_text(left),
        TimerState::Over => clock_text(0),
    };
    let label = move || match state() {
        TimerState::Ready => "Not started",
        TimerState::Running(_) => "left",
        TimerState::Paused(_) => "Paused",
        TimerState::Over => "Time is up",
        TimerState::Skipped(_) => "Skipped",
    };
    // Said once when the time is up (the count itself is not read out each second).
    let said = move || matches!(state(), TimerState::Over).then_some("The group work's time is up.");
    let running = move || matches!(state(), TimerState::Running(_));
    // Nothing to pause or resume once the time is up: only a minute more, or
    // Skip. The button stays (marked unavailable), so focus on it is not lost.
    let over = Memo::new(move |_| matches!(state(), TimerState::Over));
    view! {
        <div class="group-timer" class:compact=compact>
            <p class="timer-face" role="timer" aria-label="Group work time left">
                <span class="timer-digits">{shown}</span>
                " "
                <span class="timer-label">{label}</span>
            </p>
            <p class="visually-hidden" role="status">{said}</p>
            <div class="button-group timer-controls">
                <button type="button" class="button button-secondary" aria-disabled=move || over.get().then_some("true")
                    on:click=move |_| {
                        if over.get_untracked() {
                            return;
                        }
                        let pause = running();
                        deck.timer(move |t, _, now| if pause { t.pause(now) } else { t.resume(now) })
                    }>
                    {move || match state() {
                        TimerState::Running(_) | TimerState::Over => "Pause",
                        TimerState::Ready => "Start",
                        _ => "Resume",
                    }}
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| deck.timer(|t, minutes, now| t.add_minute(minutes, now))>
                    "One more minute"
                </button>
                <button type="button" class="button button-secondary" on:click=move |_| {
                    deck.timer(|t, _, now| t.skip(now));
                    deck.step(1);
                }>"Skip"</button>
            </div>
        </div>
    }
}
