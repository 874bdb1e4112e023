//! A calm, plain banner when storage lets the person down.

use leptos::prelude::*;

use crate::platform::storage::StorageProblem;

fn message(problem: StorageProblem) -> &'static str {
    match problem {
        StorageProblem::Unavailable => "Your browser is not letting this app save anything, so your scores will only be kept until you close this page. Private browsing or strict privacy settings can cause this.",
        StorageProblem::UnreadableSetAside => "We could not read the scores saved on this device, so we have started afresh. The old data has been kept aside on this device, not deleted.",
        StorageProblem::UnreadableLeftAlone => "We could not read the scores saved on this device. We have left them as they are, so new scores will only be kept until you close this page.",
        StorageProblem::FromNewerVersion => "Your scores were saved by a newer version of this app. Reload the page to get it. Until then, new scores are not saved, so nothing is overwritten.",
        StorageProblem::Full => "Your device's storage is full, so your latest score could not be saved. It is kept until you close this page. Freeing some space on the device may help.",
        StorageProblem::SaveFailed => "Your latest score could not be saved. It is kept until you close this page.",
        StorageProblem::UnfinishedQuizUnreadable => "We could not pick up your unfinished quiz, so it has been cleared. Your scores are safe.",
    }
}

/// A plain notice of `problem` (storage unavailable, unreadable progress
/// set aside or left alone, a newer version's data, a full disk…), saying
/// what is kept and what to do; nothing while it is `None`.
#[component]
pub fn StorageNotice(problem: RwSignal<Option<StorageProblem>>) -> impl IntoView {
    // The live region is always in the page, so a problem that appears later is announced.
    view! {
        <div class="notice-region" role="status">
            {move || problem.get().map(|p| view! {
                <div class="notice">
                    <p><strong>"Your progress: "</strong>{message(p)}</p>
                </div>
            })}
        </div>
    }
}
