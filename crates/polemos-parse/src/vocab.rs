//! The parser's word classes (`data/lexicon/`): page-furniture lines, date-line labels, month
//! and weekday names, abbreviations that never end a sentence... in the lexicon's file format
//! (`polemos_core::lexicon`), embedded and compiled once per process.
//!
//! They are the built-in classes only: a user's lexicon folder extends the extractor's classes
//! but not yet these.

use std::collections::HashMap;
use std::sync::OnceLock;

use polemos_core::lexicon::{parse_class, ClassError, WordClass};
use polemos_core::FurnitureKind;

/// The built-in class files, (file name, text); a test checks every file of `data/lexicon/`
/// is here.
pub const EMBEDDED: &[(&str, &str)] = &[
    (
        "before_number_abbreviations.txt",
        include_str!("../data/lexicon/before_number_abbreviations.txt"),
    ),
    (
        "caption_credits.txt",
        include_str!("../data/lexicon/caption_credits.txt"),
    ),
    (
        "caption_descriptions.txt",
        include_str!("../data/lexicon/caption_descriptions.txt"),
    ),
    (
        "caption_markers.txt",
        include_str!("../data/lexicon/caption_markers.txt"),
    ),
    (
        "counter_words.txt",
        include_str!("../data/lexicon/counter_words.txt"),
    ),
    (
        "dateline_agencies.txt",
        include_str!("../data/lexicon/dateline_agencies.txt"),
    ),
    (
        "dateline_labels.txt",
        include_str!("../data/lexicon/dateline_labels.txt"),
    ),
    (
        "dateline_not_places.txt",
        include_str!("../data/lexicon/dateline_not_places.txt"),
    ),
    (
        "furniture_lines.tsv",
        include_str!("../data/lexicon/furniture_lines.tsv"),
    ),
    (
        "html_furniture_words.txt",
        include_str!("../data/lexicon/html_furniture_words.txt"),
    ),
    (
        "language_words.tsv",
        include_str!("../data/lexicon/language_words.tsv"),
    ),
    (
        "month_names.tsv",
        include_str!("../data/lexicon/month_names.tsv"),
    ),
    (
        "never_final_abbreviations.txt",
        include_str!("../data/lexicon/never_final_abbreviations.txt"),
    ),
    (
        "sentence_starters.txt",
        include_str!("../data/lexicon/sentence_starters.txt"),
    ),
    (
        "share_filler_words.txt",
        include_str!("../data/lexicon/share_filler_words.txt"),
    ),
    (
        "share_widget_words.txt",
        include_str!("../data/lexicon/share_widget_words.txt"),
    ),
    (
        "stub_words.txt",
        include_str!("../data/lexicon/stub_words.txt"),
    ),
    (
        "tag_list_openers.txt",
        include_str!("../data/lexicon/tag_list_openers.txt"),
    ),
    (
        "tag_list_sentence_words.txt",
        include_str!("../data/lexicon/tag_list_sentence_words.txt"),
    ),
    (
        "time_zones.txt",
        include_str!("../data/lexicon/time_zones.txt"),
    ),
    (
        "weekday_abbreviations.txt",
        include_str!("../data/lexicon/weekday_abbreviations.txt"),
    ),
];

/// Words of a class, in file order, with a bit per (first byte, length) pair of its words so
/// that most words of a text are turned away before any comparison.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words(Vec<Box<str>>, [u64; 4]);

/// The bit of a word in [`Words`]'s filter: its first byte, lower-cased, and its length.
fn filter_bit(w: &[u8]) -> usize {
    let first = usize::from(w.first().map_or(0, u8::to_ascii_lowercase));
    (first.wrapping_mul(31) ^ w.len().wrapping_mul(7)) & 255
}

impl Words {
    fn new<'a>(words: impl IntoIterator<Item = &'a str>) -> Words {
        let words: Vec<Box<str>> = words.into_iter().map(Box::from).collect();
        let mut filter = [0u64; 4];
        for w in &words {
            let bit = filter_bit(w.as_bytes());
            filter[bit >> 6] |= 1 << (bit & 63);
        }
        Words(words, filter)
    }

    fn may_contain(&self, w: &[u8]) -> bool {
        let bit = filter_bit(w);
        self.1[bit >> 6] >> (bit & 63) & 1 == 1
    }

    /// Whether `w` is one of the words, exactly.
    pub(crate) fn contains(&self, w: &str) -> bool {
        self.may_contain(w.as_bytes()) && self.0.iter().any(|x| &**x == w)
    }

    /// Whether `w` is one of the words, ASCII case aside.
    pub(crate) fn contains_ignoring_case(&self, w: &[u8]) -> bool {
        self.may_contain(w) && self.0.iter().any(|x| w.eq_ignore_ascii_case(x.as_bytes()))
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        self.0.iter().map(|x| &**x)
    }
}

/// How a furniture pattern matches a lower-cased line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineMatch {
    Exact,
    Prefix,
    Contains,
}

/// The parser's classes, compiled.
#[derive(Debug)]
pub(crate) struct ParseVocab {
    pub dateline_labels: Words,
    pub dateline_agencies: Words,
    pub dateline_not_places: Words,
    pub month_names: Vec<(Box<str>, u32)>,
    /// `month_names` by the letter they start with (a to z), for [`ParseVocab::month`].
    months_by_letter: [Vec<(Box<str>, u32)>; 26],
    pub weekday_abbreviations: Words,
    pub time_zones: Words,
    pub tag_list_openers: Words,
    pub tag_list_sentence_words: Words,
    pub caption_markers: Words,
    pub caption_credits: Words,
    pub caption_descriptions: Words,
    /// The furniture lines matched whole, by pattern (the first of a pattern wins).
    pub furniture_exact: HashMap<String, FurnitureKind>,
    /// The furniture lines matched by their start, then those matched anywhere, in order.
    pub furniture_prefix: Vec<(String, FurnitureKind)>,
    pub furniture_contains: Vec<(String, FurnitureKind)>,
    pub share_widget_words: Words,
    pub share_filler_words: Words,
    pub counter_words: Words,
    pub stub_words: Words,
    pub never_final_abbreviations: Words,
    pub before_number_abbreviations: Words,
    pub sentence_starters: Words,
    pub html_furniture_words: Words,
    pub language_words: crate::language::LanguageWords,
}

/// The parser's built-in classes.
pub(crate) fn vocab() -> &'static ParseVocab {
    static VOCAB: OnceLock<ParseVocab> = OnceLock::new();
    VOCAB.get_or_init(|| {
        ParseVocab::new(EMBEDDED).expect("the parser's built-in classes load (vocab tests)")
    })
}

impl ParseVocab {
    fn new(files: &[(&str, &str)]) -> Result<ParseVocab, ClassError> {
        let mut classes = Vec::with_capacity(files.len());
        for (file, text) in files {
            classes.push(parse_class(file, text)?.0);
        }
        let class = |name: &str| -> Result<&WordClass, ClassError> {
            classes
                .iter()
                .find(|c| c.name() == name)
                .ok_or_else(|| error(name, format!("no class `{name}`")))
        };
        let words =
            |name: &str| -> Result<Words, ClassError> { Ok(Words::new(class(name)?.entries())) };
        let months = class("month_names")?;
        let month_names: Vec<(Box<str>, u32)> = months
            .rows()
            .iter()
            .map(|row| {
                let n = months.field(row, "month").unwrap_or_default();
                n.parse::<u32>()
                    .ok()
                    .filter(|m| (1..=12).contains(m))
                    .map(|m| (Box::from(row[0].as_str()), m))
                    .ok_or_else(|| error("month_names", format!("`{}`: bad month `{n}`", row[0])))
            })
            .collect::<Result<_, _>>()?;
        let languages = class("language_words")?;
        let language_words =
            crate::language::LanguageWords::new(languages.rows().iter().map(|row| {
                let language = languages.field(row, "language").unwrap_or_default();
                (row[0].clone(), language.to_string())
            }));
        let lines = class("furniture_lines")?;
        let furniture_lines: Vec<(String, LineMatch, FurnitureKind)> = lines
            .rows()
            .iter()
            .map(|row| furniture_line(lines, row))
            .collect::<Result<_, _>>()?;
        let of = |how: LineMatch| {
            furniture_lines
                .iter()
                .filter(move |(_, m, _)| *m == how)
                .map(|(p, _, k)| (p.clone(), *k))
        };
        let mut furniture_exact = HashMap::new();
        for (p, k) in of(LineMatch::Exact) {
            furniture_exact.entry(p).or_insert(k);
        }
        let furniture_prefix = of(LineMatch::Prefix).collect();
        let furniture_contains = of(LineMatch::Contains).collect();
        let mut months_by_letter: [Vec<(Box<str>, u32)>; 26] = Default::default();
        for (name, m) in &month_names {
            if let Some(i) = name.bytes().next().filter(u8::is_ascii_lowercase) {
                months_by_letter[usize::from(i - b'a')].push((name.clone(), *m));
            }
        }
        Ok(ParseVocab {
            dateline_labels: words("dateline_labels")?,
            dateline_agencies: words("dateline_agencies")?,
            dateline_not_places: words("dateline_not_places")?,
            month_names,
            months_by_letter,
            weekday_abbreviations: words("weekday_abbreviations")?,
            time_zones: words("time_zones")?,
            tag_list_openers: words("tag_list_openers")?,
            tag_list_sentence_words: words("tag_list_sentence_words")?,
            caption_markers: words("caption_markers")?,
            caption_credits: words("caption_credits")?,
            caption_descriptions: words("caption_descriptions")?,
            furniture_exact,
            furniture_prefix,
            furniture_contains,
            share_widget_words: words("share_widget_words")?,
            share_filler_words: words("share_filler_words")?,
            counter_words: words("counter_words")?,
            stub_words: words("stub_words")?,
            never_final_abbreviations: words("never_final_abbreviations")?,
            before_number_abbreviations: words("before_number_abbreviations")?,
            sentence_starters: words("sentence_starters")?,
            html_furniture_words: words("html_furniture_words")?,
            language_words,
        })
    }

    /// The number of a month written as its English name or abbreviation, in lower case.
    pub(crate) fn month(&self, name: &str) -> Option<u32> {
        // Called for most words of a text: only names of their first letter are compared.
        let first = name.bytes().next().filter(u8::is_ascii_lowercase)?;
        self.months_by_letter[usize::from(first - b'a')]
            .iter()
            .find(|(n, _)| **n == *name)
            .map(|(_, m)| *m)
    }
}

fn error(class: &str, message: String) -> ClassError {
    ClassError {
        file: format!("{class} (polemos-parse data/lexicon)"),
        line: 0,
        message,
    }
}

/// One row of `furniture_lines`.
fn furniture_line(
    class: &WordClass,
    row: &[String],
) -> Result<(String, LineMatch, FurnitureKind), ClassError> {
    let field = |c: &str| class.field(row, c).unwrap_or_default();
    let how = match field("match") {
        "exact" => LineMatch::Exact,
        "prefix" => LineMatch::Prefix,
        "contains" => LineMatch::Contains,
        other => return Err(error("furniture_lines", format!("bad match `{other}`"))),
    };
    let kind = FurnitureKind::ALL
        .into_iter()
        .find(|k| k.as_str() == field("kind"))
        .ok_or_else(|| error("furniture_lines", format!("bad kind `{}`", field("kind"))))?;
    let pattern = match field("space") {
        "after" => format!("{} ", row[0]),
        "before" => format!(" {}", row[0]),
        "" => row[0].clone(),
        other => return Err(error("furniture_lines", format!("bad space `{other}`"))),
    };
    Ok((pattern, how, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_file_is_embedded_and_loads() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = EMBEDDED.iter().map(|(f, _)| *f).collect();
        assert_eq!(on_disk, embedded);
        let v = ParseVocab::new(EMBEDDED).unwrap();
        assert_eq!(v.month("sept"), Some(9));
        assert_eq!(v.month("may"), Some(5));
        assert_eq!(v.month("mayor"), None);
    }

    #[test]
    fn every_file_says_what_it_is_for_and_lists_entries_once() {
        for (file, text) in EMBEDDED {
            let name = file.rsplit_once('.').unwrap().0;
            assert!(text.starts_with(&format!("# {name}: ")), "{file}");
            assert!(
                text.contains("Used by:") && text.contains("Source:"),
                "{file}"
            );
            let (class, _) = parse_class(file, text).unwrap();
            let mut seen = std::collections::HashSet::new();
            for row in class.rows() {
                // A table may list a pattern once per way of matching.
                let key = row.iter().take(2).cloned().collect::<Vec<_>>();
                assert!(seen.insert(key), "{file}: {row:?} listed twice");
            }
        }
    }
}
