//! The temporary files this process is writing, so that a run ended by a signal (Ctrl-C, a
//! scheduler's SIGTERM) can remove them: the process then exits without dropping its
//! writers, which would otherwise remove them.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

/// The temporary files of the writers that are open, under one lock.
struct Registry {
    open: Mutex<Open>,
}

struct Open {
    files: Vec<PathBuf>,
    /// Whether the files have been removed for a signal: no writer may create another.
    removed: bool,
}

impl Registry {
    const fn new() -> Registry {
        Registry {
            open: Mutex::new(Open {
                files: Vec::new(),
                removed: false,
            }),
        }
    }

    /// Creates the temporary file `path` and records it, under one lock with the removal:
    /// a file is either created before a removal, and removed by it, or refused after it.
    fn create(&self, path: &Path) -> std::io::Result<File> {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if open.removed {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "the run was interrupted: its unfinished files were removed",
            ));
        }
        let file = File::create(path)?;
        open.files.push(path.to_path_buf());
        Ok(file)
    }

    fn forget(&self, path: &Path) {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(i) = open.files.iter().position(|p| p == path) {
            open.files.swap_remove(i);
        }
    }

    fn removed(&self) -> bool {
        self.open
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .removed
    }

    fn remove_all(&self) -> usize {
        let mut open = self.open.lock().unwrap_or_else(PoisonError::into_inner);
        open.removed = true;
        open.files
            .drain(..)
            .filter(|p| std::fs::remove_file(p).is_ok())
            .count()
    }
}

static OPEN: Registry = Registry::new();

/// Creates the temporary file `path` and records it as being written. Refused once
/// [`remove_temporary_files`] has run: the process is ending.
pub(super) fn create(path: &Path) -> std::io::Result<File> {
    OPEN.create(path)
}

/// Forgets `path`: renamed into place or removed.
pub(super) fn unregister(path: &Path) {
    OPEN.forget(path);
}

/// Removes every temporary file a table writer of this process has open, and returns how
/// many it removed. For a handler that ends the process on a signal: no writer creates a
/// temporary file afterwards (their opening fails), and writers still in use fail on their
/// next write or rename.
pub fn remove_temporary_files() -> usize {
    OPEN.remove_all()
}

/// Whether [`remove_temporary_files`] has run: the process is ending on a signal, and a
/// writer that failed since failed because of it.
pub fn temporary_files_removed() -> bool {
    OPEN.removed()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registered_files_are_removed_and_forgotten_ones_kept() {
        let registry = Registry::new();
        let dir = tempfile::tempdir().expect("temporary directory");
        let (a, b) = (dir.path().join(".a.tmp"), dir.path().join(".b.tmp"));
        for p in [&a, &b] {
            registry.create(p).expect("created");
        }
        registry.forget(&b);
        assert_eq!(registry.remove_all(), 1);
        assert!(!a.exists());
        assert!(b.exists());
        // Once removed for a signal, no writer starts another file.
        let c = dir.path().join(".c.tmp");
        assert!(registry.removed());
        assert!(registry.create(&c).is_err());
        assert!(!c.exists());
    }
}
