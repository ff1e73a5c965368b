//! The transliteration-aware name key shared by gazetteer names and article text.
//!
//! English news spells Arabic place names in many ways ("Deir ez-Zor", "Deir Ezzor", "Dayr az
//! Zawr", "Deir al-Zour"). Instead of listing every spelling as an alias, names and text are
//! both reduced to a key in which the usual alternations meet. [`KeyedText`] keys a whole text
//! word by word and remembers where each key word came from, so a match on keys maps back to an
//! exact span of the original. [`name_key`] is the same transformation for a single name, so the
//! two sides cannot drift apart.
//!
//! Per word (after lowercasing and removing diacritics):
//! * Arabic articles `al`/`el` become `al`; the sun-letter forms (`ad`, `ar`, `as`, `ash`,
//!   `az`, `at`, `an`, `ath`, `adh`, `ed`, `er`, `es`, `esh`, `ez`, `et`, `en`) also become
//!   `al` when hyphen-joined to the next word or when the next word starts with the article's
//!   consonant ("az Zawr"); an assimilated article written as one word ("Ezzor", "Assad")
//!   becomes `al` plus the rest. The article stays significant: "Bab" and "al-Bab" differ.
//! * `q` is `k`; a possessive `'s` ends the word; other apostrophes are dropped.
//! * A final `aa` or `'a` (an ayn: "Daraa", "Dar'a") becomes `a'`, so "Daraa" stays apart from
//!   "Dara"; otherwise a final `ah`/`eh` becomes `a` ("Hasakeh", "Raqqah").
//! * `ei`/`ey`/`ai`/`ay` before a consonant or at the end are `ay` ("Deir"/"Dayr"); `aw` before
//!   a consonant or at the end is `u` ("Zawr"/"Zor"); `o` is `u` and `e` is `i`.
//! * Doubled letters are single ("Lattakia", "Raqqa", "Maarrat").
//!
//! Words are joined by a space when only spaces or dashes stand between them, and by `|`
//! otherwise, so a name never matches across punctuation.
//!
//! Speed: the text is scanned byte by byte, ASCII letters taking a fast path that only
//! lowercases them; a character outside ASCII is decoded and folded on its own. All buffers of a
//! [`Keyer`] are reused from one text (or name) to the next, so keying allocates nothing per
//! word, and a keyer remembers the keys of recent plain words (news repeats its words), so most
//! words are keyed by one memo lookup.

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::fold::{is_apostrophe, is_dash};

/// The key of a single name: what `KeyedText::new` makes of it, without the offset map.
pub fn name_key(name: &str) -> String {
    Keyer::default().name_key(name).to_string()
}

/// One word of keyed text and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyWord {
    /// Byte range in [`KeyedText::text`].
    pub key_start: u32,
    pub key_end: u32,
    /// Byte range of the original word.
    pub orig_start: u32,
    pub orig_end: u32,
    /// False for the second part of a split word ("zur" of "Ezzor").
    pub starts_word: bool,
    /// False for the first part of a split word ("al" of "Ezzor").
    pub ends_word: bool,
}

/// A text reduced to name keys, with a map back to the original.
#[derive(Debug, Clone, Default)]
pub struct KeyedText {
    pub text: String,
    pub words: Vec<KeyWord>,
}

/// How two neighbouring words are separated in the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Only whitespace.
    Space,
    /// Whitespace and at least one dash.
    Dash,
    /// Anything else: the words cannot be part of one name.
    Break,
}

/// `RawWord::start` and `end` of a word of only ASCII letters and digits, whose folded form is
/// its original lowercased.
const PLAIN: u32 = u32::MAX;

/// A word of the original, folded, before keying.
#[derive(Debug, Clone, Copy)]
struct RawWord {
    /// Range in the folded-letter buffer, or [`PLAIN`].
    start: u32,
    end: u32,
    orig_start: u32,
    orig_end: u32,
    /// Separation from the previous word.
    gap: Gap,
    /// The word ended with an ayn apostrophe before a final `a` ("Dar'a").
    final_ayn: bool,
}

/// Letters NFD does not take apart.
pub(super) fn special_fold(c: char) -> Option<&'static str> {
    Some(match c {
        'ı' | 'İ' => "i",
        'ø' | 'Ø' => "o",
        'æ' | 'Æ' => "ae",
        'ß' => "ss",
        'ł' | 'Ł' => "l",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'œ' | 'Œ' => "oe",
        _ => return None,
    })
}

fn push_char(c: char, buf: &mut Vec<u8>) {
    let mut tmp = [0u8; 4];
    buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
}

/// Appends the folded (lowercase, no diacritics) form of a letter or digit.
fn push_folded(c: char, buf: &mut Vec<u8>) {
    if c.is_ascii() {
        buf.push(c.to_ascii_lowercase() as u8);
    } else if let Some(s) = special_fold(c) {
        buf.extend_from_slice(s.as_bytes());
    } else {
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    push_char(l, buf);
                }
            }
        });
    }
}

/// The character starting at byte `i` of `text` (a char boundary) and its length.
fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (b as char, 1);
    }
    let c = text
        .get(i..)
        .and_then(|s| s.chars().next())
        .unwrap_or('\u{fffd}');
    (c, c.len_utf8())
}

/// Classes of bytes for [`split_words`]: an ASCII letter or digit, a byte leaving the gap
/// between words as it is (ASCII whitespace, `'` and `` ` ``), a dash, other ASCII (a break),
/// or a byte of a longer character.
const ALNUM: u8 = 0;
const KEEP: u8 = 1;
const DASH: u8 = 2;
const BREAK: u8 = 3;
const OTHER: u8 = 4;

const fn byte_classes() -> [u8; 256] {
    let mut t = [OTHER; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | 0x09..=0x0d | b'\'' | b'`') {
            // `char::is_whitespace` of ASCII, and apostrophes.
            KEEP
        } else if c == b'-' {
            DASH
        } else {
            BREAK
        };
        b += 1;
    }
    t
}
static BYTE_CLASS: [u8; 256] = byte_classes();

/// The high bit of each byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// 1 in each byte of a `u64`.
const ONES: u64 = 0x0101_0101_0101_0101;

/// The high bit of each byte of `x` (8 bytes of text) set where that byte is an ASCII letter
/// or digit. Each byte is tested on its own, with no carry between bytes: a byte's low seven
/// bits plus a constant below 0x80 stay below 0x100; `b + (0x80 - lo)` has its high bit set
/// when `b >= lo`, and `b + (0x7f - hi)` when `b > hi`.
fn ascii_alnum_bits(x: u64) -> u64 {
    let low = x & !HIGH_BITS;
    let ascii = !x & HIGH_BITS;
    // Setting 0x20 maps exactly `A-Z` onto `a-z` and nothing else into `a-z`.
    let l = low | (0x20 * ONES);
    let letter = (l + (0x80 - u64::from(b'a')) * ONES) & !(l + (0x7f - u64::from(b'z')) * ONES);
    let digit = (low + (0x80 - u64::from(b'0')) * ONES) & !(low + (0x7f - u64::from(b'9')) * ONES);
    (letter | digit) & ascii
}

/// The end of the run of ASCII letters and digits of `bytes` from `from`: 8 bytes at a time.
fn ascii_alnum_end(bytes: &[u8], from: usize) -> usize {
    let mut j = from;
    while let Some(chunk) = bytes.get(j..j + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let other = !ascii_alnum_bits(u64::from_le_bytes(a)) & HIGH_BITS;
        if other != 0 {
            return j + (other.trailing_zeros() / 8) as usize;
        }
        j += 8;
    }
    while j < bytes.len() && BYTE_CLASS[bytes[j] as usize] == ALNUM {
        j += 1;
    }
    j
}

/// Letters in one piece of a dotted initialism, at most ("Va" of "W.Va.").
const INITIALISM_PIECE: usize = 3;

/// Where a dotted initialism starting with the one-letter word `bytes[start..first_end]`
/// ends (after its last letter, before the final dot): letters in pieces of one to
/// [`INITIALISM_PIECE`] joined by single dots ("U.S", "D.C", "W.Va", "U.S.A"). None where
/// the word is longer than a letter or no dot and letter follow it.
fn dotted_initialism_end(text: &str, start: usize, first_end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    if first_end != start + 1 || !bytes[start].is_ascii_alphabetic() {
        return None;
    }
    let mut end = first_end;
    while bytes.get(end) == Some(&b'.') {
        let piece = end + 1;
        let mut k = piece;
        while k < bytes.len() && bytes[k].is_ascii_alphabetic() && k - piece < INITIALISM_PIECE {
            k += 1;
        }
        // A piece must end the word ("U.Sample" and "U.Sé" are no initialisms).
        if k == piece || (k < bytes.len() && char_at(text, k).0.is_alphanumeric()) {
            break;
        }
        end = k;
    }
    (end > first_end).then_some(end)
}

/// The first words of place names news abbreviates, with the folded word each stands for.
const NAME_ABBREVIATIONS: [(&[u8], &str); 4] = [
    (b"St", "saint"),
    (b"Ste", "sainte"),
    (b"Mt", "mount"),
    (b"Ft", "fort"),
];

/// Where `bytes[start..end]` is one of [`NAME_ABBREVIATIONS`] beginning a name (its dot,
/// then one space and a capital follow: "St. Paul", not "Main St." at a sentence's end), the
/// word it stands for and where the abbreviation ends (after its dot).
pub(super) fn name_abbreviation(
    bytes: &[u8],
    start: usize,
    end: usize,
) -> Option<(&'static str, usize)> {
    let (_, word) = NAME_ABBREVIATIONS
        .iter()
        .find(|(abbreviation, _)| bytes.get(start..end) == Some(*abbreviation))?;
    // With its dot only: "St Pauls" and "Mt Carmel" name schools and churches as often as
    // places (ACLED notes from Kenya), and a dotless one found places abroad.
    if bytes.get(end) != Some(&b'.') {
        return None;
    }
    let next = bytes.get(end + 1..end + 3)?;
    (next[0] == b' ' && next[1].is_ascii_uppercase()).then_some((word, end + 1))
}

/// Pushes a word whose key letters are `letters` (copied into `buf`, not read from the
/// original: an abbreviation written out, an initialism without its dots), standing for the
/// original bytes `orig`.
fn push_letters(
    buf: &mut Vec<u8>,
    words: &mut Vec<RawWord>,
    letters: impl Iterator<Item = u8>,
    orig: (usize, usize),
    gap: Gap,
) {
    let start = buf.len();
    buf.extend(letters);
    words.push(RawWord {
        start: start as u32,
        end: buf.len() as u32,
        orig_start: orig.0 as u32,
        orig_end: orig.1 as u32,
        gap,
        final_ayn: false,
    });
}

/// Splits `text` into folded words with their gaps. Letters go to `buf`, words to `words`.
fn split_words(text: &str, buf: &mut Vec<u8>, words: &mut Vec<RawWord>) {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut gap = Gap::Space;
    let mut i = 0;
    while i < n {
        let b = bytes[i];
        let class = BYTE_CLASS[b as usize];
        if class == KEEP {
            // Whitespace, or an apostrophe between words: the gap stays as it is.
            i += 1;
            continue;
        }
        if class == DASH {
            if gap == Gap::Space {
                gap = Gap::Dash;
            }
            i += 1;
            continue;
        }
        if class == BREAK {
            gap = Gap::Break;
            i += 1;
            continue;
        }
        if class == ALNUM {
            // Most words: ASCII letters and digits up to a space or ASCII punctuation other
            // than an apostrophe. Their letters are not copied; see `PLAIN`.
            let j = ascii_alnum_end(bytes, i + 1);
            if let Some((word, end)) = name_abbreviation(bytes, i, j) {
                // "St. Paul", "Mt. Pleasant", "Ft. Worth": the word the abbreviation stands
                // for, so that the name keys as its written-out form ("Saint Paul") does.
                push_letters(buf, words, word.bytes(), (i, end), gap);
                gap = Gap::Space;
                i = end;
                continue;
            }
            if let Some(end) = dotted_initialism_end(text, i, j) {
                // "U.S.", "D.C.", "W.Va.": one word of its letters ("us", "dc", "wva"), so
                // that the abbreviations news writes for places can be names.
                let letters = bytes[i..end]
                    .iter()
                    .filter(|b| b.is_ascii_alphabetic())
                    .map(u8::to_ascii_lowercase);
                push_letters(buf, words, letters, (i, end), gap);
                gap = Gap::Space;
                i = end;
                continue;
            }
            if bytes
                .get(j)
                .is_none_or(|&d| d < 0x80 && d != b'\'' && d != b'`')
            {
                words.push(RawWord {
                    start: PLAIN,
                    end: PLAIN,
                    orig_start: i as u32,
                    orig_end: j as u32,
                    gap,
                    final_ayn: false,
                });
                gap = Gap::Space;
                i = j;
                continue;
            }
        }
        let (c, len) = char_at(text, i);
        if !c.is_alphanumeric() {
            if c.is_whitespace() {
                // Keeps the gap as it is.
            } else if is_dash(c) {
                if gap == Gap::Space {
                    gap = Gap::Dash;
                }
            } else if is_combining_mark(c) || is_apostrophe(c) || c == '\u{200c}' || c == '\u{ad}' {
                // Invisible or transliteration marks between words change nothing.
            } else {
                gap = Gap::Break;
            }
            i += len;
            continue;
        }
        let start = buf.len();
        let orig_start = i;
        push_folded(c, buf);
        i += len;
        let mut final_ayn = false;
        loop {
            let run = i;
            while i < n && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            buf.extend(bytes[run..i].iter().map(u8::to_ascii_lowercase));
            if i >= n || bytes[i] == b' ' {
                break;
            }
            let (d, dlen) = char_at(text, i);
            if d.is_alphanumeric() {
                push_folded(d, buf);
                i += dlen;
            } else if is_apostrophe(d) {
                // Inside a word only when a letter follows; "'s" ends it (possessive).
                let mut ahead = text.get(i + dlen..).unwrap_or("").chars();
                let next = ahead.next();
                let after = ahead.next();
                let next_is_letter = next.is_some_and(char::is_alphanumeric);
                let ends_after_next = !after.is_some_and(char::is_alphanumeric);
                if !next_is_letter || (ends_after_next && matches!(next, Some('s' | 'S'))) {
                    break;
                }
                if ends_after_next && matches!(next, Some('a' | 'A')) {
                    final_ayn = true;
                }
                i += dlen;
            } else {
                break;
            }
        }
        // A letter always follows a consumed apostrophe, so the word ends here.
        let orig_end = i;
        // Skip the rest of a possessive so it does not become a word "s".
        if i < n && bytes[i] != b' ' {
            let (d, dlen) = char_at(text, i);
            if is_apostrophe(d) {
                let mut it = text.get(i + dlen..).unwrap_or("").chars();
                if matches!(it.next(), Some('s' | 'S'))
                    && !it.next().is_some_and(char::is_alphanumeric)
                {
                    i += dlen + 1;
                }
            }
        }
        words.push(RawWord {
            start: start as u32,
            end: buf.len() as u32,
            orig_start: orig_start as u32,
            orig_end: orig_end as u32,
            gap,
            final_ayn,
        });
        gap = Gap::Space;
    }
}

/// Articles that are always articles.
fn is_plain_article(w: &[u8]) -> bool {
    matches!(w, b"al" | b"el")
}

/// Sun-letter articles and the consonant the next word starts with when assimilated.
fn sun_article(w: &[u8]) -> Option<&'static [u8]> {
    Some(match w {
        b"ad" | b"ed" => b"d",
        b"adh" => b"dh",
        b"ar" | b"er" => b"r",
        b"as" | b"es" => b"s",
        b"ash" | b"esh" => b"sh",
        b"az" | b"ez" => b"z",
        b"at" | b"et" => b"t",
        b"ath" => b"th",
        b"an" | b"en" => b"n",
        _ => return None,
    })
}

fn is_vowel(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Keys one word body (lowercase, folded) into `out`; `s` is scratch space.
fn key_body(word: &[u8], final_ayn: bool, out: &mut Vec<u8>, s: &mut Vec<u8>) {
    if !word.is_ascii() {
        // Other scripts (Arabic, ...) are compared as folded.
        out.extend_from_slice(word);
        return;
    }
    if word.len() <= SHORT_WORD {
        key_short_body(word, final_ayn, out);
        return;
    }
    s.clear();
    s.extend(word.iter().map(|&b| if b == b'q' { b'k' } else { b }));
    let mut ayn = final_ayn && s.len() > 2 && s.last() == Some(&b'a');
    if s.len() > 3 && s.ends_with(b"aa") {
        ayn = true;
    }
    if ayn {
        while s.len() > 1 && s.last() == Some(&b'a') {
            s.pop();
        }
    } else if s.len() >= 4 && (s.ends_with(b"ah") || s.ends_with(b"eh")) {
        s.truncate(s.len() - 2);
        s.push(b'a');
    }
    let begin = out.len();
    // Doubled letters are pushed once.
    let mut push = |b: u8| {
        if out.len() == begin || out.last() != Some(&b) {
            out.push(b);
        }
    };
    let consonant_or_end = |k: usize| s.get(k).is_none_or(|&b| !is_vowel(b) && b != b'y');
    let mut i = 0;
    while i < s.len() {
        let pair = (s[i], s.get(i + 1).copied().unwrap_or(0));
        match pair {
            (b'e' | b'a', b'i' | b'y') if consonant_or_end(i + 2) => {
                push(b'a');
                push(b'y');
                i += 2;
                continue;
            }
            (b'a', b'w') if consonant_or_end(i + 2) => {
                push(b'u');
                i += 2;
                continue;
            }
            _ => {}
        }
        push(match s[i] {
            b'o' => b'u',
            b'e' => b'i',
            b => b,
        });
        i += 1;
    }
    if ayn {
        out.extend_from_slice(b"a'");
    }
}

/// Longest ASCII word [`key_short_body`] takes.
const SHORT_WORD: usize = 48;

/// What a letter is to [`key_short_body`]: [`VOWEL_OR_Y`] for `a e i o u y`, and its key
/// letter (`o` is `u`, `e` is `i`, `q` is `k`).
const fn key_letters() -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = match b as u8 {
            b'o' => b'u',
            b'e' => b'i',
            b'q' => b'k',
            c => c,
        };
        b += 1;
    }
    t
}
static KEY_LETTER: [u8; 256] = key_letters();

/// Vowels and `y` (what `consonant_or_end` of [`key_body`] does not count as a consonant).
fn vowel_or_y(b: u8) -> bool {
    matches!(b, b'a' | b'e' | b'i' | b'o' | b'u' | b'y')
}

/// [`key_body`] of an ASCII word of at most [`SHORT_WORD`] bytes, on the stack: the same
/// steps, with the word's end read as zero bytes (which, like the end, are consonants and
/// match no pair).
fn key_short_body(word: &[u8], final_ayn: bool, out: &mut Vec<u8>) {
    let n = word.len();
    // Word with `q` as `k` (the endings below only look at `a`, `h` and `e`).
    let mut s = [0u8; SHORT_WORD + 2];
    for (d, &b) in s.iter_mut().zip(word) {
        *d = if b == b'q' { b'k' } else { b };
    }
    let mut len = n;
    let ayn = (final_ayn && n > 2 && word[n - 1] == b'a') || (n > 3 && word.ends_with(b"aa"));
    if ayn {
        while len > 1 && s[len - 1] == b'a' {
            len -= 1;
            s[len] = 0;
        }
    } else if n >= 4 && (word.ends_with(b"ah") || word.ends_with(b"eh")) {
        len -= 1;
        s[len] = 0;
        s[len - 1] = b'a';
    }
    let mut o = [0u8; SHORT_WORD + 2];
    let mut k = 0;
    let mut i = 0;
    while i < len {
        let (c, d) = (s[i], s[i + 1]);
        let pair = if (c == b'a' || c == b'e') && (d == b'i' || d == b'y') {
            b'y'
        } else if c == b'a' && d == b'w' {
            b'w'
        } else {
            0
        };
        if pair != 0 && !vowel_or_y(s[i + 2]) {
            if pair == b'y' {
                if k == 0 || o[k - 1] != b'a' {
                    o[k] = b'a';
                    k += 1;
                }
                if o[k - 1] != b'y' {
                    o[k] = b'y';
                    k += 1;
                }
            } else if k == 0 || o[k - 1] != b'u' {
                o[k] = b'u';
                k += 1;
            }
            i += 2;
            continue;
        }
        let l = KEY_LETTER[c as usize];
        if k == 0 || o[k - 1] != l {
            o[k] = l;
            k += 1;
        }
        i += 1;
    }
    if ayn {
        o[k] = b'a';
        o[k + 1] = b'\'';
        k += 2;
    }
    // A copy of fixed length is a few vector moves, not a call to `memcpy`.
    let at = out.len();
    out.extend_from_slice(&o);
    out.truncate(at + k);
}

/// Whether a word starts with an article written together with its sun letter ("ezzor",
/// "assad"), keyed as `al` and the rest.
fn is_joined_article(b: &[u8]) -> bool {
    b.len() >= 5
        && matches!(b[0], b'a' | b'e')
        && b[1] == b[2]
        && matches!(b[1], b't' | b'd' | b'r' | b'z' | b's' | b'n')
}

/// Longest plain word whose key [`Keyer`] remembers.
const MEMO_WORD: usize = 16;

/// Slots of the key memo (a power of two).
const MEMO_SLOTS: usize = 2048;

/// Marks a remembered word whose key depends on its neighbours (an article) or splits it.
const NOT_REMEMBERED: u8 = u8::MAX;

/// A plain word (as written, 1 to [`MEMO_WORD`] bytes) and its key.
#[derive(Debug, Clone, Copy, Default)]
struct Memo {
    /// The word, as [`short_word_id`] gives it.
    id: (u64, u64),
    /// Length of the word; 0 for an empty slot.
    len: u8,
    /// Length of the key, or [`NOT_REMEMBERED`].
    key_len: u8,
    key: [u8; MEMO_WORD],
}

/// Two numbers that, with its length, identify a word of 1 to 16 bytes: for 8 bytes or more
/// its first and last 8 bytes, for 4 to 7 its first and last 4, for 1 to 3 its first, middle
/// and last byte. Together they cover every byte of the word.
pub(super) fn short_word_id(w: &[u8]) -> (u64, u64) {
    let n = w.len();
    let u64_at = |i: usize| {
        let mut a = [0u8; 8];
        a.copy_from_slice(&w[i..i + 8]);
        u64::from_le_bytes(a)
    };
    let u32_at = |i: usize| {
        let mut a = [0u8; 4];
        a.copy_from_slice(&w[i..i + 4]);
        u64::from(u32::from_le_bytes(a))
    };
    match n {
        8.. => (u64_at(0), u64_at(n - 8)),
        4..=7 => (u32_at(0), u32_at(n - 4)),
        1..=3 => (
            u64::from(w[0]) | u64::from(w[n / 2]) << 8 | u64::from(w[n - 1]) << 16,
            0,
        ),
        0 => (0, 0),
    }
}

/// The memo slot of a word identified by [`short_word_id`].
fn memo_slot(id: (u64, u64), len: usize) -> usize {
    let h = (id.0 ^ (len as u64).rotate_left(29))
        .wrapping_mul(0x9e37_79b9_7f4a_7c15)
        .rotate_left(23)
        ^ id.1;
    (h.wrapping_mul(0x517c_c1b7_2722_0a95) >> (64 - MEMO_SLOTS.trailing_zeros())) as usize
}

/// Appends the key of a plain word (ASCII letters and digits, as written) to `out` from the
/// memo, keying and remembering it on a miss. Returns false, appending nothing, for a word
/// whose key is not the key of its body alone (articles, "Ezzor"): [`key_word`] keys those.
fn key_plain_word(word: &[u8], memo: &mut Vec<Memo>, out: &mut Vec<u8>) -> bool {
    let n = word.len();
    if n == 0 || n > MEMO_WORD {
        return false;
    }
    if memo.is_empty() {
        memo.resize(MEMO_SLOTS, Memo::default());
    }
    let id = short_word_id(word);
    let slot = memo_slot(id, n);
    let Some(m) = memo.get_mut(slot) else {
        return false;
    };
    if usize::from(m.len) != n || m.id != id {
        let mut lower = [0u8; MEMO_WORD];
        for (d, &b) in lower.iter_mut().zip(word) {
            *d = b.to_ascii_lowercase();
        }
        let lower = &lower[..n];
        m.id = id;
        m.len = n as u8;
        m.key_len = NOT_REMEMBERED;
        if is_plain_article(lower) || sun_article(lower).is_some() || is_joined_article(lower) {
            return false;
        }
        let start = out.len();
        key_short_body(lower, false, out);
        let key = out.get(start..).unwrap_or(&[]);
        if key.len() <= MEMO_WORD {
            m.key[..key.len()].copy_from_slice(key);
            m.key_len = key.len() as u8;
        }
        return true;
    }
    if m.key_len == NOT_REMEMBERED {
        return false;
    }
    let at = out.len();
    out.extend_from_slice(&m.key);
    out.truncate(at + usize::from(m.key_len));
    true
}

/// Appends the key of word `n` of `raw` (letters in `buf`) to `out`, calling `piece` with the
/// key range of each key word and whether it starts and ends the original word.
#[allow(clippy::too_many_arguments)]
fn key_word(
    text: &str,
    buf: &[u8],
    raw: &[RawWord],
    n: usize,
    out: &mut Vec<u8>,
    fold: &mut Vec<u8>,
    scratch: &mut Vec<u8>,
    mut piece: impl FnMut(usize, usize, bool, bool),
) {
    let Some(w) = raw.get(n) else {
        return;
    };
    // Letters of a word: folded, or for a plain word as written (ASCII, any case).
    let letters = |w: &RawWord| -> &[u8] {
        if w.start == PLAIN {
            text.as_bytes()
                .get(w.orig_start as usize..w.orig_end as usize)
                .unwrap_or(&[])
        } else {
            buf.get(w.start as usize..w.end as usize).unwrap_or(&[])
        }
    };
    let word_bytes = if w.start == PLAIN {
        fold.clear();
        fold.extend(letters(w).iter().map(u8::to_ascii_lowercase));
        fold.as_slice()
    } else {
        letters(w)
    };
    let joined_next = raw.get(n + 1).filter(|x| x.gap != Gap::Break);
    let is_article = is_plain_article(word_bytes)
        || sun_article(word_bytes).is_some_and(|consonant| {
            joined_next.is_some_and(|x| {
                x.gap == Gap::Dash
                    || letters(x)
                        .get(..consonant.len())
                        .is_some_and(|l| l.eq_ignore_ascii_case(consonant))
            })
        });
    let start = out.len();
    if is_article && joined_next.is_some() {
        out.extend_from_slice(b"al");
        piece(start, out.len(), true, true);
        return;
    }
    // "ezzor", "assad": an article written together with its sun letter.
    let b = word_bytes;
    if is_joined_article(b) {
        out.extend_from_slice(b"al");
        piece(start, out.len(), true, false);
        out.push(b' ');
        let rest_start = out.len();
        key_body(&b[2..], w.final_ayn, out, scratch);
        piece(rest_start, out.len(), false, true);
        return;
    }
    key_body(word_bytes, w.final_ayn, out, scratch);
    piece(start, out.len(), true, true);
}

/// Reusable buffers for keying texts and names; keying allocates only while a buffer grows.
#[derive(Debug, Default, Clone)]
pub struct Keyer {
    /// Folded letters of the words.
    buf: Vec<u8>,
    raw: Vec<RawWord>,
    scratch: Vec<u8>,
    /// Lowercased letters of a plain word.
    fold: Vec<u8>,
    /// The key being built (UTF-8).
    key: Vec<u8>,
    /// Keys of recent plain words, by word (see [`key_plain_word`]); empty until first used.
    memo: Vec<Memo>,
}

impl Keyer {
    /// Keys `original` into `self.key`, calling `word` for each key word with its key range,
    /// original word and whether it starts and ends that word.
    fn run(&mut self, original: &str, mut word: impl FnMut(usize, usize, &RawWord, bool, bool)) {
        self.split(original);
        self.key.clear();
        let (buf, raw, out) = (&self.buf, &self.raw, &mut self.key);
        let (fold, scratch) = (&mut self.fold, &mut self.scratch);
        let memo = &mut self.memo;
        for (n, w) in raw.iter().enumerate() {
            if n > 0 {
                out.push(if w.gap == Gap::Break { b'|' } else { b' ' });
            }
            if w.start == PLAIN {
                let start = out.len();
                let letters = original
                    .as_bytes()
                    .get(w.orig_start as usize..w.orig_end as usize)
                    .unwrap_or(&[]);
                if key_plain_word(letters, memo, out) {
                    word(start, out.len(), w, true, true);
                    continue;
                }
            }
            key_word(
                original,
                buf,
                raw,
                n,
                out,
                fold,
                scratch,
                |a, b, starts, ends| word(a, b, w, starts, ends),
            );
        }
    }

    /// Splits `original` into words, to be keyed one at a time with [`Keyer::key_word`].
    pub fn split(&mut self, original: &str) {
        self.buf.clear();
        self.raw.clear();
        split_words(original, &mut self.buf, &mut self.raw);
    }

    /// Bytes held by the buffers.
    pub fn capacity(&self) -> usize {
        self.buf.capacity()
            + self.raw.capacity() * std::mem::size_of::<RawWord>()
            + self.key.capacity()
    }

    /// Number of words of the text last split.
    pub fn word_count(&self) -> usize {
        self.raw.len()
    }

    /// Original byte range of word `n` of the text last split.
    pub fn word_span(&self, n: usize) -> (usize, usize) {
        self.raw
            .get(n)
            .map_or((0, 0), |w| (w.orig_start as usize, w.orig_end as usize))
    }

    /// Whether punctuation (not only spaces or dashes) separates word `n` from the word before.
    pub fn breaks_before(&self, n: usize) -> bool {
        self.raw.get(n).is_some_and(|w| w.gap == Gap::Break)
    }

    /// Appends the key of word `n` of `text`, the text last split, to `out` (no separator),
    /// and to `pieces` its key words: end offset in `out` and whether the piece ends the
    /// original word (only "al" of "Ezzor" does not). Exactly what `KeyedText::new` makes of
    /// the word.
    pub fn key_word(
        &mut self,
        text: &str,
        n: usize,
        out: &mut Vec<u8>,
        pieces: &mut Vec<(usize, bool)>,
    ) {
        let (fold, scratch) = (&mut self.fold, &mut self.scratch);
        key_word(
            text,
            &self.buf,
            &self.raw,
            n,
            out,
            fold,
            scratch,
            |_, end, _, ends| pieces.push((end, ends)),
        );
    }

    /// The key of a single name, valid until the next use of the keyer.
    pub fn name_key(&mut self, name: &str) -> &str {
        self.run(name, |_, _, _, _, _| {});
        // Always UTF-8: folded characters are pushed whole, and keys of ASCII words are ASCII.
        std::str::from_utf8(&self.key).unwrap_or("")
    }

    /// Keys `original` into `out`, reusing `out`'s buffers.
    pub fn key_text(&mut self, original: &str, out: &mut KeyedText) {
        out.words.clear();
        let words = &mut out.words;
        self.run(original, |key_start, key_end, w, starts_word, ends_word| {
            words.push(KeyWord {
                key_start: key_start as u32,
                key_end: key_end as u32,
                orig_start: w.orig_start,
                orig_end: w.orig_end,
                starts_word,
                ends_word,
            });
        });
        // The key buffer becomes the text, and the text's old buffer the next key buffer.
        let old = std::mem::take(&mut out.text).into_bytes();
        let key = std::mem::replace(&mut self.key, old);
        out.text = String::from_utf8(key)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    }
}

impl KeyedText {
    /// Keys `original` word by word.
    #[cfg(test)]
    pub fn new(original: &str) -> KeyedText {
        let mut out = KeyedText {
            text: String::with_capacity(original.len() + 16),
            words: Vec::with_capacity(original.len() / 5),
        };
        let mut keyer = Keyer {
            buf: Vec::with_capacity(original.len() + 16),
            raw: Vec::with_capacity(original.len() / 5),
            scratch: Vec::with_capacity(64),
            fold: Vec::with_capacity(64),
            key: Vec::with_capacity(original.len() + 16),
            memo: Vec::new(),
        };
        keyer.key_text(original, &mut out);
        out
    }

    /// The key words covering key bytes `[start, end)` when the range starts and ends on
    /// whole original words; `None` otherwise.
    #[cfg(test)]
    pub fn word_range(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let first = self
            .words
            .binary_search_by_key(&(start as u32), |w| w.key_start)
            .ok()?;
        let last = first
            + self.words[first..]
                .iter()
                .position(|w| w.key_end as usize >= end)?;
        let (a, b) = (&self.words[first], &self.words[last]);
        (a.starts_word && b.ends_word && b.key_end as usize == end).then_some((first, last))
    }
}

#[cfg(test)]
mod tests;
