//! A QR code of a link, drawn on the device as SVG text (no network, no image).

use crate::quiz::links::qr_code::QrCode;

/// The SVG of `text` as a QR code, labelled for screen readers; None if the
/// text is too long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    qr_svg_labelled(text, "QR code of the quiz link")
}

/// The SVG of `text` as a QR code, with `label` for screen readers (plain
/// words: no quotes or angle brackets).
pub fn qr_svg_labelled(text: &str, label: &str) -> Option<String> {
    let code = QrCode::encode(text.as_bytes())?;
    Some(code.to_svg(256, &format!("class=\"qr\" role=\"img\" aria-label=\"{label}\"")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_becomes_a_labelled_svg() {
        let svg = qr_svg("https://example.org/training/?view=trainer-quiz&topics=all&count=10&seed=1&mode=practice&pass=80").unwrap();
        assert!(svg.starts_with("<svg class=\"qr\" role=\"img\""));
        assert!(svg.ends_with("</svg>"));
        assert!(!svg.contains("<?xml") && !svg.contains("style="));
    }
}
