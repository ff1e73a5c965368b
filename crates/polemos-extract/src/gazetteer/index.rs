//! Finding gazetteer names in keyed text.
//!
//! The text is keyed ([`KeyedText`], a block at a time so that it stays in cache); then, at
//! each word that may start a name (its key is the first word of some name key), the following
//! one to N words are looked up in a hash table of name keys. Only whole original words can
//! match, so "Hama" never matches inside "Hamas" and "Syria" never inside "Syrian".
//!
//! Why not one Aho-Corasick automaton over all keys: with ~130,000 keys its construction alone
//! takes ~300 ms, three times the load budget, while the word-gram tables build in a few
//! milliseconds and are as fast to search, since names always start and end on words.
//!
//! The tables keep every key in one string arena and the places of every key in one array
//! (offsets per key), so building the index makes a handful of allocations, not one per key.

use super::name_key::{short_word_id, KeyedText, Keyer};
#[cfg(test)]
use crate::ResourceError;

/// A name found in keyed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate {
    /// Original byte range.
    pub orig_start: usize,
    pub orig_end: usize,
    /// Index of the key; [`NameIndex::values`] gives the places.
    pub key: usize,
}

/// A small fast hash for short keys (multiply-rotate, as in rustc's FxHash). The keys come
/// from our own data and text, and a collision here only costs time. A key's last 1 to 8 bytes
/// are read as one or two (possibly overlapping) loads rather than copied through a buffer.
fn hash_bytes(bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let n = bytes.len();
    let mut h = (n as u64).wrapping_mul(K);
    let mut rest = bytes;
    while rest.len() > 8 {
        let (c, r) = rest.split_at(8);
        h = (h.rotate_left(5) ^ read_u64(c)).wrapping_mul(K);
        rest = r;
    }
    let last = match rest.len() {
        8 => read_u64(rest),
        4..=7 => u64::from(read_u32(rest)) | u64::from(read_u32(&rest[rest.len() - 4..])) << 32,
        1..=3 => {
            u64::from(rest[0])
                | u64::from(rest[rest.len() / 2]) << 8
                | u64::from(rest[rest.len() - 1]) << 16
        }
        _ => 0,
    };
    if n > 0 {
        h = (h.rotate_left(5) ^ last).wrapping_mul(K);
    }
    // Final mix, so that every bit of the hash depends on every byte of the key.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

/// The first 8 bytes of `b` (at least 8 long), little-endian.
fn read_u64(b: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    a.copy_from_slice(&b[..8]);
    u64::from_le_bytes(a)
}

/// The first 4 bytes of `b` (at least 4 long), little-endian.
fn read_u32(b: &[u8]) -> u32 {
    let mut a = [0u8; 4];
    a.copy_from_slice(&b[..4]);
    u32::from_le_bytes(a)
}

/// A set of distinct strings numbered in insertion order: one arena for the text and an
/// open-addressing (linear probing) table of ids.
#[derive(Debug, Clone)]
struct StrTable {
    arena: String,
    /// End of string `i` in `arena`; it starts where string `i - 1` ends.
    ends: Vec<u32>,
    /// `(high 32 bits of the hash) << 32 | (id + 1)`; 0 is an empty slot.
    slots: Vec<u64>,
    /// `64 - log2(slots.len())`: the slot of a hash is its top bits.
    shift: u32,
}

impl StrTable {
    fn with_capacity(n: usize) -> StrTable {
        let bits = (n.max(8) * 2).next_power_of_two().trailing_zeros();
        StrTable {
            arena: String::with_capacity(n * 12),
            ends: Vec::with_capacity(n),
            slots: vec![0; 1 << bits],
            shift: 64 - bits,
        }
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get_str(&self, id: usize) -> &str {
        let start = if id == 0 {
            0
        } else {
            self.ends[id - 1] as usize
        };
        self.arena.get(start..self.ends[id] as usize).unwrap_or("")
    }

    /// The slot where `key` is, or the empty slot where it would go.
    fn find_slot(&self, key: &[u8], h: u64) -> (usize, Option<u32>) {
        let mask = self.slots.len() - 1;
        let tag = h >> 32;
        let mut at = (h >> self.shift) as usize;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return (at, None);
            }
            if slot >> 32 == tag {
                let id = (slot as u32) - 1;
                if self.get_str(id as usize).as_bytes() == key {
                    return (at, Some(id));
                }
            }
            at = (at + 1) & mask;
        }
    }

    #[cfg(test)]
    fn get(&self, key: &[u8]) -> Option<u32> {
        self.find_slot(key, hash_bytes(key)).1
    }

    /// The id of `key`, and whether it was new.
    fn insert(&mut self, key: &str) -> (u32, bool) {
        let h = hash_bytes(key.as_bytes());
        let (at, found) = self.find_slot(key.as_bytes(), h);
        if let Some(id) = found {
            return (id, false);
        }
        let id = self.ends.len() as u32;
        self.arena.push_str(key);
        self.ends.push(self.arena.len() as u32);
        self.slots[at] = (h >> 32) << 32 | u64::from(id + 1);
        if self.ends.len() * 2 > self.slots.len() {
            self.grow();
        }
        (id, true)
    }

    fn grow(&mut self) {
        let bits = 64 - self.shift + 1;
        self.shift = 64 - bits;
        self.slots = vec![0; 1 << bits];
        let mask = self.slots.len() - 1;
        for id in 0..self.ends.len() {
            let h = hash_bytes(self.get_str(id).as_bytes());
            let mut at = (h >> self.shift) as usize;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = (h >> 32) << 32 | (id as u64 + 1);
        }
    }
}

/// What a string of the index table is: a name key, the start of longer name keys, or both.
#[derive(Debug, Clone, Copy)]
struct Entry {
    /// Key number ([`NameIndex::values`]), or [`NO_KEY`] for a string that is only a prefix.
    key: u32,
    /// Some name key continues this string with another word.
    continues: bool,
}

const NO_KEY: u32 = u32::MAX;

/// All name keys of a gazetteer and the places each stands for.
///
/// One table holds every name key and every word-boundary prefix of one ("dayr", "dayr al",
/// "dayr al zur"), so a match grows word by word and stops at the first span that begins no
/// name. A Bloom filter (two bits of one 64-bit word per string, so one lookup is one memory
/// access; 256 KiB for the embedded table, so it stays in
/// the CPU's second-level cache) answers most lookups of ordinary words without touching the
/// table.
#[derive(Debug, Clone)]
pub struct NameIndex {
    table: StrTable,
    /// Per string of `table`.
    entries: Vec<Entry>,
    bloom: Vec<u64>,
    bloom_shift: u32,
    /// The places of key `i` are `value_ids[value_starts[i]..value_starts[i + 1]]`.
    value_starts: Vec<u32>,
    value_ids: Vec<u32>,
    /// The name keys some abbreviation has ([`IndexBuilder::add_exact`]), sorted: only a
    /// candidate of one of them can be written as an abbreviation.
    exact_bases: Vec<u32>,
    /// Tells this index (and its clones, which hold the same strings) from every other one,
    /// for [`EntryCache`].
    id: u64,
}

/// Numbers indexes for [`NameIndex::id`]; starts at 1, as 0 marks an empty cache slot.
static NEXT_INDEX_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

/// Slots of an [`EntryCache`] (a power of two).
const CACHE_SLOTS: usize = 2048;

/// A string of at most 16 bytes that a [`NameIndex`] holds, and its entry.
#[derive(Debug, Clone, Copy, Default)]
struct CachedEntry {
    /// [`NameIndex::id`]; 0 for an empty slot.
    index: u64,
    /// The string, as `short_word_id` gives it, and its length.
    string: (u64, u64),
    len: u32,
    key: u32,
    continues: bool,
}

/// The entries of strings an index was last asked about (words like "the", "in" or "said",
/// which begin names and come in every sentence), so that they need not be looked up in the
/// index's large table again. Kept per thread; valid for any index.
#[derive(Debug, Clone, Default)]
pub struct EntryCache {
    slots: Vec<CachedEntry>,
}

/// Keys shorter than this (in bytes) are not matched: "al", "as" and the like would only add
/// noise.
pub const MIN_KEY_LEN: usize = 3;

/// The index string of an abbreviation's written form: the form after a mark that no name
/// key holds ('=' is punctuation, which breaks words), so forms and keys never meet.
fn exact_string(form: &str) -> String {
    let mut s = String::with_capacity(form.len() + 1);
    s.push('=');
    s.push_str(form);
    s
}

/// Builds a [`NameIndex`] one `(key, place)` pair at a time.
#[derive(Debug)]
pub struct IndexBuilder {
    table: StrTable,
    entries: Vec<Entry>,
    keys: u32,
    /// `(key number, place id)` in insertion order.
    pairs: Vec<(u32, u32)>,
    /// The key numbers of abbreviations' name keys ([`NameIndex::exact_bases`]).
    exact_bases: Vec<u32>,
}

impl IndexBuilder {
    /// A builder sized for about `n` pairs.
    pub fn with_capacity(n: usize) -> IndexBuilder {
        IndexBuilder {
            table: StrTable::with_capacity(n),
            entries: Vec::with_capacity(n),
            keys: 0,
            pairs: Vec::with_capacity(n),
            exact_bases: Vec::new(),
        }
    }

    /// The entry of `s`, added if new.
    fn entry(&mut self, s: &str) -> &mut Entry {
        let (id, new) = self.table.insert(s);
        if new {
            self.entries.push(Entry {
                key: NO_KEY,
                continues: false,
            });
        }
        &mut self.entries[id as usize]
    }

    /// Registers place `id` under a name key (made by `name_key`); keys shorter than
    /// [`MIN_KEY_LEN`] are ignored.
    pub fn add(&mut self, key: &str, id: u32) {
        if key.len() < MIN_KEY_LEN {
            return;
        }
        let k = self.key_number(key);
        self.pairs.push((k, id));
    }

    /// Registers place `id` under an abbreviation that only stands for it as written
    /// (`form`, "U.S." or "Ky."): the text search finds its name key (`key`, "us"), whatever
    /// its length, and [`NameIndex::exact_key`] the places of the form.
    pub fn add_exact(&mut self, key: &str, form: &str, id: u32) {
        if key.is_empty() {
            return;
        }
        let base = self.key_number(key);
        self.exact_bases.push(base);
        let k = self.key_number(&exact_string(form));
        self.pairs.push((k, id));
    }

    /// The key number of `key`, numbered now if new.
    fn key_number(&mut self, key: &str) -> u32 {
        let next = self.keys;
        let entry = self.entry(key);
        if entry.key != NO_KEY {
            return entry.key;
        }
        entry.key = next;
        self.keys += 1;
        for (at, _) in key.match_indices([' ', '|']) {
            self.entry(&key[..at]).continues = true;
        }
        next
    }

    pub fn finish(mut self) -> NameIndex {
        self.exact_bases.sort_unstable();
        self.exact_bases.dedup();
        let n = self.keys as usize;
        // Counting sort of the pairs by key, keeping insertion order and dropping repeats.
        let mut starts = vec![0u32; n + 1];
        for &(k, _) in &self.pairs {
            starts[k as usize + 1] += 1;
        }
        for i in 1..=n {
            starts[i] += starts[i - 1];
        }
        let mut fill = starts.clone();
        let mut ids = vec![0u32; self.pairs.len()];
        for &(k, id) in &self.pairs {
            let k = k as usize;
            let (start, end) = (starts[k] as usize, fill[k] as usize);
            if !ids[start..end].contains(&id) {
                ids[end] = id;
                fill[k] += 1;
            }
        }
        // Close the gaps repeats left.
        let mut value_starts = Vec::with_capacity(n + 1);
        let mut value_ids = Vec::with_capacity(self.pairs.len());
        value_starts.push(0);
        for k in 0..n {
            value_ids.extend_from_slice(&ids[starts[k] as usize..fill[k] as usize]);
            value_starts.push(value_ids.len() as u32);
        }
        // About 16 bits per string, a power of two, at least 4096.
        let bits = (self.table.len() * 16)
            .max(4096)
            .next_power_of_two()
            .trailing_zeros();
        let mut bloom = vec![0u64; 1 << (bits - 6)];
        for id in 0..self.table.len() {
            let (word, mask) = bloom_bits(hash_bytes(self.table.get_str(id).as_bytes()), 64 - bits);
            bloom[word] |= mask;
        }
        NameIndex {
            table: self.table,
            entries: self.entries,
            bloom,
            bloom_shift: 64 - bits,
            value_starts,
            value_ids,
            exact_bases: self.exact_bases,
            id: NEXT_INDEX_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }
}

/// The Bloom filter word of a hash (its lowest bits) and the two bits set in that word (the
/// bits above them), so that one lookup costs one memory access.
fn bloom_bits(h: u64, shift: u32) -> (usize, u64) {
    let words = 64 - shift - 6;
    let word = (h & ((1u64 << words) - 1)) as usize;
    let a = (h >> words) & 63;
    let b = (h >> (words + 6)) & 63;
    (word, 1 << a | 1 << b)
}

impl NameIndex {
    /// Builds the index from `(name key, place id)` pairs (keys made by `name_key`).
    #[cfg(test)]
    pub fn from_keys(
        entries: impl IntoIterator<Item = (String, u32)>,
    ) -> Result<Self, ResourceError> {
        let entries = entries.into_iter();
        let mut b = IndexBuilder::with_capacity(entries.size_hint().0);
        for (key, id) in entries {
            b.add(&key, id);
        }
        Ok(b.finish())
    }

    /// The places registered under a key.
    pub fn values(&self, key: usize) -> &[u32] {
        match (self.value_starts.get(key), self.value_starts.get(key + 1)) {
            (Some(&a), Some(&b)) => self.value_ids.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// [`NameIndex::entry`], through `cache` for strings of at most 16 bytes.
    fn cached_entry(&self, s: &[u8], cache: &mut EntryCache) -> Option<Entry> {
        let h = hash_bytes(s);
        let (word, mask) = bloom_bits(h, self.bloom_shift);
        if self.bloom.get(word).is_none_or(|&w| w & mask != mask) {
            return None;
        }
        if s.len() > 16 {
            return self.entry_hashed(s, h);
        }
        if cache.slots.is_empty() {
            cache.slots.resize(CACHE_SLOTS, CachedEntry::default());
        }
        let string = short_word_id(s);
        let slot = (h >> (64 - CACHE_SLOTS.trailing_zeros())) as usize;
        let c = cache.slots.get_mut(slot)?;
        if c.index == self.id && c.len as usize == s.len() && c.string == string {
            return (c.key != NO_KEY || c.continues).then_some(Entry {
                key: c.key,
                continues: c.continues,
            });
        }
        let found = self.entry_hashed(s, h);
        let e = found.unwrap_or(Entry {
            key: NO_KEY,
            continues: false,
        });
        *c = CachedEntry {
            index: self.id,
            string,
            len: s.len() as u32,
            key: e.key,
            continues: e.continues,
        };
        found
    }

    /// The entry of a string, if it is a name key or begins one.
    fn entry(&self, s: &[u8]) -> Option<Entry> {
        self.entry_hashed(s, hash_bytes(s))
    }

    /// [`NameIndex::entry`] of a string whose hash is `h`.
    fn entry_hashed(&self, s: &[u8], h: u64) -> Option<Entry> {
        let (word, mask) = bloom_bits(h, self.bloom_shift);
        if self.bloom.get(word).is_none_or(|&w| w & mask != mask) {
            return None;
        }
        let id = self.table.find_slot(s, h).1?;
        self.entries.get(id as usize).copied()
    }

    /// Whether some abbreviation has name key `key` ("us" of "U.S."), so that a candidate of
    /// that key may be written as one.
    pub fn has_exact_forms(&self, key: usize) -> bool {
        u32::try_from(key).is_ok_and(|k| self.exact_bases.binary_search(&k).is_ok())
    }

    /// The key index of an abbreviation written exactly as `form` ("U.S.", not "u.s."), if
    /// some place bears it ([`IndexBuilder::add_exact`]).
    pub fn exact_key(&self, form: &str) -> Option<usize> {
        self.get_key(&exact_string(form))
    }

    /// The key index of exactly this name key, if it is in the index.
    pub fn get_key(&self, key: &str) -> Option<usize> {
        self.entry(key.as_bytes())
            .filter(|e| e.key != NO_KEY)
            .map(|e| e.key as usize)
    }

    /// Number of distinct keys.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.value_starts.len() - 1
    }

    /// Every name covering whole original words, overlapping ones included, in text order
    /// (longest first at each start). The reference for [`NameIndex::candidates_in_blocks`]
    /// and [`NameIndex::candidates_where`].
    #[cfg(test)]
    pub fn candidates(&self, keyed: &KeyedText) -> Vec<Candidate> {
        let mut out = Vec::new();
        self.candidates_into(keyed, &mut out);
        out
    }

    /// [`NameIndex::candidates`] appended to `out`.
    #[cfg(test)]
    pub fn candidates_into(&self, keyed: &KeyedText, out: &mut Vec<Candidate>) {
        self.candidates_cached(keyed, &mut EntryCache::default(), out);
    }

    /// [`NameIndex::candidates_into`], looking up strings through `cache`.
    fn candidates_cached(
        &self,
        keyed: &KeyedText,
        cache: &mut EntryCache,
        out: &mut Vec<Candidate>,
    ) {
        let words = &keyed.words;
        let bytes = keyed.text.as_bytes();
        for (i, w) in words.iter().enumerate() {
            if !w.starts_word {
                continue;
            }
            let start = w.key_start as usize;
            let found_before = out.len();
            for (j, wj) in words[i..].iter().enumerate() {
                // A name never spans punctuation.
                if j > 0 && bytes.get(wj.key_start as usize - 1) == Some(&b'|') {
                    break;
                }
                let end = wj.key_end as usize;
                let Some(entry) = bytes
                    .get(start..end)
                    .and_then(|s| self.cached_entry(s, cache))
                else {
                    break;
                };
                if wj.ends_word && entry.key != NO_KEY {
                    out.push(Candidate {
                        orig_start: w.orig_start as usize,
                        orig_end: wj.orig_end as usize,
                        key: entry.key as usize,
                    });
                }
                if !entry.continues {
                    break;
                }
            }
            out[found_before..].reverse();
        }
    }

    /// `NameIndex::candidates` of `KeyedText::new(text)`, appended to `out`, keying the
    /// text a block at a time into `keyed` so that the keyed copy stays in the CPU cache.
    /// Blocks end just after ASCII punctuation that no name spans (a full stop, a comma, ...),
    /// so each block splits and keys exactly as it does within the whole text.
    pub fn candidates_in_blocks(
        &self,
        text: &str,
        keyer: &mut Keyer,
        keyed: &mut KeyedText,
        cache: &mut EntryCache,
        out: &mut Vec<Candidate>,
    ) {
        let bytes = text.as_bytes();
        let mut start = 0;
        while start < bytes.len() {
            let end = block_end(bytes, start);
            keyer.key_text(text.get(start..end).unwrap_or(""), keyed);
            let before = out.len();
            self.candidates_cached(keyed, cache, out);
            for c in &mut out[before..] {
                c.orig_start += start;
                c.orig_end += start;
            }
            start = end;
        }
    }

    /// Like `NameIndex::candidates` on `KeyedText::new(text)`, but only for names whose first
    /// word `may_start` accepts (given the text and the word's original byte offset), and
    /// keying only the words such a name could cover: the text is split into words once, and
    /// words are keyed one by one while some name key still begins with the words so far.
    pub fn candidates_where(
        &self,
        text: &str,
        keyer: &mut Keyer,
        may_start: impl Fn(&str, usize) -> bool,
    ) -> Vec<Candidate> {
        keyer.split(text);
        let mut out = Vec::new();
        let mut span: Vec<u8> = Vec::with_capacity(64);
        let mut pieces: Vec<(usize, bool)> = Vec::with_capacity(4);
        for first in 0..keyer.word_count() {
            let (orig_start, _) = keyer.word_span(first);
            if !may_start(text, orig_start) {
                continue;
            }
            span.clear();
            let found_before = out.len();
            'words: for n in first..keyer.word_count() {
                if n > first {
                    // A name never spans punctuation.
                    if keyer.breaks_before(n) {
                        break;
                    }
                    span.push(b' ');
                }
                pieces.clear();
                keyer.key_word(text, n, &mut span, &mut pieces);
                for &(end, ends_word) in &pieces {
                    let Some(entry) = span.get(..end).and_then(|s| self.entry(s)) else {
                        break 'words;
                    };
                    if ends_word && entry.key != NO_KEY {
                        out.push(Candidate {
                            orig_start,
                            orig_end: keyer.word_span(n).1,
                            key: entry.key as usize,
                        });
                    }
                    if !entry.continues {
                        break 'words;
                    }
                }
            }
            out[found_before..].reverse();
        }
        out
    }
}

/// Bytes of text [`NameIndex::candidates_in_blocks`] keys at a time, at least.
const BLOCK: usize = 1 << 14;

/// The end of the block of `bytes` starting at `start`: just after the first break byte at or
/// past `start + BLOCK`, or the end of the text. A break byte is ASCII punctuation that ends a
/// word and separates words as a break (see `name_key::split_words`): never part of a word, an
/// apostrophe, a dash or a space, and never inside a longer UTF-8 character.
fn block_end(bytes: &[u8], start: usize) -> usize {
    let from = start.saturating_add(BLOCK);
    bytes
        .get(from..)
        .and_then(|rest| {
            rest.iter()
                .position(|b| matches!(b, b'.' | b',' | b';' | b':' | b'!' | b'?' | b'(' | b')'))
        })
        .map_or(bytes.len(), |at| from + at + 1)
}

/// Keeps the longest of overlapping candidates, leftmost first. (Candidates start and end on
/// whole original words, so original offsets order and overlap them as their words do.)
pub fn longest_non_overlapping(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.sort_by(|a, b| {
        a.orig_start
            .cmp(&b.orig_start)
            .then(b.orig_end.cmp(&a.orig_end))
    });
    let mut chosen: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        if chosen
            .last()
            .is_some_and(|last| c.orig_start < last.orig_end)
        {
            continue;
        }
        chosen.push(c);
    }
    chosen
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::name_key::name_key;
    use super::*;

    #[test]
    fn finds_whole_word_variants() {
        let idx = NameIndex::from_keys(
            [("Deir ez-Zor", 1), ("Hama", 2), ("Syria", 3), ("al", 4)]
                .map(|(n, id)| (name_key(n), id)),
        )
        .unwrap();
        let text = "Syrian troops left Hamas for Hama and Deir Ezzor in Syria.";
        let k = KeyedText::new(text);
        let found: Vec<(&str, u32)> = longest_non_overlapping(idx.candidates(&k))
            .iter()
            .map(|c| (&text[c.orig_start..c.orig_end], idx.values(c.key)[0]))
            .collect();
        assert_eq!(found, vec![("Hama", 2), ("Deir Ezzor", 1), ("Syria", 3)]);
        assert_eq!(
            idx.get_key(&name_key("Dayr az Zawr")),
            idx.get_key(&name_key("Deir ez-Zor"))
        );
        assert!(idx.get_key("al").is_none());
    }

    #[test]
    fn table_grows_and_keeps_ids() {
        let mut t = StrTable::with_capacity(1);
        let words: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.insert(w), (i as u32, true));
        }
        for (i, w) in words.iter().enumerate() {
            assert_eq!(t.insert(w), (i as u32, false));
            assert_eq!(t.get(w.as_bytes()), Some(i as u32));
        }
        assert_eq!(t.get(b"nope"), None);
    }

    #[test]
    fn values_keep_first_insertion_order_without_repeats() {
        let idx = NameIndex::from_keys(
            [("abc", 5), ("abd", 1), ("abc", 3), ("abc", 5), ("abd", 1)]
                .map(|(k, id)| (k.to_string(), id)),
        )
        .unwrap();
        assert_eq!(idx.values(idx.get_key("abc").unwrap()), &[5, 3]);
        assert_eq!(idx.values(idx.get_key("abd").unwrap()), &[1]);
        assert_eq!(idx.values(99), &[] as &[u32]);
    }

    /// Texts that exercise names over several words, split words and punctuation.
    pub(crate) fn sample_texts() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus");
        let mut texts: Vec<String> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        texts.push(
            "Clashes in Deir Ezzor, Dayr az-Zawr and al-Bab; Ras al-Ain, Tal Abyad - and \
             Maarat al-Numan's outskirts. Eastern Ghouta/Douma, Jisr ash-Shughur. New York, \
             San Francisco? Al Qamishli Ezzor Assad assad Khan Sheikhoun Khan"
                .to_string(),
        );
        texts
    }

    /// Keying block by block, with the entry cache, finds what keying the whole text does, on
    /// long texts of place names in several spellings, other words, punctuation and non-ASCII
    /// letters (so that blocks end in many different places).
    #[test]
    fn block_candidates_equal_full_candidates() {
        let g = crate::Gazetteer::embedded().unwrap();
        let idx = g.index();
        let pieces = [
            "Deir ez-Zor",
            "Deir Ezzor",
            "Dayr az Zawr",
            "al-Bab",
            "Al Qamishli",
            "Hama",
            "Hamas",
            "Ras al-Ain",
            "Ma\u{2019}arrat al-Nu\u{2019}man",
            "Dar'a",
            "Syria's",
            "the",
            "in",
            "said",
            "Khan",
            "Sheikhoun",
            "Jisr",
            "ash-Shughur",
            "New",
            "York",
            "Ţafas",
            "حلب",
            "Assad",
            "Aleppo",
            "town",
            "of",
            ",",
            ".",
            ";",
            " - ",
            "(",
            ")",
            "?",
            "\n",
            "'",
            "Eastern",
            "Ghouta",
            "Raqqah",
            "Hasakeh",
            "Idleb",
            "Homs",
            "QAMISHLI",
            "e\u{301}",
        ];
        let mut state = 7u64;
        let mut keyer = Keyer::default();
        let mut keyed = KeyedText::default();
        let mut cache = EntryCache::default();
        for round in 0..4 {
            let mut text = String::new();
            while text.len() < 40_000 + round * 9_000 {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let piece = pieces[(state >> 33) as usize % pieces.len()];
                text.push_str(piece);
                if state >> 62 != 0 {
                    text.push(' ');
                }
            }
            let full = idx.candidates(&KeyedText::new(&text));
            let mut blocks = Vec::new();
            idx.candidates_in_blocks(&text, &mut keyer, &mut keyed, &mut cache, &mut blocks);
            assert!(full.len() > 100);
            assert_eq!(full, blocks);
        }
        let long = sample_texts().join("\n").repeat(3);
        let mut blocks = Vec::new();
        idx.candidates_in_blocks(&long, &mut keyer, &mut keyed, &mut cache, &mut blocks);
        assert_eq!(idx.candidates(&KeyedText::new(&long)), blocks);
    }

    #[test]
    fn lazy_candidates_equal_full_candidates() {
        let g = crate::Gazetteer::embedded().unwrap();
        let idx = g.index();
        let mut keyer = Keyer::default();
        for text in sample_texts() {
            let full = idx.candidates(&KeyedText::new(&text));
            let lazy = idx.candidates_where(&text, &mut keyer, |_, _| true);
            assert!(full.len() > 3);
            assert_eq!(full, lazy);
        }
    }
}
