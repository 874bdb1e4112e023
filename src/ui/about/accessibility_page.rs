//! The accessibility statement, in the form UK public bodies publish. Static
//! text, written once as HTML (see html_text.rs for why).

use crate::ui::common::focus::focus_when_shown;
use leptos::{html, prelude::*};

use crate::ui::ProblemContact;

/// The statement up to its contact section.
const STATEMENT: &str = r#"
<p>This statement applies to the Safeguarding Check app. We want as many people as possible to be able to use it. For example, you should be able to:</p>
<ul>
<li>change colours, contrast and fonts using your device's settings, and use it in light or dark mode;</li>
<li>zoom text to 200% without it spilling off the screen, on a screen as narrow as 320 pixels;</li>
<li>do everything with a keyboard alone, with the focus always visible;</li>
<li>use it with a screen reader: feedback after each answer is announced, and every chart has a table of its figures;</li>
<li>take your time: nothing is timed.</li>
</ul>
<h3>How accessible this app is</h3>
<p>We test every screen against the Web Content Accessibility Guidelines (WCAG) 2.2 at level AA, in light and dark, with automated checks (axe-core), keyboard-only runs of every flow, checks at 320 pixels and at 200% text size, and checks that buttons, links and form fields are at least 44 pixels tall.</p>
<p>We know of these limits:</p>
<ul>
<li>The QR code on the trainer screen is a picture. The same link is always shown as text, with a button to copy it.</li>
<li>Charts are drawings. Their figures are written on them, and given in a table for screen readers.</li>
<li>The app has not yet been audited by an independent accessibility specialist.</li>
</ul>
"#;

/// The statement after its contact section.
const STATEMENT_END: &str = r#"
<h3>Enforcement procedure</h3>
<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing the Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018 (the accessibility regulations). If you are not happy with how your complaint is handled, contact the Equality Advisory and Support Service (EASS).</p>
<h3>Technical information about this app's accessibility</h3>
<p>This app is designed to meet WCAG 2.2 level AA. It is partially compliant until an independent audit confirms it, for the reason given above.</p>
<h3>Preparation of this accessibility statement</h3>
<p>This statement was prepared in November 2026, from the app's own automated and keyboard tests. It is reviewed with each release.</p>
"#;

/// The accessibility statement; `on_home` goes home.
#[component]
pub fn AccessibilityPage(on_home: Callback<()>) -> impl IntoView {
    let heading_ref = NodeRef::<html::H2>::new();
    focus_when_shown(heading_ref);
    view! {
        <section class="page statement" aria-labelledby="statement-heading">
            <h2 id="statement-heading" tabindex="-1" node_ref=heading_ref>"Accessibility statement"</h2>
            <div inner_html=STATEMENT></div>
            <h3>"Feedback and contact information"</h3>
            <p>"This app has no server and collects nothing, so we cannot see who uses it or what goes wrong for them."</p>
            <ProblemContact />
            <div inner_html=STATEMENT_END></div>
            <button type="button" class="button button-secondary" on:click=move |_| on_home.run(())>"Back to home"</button>
        </section>
    }
}
