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

/// The advice every message gives that asks the person to leave an app's
/// built-in browser; a message holding it is shown with a button that
/// copies the page's link ([`advises_opening_in_browser`]).
pub const OPEN_IN_BROWSER: &str = "Open this page in your phone's browser";

/// True if `message` asks the person to open the page in their phone's browser.
pub fn advises_opening_in_browser(message: &str) -> bool {
    message.contains(OPEN_IN_BROWSER)
}

/// What to say when "Print or save as PDF" was pressed and the browser did
/// not start printing (an app's built-in browser ignores it without a word).
pub const PRINT_DID_NOT_START: &str = "Printing did not start in this browser. Open this page in your phone's browser, such as Chrome or Safari, to print this record or save it as a PDF.";

/// How long after asking to print the browser must have started (its
/// `beforeprint` event), in ms, before the app says it did not.
pub const PRINT_START_MS: u64 = 1_500;

/// What to say after offering `what` ("your progress", "your records",
/// "the QR code") as the file `name`.
pub fn saving_message(what: &str, name: &str, saving: Saving) -> String {
    match saving {
        Saving::Offered => format!(
            "Your browser was given {what} as the file {name}. Check that it is in your downloads, then keep it somewhere safe, such as your email or files."
        ),
        Saving::InAppBrowser => format!(
            "This page is open inside another app (such as Facebook, Instagram or LinkedIn), which usually cannot save files, so {what} may not have been saved. Open this page in your phone's browser, such as Chrome or Safari (in the app's menu, choose \u{201c}Open in browser\u{201d}), and try again."
        ),
        Saving::Refused => format!("This browser would not save {what}. Open this page in another browser and try again."),
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
            let message = saving_message("your progress", "backup.json", saving);
            assert!(!message.contains("was saved"), "{message}");
        }
        assert!(saving_message("your progress", "b.json", Saving::InAppBrowser).contains("may not have been saved"));
        // Each message that sends the person to their browser is shown with "Copy the link to this page".
        assert!(advises_opening_in_browser(&saving_message("your progress", "b.json", Saving::InAppBrowser)));
        assert!(advises_opening_in_browser(PRINT_DID_NOT_START));
        assert!(!advises_opening_in_browser(&saving_message("your progress", "b.json", Saving::Offered)));
    }
}
