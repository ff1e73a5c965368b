//! Expanding inputs (files, directories, glob patterns) into a stable list of files.

use std::path::{Path, PathBuf};

use super::{Format, ReadError};

/// Expands inputs into files, in order: a file as given, a directory's readable files sorted,
/// a glob's matches sorted. A path that does not exist and is not a pattern is kept, so that
/// reading it yields an error row.
pub(super) fn expand(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, ReadError> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            walk(input, &mut out);
        } else if input.exists() || !is_pattern(input) {
            out.push(input.clone());
        } else {
            let pattern = input.to_string_lossy().into_owned();
            let paths = glob::glob(&pattern).map_err(|e| ReadError::BadPattern {
                pattern: pattern.clone(),
                message: e.to_string(),
            })?;
            let mut matched: Vec<PathBuf> = Vec::new();
            for entry in paths {
                match entry {
                    Ok(p) if p.is_dir() => walk(&p, &mut matched),
                    Ok(p) => {
                        if !is_hidden(&p) {
                            matched.push(p);
                        }
                    }
                    // An unreadable match becomes an error row when read.
                    Err(e) => matched.push(e.path().to_path_buf()),
                }
            }
            if matched.is_empty() {
                return Err(ReadError::NoMatch(pattern));
            }
            matched.sort();
            matched.dedup();
            out.extend(matched);
        }
    }
    Ok(out)
}

/// The inputs that name no readable file or directory and are no glob pattern, each with why
/// (a misspelt path would otherwise only show as an error row among the results).
pub fn unreadable_inputs(inputs: &[PathBuf]) -> Vec<(PathBuf, std::io::Error)> {
    inputs
        .iter()
        .filter(|p| !is_pattern(p) || p.exists())
        .filter_map(|p| {
            let opened = if p.is_dir() {
                std::fs::read_dir(p).map(|_| ())
            } else {
                std::fs::File::open(p).map(|_| ())
            };
            opened.err().map(|e| (p.clone(), e))
        })
        .collect()
}

fn is_pattern(path: &Path) -> bool {
    path.to_string_lossy().contains(['*', '?', '['])
}

fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// All readable files under `dir`, recursively, sorted; hidden entries and unknown
/// extensions are skipped. An unreadable directory is kept as a path so it shows up as an
/// error row.
fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(_) => {
            out.push(dir.to_path_buf());
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| !is_hidden(p))
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if Format::from_path(&p).is_some() {
            out.push(p);
        }
    }
}
