//! `DocumentReader` reads the same documents as `read_paths`, one file at a time.

use std::fs;
use std::path::{Path, PathBuf};

use polemos_parse::{input_files, read_paths, DocumentReader, ReadError, ReadOptions};

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

#[test]
fn reader_yields_read_paths_documents_in_order() {
    let inputs = [corpus(), PathBuf::from("/no/such/file.txt")];
    let options = ReadOptions::default();
    let all = read_paths(&inputs, &options).unwrap();
    let lazy: Vec<_> = DocumentReader::new(&inputs, &options).unwrap().collect();
    assert!(all.len() > 11, "{}", all.len());
    assert_eq!(lazy, all);
    assert_eq!(
        DocumentReader::new(&inputs, &options).unwrap().n_files(),
        input_files(&inputs).unwrap().len()
    );
}

#[test]
fn files_done_counts_files_whose_documents_were_all_returned() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "Shelling in Homs.").unwrap();
    fs::write(dir.path().join("b.csv"), "text\n").unwrap();
    fs::write(
        dir.path().join("c.jsonl"),
        "{\"text\": \"One.\"}\n{\"text\": \"Two.\"}\n",
    )
    .unwrap();
    fs::write(dir.path().join("d.txt"), "Clashes in Daraa.").unwrap();
    let mut reader =
        DocumentReader::new(&[dir.path().to_path_buf()], &ReadOptions::default()).unwrap();
    assert_eq!((reader.n_files(), reader.files_done()), (4, 0));
    let mut seen = Vec::new();
    while let Some(doc) = reader.next() {
        seen.push((doc.id, reader.files_done()));
    }
    let ids: Vec<_> = seen
        .iter()
        .map(|(id, _)| id.rsplit('/').next().unwrap())
        .collect();
    // b.csv has a header and no rows: it is one empty row, so that it is not lost.
    assert_eq!(ids, ["a.txt", "b.csv", "c.jsonl:1", "c.jsonl:2", "d.txt"]);
    let done: Vec<_> = seen.iter().map(|(_, n)| *n).collect();
    assert_eq!(done, [1, 2, 2, 3, 4]);
}

#[test]
fn a_glob_matching_nothing_is_an_error_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let pattern = dir.path().join("*.txt");
    assert!(matches!(
        DocumentReader::new(&[pattern], &ReadOptions::default()),
        Err(ReadError::NoMatch(_))
    ));
}

/// Large exports are read a few MiB at a time; what comes out is what reading them whole gives.
#[test]
fn a_large_export_read_in_blocks_gives_what_reading_it_whole_gives() {
    use polemos_parse::{read_bytes, Format};
    let dir = tempfile::tempdir().unwrap();
    let mut csv = String::from("id,title,text\n");
    let mut jsonl = String::new();
    let mut n = 0;
    // Over 16 MiB each, with quoted fields spanning lines, broken rows and non-ASCII text.
    while csv.len() < 17 << 20 {
        n += 1;
        let text = format!(
            "Militants attacked a checkpoint near Gao on day {n}, killing {} soldiers.",
            n % 9
        );
        match n % 1000 {
            7 => csv.push_str(&format!("{n},\"never closed,{text}\n")),
            _ => csv.push_str(&format!(
                "{n},\"Gao, Mali\",\"{text}\n\u{2014} \"\"AFP\"\"\"\n"
            )),
        }
        jsonl.push_str(&format!(
            "{{\"id\": \"{n}\", \"text\": \"{text} \u{e9}\"}}\n"
        ));
        if n % 1000 == 500 {
            jsonl.push_str("not json\n\n");
        }
    }
    for (name, content, format) in [
        ("big.csv", &csv, Format::Csv),
        ("big.jsonl", &jsonl, Format::Jsonl),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, content).unwrap();
        let options = ReadOptions::default();
        let source = path.display().to_string();
        let whole = read_bytes(&source, format, content.as_bytes(), &options);
        let mut reader = DocumentReader::new(&[path], &options).unwrap();
        let mut streamed = Vec::new();
        for doc in reader.by_ref() {
            streamed.push(doc);
        }
        assert!(whole.len() >= n, "{name}: {}", whole.len());
        assert_eq!(streamed.len(), whole.len(), "{name}");
        assert!(streamed == whole, "{name}: documents differ");
        assert_eq!(reader.files_done(), 1);
    }
}
