//! The contact the accessibility statement gives for reporting a problem.
//!
//! The organisation that deploys the app sets it at build time, in the
//! `ACCESSIBILITY_CONTACT` environment variable (see README, "Deploying"):
//! an email address, an `https://` web address, or a phone number. `build.rs`
//! checks it with [`Contact::parse`] and stops the build with the reason if it
//! is none of these, so a typo never ships, and hands the app its link and
//! text ready-made, so this code is not in the wasm. Unset or empty, the
//! statement tells people to contact whoever shared the app with them.

/// A way to reach the people who look after this deployment of the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    /// `name@example.org`; shown as a `mailto:` link.
    Email(String),
    /// `https://…`; shown as a link.
    Web(String),
    /// Digits, spaces, `+`, `(` and `)`, at least 7 digits; shown as a `tel:` link.
    Phone(String),
}

impl Contact {
    /// Reads a contact as written (surrounding spaces are ignored).
    ///
    /// Errors: `Err` with a sentence saying what is wrong, for anything that is
    /// not one of the three forms, or that holds a character that could break
    /// out of a link (`<`, `>`, `"`, `'`, a space inside an address).
    pub fn parse(text: &str) -> Result<Contact, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("the contact is empty".into());
        }
        if text.len() > 200 {
            return Err("the contact is longer than 200 characters".into());
        }
        if text.chars().any(|c| matches!(c, '<' | '>' | '"' | '\'' | '`') || c.is_control()) {
            return Err(format!("\"{text}\" has a character a link cannot hold (< > \" ' or a control character)"));
        }
        if let Some(rest) = text.strip_prefix("https://") {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            return if !text.contains(char::is_whitespace) && host.contains('.') {
                Ok(Contact::Web(text.into()))
            } else {
                Err(format!("\"{text}\" is not a web address with a host, like https://example.org/accessibility"))
            };
        }
        if let Some((local, domain)) = text.split_once('@') {
            let ok = !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !text.contains(char::is_whitespace);
            return if ok { Ok(Contact::Email(text.into())) } else { Err(format!("\"{text}\" is not an email address")) };
        }
        let digits = text.chars().filter(char::is_ascii_digit).count();
        if digits >= 7 && text.chars().all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '(' | ')' | '-')) {
            return Ok(Contact::Phone(text.into()));
        }
        Err(format!(
            "\"{text}\" is not an email address, an https:// web address or a phone number; \
             http:// addresses are refused, as the app only links out over https"
        ))
    }

    /// The link's `href`: `mailto:…`, the web address, or `tel:` with the
    /// digits and a leading `+` only.
    pub fn href(&self) -> String {
        match self {
            Contact::Email(address) => format!("mailto:{address}"),
            Contact::Web(address) => address.clone(),
            Contact::Phone(number) => format!("tel:{}", number.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect::<String>()),
        }
    }

    /// The contact as shown, as it was written.
    pub fn text(&self) -> &str {
        match self {
            Contact::Email(t) | Contact::Web(t) | Contact::Phone(t) => t,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_three_forms_are_read_and_linked() {
        assert_eq!(Contact::parse(" access@example.org ").unwrap().href(), "mailto:access@example.org");
        assert_eq!(Contact::parse("https://example.org/help").unwrap(), Contact::Web("https://example.org/help".into()));
        let phone = Contact::parse("+44 (0)20 7946 0000").unwrap();
        assert_eq!(phone.href(), "tel:+440207946 0000".replace(' ', ""));
        assert_eq!(phone.text(), "+44 (0)20 7946 0000");
    }

    #[test]
    fn anything_else_is_refused_with_a_reason() {
        for bad in [
            "",
            "   ",
            "http://example.org",
            "https://",
            "https://localhost",
            "javascript:alert(1)",
            "someone@",
            "@example.org",
            "a b@example.org",
            "x@example.org\"><script>",
            "call the office",
            "12345",
            "https://example.org/<x>",
        ] {
            let error = Contact::parse(bad).unwrap_err();
            assert!(!error.is_empty(), "{bad}");
        }
        assert!(Contact::parse(&format!("{}@example.org", "a".repeat(200))).unwrap_err().contains("200"));
    }
}
