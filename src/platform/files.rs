//! Saving a file to the device and reading one the person picks: how
//! progress backups leave and come back.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlInputElement, Url};

/// Offers `text` as a download named `file_name`. False if the browser refused.
pub fn download(file_name: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let parts = Array::of1(&JsValue::from_str(text));
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return false };
    let Some(link) = document.create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok()) else {
        return false;
    };
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    let _ = Url::revoke_object_url(&url);
    true
}

/// Why a picked file could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadFileError {
    NoFile,
    /// Larger than `limit`: not read at all.
    TooLarge,
    Unreadable,
}

/// The text of the file picked in `input`, if it is at most `limit` bytes.
pub async fn read_picked_file(input: &HtmlInputElement, limit: usize) -> Result<String, ReadFileError> {
    let file = input.files().and_then(|files| files.get(0)).ok_or(ReadFileError::NoFile)?;
    // Checked before reading, so a huge file is never loaded into memory.
    if file.size() > limit as f64 {
        return Err(ReadFileError::TooLarge);
    }
    let promise: Promise = file.text();
    let text = JsFuture::from(promise).await.map_err(|_| ReadFileError::Unreadable)?;
    text.as_string().ok_or(ReadFileError::Unreadable)
}
