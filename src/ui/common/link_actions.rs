//! Copying a link and opening the share sheet, with what happened said in
//! a status line: shared by the trainer's session and a learner's result.

use leptos::{prelude::*, task::spawn_local};

use crate::platform::share;

/// Copies `link`, then says `copied`, or how to copy it by hand, in `status`.
pub fn copy_link(link: String, status: RwSignal<String>, copied: &'static str) {
    spawn_local(async move {
        status.set(if share::copy(&link).await {
            copied.into()
        } else {
            "This browser would not copy. Select the link and copy it.".into()
        });
    });
}

/// Opens the phone's share sheet with `title` and `link`.
pub fn share_link(title: &'static str, link: String) {
    spawn_local(async move {
        share::share(title, &link).await;
    });
}
