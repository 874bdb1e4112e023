//! Time and randomness from the browser. The domain never reads either itself;
//! the UI fetches them here and passes them in.

/// Milliseconds since the Unix epoch. (Natively, when the app's components
/// are rendered at build time, the machine's clock.)
pub fn now_ms() -> u64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Date::now().max(0.0) as u64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_millis() as u64)
    }
}

/// Milliseconds on the page's monotonic clock (`performance.now()`), for
/// spans within one page such as the tap guard: unlike [`now_ms`], it never
/// goes back when the device's clock is set back. 0 if the browser has none.
pub fn monotonic_ms() -> f64 {
    super::page::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// Minutes to add to UTC to get the device's local time (east is positive).
/// 0 natively.
pub fn local_offset_minutes() -> i64 {
    offset_at(now_ms())
}

/// Minutes east of UTC in force on this device at `utc_ms` (ms since the
/// Unix epoch), with summer time as it was or will be then, not as it is now.
pub fn offset_at(utc_ms: u64) -> i64 {
    #[cfg(target_arch = "wasm32")]
    {
        -(js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(utc_ms as f64)).get_timezone_offset() as i64)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = utc_ms;
        0
    }
}

/// The offset (minutes east of UTC) to show a stored time with: the one kept
/// with it (where the phone was when it happened), else [`offset_at`] that moment.
pub fn offset_then(utc_ms: u64, kept: Option<i64>) -> i64 {
    kept.unwrap_or_else(|| offset_at(utc_ms))
}

/// A number from 0 up to (not including) 1, from the browser's `Math.random`
/// (natively, from the clock: only for rendering pages at build time).
pub fn random_fraction() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        js_sys::Math::random()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        f64::from(now_ms().wrapping_mul(2_654_435_761) as u32) / 4_294_967_296.0
    }
}

/// A fresh seed for shuffling a quiz.
pub fn random_seed() -> u64 {
    let high = (random_fraction() * 4_294_967_296.0) as u64;
    let low = (random_fraction() * 4_294_967_296.0) as u64;
    (high << 32) | low
}

/// The name of a page global the end-to-end tests may set, with an init
/// script that runs before the app, to a number of ms: the tap guard's span
/// for that page (see `ui::quiz_screen`). They set it to 0, so a test that
/// clicks at machine speed does not wait out half a second at every question
/// (hundreds of times a run); the tests about double taps leave it unset and
/// get the real span.
pub const TAP_GUARD_OVERRIDE: &str = "__safeguardingTapGuardMs";

/// The tap guard's span in ms: `default_ms`, unless the page set
/// [`TAP_GUARD_OVERRIDE`] to a finite number from 0 to `default_ms` before the
/// app started (read once per call; anything else is ignored). A person's
/// browser never has it set, and it can only shorten the guard.
pub fn tap_guard_ms(default_ms: u64) -> u64 {
    let Some(window) = super::page::window() else { return default_ms };
    let value = js_sys::Reflect::get(&window, &wasm_bindgen::JsValue::from_str(TAP_GUARD_OVERRIDE)).ok();
    match value.and_then(|v| v.as_f64()) {
        Some(ms) if ms.is_finite() && ms >= 0.0 && ms <= default_ms as f64 => ms as u64,
        _ => default_ms,
    }
}
