//! The browser window, when there is one. In the browser it always is; when
//! the app's own components are rendered to HTML at build time
//! (`src/bin/static_pages.rs`, natively) there is none, and every platform
//! function then does nothing and returns its empty answer. Calling
//! `web_sys::window()` natively would panic instead.

/// The page's window; `None` when not running in a browser.
pub fn window() -> Option<web_sys::Window> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// The page's document; `None` when not running in a browser.
pub fn document() -> Option<web_sys::Document> {
    window().and_then(|w| w.document())
}

/// Sets the page's title (`document.title`), which browsers show on the tab
/// and screen readers read when the screen changes.
pub fn set_title(title: &str) {
    if let Some(document) = document() {
        document.set_title(title);
    }
}

/// What can hold focus in `#app`, in document order: the same on the page
/// and in the app, which draws the same markup.
const FOCUSABLE: &str = "#app a[href], #app button, #app input, #app select, #app textarea, #app [tabindex]";

/// Where the person was on the page before the app took it over
/// (assets/early.js): how far it was scrolled (CSS px), which of `#app`'s
/// focusable elements had focus (by its place among them, [`FOCUSABLE`]),
/// and the value of each drop-down chosen (by id). The app draws the same
/// screen over it; [`Takeover::restore`] puts them back, so nothing moves
/// under the person's finger or screen reader, and nothing chosen is lost.
#[derive(Debug, Default)]
pub struct Takeover {
    scroll_y: f64,
    focused_at: Option<u32>,
    chosen: Vec<(String, String)>,
}

impl Takeover {
    /// Notes the scroll, focus and choices now, before `#app` is replaced.
    pub fn note() -> Takeover {
        use wasm_bindgen::JsCast;
        let Some((window, document)) = window().zip(document()) else { return Takeover::default() };
        let focusable = document.query_selector_all(FOCUSABLE).ok();
        let active = document.active_element();
        let focused_at = focusable
            .as_ref()
            .zip(active)
            .and_then(|(all, active)| (0..all.length()).find(|&n| all.item(n).is_some_and(|node| node.is_same_node(Some(&active)))));
        let chosen = document
            .query_selector_all("#app select[id]")
            .ok()
            .map(|all| {
                (0..all.length())
                    .filter_map(|n| all.item(n)?.dyn_into::<web_sys::HtmlSelectElement>().ok())
                    .filter(|select| !select.value().is_empty())
                    .map(|select| (select.id(), select.value()))
                    .collect()
            })
            .unwrap_or_default();
        Takeover { scroll_y: window.scroll_y().unwrap_or(0.0), focused_at, chosen }
    }

    /// True if the person had moved on the page (scrolled, focused or chosen something in it).
    pub fn was_in_use(&self) -> bool {
        self.scroll_y > 0.0 || self.focused_at.is_some() || !self.chosen.is_empty()
    }

    /// Puts the scroll, focus and choices back, once the app has drawn its screen.
    pub fn restore(&self) {
        use wasm_bindgen::JsCast;
        let Some((window, document)) = window().zip(document()) else { return };
        for (id, value) in &self.chosen {
            if let Some(select) = document.get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlSelectElement>().ok()) {
                select.set_value(value);
                // The app's own handler takes the choice in, as if made now.
                if let Ok(event) = web_sys::Event::new_with_event_init_dict("change", &{
                    let init = web_sys::EventInit::new();
                    init.set_bubbles(true);
                    init
                }) {
                    let _ = select.dispatch_event(&event);
                }
            }
        }
        window.scroll_to_with_x_and_y(0.0, self.scroll_y);
        let element = self.focused_at.and_then(|n| document.query_selector_all(FOCUSABLE).ok()?.item(n));
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
}
