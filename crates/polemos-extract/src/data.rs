//! The data files embedded in the library, in one place, so each is embedded once and the
//! fingerprint of the resources covers exactly what extraction reads.

pub(crate) const GAZETTEER: &[u8] = include_bytes!("../data/gazetteer/places.tsv.zst");
pub(crate) const ACTORS: &str = include_str!("../data/actors/actors.tsv");
pub(crate) const ARMED_GROUPS: &str = include_str!("../data/actors/armed_groups.tsv");
pub(crate) const COUNTRIES: &str = include_str!("../data/actors/countries.tsv");
pub(crate) const COMMUNITIES: &str = include_str!("../data/actors/communities.tsv");
pub(crate) const FORCE_NOUNS: &str = include_str!("../data/actors/force_nouns.txt");
pub(crate) const MILITIA_NOUNS: &str = include_str!("../data/actors/militia_nouns.txt");
pub(crate) const TRIGGERS: &str = include_str!("../data/triggers/triggers.tsv");
pub(crate) const SOURCES: &str = include_str!("../data/sources/sources.tsv");

/// Every embedded file with the resource it belongs to.
pub(crate) const ALL: &[(&str, &[u8])] = &[
    ("gazetteer", GAZETTEER),
    ("actors", ACTORS.as_bytes()),
    ("actors", ARMED_GROUPS.as_bytes()),
    ("actors", COUNTRIES.as_bytes()),
    ("actors", COMMUNITIES.as_bytes()),
    ("actors", FORCE_NOUNS.as_bytes()),
    ("actors", MILITIA_NOUNS.as_bytes()),
    ("triggers", TRIGGERS.as_bytes()),
    ("sources", SOURCES.as_bytes()),
];

/// The starting value of [`fnv1a64`].
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// The 64-bit FNV prime.
pub(crate) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// FNV-1a, 64 bits: a stable fingerprint of data bytes (not a security hash).
pub(crate) fn fnv1a64(parts: &[&[u8]]) -> u64 {
    parts
        .iter()
        .fold(FNV_OFFSET, |hash, part| fnv1a64_continue(hash, part))
}

/// [`fnv1a64`] of `bytes` appended to data whose hash is `hash`.
pub(crate) fn fnv1a64_continue(mut hash: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash
}
