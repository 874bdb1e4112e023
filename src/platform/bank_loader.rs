//! Fetching the question bank. The build writes it next to the app as
//! questions-<hash>.json and points `<link id="question-bank">` in index.html
//! at it; the browser starts downloading it with the app (a preload), and the
//! service worker keeps it for offline use.

use js_sys::Promise;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

use crate::quiz::content::bank::Bank;

/// Why the questions could not be loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BankLoadError {
    /// The page does not say where the bank is (a broken build).
    NotInPage,
    /// The download failed: offline before the app was saved, or a server error.
    Network,
    /// The file arrived but is not a valid bank.
    Damaged,
}

async fn resolve(promise: Promise) -> Result<wasm_bindgen::JsValue, BankLoadError> {
    JsFuture::from(promise).await.map_err(|_| BankLoadError::Network)
}

pub async fn load_bank() -> Result<Bank, BankLoadError> {
    let window = super::page::window().ok_or(BankLoadError::NotInPage)?;
    let url = window
        .document()
        .and_then(|d| d.get_element_by_id("question-bank"))
        .and_then(|link| link.get_attribute("href"))
        .ok_or(BankLoadError::NotInPage)?;
    let response: Response = resolve(window.fetch_with_str(&url)).await?.unchecked_into();
    if !response.ok() {
        return Err(BankLoadError::Network);
    }
    let text = resolve(response.text().map_err(|_| BankLoadError::Network)?).await?;
    let text = text.as_string().ok_or(BankLoadError::Damaged)?;
    Bank::from_bundle(&text).map_err(|_| BankLoadError::Damaged)
}
