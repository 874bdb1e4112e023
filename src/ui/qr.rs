//! A QR code of a link, drawn on the device as SVG text (no network, no image).

use qrcode::{render::svg, EcLevel, QrCode};

/// The SVG of `text` as a QR code, labelled for screen readers; None if the
/// text is too long for a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    // Medium error correction survives a projector's glare and a phone's shake.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let image = code.render::<svg::Color>().min_dimensions(256, 256).quiet_zone(true).build();
    let svg = image.split_once("?>").map_or(image.as_str(), |(_, rest)| rest);
    Some(svg.replacen("<svg ", "<svg class=\"qr\" role=\"img\" aria-label=\"QR code of the quiz link\" ", 1))
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
