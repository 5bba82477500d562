//! Writing output files safely: a temporary file in the same directory, then a rename, so a
//! reader never sees half a file.
//!
//! Every file this process creates and has not finished with (temporary files, the lock of
//! `run`) is kept on a list of live files. A temporary file is removed when its write fails; on
//! Ctrl-C or a termination signal ([`clean_up_on_signal`]) every live file is removed before the
//! process ends, so an interrupted command leaves no `.tmp` file and no lock behind.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

#[derive(Debug, thiserror::Error)]
#[error("không ghi được tệp {path} / cannot write {path}: {source}")]
pub struct WriteError {
    pub path: String,
    pub source: std::io::Error,
}

/// The exit code after a caught Ctrl-C or termination signal (the shells' convention).
pub const EXIT_INTERRUPTED: i32 = 130;

/// The files this process created and has not finished with.
struct Live {
    paths: Vec<PathBuf>,
    /// Set once a signal was caught: no new live file may be created after.
    closing: bool,
}

static LIVE: Mutex<Live> = Mutex::new(Live {
    paths: Vec::new(),
    closing: false,
});

fn live() -> MutexGuard<'static, Live> {
    LIVE.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Creates `path`, which must not exist yet, and keeps it on the list of live files until
/// [`forget_live`]. Creating and listing happen under one lock, so a signal never falls between.
pub fn create_live(path: &Path) -> io::Result<File> {
    let mut live = live();
    if live.closing {
        return Err(io::Error::new(
            io::ErrorKind::Interrupted,
            "đang dừng / stopping",
        ));
    }
    let file = OpenOptions::new().write(true).create_new(true).open(path)?;
    live.paths.push(path.to_path_buf());
    Ok(file)
}

/// Takes `path` off the list of live files (it was renamed, removed, or is to stay).
pub fn forget_live(path: &Path) {
    live().paths.retain(|p| p != path);
}

/// Removes every live file and lets no new one be created: what a caught signal does.
pub fn remove_live_files() {
    let mut live = live();
    live.closing = true;
    for p in live.paths.drain(..) {
        let _ = std::fs::remove_file(p);
    }
}

/// On Ctrl-C (SIGINT), SIGTERM or SIGHUP: removes every live file, then ends the process with
/// [`EXIT_INTERRUPTED`]. Installing twice is harmless (the second call is ignored).
pub fn clean_up_on_signal() {
    let _ = ctrlc::set_handler(|| {
        remove_live_files();
        eprintln!("danhgia: đã dừng / interrupted");
        std::process::exit(EXIT_INTERRUPTED);
    });
}

/// The temporary name `write_atomic` uses for `path`: `.<name>.<pid>.tmp` beside it.
pub fn temp_name(name: &str, pid: u32) -> String {
    format!(".{name}.{pid}.tmp")
}

/// The process id in a name made by [`temp_name`], if it is one.
pub fn temp_name_pid(file_name: &str) -> Option<u32> {
    let inner = file_name.strip_prefix('.')?.strip_suffix(".tmp")?;
    let (name, pid) = inner.rsplit_once('.')?;
    if name.is_empty() || pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    pid.parse().ok()
}

pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    let err = |source| WriteError {
        path: path.display().to_string(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    // `-o new-folder/file.xlsx`: the folder is made, as `run` makes its OUTDIR.
    std::fs::create_dir_all(dir).map_err(err)?;
    let tmp = dir.join(temp_name(name, std::process::id()));
    let mut file = create_temp(&tmp).map_err(err)?;
    let result = file.write_all(bytes).and_then(|_| {
        drop(file);
        std::fs::rename(&tmp, path)
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    forget_live(&tmp);
    result.map_err(err)
}

/// Creates the temporary file; one left by an earlier process of the same id (which cannot be
/// running: this process has the id) is replaced.
fn create_temp(tmp: &Path) -> io::Result<File> {
    match create_live(tmp) {
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            std::fs::remove_file(tmp)?;
            create_live(tmp)
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_recognised() {
        assert_eq!(temp_name_pid(&temp_name("ket-qua.json", 42)), Some(42));
        assert_eq!(temp_name_pid(".ket-qua.json.tmp"), None);
        assert_eq!(temp_name_pid(".x.12a.tmp"), None);
        assert_eq!(temp_name_pid("ket-qua.json.12.tmp"), None);
        assert_eq!(temp_name_pid("..12.tmp"), None);
    }

    #[test]
    fn a_failed_write_leaves_no_temporary_file() {
        let tmp = tempfile::tempdir().unwrap();
        // The target is a folder: the rename fails.
        let target = tmp.path().join("ket-qua.json");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("x"), "x").unwrap();
        assert!(write_atomic(&target, b"{}").is_err());
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("ket-qua.json")]);
    }
}
