//! Asking the browser to keep this app's data (`navigator.storage.persist()`),
//! and how much space it uses. Not every browser has these; `None` means
//! "this browser cannot say".

use js_sys::{Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::StorageManager;

fn storage_manager() -> Option<StorageManager> {
    let navigator = super::page::window()?.navigator();
    let value = Reflect::get(&navigator, &JsValue::from_str("storage")).ok()?;
    value.dyn_into::<StorageManager>().ok()
}

async fn resolve(promise: Result<Promise, JsValue>) -> Option<JsValue> {
    JsFuture::from(promise.ok()?).await.ok()
}

/// Whether the browser has already agreed to keep the data.
pub async fn is_persisted() -> Option<bool> {
    resolve(storage_manager()?.persisted()).await?.as_bool()
}

/// Asks for persistent storage. Chromium decides silently; Firefox may ask the person.
pub async fn request_persistence() -> Option<bool> {
    resolve(storage_manager()?.persist()).await?.as_bool()
}
