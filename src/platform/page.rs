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

/// Where the person was on the page before the app took it over (assets/early.js):
/// how far it was scrolled (CSS px) and the id of what had focus in `#app`.
/// The app draws the same screen over it; [`Takeover::restore`] puts both
/// back, so nothing moves under the person's finger or screen reader.
#[derive(Debug, Default)]
pub struct Takeover {
    scroll_y: f64,
    focused_id: Option<String>,
}

impl Takeover {
    /// Notes the scroll and focus now, before `#app` is replaced.
    pub fn note() -> Takeover {
        let Some(window) = window() else { return Takeover::default() };
        let focused_id = document()
            .and_then(|d| Some((d.active_element()?, d.get_element_by_id("app")?)))
            .filter(|(active, app)| app.contains(Some(active)))
            .map(|(active, _)| active.id())
            .filter(|id| !id.is_empty());
        Takeover { scroll_y: window.scroll_y().unwrap_or(0.0), focused_id }
    }

    /// True if the person had moved on the page (scrolled, or focused something in it).
    pub fn was_in_use(&self) -> bool {
        self.scroll_y > 0.0 || self.focused_id.is_some()
    }

    /// Puts the scroll and focus back, once the app has drawn its screen.
    pub fn restore(&self) {
        use wasm_bindgen::JsCast;
        let Some(window) = window() else { return };
        window.scroll_to_with_x_and_y(0.0, self.scroll_y);
        let element = self.focused_id.as_deref().and_then(|id| document()?.get_element_by_id(id));
        if let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
}
