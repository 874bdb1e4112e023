//! Handing a link on: the app's full address for a query, the clipboard, and
//! the phone's share sheet (Web Share) where the browser has one.

use js_sys::{Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The app's own address (any subpath kept) with `query` in place of the current one.
pub fn absolute_url(query: &str) -> String {
    let Some(location) = super::page::window().map(|w| w.location()) else { return query.to_owned() };
    let origin = location.origin().unwrap_or_default();
    let path = location.pathname().unwrap_or_default();
    format!("{origin}{path}{query}")
}

fn navigator_has(name: &str) -> Option<web_sys::Navigator> {
    let navigator = super::page::window()?.navigator();
    let value = Reflect::get(&navigator, &JsValue::from_str(name)).ok()?;
    (!value.is_undefined() && !value.is_null()).then_some(navigator)
}

/// Copies `text`; false if the browser would not (then the person can select it).
pub async fn copy(text: &str) -> bool {
    let Some(navigator) = navigator_has("clipboard") else { return false };
    JsFuture::from(navigator.clipboard().write_text(text)).await.is_ok()
}

pub fn can_share() -> bool {
    navigator_has("share").is_some()
}

/// Opens the share sheet with a title and link; false if cancelled or unavailable.
pub async fn share(title: &str, url: &str) -> bool {
    let Some(navigator) = navigator_has("share") else { return false };
    let data = Object::new();
    let _ = Reflect::set(&data, &JsValue::from_str("title"), &JsValue::from_str(title));
    let _ = Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(url));
    let Ok(share) = Reflect::get(&navigator, &JsValue::from_str("share")) else { return false };
    let Ok(share) = share.dyn_into::<js_sys::Function>() else { return false };
    match share.call1(&navigator, &data) {
        Ok(promise) => JsFuture::from(js_sys::Promise::from(promise)).await.is_ok(),
        Err(_) => false,
    }
}

/// A fresh token for a result link, so a link sent twice is counted once.
pub fn learner_token() -> String {
    let value = (super::clock::random_fraction() * 4_294_967_296.0) as u32;
    format!("{value:08x}")
}

/// Opens the browser's print dialog ("Print / Save as PDF").
pub fn print() {
    if let Some(window) = super::page::window() {
        let _ = window.print();
    }
}

/// True if this browser can show part of the page full screen: no iPhone
/// can (it allows it only for video), nor a page in a frame that forbids it.
pub fn full_screen_available() -> bool {
    let Some(document) = super::page::document() else { return false };
    let request = js_sys::Reflect::get(
        &document.document_element().map(wasm_bindgen::JsValue::from).unwrap_or_default(),
        &"requestFullscreen".into(),
    );
    document.fullscreen_enabled() && request.is_ok_and(|f| f.is_function())
}

/// Shows the element with id `id` full screen (for a projector); false if
/// the browser will not (an iPhone allows it only for video).
pub fn full_screen(id: &str) -> bool {
    let Some(element) = super::page::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id(id)) else { return false };
    element.request_fullscreen().is_ok()
}

/// Opens `query` of this app in a window of its own named `name` (the
/// presenter's notes beside the slides), or brings that window forward if it
/// is open; false if the browser blocked it.
pub fn open_window(query: &str, name: &str) -> bool {
    let Some(window) = super::page::window() else { return false };
    matches!(window.open_with_url_and_target_and_features(&absolute_url(query), name, "popup,width=1000,height=720"), Ok(Some(_)))
}

/// Leaves full screen, if the page is in it.
pub fn leave_full_screen() {
    if let Some(document) = super::page::window().and_then(|w| w.document()) {
        if document.fullscreen_element().is_some() {
            document.exit_fullscreen();
        }
    }
}

/// Adds `class` to the page's root element (`<html>`), or takes it away.
pub fn set_root_class(class: &str, on: bool) {
    if let Some(root) = super::page::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let classes = root.class_list();
        let _ = if on { classes.add_1(class) } else { classes.remove_1(class) };
    }
}

thread_local! {
    /// How many live holds each root class has (see [`RootClassHold`]).
    static ROOT_CLASS_HOLDS: std::cell::RefCell<Vec<(&'static str, u32)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Keeps a class on the page's root element (`<html>`) for as long as any
/// hold on it lives, for styles that depend on what the screen shows.
///
/// A class on `<html>` rather than a `body:has(…)` rule: a `:has()` on body
/// is checked again on every change to the page, which cost 11 ms per answer
/// at the median and 21 ms at p95 with the CPU slowed 4×. Holds are counted
/// because a screen that replaces another of the same kind (the quiz, then
/// "Check your answers") is built before the old one is cleaned up.
pub struct RootClassHold(&'static str);

impl RootClassHold {
    /// Adds `class` to `<html>` if no other hold has it there already.
    pub fn new(class: &'static str) -> Self {
        let first = ROOT_CLASS_HOLDS.with(|holds| {
            let mut holds = holds.borrow_mut();
            match holds.iter_mut().find(|(c, _)| *c == class) {
                Some((_, count)) => {
                    *count += 1;
                    *count == 1
                }
                None => {
                    holds.push((class, 1));
                    true
                }
            }
        });
        if first {
            set_root_class(class, true);
        }
        Self(class)
    }
}

impl Drop for RootClassHold {
    fn drop(&mut self) {
        let last = ROOT_CLASS_HOLDS.with(|holds| {
            let mut holds = holds.borrow_mut();
            holds.iter_mut().find(|(c, _)| *c == self.0).is_some_and(|(_, count)| {
                *count = count.saturating_sub(1);
                *count == 0
            })
        });
        if last {
            set_root_class(self.0, false);
        }
    }
}
