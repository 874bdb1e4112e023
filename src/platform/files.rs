//! Saving a file to the device and reading one the person picks: how
//! progress backups leave and come back.

use js_sys::{Array, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, CanvasRenderingContext2d, HtmlAnchorElement, HtmlCanvasElement, HtmlInputElement, Url};

use crate::quiz::links::qr_code::QrCode;
use crate::quiz::saved::saving::{is_in_app_browser, Saving};

/// True in an app's built-in browser (Facebook, Instagram, LinkedIn…), told apart by its user agent.
pub fn in_app_browser() -> bool {
    super::page::window().and_then(|w| w.navigator().user_agent().ok()).is_some_and(|ua| is_in_app_browser(&ua))
}

/// How offering a file went (`quiz::saving`): `saved` is what the download
/// call returned.
pub fn saving(saved: bool) -> Saving {
    match (saved, in_app_browser()) {
        (_, true) => Saving::InAppBrowser,
        (true, false) => Saving::Offered,
        (false, false) => Saving::Refused,
    }
}

/// Offers `text` (JSON) as a download named `file_name`. False if the browser refused.
pub fn download(file_name: &str, text: &str) -> bool {
    download_typed(file_name, text, "application/json")
}

/// Offers `text` as a download named `file_name`, of media type `mime`
/// ("image/svg+xml"…). False if the browser refused.
pub fn download_typed(file_name: &str, text: &str, mime: &str) -> bool {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let parts = Array::of1(&JsValue::from_str(text));
    let Ok(blob) = Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else { return false };
    let saved = save_from(&url, file_name);
    let _ = Url::revoke_object_url(&url);
    saved
}

/// Clicks a download link to `url` (a blob: or data: address of this page).
fn save_from(url: &str, file_name: &str) -> bool {
    let Some(document) = super::page::window().and_then(|w| w.document()) else { return false };
    let Some(link) = document.create_element("a").ok().and_then(|e| e.dyn_into::<HtmlAnchorElement>().ok()) else {
        return false;
    };
    link.set_href(url);
    link.set_download(file_name);
    link.click();
    true
}

/// Offers `code` as a PNG image named `file_name`, `module_px` pixels per
/// module with its 4-module quiet zone, drawn on a canvas on the device (no
/// image library: the browser already encodes PNG). False if the browser refused.
pub fn download_qr_png(file_name: &str, code: &QrCode, module_px: u32) -> bool {
    let Some(document) = super::page::window().and_then(|w| w.document()) else { return false };
    let Some(canvas) = document.create_element("canvas").ok().and_then(|e| e.dyn_into::<HtmlCanvasElement>().ok()) else {
        return false;
    };
    let side = (code.size as u32 + 8) * module_px;
    canvas.set_width(side);
    canvas.set_height(side);
    let Some(context) = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok()) else {
        return false;
    };
    context.set_fill_style_str("#fff");
    context.fill_rect(0.0, 0.0, f64::from(side), f64::from(side));
    context.set_fill_style_str("#000");
    let px = f64::from(module_px);
    for y in 0..code.size {
        for x in 0..code.size {
            if code.is_dark(x, y) {
                context.fill_rect((x + 4) as f64 * px, (y + 4) as f64 * px, px, px);
            }
        }
    }
    match canvas.to_data_url() {
        Ok(url) => save_from(&url, file_name),
        Err(_) => false,
    }
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
