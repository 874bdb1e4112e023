//! Registering the service worker (offline support) and offering updates.
//!
//! A new version installs in the background and then waits. The app is told
//! through `on_update_ready`, shows "A new version is ready", and only when the
//! person taps Reload is the waiting worker asked to take over. Nothing here
//! activates a new version on its own, so a quiz is never cut off.

use std::cell::RefCell;

use js_sys::{Object, Reflect};
use leptos::task::spawn_local;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{
    RegistrationOptions, ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState, ServiceWorkerUpdateViaCache,
};

thread_local! {
    static REGISTRATION: RefCell<Option<ServiceWorkerRegistration>> = const { RefCell::new(None) };
}

/// The browser's service worker container, where it has one. It is missing on
/// plain http (other than localhost) and in some private modes.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = super::page::window()?.navigator();
    let value = Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    value.dyn_into::<ServiceWorkerContainer>().ok()
}

/// Registers `sw.js` (relative, so it works under any subpath) and calls
/// `on_update_ready` whenever a new version has installed and is waiting.
pub fn register(on_update_ready: impl Fn() + Clone + 'static) {
    let Some(container) = container() else { return };
    let registration_promise = if container.controller().is_some() {
        // Already installed. The page may be a deep link served from the cache,
        // where "./sw.js" would point at the wrong folder, so use the
        // registration that controls this page rather than registering again.
        container.ready().ok()
    } else {
        let options = RegistrationOptions::new();
        // Always ask the server for sw.js itself, never the HTTP cache, so updates are seen.
        options.set_update_via_cache(ServiceWorkerUpdateViaCache::None);
        Some(container.register_with_options("./sw.js", &options))
    };
    let Some(promise) = registration_promise else { return };
    spawn_local(async move {
        let Ok(value) = JsFuture::from(promise).await else { return };
        let Ok(registration) = value.dyn_into::<ServiceWorkerRegistration>() else { return };
        // A worker already waiting from an earlier visit: offer it now.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update_ready();
        }
        watch_for_updates(&registration, &container, on_update_ready);
        REGISTRATION.with(|r| *r.borrow_mut() = Some(registration));
        check_for_update();
        check_when_visible_again();
    });
}

/// People leave the app open for days; look for a new version each time it
/// comes back to the foreground.
fn check_when_visible_again() {
    let Some(document) = super::page::window().and_then(|w| w.document()) else { return };
    let target = document.clone();
    let on_visibility_change = Closure::<dyn Fn()>::new(move || {
        let state = Reflect::get(&target, &JsValue::from_str("visibilityState")).ok();
        if state.and_then(|s| s.as_string()).as_deref() == Some("visible") {
            check_for_update();
        }
    });
    let _ = document.add_event_listener_with_callback("visibilitychange", on_visibility_change.as_ref().unchecked_ref());
    on_visibility_change.forget();
}

/// True once a service worker controls this page, i.e. the app is saved for offline use.
pub fn is_offline_ready() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

fn watch_for_updates(
    registration: &ServiceWorkerRegistration,
    container: &ServiceWorkerContainer,
    on_update_ready: impl Fn() + Clone + 'static,
) {
    let registration_for_handler = registration.clone();
    let container = container.clone();
    let on_update_found = Closure::<dyn Fn()>::new(move || {
        let Some(installing) = registration_for_handler.installing() else { return };
        let worker = installing.clone();
        let container = container.clone();
        let on_update_ready = on_update_ready.clone();
        let on_state_change = Closure::<dyn Fn()>::new(move || {
            // The first install has no controller yet: that is not an update.
            if worker.state() == ServiceWorkerState::Installed && container.controller().is_some() {
                on_update_ready();
            }
        });
        installing.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
        on_state_change.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}

/// Asks the server whether there is a newer version (for example when the app
/// comes back to the foreground). Quietly does nothing offline.
pub fn check_for_update() {
    REGISTRATION.with(|r| {
        if let Some(registration) = r.borrow().as_ref() {
            if let Ok(promise) = registration.update() {
                // An offline check rejects; that is expected, not an error.
                spawn_local(async move {
                    let _ = JsFuture::from(promise).await;
                });
            }
        }
    });
}

/// Lets the waiting version take over, then reloads into it. Call only when
/// the person has chosen to, after anything in progress has been saved.
pub fn apply_update() {
    let waiting: Option<ServiceWorker> = REGISTRATION.with(|r| r.borrow().as_ref().and_then(ServiceWorkerRegistration::waiting));
    let (Some(waiting), Some(container)) = (waiting, container()) else {
        reload();
        return;
    };
    let on_controller_change = Closure::<dyn Fn()>::new(reload);
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    on_controller_change.forget();
    let message = Object::new();
    let _ = Reflect::set(&message, &JsValue::from_str("type"), &JsValue::from_str("SKIP_WAITING"));
    if waiting.post_message(&message).is_err() {
        reload();
    }
}

fn reload() {
    if let Some(window) = super::page::window() {
        let _ = window.location().reload();
    }
}
