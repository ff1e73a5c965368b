//! Bytes to text, never failing.
//!
//! Scraped pages and exports arrive in whatever encoding the source used, sometimes with
//! broken sequences. Losing a document to a decoding error is worse than a few replacement
//! characters, so [`decode`] always returns text and says which encoding it assumed.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Text decoded from bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text; invalid sequences are replaced by U+FFFD.
    pub text: String,
    /// The WHATWG name of the encoding assumed ("UTF-8", "windows-1252", "UTF-16LE"), recorded
    /// in [`polemos_core::Document::encoding`] so odd characters can be traced.
    pub encoding: &'static str,
    /// Whether some byte sequences were invalid and replaced.
    pub lossy: bool,
}

/// Decodes bytes: a byte-order mark wins; then valid (or almost valid) UTF-8; then BOM-less
/// UTF-16; then the legacy encoding chardetng guesses (typically windows-1252).
pub fn decode(bytes: &[u8]) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let body = bytes.get(bom_len..).unwrap_or_default();
        return with(enc, body);
    }
    // Before the UTF-8 check: NUL bytes are valid UTF-8.
    if let Some(enc) = utf16_without_bom(bytes) {
        return with(enc, bytes);
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_owned(),
            encoding: UTF_8.name(),
            lossy: false,
        };
    }
    if mostly_utf8(bytes) {
        return with(UTF_8, bytes);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    with(enc, bytes)
}

/// Whether the bytes look like binary data rather than text in any encoding: NUL bytes that
/// are not UTF-16 padding (more than one in a hundred, and more than a stray few), or many
/// control characters.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if Encoding::for_bom(bytes).is_some() || utf16_without_bom(bytes).is_some() {
        return false;
    }
    let sample = bytes.get(..8192).unwrap_or(bytes);
    if sample.is_empty() {
        return false;
    }
    // A stray NUL in a text export (a corrupt field) does not make the file binary: binary
    // formats hold them by the hundred.
    let mut control = 0usize;
    let mut nul = 0usize;
    for &b in sample {
        if b == 0 {
            nul += 1;
        } else if b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b) {
            control += 1;
        }
    }
    (nul * 100 > sample.len() && nul >= 16) || (nul + control) * 10 > sample.len()
}

/// Decodes bytes in `enc`, as already decided for their file.
pub(crate) fn decode_as(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    with(enc, bytes)
}

fn with(enc: &'static Encoding, bytes: &[u8]) -> Decoded {
    let (text, lossy) = enc.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        lossy,
    }
}

/// UTF-16 without a byte-order mark shows up as NUL bytes in every other position for
/// mostly-ASCII text.
pub(crate) fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = bytes.get(..4096).unwrap_or(bytes);
    if sample.len() < 4 {
        return None;
    }
    let pairs = sample.len() / 2;
    let (mut even_nul, mut odd_nul) = (0usize, 0usize);
    for pair in sample.chunks_exact(2) {
        if pair[0] == 0 {
            even_nul += 1;
        }
        if pair[1] == 0 {
            odd_nul += 1;
        }
    }
    // At least 70% of the characters ASCII-range on one side, almost none on the other.
    if odd_nul * 10 >= pairs * 7 && even_nul * 20 <= pairs {
        Some(UTF_16LE)
    } else if even_nul * 10 >= pairs * 7 && odd_nul * 20 <= pairs {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// UTF-8 with a few broken sequences (exports that were cut or mixed): more valid non-ASCII
/// characters than invalid sequences means the bytes are UTF-8 with damage, not a legacy
/// encoding, where valid multi-byte UTF-8 sequences are very rare.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_non_ascii = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_non_ascii += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_non_ascii > 0 && invalid <= valid_non_ascii
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_as_is() {
        let d = decode("Ḥamā “quoted”".as_bytes());
        assert_eq!(d.text, "Ḥamā “quoted”");
        assert_eq!(d.encoding, "UTF-8");
        assert!(!d.lossy);
    }

    #[test]
    fn boms() {
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice(b"Homs");
        assert_eq!(decode(&b).text, "Homs");

        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "Idlib “x”".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        let d = decode(&le);
        assert_eq!((d.text.as_str(), d.encoding), ("Idlib “x”", "UTF-16LE"));
        let d = decode(&be);
        assert_eq!((d.text.as_str(), d.encoding), ("Idlib “x”", "UTF-16BE"));
    }

    #[test]
    fn utf16_without_bom_is_detected() {
        let mut le = Vec::new();
        for u in "Rebels attacked Daraa on Friday.".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
        }
        let d = decode(&le);
        assert_eq!(d.text, "Rebels attacked Daraa on Friday.");
        assert!(!looks_binary(&le));
    }

    #[test]
    fn windows_1252() {
        // “We could not” – the town’s
        let b = b"\x93We could not pull anyone out,\x94 he said \x96 the town\x92s main mosque was hit.";
        let d = decode(b);
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(
            d.text,
            "“We could not pull anyone out,” he said – the town’s main mosque was hit."
        );
    }

    #[test]
    fn damaged_utf8_stays_utf8() {
        let mut b = "Outrage in Ḥamā — “twice” ".as_bytes().to_vec();
        b.push(0xFF);
        b.extend_from_slice(b" more");
        let d = decode(&b);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.lossy);
        assert_eq!(d.text, "Outrage in Ḥamā — “twice” \u{FFFD} more");
    }

    #[test]
    fn binary() {
        assert!(looks_binary(&[0x7F, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0]));
        assert!(!looks_binary(b"plain text\n"));
        assert!(!looks_binary(b""));
        // Never panics, always text.
        let d = decode(&[0x00, 0xFF, 0xFE, 0x80, 0x81]);
        assert!(!d.text.is_empty());
    }
}
