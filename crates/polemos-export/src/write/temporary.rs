//! The temporary files this process is writing, so that a run ended by a signal (Ctrl-C, a
//! scheduler's SIGTERM) can remove them: the process then exits without dropping its
//! writers, which would otherwise remove them.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

static OPEN: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Records `path` as a temporary file being written.
pub(super) fn register(path: &Path) {
    OPEN.lock()
        .unwrap_or_else(PoisonError::into_inner)
        .push(path.to_path_buf());
}

/// Forgets `path`: renamed into place or removed.
pub(super) fn unregister(path: &Path) {
    let mut open = OPEN.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(i) = open.iter().position(|p| p == path) {
        open.swap_remove(i);
    }
}

/// Removes every temporary file a table writer of this process has open, and returns how
/// many it removed. For a handler that ends the process on a signal; writers still in use
/// afterwards fail on their next write or rename.
pub fn remove_temporary_files() -> usize {
    let mut open = OPEN.lock().unwrap_or_else(PoisonError::into_inner);
    let removed = open
        .drain(..)
        .filter(|p| std::fs::remove_file(p).is_ok())
        .count();
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_files_are_removed_and_forgotten_ones_kept() {
        let dir = tempfile::tempdir().expect("temporary directory");
        let (a, b) = (dir.path().join(".a.tmp"), dir.path().join(".b.tmp"));
        for p in [&a, &b] {
            std::fs::write(p, "x").expect("write");
            register(p);
        }
        unregister(&b);
        assert!(remove_temporary_files() >= 1);
        assert!(!a.exists());
        assert!(b.exists());
    }
}
