//! What the app says after it offers a file (a backup, the records, a QR
//! code): only what it knows. A browser takes a download without saying
//! whether it saved it, and an app's built-in browser (Facebook, Instagram,
//! LinkedIn…) usually drops it without a word, so "was saved" is never said.

/// How offering a file went, as far as the page can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Saving {
    /// The browser refused at once (no download link could be made).
    Refused,
    /// The browser was handed the file; it shows or saves it its own way.
    Offered,
    /// Handed to an app's built-in browser, which usually cannot save files.
    InAppBrowser,
}

/// Markers of the built-in browsers of social and chat apps, in their user
/// agent strings (Facebook and Messenger `FBAN`/`FBAV`/`FB_IAB`, Instagram,
/// LinkedIn, Snapchat, TikTok, X/Twitter, LINE, WeChat).
const IN_APP_MARKERS: [&str; 11] = [
    "FBAN",
    "FBAV",
    "FB_IAB",
    "Instagram",
    "LinkedInApp",
    "Snapchat",
    "musical_ly",
    "BytedanceWebview",
    "Twitter",
    " Line/",
    "MicroMessenger",
];

/// True if `user_agent` is an app's built-in browser (see [`IN_APP_MARKERS`]).
pub fn is_in_app_browser(user_agent: &str) -> bool {
    IN_APP_MARKERS.iter().any(|marker| user_agent.contains(marker))
}

/// What to say when "Print or save as PDF" was pressed and the browser did
/// not start printing (an app's built-in browser ignores it without a
/// word). Its records are kept inside that app, so the phone's browser would
/// not have them: a screenshot is what works everywhere.
pub const PRINT_DID_NOT_START: &str = "Printing did not start in this browser. If this page is open inside another app (such as Facebook, Instagram or LinkedIn), its browser cannot print: take a screenshot of the record to keep it.";

/// What an app's built-in browser means for the person, said on home there:
/// files and printing do not work, and what is done stays inside that app.
pub const IN_APP_BROWSER_NOTICE: &str = "This page is open inside another app (such as Facebook, Instagram or LinkedIn). Its browser cannot save files or print, and your progress here stays inside that app. To keep your progress, open this page in your phone's browser, such as Chrome or Safari.";

/// What a saved file leaves behind, said with every file offered: the app
/// cannot reach files once they are downloaded, nor delete them.
pub const SHARED_DEVICE_FILES: &str = "The file is not protected and may hold your name and reflections: on a shared device, delete it from the downloads once it is kept elsewhere.";

/// What to do instead when a backup may not have been saved.
pub const COPY_PROGRESS_INSTEAD: &str = "Copy your progress as text below instead, and paste it into an email or a note to keep it.";
/// What to do instead when the records may not have been saved.
pub const COPY_RECORDS_INSTEAD: &str = "Copy your records as text below instead, and paste it into an email or a note to keep them.";
/// What to do instead when a QR code may not have been saved.
pub const COPY_QUIZ_LINK_INSTEAD: &str = "Use \u{201c}Copy the link\u{201d} above to put the quiz link in your slides instead.";

/// How long after asking to print the browser must have started (its
/// `beforeprint` event), in ms, before the app says it did not.
pub const PRINT_START_MS: u64 = 1_500;

/// What to say after offering `what` ("your progress", "your records",
/// "the QR code") as the file `name`; `instead` says what to do when the
/// file may not have been saved (one of the `COPY_…_INSTEAD` sentences).
pub fn saving_message(what: &str, name: &str, saving: Saving, instead: &str) -> String {
    match saving {
        Saving::Offered => format!(
            "Your browser was given {what} as the file {name}. Check that it is in your downloads, then keep it somewhere safe, such as your email or files. {SHARED_DEVICE_FILES}"
        ),
        // What is stored here is inside that app: the phone's browser would not have it.
        Saving::InAppBrowser => format!(
            "This page is open inside another app (such as Facebook, Instagram or LinkedIn), whose browser usually cannot save files, so {what} may not have been saved. {instead}"
        ),
        Saving::Refused => format!("This browser would not save {what}. {instead}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn app_browsers_are_known_by_their_user_agents_and_browsers_are_not() {
        for ua in [
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/440.0]",
            "Mozilla/5.0 (Linux; Android 13; SM-A135F; wv) AppleWebKit/537.36 Chrome/119.0 Mobile Safari/537.36 Instagram 308.0.0.36.109 Android",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 [LinkedInApp]/9.28.6443",
        ] {
            assert!(is_in_app_browser(ua), "{ua}");
        }
        for ua in [
            "Mozilla/5.0 (Linux; Android 13; SM-A135F) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
        ] {
            assert!(!is_in_app_browser(ua), "{ua}");
        }
    }

    #[test]
    fn no_message_claims_a_file_was_saved() {
        for saving in [Saving::Offered, Saving::InAppBrowser, Saving::Refused] {
            let message = saving_message("your progress", "backup.json", saving, COPY_PROGRESS_INSTEAD);
            assert!(!message.contains("was saved"), "{message}");
        }
        let in_app = saving_message("your progress", "b.json", Saving::InAppBrowser, COPY_PROGRESS_INSTEAD);
        assert!(in_app.contains("may not have been saved") && in_app.ends_with(COPY_PROGRESS_INSTEAD), "{in_app}");
        // The data is inside the app's browser: nothing sends the person to a browser that does not have it.
        for message in [in_app.as_str(), PRINT_DID_NOT_START] {
            assert!(!message.contains("try again"), "{message}");
        }
    }
}
