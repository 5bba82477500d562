//! The output folder of `run` (SPEC §4): the manifest of what a run wrote there, the lock that
//! keeps a second run out while one is writing, and the clean-up `--force` does.
//!
//! - The manifest `.danhgia-manifest.json` (`danhgia/manifest/v1`) lists, relative to OUTDIR, the
//!   files the run wrote. With `--force` the next run replaces those and removes the ones it does
//!   not write again; anything else in OUTDIR is left alone. Entries are checked before anything
//!   is removed: only plain relative names of the kinds `run` writes, never `..`, an absolute path
//!   or a path through a link out of OUTDIR.
//! - The lock `.danhgia.lock` (`danhgia/lock/v1`: process id and start time) is created with
//!   `create_new`, so of two runs only one gets it. It is removed when the run ends, also on an
//!   error or a caught signal. A lock whose process is gone (no `/proc/<pid>`) is taken over.

use crate::i18n::Lang;
use crate::output::{create_live, forget_live, temp_name_pid, write_atomic, WriteError};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use std::io::{self, Read, Write};
use std::path::{Component, Path, PathBuf};

pub const MANIFEST: &str = ".danhgia-manifest.json";
pub const LOCK: &str = ".danhgia.lock";
pub const SCHEMA_MANIFEST: &str = "danhgia/manifest/v1";
pub const SCHEMA_LOCK: &str = "danhgia/lock/v1";

/// A manifest or lock larger than this is not read (a run of 100 000 units lists a few MB).
const MAX_MANIFEST_BYTES: u64 = 64 << 20;
const MAX_LOCK_BYTES: u64 = 4096;

/// What the lock file says about the run that holds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holder {
    pub schema: String,
    pub pid: u32,
    pub started: String,
}

#[derive(Debug, thiserror::Error)]
pub enum OutdirError {
    /// Another run holds the lock and its process is running.
    #[error("another run (process {}) is writing into this folder since {}", holder.pid, holder.started)]
    Busy { lock: PathBuf, holder: Holder },
    /// A lock whose holder cannot be told alive or gone.
    #[error("cannot tell whether the lock {} is held: {detail}", lock.display())]
    Unclear { lock: PathBuf, detail: String },
    #[error(transparent)]
    Write(#[from] WriteError),
}

impl OutdirError {
    /// The message for people.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (OutdirError::Busy { lock, holder }, Lang::Vi) => format!(
                "Một lần chạy khác (tiến trình {}, bắt đầu {}) đang ghi vào thư mục này (khóa '{}'). Chờ lần chạy đó xong, hoặc chọn thư mục kết quả khác.",
                holder.pid, holder.started, lock.display()
            ),
            (OutdirError::Busy { lock, holder }, Lang::En) => format!(
                "Another run (process {}, started {}) is writing into this folder (lock '{}'). Wait until it ends, or choose another output folder.",
                holder.pid, holder.started, lock.display()
            ),
            (OutdirError::Unclear { lock, detail }, Lang::Vi) => format!(
                "Thư mục kết quả đang bị khóa ('{}'), không rõ lần chạy giữ khóa còn chạy không ({detail}). Nếu không còn lần chạy nào khác, hãy xóa tệp khóa đó rồi chạy lại.",
                lock.display()
            ),
            (OutdirError::Unclear { lock, detail }, Lang::En) => format!(
                "The output folder is locked ('{}') and whether the run holding it still runs cannot be told ({detail}). If no other run is going on, delete that lock file and run again.",
                lock.display()
            ),
            (OutdirError::Write(e), _) => e.to_string(),
        }
    }
}

fn io_error(path: &Path, source: io::Error) -> OutdirError {
    OutdirError::Write(WriteError {
        path: path.display().to_string(),
        source,
    })
}

/// Is the process still running? `None` where this cannot be told (no `/proc`).
pub fn process_alive(pid: u32) -> Option<bool> {
    if pid == std::process::id() {
        return Some(true);
    }
    if !Path::new("/proc/self").exists() {
        return None;
    }
    Some(Path::new("/proc").join(pid.to_string()).exists())
}

// ------------------------------------------------------------------------------------ lock

/// The lock of a run on its OUTDIR; removed when dropped.
#[derive(Debug)]
pub struct RunLock {
    path: PathBuf,
}

impl Drop for RunLock {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        forget_live(&self.path);
    }
}

/// The lock taken, and the holder of a stale lock it replaced, if any.
pub type Taken = (RunLock, Option<Holder>);

impl RunLock {
    /// Takes the lock of `outdir` (which exists), taking over a lock whose process is gone.
    pub fn take(outdir: &Path) -> Result<Taken, OutdirError> {
        let path = outdir.join(LOCK);
        let mut stale = None;
        // A second try after removing a stale lock; losing that race to another run is `Busy`.
        for _ in 0..2 {
            match create_live(&path) {
                Ok(file) => {
                    let lock = RunLock { path };
                    write_holder(file, &lock.path)?;
                    return Ok((lock, stale));
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
                    stale = Some(take_over(&path)?);
                }
                Err(e) => return Err(io_error(&path, e)),
            }
        }
        let holder = read_holder(&path).map_err(|detail| OutdirError::Unclear {
            lock: path.clone(),
            detail,
        })?;
        Err(OutdirError::Busy { lock: path, holder })
    }
}

fn write_holder(mut file: std::fs::File, path: &Path) -> Result<(), OutdirError> {
    let holder = Holder {
        schema: SCHEMA_LOCK.into(),
        pid: std::process::id(),
        started: chrono::Local::now().format("%Y-%m-%d %H:%M:%S").to_string(),
    };
    let json = serde_json::to_vec(&holder).unwrap_or_default();
    file.write_all(&json).map_err(|e| io_error(path, e))
}

/// The holder of an existing lock, or why it cannot be told.
fn read_holder(path: &Path) -> Result<Holder, String> {
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_LOCK_BYTES).read_to_end(&mut bytes))
        .map_err(|e| e.to_string())?;
    serde_json::from_slice::<Holder>(&bytes)
        .ok()
        .filter(|h| h.schema == SCHEMA_LOCK)
        .ok_or_else(|| "tệp khóa không đọc được / unreadable lock file".to_string())
}

/// Removes a lock whose process is gone and returns its holder; a live or unclear one is an error.
fn take_over(path: &Path) -> Result<Holder, OutdirError> {
    let unclear = |detail: String| OutdirError::Unclear {
        lock: path.to_path_buf(),
        detail,
    };
    let holder = read_holder(path).map_err(unclear)?;
    match process_alive(holder.pid) {
        Some(false) => {}
        Some(true) => {
            return Err(OutdirError::Busy {
                lock: path.to_path_buf(),
                holder,
            })
        }
        None => {
            return Err(unclear(format!(
                "không kiểm tra được tiến trình {} / process {} cannot be checked",
                holder.pid, holder.pid
            )))
        }
    }
    // Only the lock judged stale is removed: one taken meanwhile by another run stays.
    if read_holder(path).ok().as_ref() == Some(&holder) {
        std::fs::remove_file(path).map_err(|e| io_error(path, e))?;
    }
    Ok(holder)
}

// ------------------------------------------------------------------------------------ manifest

#[derive(Debug, Serialize, Deserialize)]
struct ManifestDoc {
    schema: String,
    files: Vec<String>,
}

/// What the manifest of an earlier run says.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Previous {
    /// Entries that may be replaced or removed.
    pub files: Vec<String>,
    /// Entries refused (absolute, `..`, not a kind of file `run` writes): never touched.
    pub refused: Vec<String>,
    /// The manifest exists but cannot be read: nothing is removed.
    pub unreadable: bool,
}

/// Reads the manifest of `outdir`, if there is one.
pub fn read_manifest(outdir: &Path) -> Option<Previous> {
    let path = outdir.join(MANIFEST);
    let meta = std::fs::symlink_metadata(&path).ok()?;
    let unreadable = Previous {
        unreadable: true,
        ..Default::default()
    };
    if !meta.is_file() || meta.len() > MAX_MANIFEST_BYTES {
        return Some(unreadable);
    }
    let doc = std::fs::read(&path)
        .ok()
        .and_then(|b| serde_json::from_slice::<ManifestDoc>(&b).ok())
        .filter(|d| d.schema == SCHEMA_MANIFEST);
    let Some(doc) = doc else {
        return Some(unreadable);
    };
    let (files, refused) = doc.files.into_iter().partition(|f| valid_entry(f));
    Some(Previous {
        files,
        refused,
        unreadable: false,
    })
}

/// A manifest entry `run` may have written: one or two plain parts (`loi.csv`,
/// `don-vi/x-mau-06.xlsx`), no hidden part, an extension of its outputs.
pub fn valid_entry(entry: &str) -> bool {
    if entry.is_empty() || entry.contains(['\\', ':', '\0']) {
        return false;
    }
    let path = Path::new(entry);
    let parts: Vec<Component> = path.components().collect();
    let plain = parts.iter().all(|c| match c {
        Component::Normal(n) => n.to_str().is_some_and(|n| !n.starts_with('.')),
        _ => false,
    });
    let kind = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["xlsx", "json", "csv"].contains(&e));
    plain && (1..=2).contains(&parts.len()) && kind
}

/// Writes the manifest (sorted, each entry once), atomically.
pub fn write_manifest<'a>(
    outdir: &Path,
    files: impl IntoIterator<Item = &'a String>,
) -> Result<(), WriteError> {
    let files: BTreeSet<&String> = files.into_iter().collect();
    let doc = ManifestDoc {
        schema: SCHEMA_MANIFEST.into(),
        files: files.into_iter().cloned().collect(),
    };
    let mut json = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    json.push(b'\n');
    write_atomic(&outdir.join(MANIFEST), &json)
}

// ------------------------------------------------------------------------------------ clean-up

/// Is OUTDIR empty, its lock aside?
pub fn is_empty(outdir: &Path) -> bool {
    match std::fs::read_dir(outdir) {
        Ok(entries) => entries
            .filter_map(Result::ok)
            .all(|e| e.file_name() == LOCK),
        Err(_) => true,
    }
}

/// Removes the files of the earlier run that this run does not write again (`stale`: valid
/// manifest entries), then the folders that leaves empty. A file is removed only when its folder
/// is really inside OUTDIR (no link out of it). Returns the entries removed.
pub fn remove_stale(outdir: &Path, stale: &[&String]) -> Vec<String> {
    let Some(root) = crate::paths::resolve(outdir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    let mut folders = BTreeSet::new();
    for entry in stale.iter().filter(|e| valid_entry(e)) {
        let path = outdir.join(entry.as_str());
        let inside = path
            .parent()
            .and_then(crate::paths::resolve)
            .is_some_and(|dir| dir.starts_with(&root));
        let is_file = std::fs::symlink_metadata(&path).is_ok_and(|m| !m.is_dir());
        if inside && is_file && std::fs::remove_file(&path).is_ok() {
            removed.push(entry.to_string());
            if !entry_at_top(entry) {
                folders.insert(path.parent().map(Path::to_path_buf));
            }
        }
    }
    // A folder left empty goes; one that still holds anything stays.
    for dir in folders.into_iter().flatten() {
        let _ = std::fs::remove_dir(dir);
    }
    removed
}

fn entry_at_top(entry: &str) -> bool {
    Path::new(entry).components().count() == 1
}

/// Removes the temporary files (`.<name>.<pid>.tmp`) that a killed run left in `dirs`, unless
/// their process still runs.
pub fn remove_leftover_temps(dirs: &[PathBuf]) {
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name();
            let Some(pid) = name.to_str().and_then(temp_name_pid) else {
                continue;
            };
            let plain_file = e.file_type().is_ok_and(|t| t.is_file());
            if plain_file && process_alive(pid) != Some(true) {
                let _ = std::fs::remove_file(e.path());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_output_names_are_valid_entries() {
        for ok in [
            "loi.csv",
            "ket-qua.json",
            "don-vi/tckh-mau-06.xlsx",
            "khoi/x.xlsx",
        ] {
            assert!(valid_entry(ok), "{ok}");
        }
        for bad in [
            "",
            "../outside.txt",
            "../x.xlsx",
            "/etc/passwd.csv",
            "don-vi/../../x.xlsx",
            "./loi.csv",
            "a/b/c.xlsx",
            ".danhgia-manifest.json",
            "don-vi/.x.xlsx",
            "C:\\x.xlsx",
            "notes.docx",
            "don-vi",
        ] {
            assert!(!valid_entry(bad), "{bad}");
        }
    }

    #[test]
    fn a_second_lock_is_refused_and_a_stale_one_taken_over() {
        let tmp = tempfile::tempdir().unwrap();
        let (lock, stale) = RunLock::take(tmp.path()).unwrap();
        assert_eq!(stale, None);
        assert!(matches!(
            RunLock::take(tmp.path()),
            Err(OutdirError::Busy { .. })
        ));
        drop(lock);
        assert!(!tmp.path().join(LOCK).exists());
        if process_alive(1).is_some() {
            // A pid above the kernel's limit is never running.
            let dead = Holder {
                schema: SCHEMA_LOCK.into(),
                pid: 4_194_304 + 7,
                started: "2024-01-01 08:00:00".into(),
            };
            std::fs::write(tmp.path().join(LOCK), serde_json::to_vec(&dead).unwrap()).unwrap();
            let (_lock, stale) = RunLock::take(tmp.path()).unwrap();
            assert_eq!(stale, Some(dead));
        }
    }
}
