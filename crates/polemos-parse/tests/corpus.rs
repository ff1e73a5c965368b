//! End-to-end checks over the project's sample corpus (examples/corpus).

use std::path::PathBuf;

use chrono::NaiveDate;
use polemos_core::{DateSource, DocStatus, FurnitureKind, ParsedDocument, SentenceKind};
use polemos_parse::{parse, read_paths, ReadOptions};

fn corpus(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/corpus")
        .join(name)
}

fn parsed(name: &str, options: &ReadOptions) -> Vec<ParsedDocument> {
    read_paths(&[corpus(name)], options)
        .expect("corpus file readable")
        .into_iter()
        .map(parse)
        .collect()
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A page of the corpus: file, headlines of its stories, publication date of each story.
type Page = (
    &'static str,
    &'static [&'static str],
    &'static [(i32, u32, u32)],
);

const PAGES: &[Page] = &[
    (
        "01_aleppo_countryside_airstrikes.txt",
        &["Russian warplanes pound villages west of Aleppo as families flee"],
        &[(2017, 3, 12)],
    ),
    (
        "02_idlib_live_updates.txt",
        &[
            "Market shelling kills 15 in Khan Shaykhun as army pushes into Idlib",
            "Explosion rocks Idlib city as rival factions clash near Saraqib",
        ],
        &[(2018, 1, 26), (2018, 1, 25)],
    ),
    (
        "03_deir_ezzor_checkpoint_attack.txt",
        &["IS militants kill 12 soldiers in attack near Deir ez-Zor airbase"],
        &[(2017, 4, 16)],
    ),
    (
        "04_homs_suicide_car_bomb.txt",
        &["Suicide car bomb hits Homs district, killing at least eight"],
        &[(2017, 10, 10)],
    ),
    (
        "05_raqqa_tabqa_column.txt",
        &["Analysis: Kurdish-led forces close in on Tabqa as coalition jets pound Raqqa countryside"],
        &[(2017, 4, 15)],
    ),
    (
        "06_daraa_rebels_fail_to_enter.txt",
        &["Rebels fail to break into government-held Daraa district after night of clashes"],
        &[],
    ),
    (
        "07_eastern_ghouta_offensive.md",
        &["Air strikes and shelling kill dozens in Eastern Ghouta as troops advance"],
        &[(2018, 3, 5)],
    ),
    (
        "legacy_cp1252.txt",
        &["Russian air strikes hit Jisr al-Shughur as army and rebels clash in Latakia hills"],
        &[(2017, 11, 21)],
    ),
];

#[test]
fn story_counts_headlines_and_dates() {
    for (file, headlines, dates) in PAGES {
        let docs = parsed(file, &ReadOptions::default());
        assert_eq!(docs.len(), headlines.len(), "{file}: story count");
        for (k, p) in docs.iter().enumerate() {
            assert_eq!(p.doc.status, DocStatus::Ok, "{file}");
            assert_eq!(p.headline_text(), Some(headlines[k]), "{file} story {k}");
            assert_eq!(p.sentences[0].kind, SentenceKind::Headline);
            assert_eq!(p.sentence_text(0), headlines[k]);
            match dates.get(k) {
                Some(&(y, m, d)) => {
                    assert_eq!(p.doc.published, date(y, m, d), "{file} story {k}");
                    assert_eq!(p.doc.published_source, Some(DateSource::Dateline));
                }
                None => assert_eq!(p.doc.published, None, "{file}"),
            }
            // No furniture inside a sentence, no sentence made of furniture.
            for s in &p.sentences {
                for f in &p.furniture {
                    assert!(
                        !s.span.overlaps(f.span),
                        "{file}: {:?}",
                        s.span.slice(&p.doc.text)
                    );
                }
            }
        }
    }
}

#[test]
fn split_page_ids_and_offsets() {
    let page = std::fs::read_to_string(corpus("02_idlib_live_updates.txt")).unwrap();
    let docs = parsed("02_idlib_live_updates.txt", &ReadOptions::default());
    let page_id = docs[0].doc.page_id.clone();
    assert_eq!(docs[0].doc.id, page_id);
    assert_eq!(docs[1].doc.id, format!("{page_id}#2"));
    assert_eq!(docs[1].doc.page_id, page_id);
    assert_eq!(docs[1].doc.story_index, 1);
    for p in &docs {
        let d = &p.doc;
        assert_eq!(&page[d.page_offset..d.page_offset + d.text.len()], d.text);
    }
    // The trap headline in the related list is furniture, not a sentence.
    let trap = "Army Captures Key Airbase In Southeast Idlib";
    assert!(docs[1]
        .furniture
        .iter()
        .any(|f| f.kind == FurnitureKind::Related && f.span.slice(&docs[1].doc.text) == trap));
    assert!(!docs
        .iter()
        .any(|p| (0..p.sentences.len()).any(|i| p.sentence_text(i) == trap)));

    let unsplit = parsed(
        "02_idlib_live_updates.txt",
        &ReadOptions {
            split_stories: false,
            ..ReadOptions::default()
        },
    );
    assert_eq!(unsplit.len(), 1);
}

#[test]
fn deir_ezzor_sentences_and_dateline() {
    let docs = parsed(
        "03_deir_ezzor_checkpoint_attack.txt",
        &ReadOptions::default(),
    );
    let p = &docs[0];
    assert_eq!(
        p.sentence_text(1),
        "The besieged government enclave in eastern Syria came under renewed pressure this weekend as the jihadists surrounding it stepped up their raids."
    );
    assert_eq!(
        p.sentence_text(2),
        "Islamic State militants attacked an army checkpoint near the airbase in Deir ez-Zor on Saturday, killing 12 soldiers."
    );
    let dl = p.dateline.as_ref().unwrap();
    assert_eq!(dl.span.slice(&p.doc.text), "DEIR EZ-ZOR, Syria (Reuters) -");
    assert_eq!(dl.place.as_deref(), Some("DEIR EZ-ZOR"));
    // The date comes from the footer line, which is furniture.
    assert_eq!(dl.date, date(2017, 4, 16));
    assert!(p
        .furniture
        .iter()
        .any(|f| f.span.slice(&p.doc.text).starts_with("Last updated:")));
    // Tokens of sentence 2.
    let s = &p.sentences[2];
    let words: Vec<&str> = polemos_parse::tokenize(&p.doc.text, s.span)
        .iter()
        .map(|t| t.span.slice(&p.doc.text))
        .collect();
    assert!(words.contains(&"ez-Zor"));
    assert_eq!(words.last(), Some(&"."));
}

#[test]
fn furniture_of_page_01() {
    let docs = parsed(
        "01_aleppo_countryside_airstrikes.txt",
        &ReadOptions::default(),
    );
    let p = &docs[0];
    let kinds = |k: FurnitureKind| p.furniture.iter().filter(|f| f.kind == k).count();
    assert_eq!(kinds(FurnitureKind::Share), 5);
    assert_eq!(kinds(FurnitureKind::Advertisement), 1);
    assert_eq!(kinds(FurnitureKind::Caption), 1);
    assert_eq!(kinds(FurnitureKind::Cookie), 1);
    assert_eq!(kinds(FurnitureKind::Related), 6);
    // Headline + 9 body sentences; the date line is not a sentence.
    assert_eq!(p.sentences.len(), 10);
    assert!(!(0..10).any(|i| p.sentence_text(i).contains("Published")));
}

#[test]
fn legacy_encoding() {
    let docs = parsed("legacy_cp1252.txt", &ReadOptions::default());
    let d = &docs[0].doc;
    assert_eq!(d.encoding.as_deref(), Some("windows-1252"));
    assert!(d.text.contains("town’s main mosque"));
    assert!(d
        .text
        .contains("“We could not pull anyone out for hours because the planes kept circling,”"));
    assert!(d.text.contains("Kabani – a position"));
    assert!(!d.text.contains('\u{FFFD}'));
}

#[test]
fn wire_jsonl() {
    let options = ReadOptions {
        id_column: Some("id".into()),
        date_column: Some("published".into()),
        title_column: Some("title".into()),
        url_column: Some("url".into()),
        ..ReadOptions::default()
    };
    let docs = parsed("wire.jsonl", &options);
    assert_eq!(docs.len(), 2);
    let p = &docs[0];
    assert_eq!(p.doc.id, "wire-20170302-palmyra");
    assert_eq!(p.doc.format, "jsonl");
    assert_eq!(p.doc.published, date(2017, 3, 2));
    assert_eq!(p.doc.published_source, Some(DateSource::Input));
    assert_eq!(
        p.doc.title.as_deref(),
        Some("Syrian army recaptures Palmyra from Islamic State")
    );
    // The title is not repeated in the text: no headline sentence.
    assert_eq!(p.headline, None);
    assert_eq!(p.sentences[0].kind, SentenceKind::Body);
    assert!(p
        .sentence_text(0)
        .starts_with("Syrian troops backed by Russian warplanes"));
    assert_eq!(
        p.dateline.as_ref().unwrap().place.as_deref(),
        Some("PALMYRA")
    );
    // Without named columns the usual keys are used.
    let docs = parsed("wire.jsonl", &ReadOptions::default());
    assert_eq!(docs[1].doc.id, "wire-20170304-manbij");
    assert_eq!(docs[1].doc.published, date(2017, 3, 4));
    assert_eq!(docs[1].doc.source.rsplit('/').next(), Some("wire.jsonl:2"));
    // A named column that is absent gives path:line.
    let options = ReadOptions {
        id_column: Some("key".into()),
        ..ReadOptions::default()
    };
    let docs = parsed("wire.jsonl", &options);
    assert!(docs[1].doc.id.ends_with("wire.jsonl:2"));
}

#[test]
fn directory_read_is_sorted_and_complete() {
    let docs = read_paths(&[corpus("")], &ReadOptions::default()).unwrap();
    let sources: Vec<&str> = docs.iter().map(|d| d.source.as_str()).collect();
    let mut sorted = sources.clone();
    sorted.sort();
    assert_eq!(sources, sorted);
    assert!(docs.iter().all(|d| d.status == DocStatus::Ok));
    // Every file of the corpus is there, the live blog twice.
    for (file, headlines, _) in PAGES {
        let n = docs.iter().filter(|d| d.source.ends_with(file)).count();
        assert_eq!(n, headlines.len(), "{file}");
    }
    let jsonl = docs.iter().filter(|d| d.format == "jsonl").count();
    assert_eq!(jsonl, 2);
}
