//! Fitting every CPD record on one A4 page, measured, just before the
//! browser prints.
//!
//! A record's height depends on its words, their script (a Chinese character
//! or an emoji is about twice as wide as a Latin letter), its line breaks and
//! the fonts of the device, so no count of characters can choose a type size
//! that always fits: one tried gave 2 or 3 pages for ordinary prose just
//! below each step. So when the browser is about to print (`beforeprint`,
//! which Ctrl+P, the browser's menu, Share then Print and the app's own
//! button all fire) the page is put into its paper layout (`paper` on
//! `<html>`, see `style/main.css`), and each record takes the largest type
//! size, from 11 pt down to 5 pt, at which it measures no taller than the
//! printable height of an A4 page. The paper layout ends after printing.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::share::set_root_class;

/// The type sizes tried, largest first. The last two also run a record's
/// lines together (hundreds of short lines fit no other way), and the last
/// breaks words anywhere (lines of long words waste half their width).
const FITS: [&[&str]; 8] =
    [&["fit-11"], &["fit-10"], &["fit-9"], &["fit-8"], &["fit-7"], &["fit-6"], &["fit-6", "fit-flow"], &["fit-5", "fit-flow", "fit-break"]];
/// Every class `FITS` sets, to clear them first.
const ALL_FITS: [&str; 9] = ["fit-11", "fit-10", "fit-9", "fit-8", "fit-7", "fit-6", "fit-5", "fit-flow", "fit-break"];
/// A4 is 297 mm tall; the stylesheet's `@page` margins are 12 mm top and
/// bottom. In CSS px (96 to the inch), less 3% for rounding between the
/// screen's layout and the printer's.
const PAGE_HEIGHT_PX: f64 = (297.0 - 24.0) * 96.0 / 25.4 * 0.97;

/// Puts the page into its paper layout and sizes each record to one page.
pub fn fit_records_to_pages() {
    let Some(document) = super::page::window().and_then(|w| w.document()) else { return };
    set_root_class("paper", true);
    let Ok(records) = document.query_selector_all(".certificate") else { return };
    for n in 0..records.length() {
        let Some(record) = records.item(n).and_then(|r| r.dyn_into::<HtmlElement>().ok()) else { continue };
        let classes = record.class_list();
        for class in ALL_FITS {
            let _ = classes.remove_1(class);
        }
        for (i, fit) in FITS.iter().enumerate() {
            for class in fit.iter() {
                let _ = classes.add_1(class);
            }
            // Reading the height lays the record out at this size.
            if f64::from(record.offset_height()) <= PAGE_HEIGHT_PX || i == FITS.len() - 1 {
                break;
            }
            for class in fit.iter() {
                let _ = classes.remove_1(class);
            }
        }
    }
}

/// Leaves the paper layout, once printing is over.
pub fn end_paper_layout() {
    set_root_class("paper", false);
}
