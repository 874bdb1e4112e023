//! A QR code encoder for the trainer's link: byte mode, medium error
//! correction (it survives a projector's glare and a phone's shake), every
//! version from 1 to 40. It follows ISO/IEC 18004 as laid out in Project
//! Nayuki's reference encoder. It replaces the qrcode crate, which cost
//! 11.4 KB brotli of wasm for features the app does not use (other modes,
//! levels, micro codes, images). Tests decode its output with rqrr.

/// Error-correction codewords per block, for level M, by version.
const ECC_PER_BLOCK: [u8; 41] = [
    0, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    28, 28, 28, 28, 28, 28, 28,
];
/// Error-correction blocks, for level M, by version.
const BLOCKS: [u8; 41] = [
    0, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38, 40,
    43, 45, 47, 49,
];
/// Level M in the format information.
const FORMAT_LEVEL_BITS: u32 = 0;

/// A finished QR code: `size` × `size` modules, true for dark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrCode {
    pub version: usize,
    pub size: usize,
    modules: Vec<bool>,
    /// Modules that belong to the fixed patterns, never to data or masking.
    reserved: Vec<bool>,
}

impl QrCode {
    /// Encodes `data` in the smallest version that holds it; None if it is
    /// too long for any QR code (over 2,331 bytes).
    pub fn encode(data: &[u8]) -> Option<QrCode> {
        let version = (1..=40).find(|&v| data_bits_needed(data.len(), v) <= data_codewords(v) * 8)?;
        let mut code = QrCode::blank(version);
        code.draw_function_patterns();
        code.draw_codewords(&add_error_correction(&data_codewords_for(data, version), version));
        let mask = (0..8).min_by_key(|&mask| {
            code.apply_mask(mask);
            code.draw_format_bits(mask);
            let penalty = code.penalty();
            code.apply_mask(mask); // XOR again undoes it
            penalty
        })?;
        code.apply_mask(mask);
        code.draw_format_bits(mask);
        Some(code)
    }

    /// Whether the module at column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.modules[y * self.size + x]
    }

    /// The code as SVG text, with the 4-module quiet zone, at least `min_px` wide.
    /// Horizontal runs of dark modules are drawn as one rectangle each.
    pub fn to_svg(&self, min_px: usize, attributes: &str) -> String {
        let side = self.size + 8;
        let scale = min_px.div_ceil(side).max(1);
        let px = side * scale;
        let mut path = String::new();
        for y in 0..self.size {
            let mut x = 0;
            while x < self.size {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.size && self.is_dark(x, y) {
                    x += 1;
                }
                path.push_str(&format!("M{} {}h{}v1h-{}z", start + 4, y + 4, x - start, x - start));
            }
        }
        format!(
            "<svg {attributes} xmlns=\"http://www.w3.org/2000/svg\" width=\"{px}\" height=\"{px}\" viewBox=\"0 0 {side} {side}\" \
             shape-rendering=\"crispEdges\"><rect width=\"{side}\" height=\"{side}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>"
        )
    }

    fn blank(version: usize) -> QrCode {
        let size = version * 4 + 17;
        QrCode { version, size, modules: vec![false; size * size], reserved: vec![false; size * size] }
    }

    fn set_function(&mut self, x: usize, y: usize, dark: bool) {
        let at = y * self.size + x;
        self.modules[at] = dark;
        self.reserved[at] = true;
    }

    fn draw_function_patterns(&mut self) {
        let size = self.size;
        for i in 0..size {
            self.set_function(6, i, i % 2 == 0);
            self.set_function(i, 6, i % 2 == 0);
        }
        self.draw_finder(3, 3);
        self.draw_finder(size - 4, 3);
        self.draw_finder(3, size - 4);
        let positions = alignment_positions(self.version);
        let last = positions.len().saturating_sub(1);
        for (i, &x) in positions.iter().enumerate() {
            for (j, &y) in positions.iter().enumerate() {
                // Not where an alignment pattern would sit on a finder.
                let on_finder = (i == 0 && (j == 0 || j == last)) || (i == last && j == 0);
                if !on_finder {
                    self.draw_alignment(x, y);
                }
            }
        }
        self.draw_format_bits(0); // reserves the format areas; redrawn once the mask is chosen
        self.draw_version_bits();
    }

    /// A finder pattern centred on (x, y), with its light separator.
    fn draw_finder(&mut self, x: usize, y: usize) {
        for dy in -4i32..=4 {
            for dx in -4i32..=4 {
                let (xx, yy) = (x as i32 + dx, y as i32 + dy);
                if (0..self.size as i32).contains(&xx) && (0..self.size as i32).contains(&yy) {
                    let ring = dx.abs().max(dy.abs());
                    self.set_function(xx as usize, yy as usize, ring != 2 && ring != 4);
                }
            }
        }
    }

    fn draw_alignment(&mut self, x: usize, y: usize) {
        for dy in -2i32..=2 {
            for dx in -2i32..=2 {
                let ring = dx.abs().max(dy.abs());
                self.set_function((x as i32 + dx) as usize, (y as i32 + dy) as usize, ring != 1);
            }
        }
    }

    fn draw_format_bits(&mut self, mask: u32) {
        let data = (FORMAT_LEVEL_BITS << 3) | mask;
        let mut remainder = data;
        for _ in 0..10 {
            remainder = (remainder << 1) ^ ((remainder >> 9) * 0x537);
        }
        let bits = ((data << 10) | remainder) ^ 0x5412;
        let bit = |i: usize| (bits >> i) & 1 != 0;
        let size = self.size;
        // Around the top-left finder.
        for i in 0..=5 {
            self.set_function(8, i, bit(i));
        }
        self.set_function(8, 7, bit(6));
        self.set_function(8, 8, bit(7));
        self.set_function(7, 8, bit(8));
        for i in 9..15 {
            self.set_function(14 - i, 8, bit(i));
        }
        // The second copy, split between the other two finders.
        for i in 0..8 {
            self.set_function(size - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set_function(8, size - 15 + i, bit(i));
        }
        self.set_function(8, size - 8, true); // the dark module
    }

    fn draw_version_bits(&mut self) {
        if self.version < 7 {
            return;
        }
        let version = self.version as u32;
        let mut remainder = version;
        for _ in 0..12 {
            remainder = (remainder << 1) ^ ((remainder >> 11) * 0x1F25);
        }
        let bits = (version << 12) | remainder;
        for i in 0..18 {
            let dark = (bits >> i) & 1 != 0;
            let (a, b) = (self.size - 11 + i % 3, i / 3);
            self.set_function(a, b, dark);
            self.set_function(b, a, dark);
        }
    }

    /// Places the codewords in the two-column zigzag, bottom right first.
    fn draw_codewords(&mut self, codewords: &[u8]) {
        let size = self.size;
        let mut bit = 0;
        let mut right = size as i32 - 1;
        while right >= 1 {
            if right == 6 {
                right = 5; // skip the vertical timing pattern
            }
            let upward = (right + 1) & 2 == 0;
            for vertical in 0..size {
                let y = if upward { size - 1 - vertical } else { vertical };
                for column in 0..2 {
                    let x = right as usize - column;
                    let at = y * size + x;
                    if !self.reserved[at] && bit < codewords.len() * 8 {
                        self.modules[at] = (codewords[bit / 8] >> (7 - bit % 8)) & 1 != 0;
                        bit += 1;
                    }
                }
            }
            right -= 2;
        }
    }

    fn apply_mask(&mut self, mask: u32) {
        for y in 0..self.size {
            for x in 0..self.size {
                let at = y * self.size + x;
                let flip = match mask {
                    0 => (x + y) % 2 == 0,
                    1 => y % 2 == 0,
                    2 => x % 3 == 0,
                    3 => (x + y) % 3 == 0,
                    4 => (x / 3 + y / 2) % 2 == 0,
                    5 => x * y % 2 + x * y % 3 == 0,
                    6 => (x * y % 2 + x * y % 3) % 2 == 0,
                    _ => ((x + y) % 2 + x * y % 3) % 2 == 0,
                };
                if flip && !self.reserved[at] {
                    self.modules[at] = !self.modules[at];
                }
            }
        }
    }

    /// The standard's penalty score: lower reads more easily.
    fn penalty(&self) -> usize {
        let size = self.size;
        let mut penalty = 0;
        for transposed in [false, true] {
            for a in 0..size {
                let line: Vec<bool> = (0..size).map(|b| if transposed { self.is_dark(a, b) } else { self.is_dark(b, a) }).collect();
                // Runs of five or more of one colour.
                let mut run = 1;
                for i in 1..=size {
                    if i < size && line[i] == line[i - 1] {
                        run += 1;
                    } else {
                        if run >= 5 {
                            penalty += run - 2;
                        }
                        run = 1;
                    }
                }
                // Finder-like 1:1:3:1:1 patterns with four light modules on one side.
                const FINDER: [bool; 7] = [true, false, true, true, true, false, true];
                for i in 0..size.saturating_sub(6) {
                    if line[i..i + 7] == FINDER {
                        let light = |from: i32, to: i32| (from..to).all(|j| j < 0 || j >= size as i32 || !line[j as usize]);
                        if light(i as i32 - 4, i as i32) || light(i as i32 + 7, i as i32 + 11) {
                            penalty += 40;
                        }
                    }
                }
            }
        }
        // 2 × 2 blocks of one colour.
        for y in 0..size - 1 {
            for x in 0..size - 1 {
                let colour = self.is_dark(x, y);
                if colour == self.is_dark(x + 1, y) && colour == self.is_dark(x, y + 1) && colour == self.is_dark(x + 1, y + 1) {
                    penalty += 3;
                }
            }
        }
        // Dark modules far from half.
        let dark = self.modules.iter().filter(|&&m| m).count();
        let total = size * size;
        let deviation = (dark * 20).abs_diff(total * 10);
        penalty + deviation.div_ceil(total).saturating_sub(1) * 10
    }
}

/// Bits for a byte-mode segment of `len` bytes in `version`.
fn data_bits_needed(len: usize, version: usize) -> usize {
    let count_bits = if version <= 9 { 8 } else { 16 };
    if len >= 1 << count_bits {
        return usize::MAX;
    }
    4 + count_bits + len * 8
}

/// Modules left for data and error correction once the patterns are drawn.
fn raw_data_modules(version: usize) -> usize {
    let mut modules = (16 * version + 128) * version + 64;
    if version >= 2 {
        let alignments = version / 7 + 2;
        modules -= (25 * alignments - 10) * alignments - 55;
        if version >= 7 {
            modules -= 36;
        }
    }
    modules
}

fn data_codewords(version: usize) -> usize {
    raw_data_modules(version) / 8 - ECC_PER_BLOCK[version] as usize * BLOCKS[version] as usize
}

/// Centres of the alignment patterns along each axis.
fn alignment_positions(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let size = version * 4 + 17;
    let step = if version == 32 { 26 } else { (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2 };
    let mut positions: Vec<usize> = (0..count - 1).map(|i| size - 7 - i * step).collect();
    positions.push(6);
    positions.reverse();
    positions
}

/// Mode, count, the bytes, terminator and padding, as codewords.
fn data_codewords_for(data: &[u8], version: usize) -> Vec<u8> {
    let capacity = data_codewords(version) * 8;
    let count_bits = if version <= 9 { 8 } else { 16 };
    let mut bits: Vec<bool> = Vec::with_capacity(capacity);
    let push = |value: usize, width: usize, bits: &mut Vec<bool>| {
        for i in (0..width).rev() {
            bits.push((value >> i) & 1 != 0);
        }
    };
    push(0b0100, 4, &mut bits);
    push(data.len(), count_bits, &mut bits);
    for &byte in data {
        push(byte as usize, 8, &mut bits);
    }
    let terminator = (capacity - bits.len()).min(4);
    push(0, terminator, &mut bits);
    let to_byte = (8 - bits.len() % 8) % 8;
    push(0, to_byte, &mut bits);
    let mut codewords: Vec<u8> = bits.chunks(8).map(|b| b.iter().fold(0u8, |acc, &bit| (acc << 1) | bit as u8)).collect();
    for pad in [0xEC, 0x11].into_iter().cycle() {
        if codewords.len() >= capacity / 8 {
            break;
        }
        codewords.push(pad);
    }
    codewords
}

/// Splits the data into blocks, adds each block's Reed–Solomon codewords,
/// and interleaves them as the standard lays out.
fn add_error_correction(data: &[u8], version: usize) -> Vec<u8> {
    let blocks = BLOCKS[version] as usize;
    let ecc_len = ECC_PER_BLOCK[version] as usize;
    let raw_codewords = raw_data_modules(version) / 8;
    let short_blocks = blocks - raw_codewords % blocks;
    let short_len = raw_codewords / blocks;
    let divisor = reed_solomon_divisor(ecc_len);
    let mut all: Vec<Vec<u8>> = Vec::with_capacity(blocks);
    let mut start = 0;
    for i in 0..blocks {
        let len = short_len - ecc_len + usize::from(i >= short_blocks);
        let mut block = data[start..start + len].to_vec();
        start += len;
        let ecc = reed_solomon_remainder(&block, &divisor);
        if i < short_blocks {
            block.push(0); // a placeholder, skipped when interleaving
        }
        block.extend(ecc);
        all.push(block);
    }
    let mut result = Vec::with_capacity(raw_codewords);
    for i in 0..all[0].len() {
        for (j, block) in all.iter().enumerate() {
            if i != short_len - ecc_len || j >= short_blocks {
                result.push(block[i]);
            }
        }
    }
    result
}

fn reed_solomon_divisor(degree: usize) -> Vec<u8> {
    let mut result = vec![0u8; degree];
    result[degree - 1] = 1;
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            result[j] = gf_multiply(result[j], root);
            if j + 1 < degree {
                result[j] ^= result[j + 1];
            }
        }
        root = gf_multiply(root, 0x02);
    }
    result
}

fn reed_solomon_remainder(data: &[u8], divisor: &[u8]) -> Vec<u8> {
    let mut result = vec![0u8; divisor.len()];
    for &byte in data {
        let factor = byte ^ result.remove(0);
        result.push(0);
        for (r, &d) in result.iter_mut().zip(divisor) {
            *r ^= gf_multiply(d, factor);
        }
    }
    result
}

/// Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x^2 + 1.
fn gf_multiply(x: u8, y: u8) -> u8 {
    let mut z: u32 = 0;
    for i in (0..8).rev() {
        z = (z << 1) ^ ((z >> 7) * 0x11D);
        z ^= ((y as u32 >> i) & 1) * x as u32;
    }
    z as u8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_capacities_at_level_m_match_the_standard() {
        // ISO/IEC 18004 table 7, byte mode, level M.
        let capacity = |v: usize| (0..3000).take_while(|&n| data_bits_needed(n, v) <= data_codewords(v) * 8).last().unwrap();
        let expected = [(1, 14), (2, 26), (3, 42), (4, 62), (5, 84), (6, 106), (7, 122), (8, 152), (9, 180), (10, 213), (40, 2331)];
        for (version, bytes) in expected {
            assert_eq!(capacity(version), bytes, "version {version}");
        }
    }

    #[test]
    fn alignment_positions_match_the_standard() {
        assert_eq!(alignment_positions(1), Vec::<usize>::new());
        assert_eq!(alignment_positions(2), vec![6, 18]);
        assert_eq!(alignment_positions(7), vec![6, 22, 38]);
        assert_eq!(alignment_positions(32), vec![6, 34, 60, 86, 112, 138]);
        assert_eq!(alignment_positions(40), vec![6, 30, 58, 86, 114, 142, 170]);
    }

    #[test]
    fn reed_solomon_matches_the_worked_example() {
        // "HELLO WORLD" as version 1-M data codewords, and the error-correction
        // codewords the standard's worked example (as in Thonky's guide) gives.
        let data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
        let ecc = reed_solomon_remainder(&data, &reed_solomon_divisor(10));
        assert_eq!(ecc, vec![196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
    }

    #[test]
    fn too_long_for_any_code_is_none() {
        assert!(QrCode::encode(&[b'a'; 2331]).is_some());
        assert!(QrCode::encode(&[b'a'; 2332]).is_none());
    }

    #[test]
    fn the_svg_has_the_quiet_zone_and_is_at_least_the_size_asked() {
        let code = QrCode::encode(b"https://example.org/").unwrap();
        assert_eq!(code.version, 2);
        let svg = code.to_svg(256, "class=\"qr\"");
        assert!(
            svg.starts_with("<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" width=\"264\" height=\"264\" viewBox=\"0 0 33 33\"")
        );
        assert!(svg.ends_with("</svg>") && svg.contains("<path fill=\"#000\" d=\"M4 4h7v1h-7z"));
    }
}
