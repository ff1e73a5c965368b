//! Hostile and unusual inputs through the command: generated here (no large files checked in),
//! each run must finish, keep every input document and say what went wrong where.

#![allow(clippy::unwrap_used)] // Helpers outside #[test] fns; a panic is a test failure.

use std::fs;
use std::path::Path;

mod common;
use common::{documents, extract_csv, polemos, stderr};

#[test]
fn hostile_files_lose_no_document() {
    let dir = tempfile::tempdir().unwrap();
    let p = |name: &str| dir.path().join(name);
    // Nested far deeper than any page: once a stack overflow that took every document down.
    let deep = format!(
        "{}Shelling hit Homs on Monday.{}",
        "<div>".repeat(60_000),
        "</div>".repeat(60_000)
    );
    fs::write(p("deep.html"), deep).unwrap();
    fs::write(
        p("title.html"),
        "<html><head><title>Attack<body><p>Rockets hit Idlib on Monday.</p>",
    )
    .unwrap();
    // A stray NUL, and a quote that is never closed: each costs at most its own row.
    fs::write(
        p("nul.csv"),
        b"text,id,published\n\"Shelling hit Homs.\",n1,2020-01-02\n\"Rockets hit Idlib\x00.\",n2,2020-01-03\n",
    )
    .unwrap();
    fs::write(
        p("quote.csv"),
        "text,id\n\"Shelling hit Homs.,q1\n\"Rockets hit Idlib.\",q2\n\"Clashes in Daraa.\",q3\n",
    )
    .unwrap();
    fs::write(p("plain.txt"), "Clashes erupted in Daraa on Friday.").unwrap();
    let out_dir = p("out");
    let out = extract_csv(dir.path(), &out_dir);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = documents(&out_dir);
    let ids: Vec<&str> = docs.iter().map(|d| d.0.as_str()).collect();
    for id in ["n1", "n2", "q2", "q3"] {
        assert!(ids.contains(&id), "{id} in {ids:?}");
    }
    let row = |suffix: &str| docs.iter().find(|d| d.0.ends_with(suffix)).unwrap();
    assert_eq!(row("deep.html").1, "ok");
    assert!(row("deep.html").2.contains("nested"), "{docs:?}");
    assert_eq!(row("title.html").1, "ok", "{docs:?}");
    assert_eq!(row("quote.csv:1").1, "error");
    assert!(row("quote.csv:1").2.contains("line 2"), "{docs:?}");
    assert_eq!(row("plain.txt").1, "ok");
    assert_eq!(docs.len(), 8, "{docs:?}");
}

#[test]
fn a_missing_input_stops_the_run_unless_told_to_keep_going() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    fs::write(&good, "Shelling hit Homs on Monday.").unwrap();
    let missing = dir.path().join("typo.txt");
    let out_dir = dir.path().join("out");
    let (good, missing, out) = (
        good.to_str().unwrap(),
        missing.to_str().unwrap(),
        out_dir.to_str().unwrap(),
    );
    let alone = polemos(&["extract", missing, "-o", out]);
    assert_eq!(alone.status.code(), Some(1));
    assert!(stderr(&alone).contains("typo.txt"), "{}", stderr(&alone));
    let with_others = polemos(&["extract", good, missing, "-o", out]);
    assert_eq!(with_others.status.code(), Some(1));
    assert!(stderr(&with_others).contains("--keep-going"));
    assert!(
        !out_dir.exists(),
        "nothing is written before the inputs are checked"
    );
    let kept = polemos(&[
        "extract",
        good,
        missing,
        "-o",
        out,
        "--keep-going",
        "--format",
        "csv",
    ]);
    assert_eq!(kept.status.code(), Some(0), "{}", stderr(&kept));
    let docs = documents(&out_dir);
    assert_eq!(docs.len(), 2);
    assert!(docs
        .iter()
        .any(|d| d.0.ends_with("typo.txt") && d.1 == "error"));
}

/// Ctrl-C while the tables are being written: exit 130 and no `.tmp` file left behind.
#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_no_temporary_files() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let dir = tempfile::tempdir().unwrap();
    // Many small documents in one JSONL file: the run writes chunk after chunk for a while.
    let line = r#"{"text": "Government forces shelled Idlib on Monday, killing 12 civilians. Protesters gathered in Homs."}"#;
    let input = dir.path().join("many.jsonl");
    fs::write(&input, format!("{line}\n").repeat(200_000)).unwrap();
    let out_dir = dir.path().join("out");
    let mut child = Command::new(env!("CARGO_BIN_EXE_polemos"))
        .args([
            "extract",
            input.to_str().unwrap(),
            "-o",
            out_dir.to_str().unwrap(),
        ])
        .args(["--threads", "1", "--quiet"])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let temporary = |dir: &Path| -> Vec<String> {
        fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .filter(|n| n.ends_with(".tmp"))
                    .collect()
            })
            .unwrap_or_default()
    };
    let started = Instant::now();
    while temporary(&out_dir).is_empty() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "no temporary file appeared"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "the run ended too soon"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let pid = child.id().to_string();
    let killed = Command::new("kill").args(["-INT", &pid]).status().unwrap();
    assert!(killed.success());
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", stderr(&out));
    assert!(stderr(&out).contains("interrupted"), "{}", stderr(&out));
    assert_eq!(temporary(&out_dir), Vec::<String>::new());
}
