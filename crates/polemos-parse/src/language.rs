//! Which language a document is written in, as far as polemos needs to know: English, which it
//! codes, or which other language, which it does not (a Spanish headline in an export would
//! otherwise give events made from English-looking words in it).
//!
//! Two signals, both cheap enough to run on every document: the script of its letters
//! (Chinese, Japanese, Korean, Thai, Myanmar, Ethiopic, Greek, Hebrew, Georgian, Armenian
//! text is told by that alone), and, for scripts several languages share, the share of each
//! language's frequent function words (`data/lexicon/language_words.tsv`). English wins ties
//! and close calls: a document counts as another language only when that language's own
//! words are several and well ahead of English's.

use std::collections::HashMap;

use crate::vocab::vocab;

/// Words read at most: the start of a document tells its language.
const MAX_WORDS: usize = 400;
/// Fewer words than this say too little to tell a language by its words.
const MIN_WORDS: usize = 6;
/// Letters read at most for the script.
const MAX_LETTERS: usize = 2_000;
/// Another language needs at least this many of its words...
const MIN_OWN_WORDS: usize = 3;
/// ...at least this share of all words...
const MIN_SHARE: f64 = 0.08;
/// ...and more than this many times English's words (plus one).
const AHEAD_OF_ENGLISH: usize = 2;

/// The function words of each language (`language_words`), compiled.
#[derive(Debug, Default)]
pub(crate) struct LanguageWords {
    /// Each word's languages, as indices into `codes` (a word several languages share
    /// counts for each).
    languages: HashMap<Box<str>, Vec<usize>>,
    /// The language codes, in the file's order.
    codes: Vec<Box<str>>,
}

impl LanguageWords {
    pub(crate) fn new(rows: impl IntoIterator<Item = (String, String)>) -> LanguageWords {
        let mut out = LanguageWords::default();
        for (word, language) in rows {
            let code = match out.codes.iter().position(|c| **c == *language) {
                Some(i) => i,
                None => {
                    out.codes.push(language.into_boxed_str());
                    out.codes.len() - 1
                }
            };
            out.languages
                .entry(word.to_lowercase().into_boxed_str())
                .or_default()
                .push(code);
        }
        out
    }
}

/// The ISO 639-1 code of the language `text` is written in, when it can be told: `"en"` for
/// English, `None` for text too short or too mixed to say (which polemos codes as English).
pub fn detect_language(text: &str) -> Option<&'static str> {
    if let Some(language) = by_script(text) {
        return Some(language);
    }
    by_words(text, &vocab().language_words)
}

/// The language of text mostly in a script only one language polemos may meet uses; `None`
/// for Latin, Cyrillic, Arabic, Devanagari and Bengali letters, which need the words.
fn by_script(text: &str) -> Option<&'static str> {
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    let mut letters = 0;
    for c in text.chars().filter(|c| c.is_alphabetic()).take(MAX_LETTERS) {
        letters += 1;
        if let Some(language) = script_language(c) {
            *counts.entry(language).or_default() += 1;
        }
    }
    // Japanese mixes kana with Chinese characters: any kana make it Japanese.
    if counts.get("ja").is_some_and(|&kana| kana * 10 >= letters) {
        return Some("ja");
    }
    counts
        .into_iter()
        .filter(|&(_, n)| n * 2 > letters)
        .max_by_key(|&(_, n)| n)
        .map(|(language, _)| language)
}

/// The language of a letter's script, for scripts that name one language.
fn script_language(c: char) -> Option<&'static str> {
    Some(match c as u32 {
        0x3040..=0x30FF => "ja",                   // Hiragana, Katakana
        0x4E00..=0x9FFF | 0x3400..=0x4DBF => "zh", // CJK ideographs
        0xAC00..=0xD7AF | 0x1100..=0x11FF => "ko", // Hangul
        0x0E00..=0x0E7F => "th",                   // Thai
        0x1000..=0x109F => "my",                   // Myanmar
        0x1200..=0x139F => "am",                   // Ethiopic
        0x0370..=0x03FF => "el",                   // Greek
        0x0590..=0x05FF => "he",                   // Hebrew
        0x10A0..=0x10FF => "ka",                   // Georgian
        0x0530..=0x058F => "hy",                   // Armenian
        0x0B80..=0x0BFF => "ta",                   // Tamil
        0x0C80..=0x0CFF => "kn",                   // Kannada
        0x0D00..=0x0D7F => "ml",                   // Malayalam
        0x0A80..=0x0AFF => "gu",                   // Gujarati
        0x0A00..=0x0A7F => "pa",                   // Gurmukhi
        0x0C00..=0x0C7F => "te",                   // Telugu
        0x1780..=0x17FF => "km",                   // Khmer
        _ => return None,
    })
}

/// The language whose function words the text's first words hold most of, if it is far
/// enough ahead of English; `"en"` when English's words are there; `None` otherwise.
fn by_words(text: &str, words: &'static LanguageWords) -> Option<&'static str> {
    let mut counts = vec![0usize; words.codes.len()];
    let mut n = 0;
    let mut lower = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric() && c != '\u{200C}')
        .filter(|w| !w.is_empty())
        .take(MAX_WORDS)
    {
        n += 1;
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        for &l in words.languages.get(lower.as_str()).into_iter().flatten() {
            counts[l] += 1;
        }
    }
    if n < MIN_WORDS {
        return None;
    }
    let count = |code: &str| {
        let i = words.codes.iter().position(|c| **c == *code);
        i.map_or(0, |i| counts[i])
    };
    let english = count("en");
    // The first language in file order wins a tie.
    let best = words
        .codes
        .iter()
        .zip(&counts)
        .filter(|(code, _)| &***code != "en")
        .fold(None, |best: Option<(&str, usize)>, (code, &c)| match best {
            Some((_, b)) if b >= c => best,
            _ => Some((code, c)),
        });
    if let Some((language, own)) = best {
        if own >= MIN_OWN_WORDS
            && own as f64 >= MIN_SHARE * n as f64
            && own > AHEAD_OF_ENGLISH * english + 1
        {
            return Some(language);
        }
    }
    (english >= 2).then_some("en")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_news_is_english_even_with_foreign_names() {
        for text in [
            "Government forces shelled the town of Maarat al-Numan on Monday, killing 12 people.",
            "Members of the Cartel de Jalisco Nueva Generacion attacked police officers in \
             Zapopan, killing two of them, according to the state prosecutor.",
            "Fighters of Jaysh al-Islam and Hayat Tahrir al-Sham clashed in Douma; the Syrian \
             Observatory said at least 20 were killed.",
            "Unidentified gunmen killed a man in the Commune de Kalaban Coro.",
            "Jaysh al-Islam fighters clashed with al-Nusra Front in al-Qaboun, al-Bab and \
             Deir al-Asafir, Al Ghad al Souri reported.",
        ] {
            assert_eq!(detect_language(text), Some("en"), "{text}");
        }
    }

    #[test]
    fn other_languages_are_told_apart() {
        let cases = [
            ("es", "Hombres armados atacaron a los policías en la carretera y se llevaron sus armas, según las autoridades del estado."),
            ("fr", "Des hommes armés ont attaqué le poste de police dans la nuit et ont tué deux gendarmes selon une source locale."),
            ("pt", "Homens armados atacaram uma esquadra da polícia e mataram dois agentes, segundo as autoridades, que não deram mais detalhes."),
            ("de", "Bewaffnete haben in der Nacht eine Polizeistation angegriffen und zwei Beamte getötet, wie die Behörden mitteilten."),
            ("id", "Kelompok bersenjata menyerang pos polisi di desa itu dan menewaskan dua orang yang sedang bertugas pada malam hari."),
            ("ru", "Вооруженные люди напали на полицейский участок и убили двух сотрудников, сообщили в министерстве."),
            ("ar", "قتل شخصان في هجوم على مركز للشرطة في المدينة بعد منتصف الليل، بحسب ما أفادت مصادر محلية."),
            ("zh", "武装人员周一袭击了该镇的警察局，造成两人死亡。"),
            ("my", "လက်နက်ကိုင်အဖွဲ့သည် ရဲစခန်းကို တိုက်ခိုက်ခဲ့သည်။"),
        ];
        for (language, text) in cases {
            assert_eq!(detect_language(text), Some(language), "{text}");
        }
    }

    #[test]
    fn short_or_empty_text_says_nothing() {
        assert_eq!(detect_language(""), None);
        assert_eq!(detect_language("Aleppo"), None);
        assert_eq!(detect_language("12 killed"), None);
    }
}
