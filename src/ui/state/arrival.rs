//! What the app does when something arrives from outside it: the question
//! bank (loaded, or failed), an address (the one the page opened on, or one
//! Back or Forward brings), and a quick check begun on the page before the
//! app. Each is an event handled here, not an Effect watching the state.

use std::sync::Arc;

use leptos::prelude::*;

use super::{today, AppState, BankState};
use crate::platform::bank_loader::BankLoadError;
use crate::platform::{clock, history, storage};
use crate::quiz::content::bank::Bank;
use crate::quiz::links::link::QuizSpec;
use crate::quiz::links::route::Route;
use crate::quiz::run::attempt::QuizKind;
use crate::quiz::saved::early_start::{EarlyStart, StartWhenReady};

impl AppState {
    /// The bank has arrived (or failed to): it is shown, and what waited for
    /// it happens now, in this order: a quick check begun on the page before
    /// the app is taken in, a start asked for while it loaded begins, and a
    /// result or session link the page was opened with is counted.
    pub fn bank_arrived(&self, loaded: Result<Bank, BankLoadError>) {
        match loaded {
            Ok(bank) => self.bank.set(BankState::Ready(Arc::new(bank))),
            Err(error) => return self.bank.set(BankState::Failed(error)),
        }
        self.take_in_early_start();
        if let Some(kind) = self.waiting_start.get_untracked() {
            self.begin(kind);
        }
        self.open_incoming_link();
    }

    /// Back or Forward: the screen follows the address. What the app opened
    /// on is left behind, so a tap on the page before the app arrived never
    /// starts a quiz later.
    pub fn went_back_or_forward(&self) {
        self.link_problem.set(false);
        self.pending_start.set(None);
        self.tapped_before_app.set_value(None);
        self.route.set(Route::from_query(&history::current_query()).unwrap_or(Route::Home));
        self.open_incoming_link();
    }

    /// Once the bank is here, acts on the address the page is at:
    /// - a learner's result link or a trainer's session link is counted in
    ///   this device's debrief (see `quiz::saved::opened_links`), and where
    ///   it went is shown in place of the link (so Back and a reload never
    ///   count it again);
    /// - a trainer's quiz whose "Start the quiz" was tapped on the page before
    ///   the app arrived (`assets/early.js`) starts, or continues if it is
    ///   already in progress here.
    ///
    /// Called when the app opens, when the bank arrives, and on Back and Forward.
    pub fn open_incoming_link(&self) {
        let Some(bank) = self.ready_bank_untracked() else { return };
        match self.route.get_untracked() {
            Route::TrainerQuiz(query) => {
                let Some(tapped) = self.tapped_before_app.try_update_value(Option::take).flatten() else { return };
                let known: &dyn Fn(&str) -> bool = &|t| bank.topic(t).is_some();
                let Ok(spec) = QuizSpec::from_query(&query, known) else { return };
                if !StartWhenReady::applies(&tapped, &spec.id(), clock::now_ms()) {
                    return;
                }
                let kind = QuizKind::Trainer(spec);
                match self.store.with_untracked(|s| s.quiz_in_progress_of(&kind).map(|(id, _)| id.to_string())) {
                    Some(id) => self.replace(Route::Quiz { quiz: Some(id) }),
                    None => self.start(kind),
                }
            }
            Route::ResultLink(query) => {
                let opened = self.change(|store, now| store.open_result_link(&bank, &query, now));
                let Some(opened) = opened else { return };
                self.debrief_notice.set(Some(opened.notice()));
                self.replace(Route::Debrief { quiz: opened.quiz() });
            }
            Route::SessionLink(query) => match self.change(|store, now| store.open_session_link(&bank, &query, now)) {
                Some(Ok(opened)) => match opened.notice() {
                    None => self.replace(Route::Trainer { session: Some(opened.quiz) }),
                    notice => {
                        self.debrief_notice.set(notice);
                        self.replace(Route::Debrief { quiz: Some(opened.quiz) });
                    }
                },
                Some(Err(_)) => {
                    self.link_problem.set(true);
                    self.replace(Route::Home);
                }
                None => {}
            },
            _ => {}
        }
    }

    /// Takes in a quick check begun on the page before the app arrived
    /// (`quiz::early_start`), once the bank is here: the quiz is kept as if
    /// it had been started in the app, its answer marked by the app. The
    /// start is then removed from storage, taken in or not (one that no
    /// longer fits the bank, after an update, is dropped: nothing was counted).
    pub fn take_in_early_start(&self) {
        let (Some(text), Some(bank)) = (storage::early_start_text(), self.ready_bank_untracked()) else { return };
        if let Ok(start) = EarlyStart::decode(&text) {
            let day = today();
            let _ = self.change(|store, _| start.apply(&bank, store, day));
            self.save_now();
        }
        storage::remove_early_start();
    }
}
