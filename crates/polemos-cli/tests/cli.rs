//! The `polemos` binary end to end, over the sample corpus.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::Output;

mod common;
use common::{documents, extract_csv, polemos, stderr};

use parquet::file::reader::{FileReader, SerializedFileReader};

const TABLES: [&str; 5] = ["documents", "sentences", "mentions", "events", "furniture"];

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/corpus")
}

fn extract(format: &str, out_dir: &Path) -> Output {
    let corpus = corpus();
    polemos(&[
        "extract",
        corpus.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--format",
        format,
        "--threads",
        "2",
    ])
}

/// The document count from the summary line: `polemos: 11 documents (0 errors), ...`.
fn summary_documents(stderr: &str) -> usize {
    let line = stderr.lines().last().unwrap_or_default();
    assert!(line.starts_with("polemos: "), "summary line: {stderr}");
    line["polemos: ".len()..]
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn extract_corpus_to_parquet() {
    let dir = tempfile::tempdir().unwrap();
    let out = extract("parquet", dir.path());
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("(0 errors)") && err.contains("events -> "),
        "{err}"
    );
    assert!(err.trim_end().ends_with("(parquet)"), "{err}");
    for table in TABLES {
        let path = dir.path().join(format!("{table}.parquet"));
        let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        let rows = reader.metadata().file_metadata().num_rows();
        if table == "documents" {
            assert_eq!(rows as usize, summary_documents(&err));
            assert!(rows >= 11, "the corpus has 11 stories, got {rows}");
        }
    }
}

#[test]
fn extract_corpus_to_csv_and_jsonl() {
    for format in ["csv", "jsonl"] {
        let dir = tempfile::tempdir().unwrap();
        let out = extract(format, dir.path());
        let err = stderr(&out);
        assert_eq!(out.status.code(), Some(0), "{err}");
        assert!(err.trim_end().ends_with(&format!("({format})")), "{err}");
        for table in TABLES {
            let path = dir.path().join(format!("{table}.{format}"));
            assert!(path.is_file(), "{}", path.display());
        }
        let documents = fs::read_to_string(dir.path().join(format!("documents.{format}"))).unwrap();
        if format == "csv" {
            assert!(documents.starts_with("doc_id,page_id,story_index,"));
            assert!(documents.contains("wire.jsonl"));
        } else {
            assert!(documents.lines().all(|l| l.starts_with("{\"doc_id\":")));
            assert_eq!(documents.lines().count(), summary_documents(&err));
        }
    }
}

#[test]
fn quiet_prints_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus();
    let out = polemos(&[
        "extract",
        corpus.join("wire.jsonl").to_str().unwrap(),
        "-o",
        dir.path().to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stderr(&out), "");
    assert!(out.stdout.is_empty());
    assert!(dir.path().join("events.parquet").is_file());
}

#[test]
fn unreadable_documents_are_error_rows_not_failures() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("no_text_column.csv");
    fs::write(&input, "id,body\n1,Shelling in Homs.\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = extract_csv(&input, &out_dir);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert!(
        err.contains("warning: ") && err.contains("(1 error)"),
        "{err}"
    );
    let documents = fs::read_to_string(out_dir.join("documents.csv")).unwrap();
    assert!(documents.contains(",error,"), "{documents}");
}

#[test]
fn no_matching_input_fails() {
    let dir = tempfile::tempdir().unwrap();
    let pattern = dir.path().join("*.txt");
    let out_dir = dir.path().join("out");
    let out = polemos(&[
        "extract",
        pattern.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.starts_with("polemos: error: ") && err.contains("*.txt"),
        "{err}"
    );
    assert!(!out_dir.exists());
}

#[test]
fn unwritable_output_fails() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("file");
    fs::write(&file, "").unwrap();
    let corpus = corpus();
    let out = polemos(&[
        "extract",
        corpus.join("wire.jsonl").to_str().unwrap(),
        "-o",
        file.join("out").to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("polemos: error: cannot write"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["extract"][..],
        &["extract", "x.txt"],
        &["extract", "x.txt", "-o", "out", "--format", "xlsx"],
        &["extract", "x.txt", "-o", "out", "--threads", "0"],
        &["frobnicate"],
        &[],
    ] {
        let out = polemos(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn help_version_and_schema() {
    let out = polemos(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(
        help.contains("extract") && help.contains("schema"),
        "{help}"
    );

    let out = polemos(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("polemos {}", env!("CARGO_PKG_VERSION"))
    );

    let out = polemos(&["schema"]);
    assert_eq!(out.status.code(), Some(0));
    let schema = String::from_utf8_lossy(&out.stdout);
    for table in TABLES {
        assert!(schema.contains(&format!("\n{table}: ")) || schema.starts_with(table));
    }

    let out = polemos(&["schema", "events"]);
    let schema = String::from_utf8_lossy(&out.stdout);
    assert!(schema.starts_with("events: ") && schema.contains("sub_event_type"));
}

#[test]
fn run_is_callable_as_a_library() {
    assert_eq!(polemos_cli::run(["polemos", "schema", "furniture"]), 0);
    assert_eq!(polemos_cli::run(["polemos", "--bogus"]), 2);
}

/// A corpus of several chunks: a JSONL file of 300 articles (one file, many documents) and 20
/// text files, with the same strike reported in the first and last articles so that an
/// incident links documents of different chunks.
fn multi_chunk_corpus(dir: &Path) -> PathBuf {
    let input = dir.join("in");
    fs::create_dir_all(&input).unwrap();
    let places = ["Douma", "Idlib", "Aleppo", "Homs", "Daraa", "Raqqa"];
    let article = |i: usize| {
        let place = places[i % places.len()];
        format!(
            "{place}, Syria - Air strikes on {place} killed {n} civilians on Monday, the Syrian \
             Observatory for Human Rights said. Rebels shelled a checkpoint near {place}, \
             killing {m} soldiers, state news agency SANA said.",
            n = 3 + i % 17,
            m = 1 + i % 5
        )
    };
    let same = "DOUMA, Syria - Air strikes on Douma killed 12 civilians on Monday, the Syrian \
                Observatory for Human Rights said.";
    let mut jsonl = String::new();
    for i in 0..300 {
        let text = if i == 0 || i == 299 {
            same.to_string()
        } else {
            article(i)
        };
        let line = format!(
            "{{\"id\": \"w{i}\", \"published\": \"2017-03-{:02}\", \"text\": {}}}\n",
            1 + i % 28,
            json_string(&text)
        );
        jsonl.push_str(&line);
    }
    fs::write(input.join("wire.jsonl"), jsonl).unwrap();
    for i in 0..20 {
        fs::write(input.join(format!("story{i:02}.txt")), article(1000 + i)).unwrap();
    }
    fs::write(input.join("story99.txt"), same).unwrap();
    input
}

fn json_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The command streams its output chunk by chunk; the files are those of extracting every
/// document at once and writing the tables in one go.
#[test]
fn streamed_output_equals_extracting_at_once() {
    use polemos_engine::Engine;
    use polemos_export::{write_tables_with_metadata, Format, Table};
    use polemos_parse::{read_paths, ReadOptions};

    let dir = tempfile::tempdir().unwrap();
    let input = multi_chunk_corpus(dir.path());
    let docs = read_paths(std::slice::from_ref(&input), &ReadOptions::default()).unwrap();
    assert!(docs.len() > polemos_engine::CHUNK_SIZE);
    let engine = Engine::new(std::num::NonZeroUsize::new(2)).unwrap();
    let tables = engine.extract(docs, |_| {});
    assert!(
        tables.num_rows(Table::Incidents) > 0,
        "no incident to check"
    );

    for format in ["csv", "jsonl", "geojson", "acled", "ucdp"] {
        let expected = dir.path().join(format!("at-once-{format}"));
        let f: Format = format.parse().unwrap();
        write_tables_with_metadata(&tables, &expected, f, &engine.file_metadata()).unwrap();
        let out_dir = dir.path().join(format!("streamed-{format}"));
        let out = polemos(&[
            "extract",
            input.to_str().unwrap(),
            "-o",
            out_dir.to_str().unwrap(),
            "--format",
            format,
            "--threads",
            "2",
        ]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let mut names: Vec<_> = fs::read_dir(&out_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names.len(), f.tables().len(), "{names:?}");
        for name in names {
            let streamed = fs::read(out_dir.join(&name)).unwrap();
            let at_once = fs::read(expected.join(&name)).unwrap();
            assert!(streamed == at_once, "{format}: {name:?} differs");
        }
    }
    // The UCDP view names each event's article and headline from the documents of its chunk.
    let ucdp = fs::read_to_string(dir.path().join("streamed-ucdp").join("ucdp.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(ucdp.as_bytes());
    let article = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "source_article")
        .unwrap();
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 1, "no lethal violent event to check");
    assert!(rows.iter().all(|r| !r[article].is_empty()));

    let out_dir = dir.path().join("streamed-parquet");
    let out = polemos(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
        "--threads",
        "1",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (table, batch) in tables.iter() {
        let path = out_dir.join(format!("{}.parquet", table.name()));
        let reader = SerializedFileReader::new(File::open(&path).unwrap()).unwrap();
        let meta = reader.metadata().file_metadata();
        assert_eq!(meta.num_rows() as usize, batch.num_rows(), "{table}");
        let kv = meta.key_value_metadata().cloned().unwrap_or_default();
        for (key, value) in engine.file_metadata() {
            assert!(
                kv.iter()
                    .any(|e| e.key == key && e.value.as_deref() == Some(value.as_str())),
                "{table}: {key}"
            );
        }
    }
}

#[test]
fn inputs_without_documents_fail_before_writing() {
    // A folder with no file polemos reads: nothing to extract, nothing written.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("nothing");
    fs::create_dir(&input).unwrap();
    fs::write(input.join("notes.docx"), "not read").unwrap();
    let out_dir = dir.path().join("out");
    let out = polemos(&[
        "extract",
        input.to_str().unwrap(),
        "-o",
        out_dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("no documents"), "{}", stderr(&out));
    assert!(!out_dir.exists());
}

#[test]
fn a_csv_file_with_a_header_and_no_rows_is_an_empty_row() {
    // Every input file appears in the documents table, even one that holds no record.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("header_only.csv");
    fs::write(&input, "id,text\n").unwrap();
    let out_dir = dir.path().join("out");
    let out = extract_csv(&input, &out_dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = documents(&out_dir);
    assert_eq!(docs.len(), 1, "{docs:?}");
    assert_eq!(docs[0].1, "empty", "{docs:?}");
}

#[test]
fn a_lexicon_folder_is_exported_and_extends_extraction() {
    let dir = tempfile::tempdir().unwrap();
    let exported = dir.path().join("builtin");
    let out = polemos(&["lexicon", "export", exported.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(exported.join("harm_words.tsv").exists());
    assert!(exported.join("README.md").exists());
    // Exporting over it again would lose edits.
    let again = polemos(&["lexicon", "export", exported.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(1));
    assert!(
        stderr(&again).contains("already exists"),
        "{}",
        stderr(&again)
    );

    let mine = dir.path().join("mine");
    fs::create_dir(&mine).unwrap();
    fs::write(
        mine.join("actors.tsv"),
        "name\tcategory\tcountry\tkind\tdemonyms\taliases\tresolves_to\n\
         River Guard\tidentity_militia\tNG\tnamed\t\t\t\n",
    )
    .unwrap();
    let article = dir.path().join("a.txt");
    fs::write(
        &article,
        "The River Guard attacked a village near Jos, killing 7 people.\n",
    )
    .unwrap();
    let output = dir.path().join("out");
    let run = |extra: &[&str]| {
        let mut args = vec![
            "extract",
            article.to_str().unwrap(),
            "-o",
            output.to_str().unwrap(),
            "--format",
            "csv",
            "-q",
        ];
        args.extend_from_slice(extra);
        let out = polemos(&args);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        fs::read_to_string(output.join("events.csv")).unwrap()
    };
    assert!(!run(&[]).contains("River Guard,identity_militia"));
    let events = run(&["--lexicon", mine.to_str().unwrap()]);
    assert!(events.contains("River Guard,identity_militia"), "{events}");

    let bad = dir.path().join("bad");
    fs::create_dir(&bad).unwrap();
    fs::write(bad.join("harm_word.tsv"), "entry\n").unwrap();
    let out = polemos(&[
        "extract",
        article.to_str().unwrap(),
        "-o",
        output.to_str().unwrap(),
        "--lexicon",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("harm_word.tsv"), "{}", stderr(&out));
}
