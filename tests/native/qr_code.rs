//! The app's QR encoder (src/quiz/links/qr_code.rs), checked by decoding what it
//! draws with an independent decoder (rqrr): every length up to 150 bytes
//! (versions 1 to 8), a spread up to 400, the longest a code holds, and a
//! trainer's link.

use quiz::links::qr_code::QrCode;
use quiz::rng::SeededRng;

/// Draws `code` as a greyscale picture (4 px a module, with the quiet zone)
/// and reads it back.
fn decode(code: &QrCode) -> (usize, String) {
    const SCALE: usize = 4;
    let side = (code.size + 8) * SCALE;
    let mut image = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
        let (mx, my) = (x / SCALE, y / SCALE);
        let inside = (4..code.size + 4).contains(&mx) && (4..code.size + 4).contains(&my);
        if inside && code.is_dark(mx - 4, my - 4) {
            0
        } else {
            255
        }
    });
    let grids = image.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    let (meta, content) = grids[0].decode().expect("the code decodes");
    assert_eq!(meta.ecc_level, 0, "level M (rqrr numbers it 0)");
    (meta.version.0, content)
}

/// Link-like text: the characters a quiz link is made of.
fn text_of_length(rng: &mut SeededRng, len: usize) -> String {
    const CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&'()*+,;=%";
    (0..len).map(|_| CHARS[rng.below(CHARS.len())] as char).collect()
}

#[test]
fn lengths_up_to_400_bytes_decode_to_the_same_text() {
    let mut rng = SeededRng::new(18004);
    for len in (1..=150).chain((151..=400).step_by(7)) {
        let text = text_of_length(&mut rng, len);
        let code = QrCode::encode(text.as_bytes()).unwrap();
        let (version, decoded) = decode(&code);
        assert_eq!(version, code.version);
        assert_eq!(decoded, text, "length {len}, version {}", code.version);
    }
}

#[test]
fn long_texts_up_to_the_largest_code_decode() {
    let mut rng = SeededRng::new(40);
    for len in [500, 800, 1200, 1700, 2331] {
        let text = text_of_length(&mut rng, len);
        let code = QrCode::encode(text.as_bytes()).unwrap();
        assert_eq!(decode(&code).1, text, "length {len}");
    }
    assert_eq!(QrCode::encode(text_of_length(&mut rng, 2331).as_bytes()).unwrap().version, 40);
}

#[test]
fn a_trainers_link_decodes_exactly() {
    let link = "https://example.org/training/safeguarding/?view=trainer-quiz&topics=principle-1,principle-2,national-picture&count=20&seed=4294967295&mode=assessment&pass=80&title=Team%20briefing%2C%20March&refresh=12";
    let code = QrCode::encode(link.as_bytes()).unwrap();
    assert_eq!(decode(&code).1, link);
}
