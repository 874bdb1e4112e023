//! The browser's history, so each screen has its own address and the phone's
//! Back button moves between screens instead of leaving the app.

use wasm_bindgen::JsValue;

fn location_parts() -> Option<(String, String)> {
    let location = super::page::window()?.location();
    Some((location.pathname().ok()?, location.search().ok()?))
}

/// The query string of the page's address, with its `?` (or empty).
///
/// WordPress and some e-mail tools write `&` as `&#038;` or `&#38;`, and a
/// browser reads everything from that `#` as the fragment; the fragment is
/// then put back, for `quiz::query` to read the escape. The app never uses
/// fragments itself.
pub fn current_query() -> String {
    let Some((_, search)) = location_parts() else { return String::new() };
    let hash = super::page::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let escaped_ampersand = ["#38;", "#038;", "#0038;", "#x26;", "#x0026;"]
        .iter()
        .any(|e| hash.get(..e.len()).is_some_and(|start| start.eq_ignore_ascii_case(e)));
    if escaped_ampersand && search.ends_with('&') {
        format!("{search}{hash}")
    } else {
        search
    }
}

fn set(query: &str, replace: bool) {
    let Some(window) = super::page::window() else { return };
    let Ok(history) = window.history() else { return };
    let Some((path, current)) = location_parts() else { return };
    if !replace && current == query {
        return;
    }
    // Keep the path as it is (the app may live under any subpath); only the query changes.
    let url = format!("{path}{query}");
    let _ = if replace {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&url))
    };
}

/// A new entry, so Back returns to the current screen.
pub fn push(query: &str) {
    set(query, false);
}

/// A new entry for the same address, for a step that is not a screen of its
/// own (a question asked before going on), so Back closes it instead of
/// leaving the app.
pub fn push_same() {
    let Some(window) = super::page::window() else { return };
    let (Ok(history), Some((path, query))) = (window.history(), location_parts()) else { return };
    let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&format!("{path}{query}")));
}

/// Changes the address without a new entry (e.g. after correcting a bad link).
pub fn replace(query: &str) {
    set(query, true);
}

/// A new screen starts at its top, as a new page would.
pub fn scroll_to_top() {
    if let Some(window) = super::page::window() {
        window.scroll_to_with_x_and_y(0.0, 0.0);
    }
}

/// Focuses `element` (which should have `tabindex="-1"`) and scrolls it to the
/// top of the screen, e.g. the feedback after an answer is checked.
pub fn bring_into_view(element: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    if let Some(element) = element.dyn_ref::<web_sys::HtmlElement>() {
        let _ = element.focus();
    }
    element.scroll_into_view_with_bool(true);
}

/// Scrolls the least needed to show the whole of `element`, its bottom
/// last: a QR code just opened under the button that opened it.
pub fn show_whole(element: &web_sys::Element) {
    element.scroll_into_view_with_bool(false);
}

/// True if `target` (a click's) is in the header's link home (`#home-link`).
pub fn is_home_link(target: Option<web_sys::EventTarget>) -> bool {
    use wasm_bindgen::JsCast;
    target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.closest("#home-link").ok().flatten()).is_some()
}
