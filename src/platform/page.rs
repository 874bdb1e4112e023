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
