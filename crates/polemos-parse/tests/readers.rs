//! Readers on malformed and unusual inputs: error or empty rows, never a panic.

use std::fs;
use std::path::PathBuf;

use polemos_core::DocStatus;
use polemos_parse::{parse, read_paths, ReadError, ReadOptions};

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).expect("create test dir");
    }
    fs::write(&p, bytes).expect("write test file");
    p
}

#[test]
fn nonexistent_path_is_an_error_row() {
    let docs = read_paths(
        &[PathBuf::from("/no/such/file.txt")],
        &ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0].status, DocStatus::Error);
    assert_eq!(docs[0].id, "/no/such/file.txt");
    assert!(docs[0].error.as_deref().unwrap().contains("cannot read"));
}

#[test]
fn empty_and_binary_files() {
    let dir = tempfile::tempdir().unwrap();
    let empty = write(&dir, "empty.txt", b"");
    let blank = write(&dir, "blank.txt", b"  \n\n ");
    let binary = write(
        &dir,
        "bin.txt",
        &[0x7F, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0xFF, 0xFE, 0],
    );
    let empty_csv = write(&dir, "e.csv", b"");
    let docs = read_paths(&[empty, blank, binary, empty_csv], &ReadOptions::default()).unwrap();
    let status: Vec<DocStatus> = docs.iter().map(|d| d.status).collect();
    assert_eq!(
        status,
        [
            DocStatus::Empty,
            DocStatus::Empty,
            DocStatus::Error,
            DocStatus::Empty
        ]
    );
    for d in docs {
        let p = parse(d);
        assert!(p.sentences.is_empty());
    }
}

#[test]
fn truncated_jsonl_and_csv_without_column() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = write(
        &dir,
        "w.jsonl",
        b"{\"text\": \"Shells hit Homs.\"}\n{\"text\": \"Rebels adv\n{\"text\": 5}\n",
    );
    let csv = write(
        &dir,
        "x.csv",
        b"id,body\n1,Shells hit Homs.\n2,Rebels advanced.\n",
    );
    let docs = read_paths(&[jsonl, csv], &ReadOptions::default()).unwrap();
    assert_eq!(docs.len(), 5);
    assert_eq!(docs[0].status, DocStatus::Ok);
    assert_eq!(docs[1].status, DocStatus::Error);
    assert!(docs[1].id.ends_with("w.jsonl:2"));
    // A number is accepted as text.
    assert_eq!(docs[2].status, DocStatus::Ok);
    assert!(docs[3..].iter().all(|d| d.status == DocStatus::Error));
    // An `id` column names the rows, in CSV as in JSONL; the source says where each is.
    assert_eq!(docs[3].id, "1");
    assert!(docs[3].source.ends_with("x.csv:1"));
    assert!(docs[3]
        .error
        .as_deref()
        .unwrap()
        .contains("missing column `text`"));
}

#[test]
fn csv_with_invalid_utf8_and_us_dates() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = b"unit_id,article_title,article_content,date\n".to_vec();
    bytes.extend_from_slice(b"11,Bomb in Idlib,\"Sun 16 Apr 2017 Bomb in Idlib. A bomb killed 3 people in Idlib\xe2\x80\x99s centre.\",4/16/17\n");
    bytes.extend_from_slice(b"12,Shelling,\"Shells hit \xff Homs.\",sometime\n");
    let p = write(&dir, "fakes.csv", &bytes);
    let options = ReadOptions {
        text_column: "article_content".into(),
        id_column: Some("unit_id".into()),
        date_column: Some("date".into()),
        title_column: Some("article_title".into()),
        ..ReadOptions::default()
    };
    let docs = read_paths(&[p], &options).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, "11");
    assert_eq!(docs[0].encoding.as_deref(), Some("UTF-8"));
    assert_eq!(
        docs[0].published.map(|d| d.to_string()).as_deref(),
        Some("2017-04-16")
    );
    assert_eq!(docs[1].published, None);
    assert_eq!(docs[1].status, DocStatus::Ok);
    assert!(docs[1].text.contains('\u{FFFD}'));
    let p = parse(docs[0].clone());
    assert_eq!(p.headline_text(), Some("Bomb in Idlib."));
    assert_eq!(
        p.dateline.as_ref().unwrap().span.slice(&p.doc.text),
        "Sun 16 Apr 2017"
    );
    assert_eq!(
        p.sentence_text(1),
        "A bomb killed 3 people in Idlib’s centre."
    );
}

#[test]
fn directories_globs_and_hidden_files() {
    let dir = tempfile::tempdir().unwrap();
    write(&dir, "b/2.md", b"# Title here\n\nBody.\n");
    write(&dir, "b/1.txt", b"One.");
    write(&dir, "a.text", b"Zero.");
    write(&dir, ".hidden.txt", b"Hidden.");
    write(&dir, "c/.git/x.txt", b"Hidden dir.");
    write(&dir, "notes.pdf", b"%PDF");
    let docs = read_paths(&[dir.path().to_path_buf()], &ReadOptions::default()).unwrap();
    let names: Vec<String> = docs
        .iter()
        .map(|d| {
            d.source
                .trim_start_matches(&*dir.path().to_string_lossy())
                .to_string()
        })
        .collect();
    assert_eq!(names, ["/a.text", "/b/1.txt", "/b/2.md"]);
    assert_eq!(docs[2].format, "md");

    let pattern = dir.path().join("b/*.txt");
    let docs = read_paths(&[pattern], &ReadOptions::default()).unwrap();
    assert_eq!(docs.len(), 1);

    let none = dir.path().join("zzz/*.txt");
    assert!(matches!(
        read_paths(&[none], &ReadOptions::default()),
        Err(ReadError::NoMatch(_))
    ));
    let bad = dir.path().join("[.txt");
    assert!(matches!(
        read_paths(&[bad], &ReadOptions::default()),
        Err(ReadError::BadPattern { .. })
    ));
}

#[test]
fn utf16_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut bytes = vec![0xFF, 0xFE];
    for u in "Army shells Homs\n\nShells hit the old city.".encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    let p = write(&dir, "u.txt", &bytes);
    let docs = read_paths(&[p], &ReadOptions::default()).unwrap();
    assert_eq!(docs[0].encoding.as_deref(), Some("UTF-16LE"));
    let p = parse(docs[0].clone());
    assert_eq!(p.headline_text(), Some("Army shells Homs"));
}
