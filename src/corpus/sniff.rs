//! What a file that is not UTF-8 text is, from its first bytes: compressed (gzip, zip,
//! bzip2, xz, zstd, 7z), UTF-32 or UTF-16 (with a byte-order mark, or ASCII-heavy text
//! with every other byte NUL), and UTF-16 decoded to UTF-8.

/// What the first bytes of a file say it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A compressed file or archive, by its format's name.
    Compressed(&'static str),
    /// UTF-32 text (by its byte-order mark).
    Utf32,
    /// UTF-16 text; `bom` when it starts with a byte-order mark.
    Utf16 { big_endian: bool, bom: bool },
}

/// Magic numbers of compressed formats.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x1F\x8B", "gzip"),
    (b"PK\x03\x04", "zip"),
    (b"PK\x05\x06", "zip"),
    (b"BZh", "bzip2"),
    (b"\xFD7zXZ\x00", "xz"),
    (b"\x28\xB5\x2F\xFD", "zstd"),
    (b"7z\xBC\xAF\x27\x1C", "7z"),
];

/// How many leading bytes the UTF-16 guess without a byte-order mark looks at.
const GUESS_BYTES: usize = 4096;

/// What `bytes` are when they are not plain (UTF-8) text, as far as their start tells.
pub fn sniff(bytes: &[u8]) -> Option<Kind> {
    if let Some((_, name)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Some(Kind::Compressed(name));
    }
    if bytes.starts_with(b"\xFF\xFE\x00\x00") || bytes.starts_with(b"\x00\x00\xFE\xFF") {
        return Some(Kind::Utf32);
    }
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        let big_endian = bytes[0] == 0xFE;
        return Some(Kind::Utf16 {
            big_endian,
            bom: true,
        });
    }
    guess_utf16(&bytes[..bytes.len().min(GUESS_BYTES)])
}

/// UTF-16 without a byte-order mark: most code units have a NUL high byte (ASCII-heavy
/// text) and no code unit is NUL itself.
fn guess_utf16(head: &[u8]) -> Option<Kind> {
    let units: Vec<[u8; 2]> = head.chunks_exact(2).map(|c| [c[0], c[1]]).collect();
    if units.len() < 2 || units.contains(&[0, 0]) {
        return None;
    }
    let high_zero_le = units.iter().filter(|u| u[1] == 0).count();
    let high_zero_be = units.iter().filter(|u| u[0] == 0).count();
    let mostly = |n: usize| n * 2 > units.len();
    match (mostly(high_zero_le), mostly(high_zero_be)) {
        (true, false) => Some(Kind::Utf16 {
            big_endian: false,
            bom: false,
        }),
        (false, true) => Some(Kind::Utf16 {
            big_endian: true,
            bom: false,
        }),
        _ => None,
    }
}

/// UTF-16 bytes as UTF-8 (a byte-order mark dropped); an unpaired surrogate or a final
/// odd byte becomes U+FFFD. Also returns the file offset of the first such fault.
pub fn utf16_to_utf8(bytes: &[u8], big_endian: bool, bom: bool) -> (String, Option<usize>) {
    let start = if bom { 2 } else { 0 };
    let body = &bytes[start.min(bytes.len())..];
    let units = body.chunks_exact(2).map(|c| {
        if big_endian {
            u16::from_be_bytes([c[0], c[1]])
        } else {
            u16::from_le_bytes([c[0], c[1]])
        }
    });
    let mut text = String::with_capacity(body.len());
    let mut first_bad = None;
    let mut at = start;
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                text.push(c);
                at += 2 * c.len_utf16();
            }
            Err(_) => {
                text.push('\u{FFFD}');
                first_bad.get_or_insert(at);
                at += 2;
            }
        }
    }
    if body.len() % 2 == 1 {
        text.push('\u{FFFD}');
        first_bad.get_or_insert(bytes.len() - 1);
    }
    (text, first_bad)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { Vec::new() };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    }

    #[test]
    fn compressed_formats_are_named() {
        assert_eq!(sniff(b"\x1F\x8B\x08\x00"), Some(Kind::Compressed("gzip")));
        assert_eq!(sniff(b"PK\x03\x04rest"), Some(Kind::Compressed("zip")));
        assert_eq!(sniff(b"BZh91AY"), Some(Kind::Compressed("bzip2")));
        assert_eq!(sniff(b"Plain text."), None);
        assert_eq!(sniff(b""), None);
    }

    #[test]
    fn utf16_with_and_without_a_bom() {
        let le = utf16le("Tarn é 🙂\n", true);
        let kind = sniff(&le);
        assert_eq!(
            kind,
            Some(Kind::Utf16 {
                big_endian: false,
                bom: true
            })
        );
        assert_eq!(
            utf16_to_utf8(&le, false, true),
            ("Tarn é 🙂\n".into(), None)
        );
        let bare = utf16le("The ferry left.", false);
        assert_eq!(
            sniff(&bare),
            Some(Kind::Utf16 {
                big_endian: false,
                bom: false
            })
        );
        let be: Vec<u8> = "Hi there"
            .encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect();
        assert_eq!(
            sniff(&be),
            Some(Kind::Utf16 {
                big_endian: true,
                bom: false
            })
        );
        assert_eq!(utf16_to_utf8(&be, true, false).0, "Hi there");
        assert_eq!(sniff(b"\xFF\xFE\x00\x00a\x00\x00\x00"), Some(Kind::Utf32));
    }

    #[test]
    fn unpaired_surrogates_and_odd_bytes_are_replaced_at_their_offset() {
        let mut bytes = utf16le("ab", true);
        bytes.extend([0x00, 0xD8]); // a lone high surrogate at byte 6
        bytes.extend(utf16le("c", false));
        bytes.push(b'x');
        let (text, bad) = utf16_to_utf8(&bytes, false, true);
        assert_eq!(text, "ab\u{FFFD}c\u{FFFD}");
        assert_eq!(bad, Some(6));
    }

    #[test]
    fn binary_with_nul_units_is_not_utf16() {
        assert_eq!(sniff(b"a\x00\x00\x00b\x00c\x00"), None);
        assert_eq!(sniff(b"\x00\x01\x02\x03\x00\x00"), None);
    }
}
