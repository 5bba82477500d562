//! Who a file is, and where a path really leads: the ground of the safety rules (SPEC §4, §8) — a
//! walk never enters a folder twice, a file is read once however many names lead to it, and no
//! output ever lands on an input.

use std::path::{Component, Path, PathBuf};

/// The identity of a file or folder: its (device, inode) on unix, so that every name of one file
/// (symbolic links, hard links, bind mounts) is the same key; its canonical path elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FileKey(Inner);

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Inner {
    #[cfg(unix)]
    Inode { dev: u64, ino: u64 },
    #[cfg(not(unix))]
    Canonical(PathBuf),
}

impl FileKey {
    /// The identity of what `path` leads to (links followed); `None` when nothing is there.
    pub fn of(path: &Path) -> Option<FileKey> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let m = std::fs::metadata(path).ok()?;
            Some(FileKey(Inner::Inode {
                dev: m.dev(),
                ino: m.ino(),
            }))
        }
        #[cfg(not(unix))]
        {
            path.canonicalize()
                .ok()
                .map(|p| FileKey(Inner::Canonical(p)))
        }
    }
}

/// The absolute, link-free form of a path that may not exist yet. Every part that exists is
/// resolved by the system (links followed); a `..` after a missing part removes that part, as
/// creating the path would. `None` only when the working directory is unknown.
pub fn resolve(path: &Path) -> Option<PathBuf> {
    if let Ok(real) = path.canonicalize() {
        return Some(real);
    }
    let mut cur = if path.is_absolute() {
        PathBuf::new()
    } else {
        let here = std::env::current_dir().ok()?;
        here.canonicalize().unwrap_or(here)
    };
    for part in path.components() {
        match part {
            Component::Prefix(_) | Component::RootDir => cur.push(part.as_os_str()),
            Component::CurDir => {}
            // `cur` holds no link (each existing part is resolved as it is added), so its parent
            // is the real parent.
            Component::ParentDir => {
                cur.pop();
            }
            Component::Normal(name) => {
                cur.push(name);
                if let Ok(real) = cur.canonicalize() {
                    cur = real;
                }
            }
        }
    }
    Some(cur)
}

/// Is `path` (existing or not) `dir` itself or somewhere below it, once both are resolved?
pub fn is_within(path: &Path, dir: &Path) -> bool {
    match (resolve(path), resolve(dir)) {
        (Some(p), Some(d)) => p.starts_with(d),
        _ => false,
    }
}

/// Are the two paths one file: the same resolved path, or (for files that exist) the same
/// identity, so that a hard link or a symbolic link counts as the file it names?
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let (Some(ka), Some(kb)) = (FileKey::of(a), FileKey::of(b)) {
        if ka == kb {
            return true;
        }
    }
    matches!((resolve(a), resolve(b)), (Some(ra), Some(rb)) if ra == rb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_dot_after_a_missing_part_is_resolved() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().canonicalize().unwrap();
        std::fs::create_dir(root.join("in")).unwrap();
        let sneaky = root.join("x").join("..").join("in").join("out");
        assert_eq!(resolve(&sneaky).unwrap(), root.join("in").join("out"));
        assert!(is_within(&sneaky, &root.join("in")));
        assert!(!is_within(&root.join("in2"), &root.join("in")));
    }

    #[cfg(unix)]
    #[test]
    fn links_lead_to_the_file_they_name() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        std::fs::write(root.join("a.xlsx"), "x").unwrap();
        std::fs::hard_link(root.join("a.xlsx"), root.join("hard.xlsx")).unwrap();
        std::os::unix::fs::symlink(root.join("a.xlsx"), root.join("soft.xlsx")).unwrap();
        std::fs::write(root.join("b.xlsx"), "x").unwrap();
        assert!(same_file(&root.join("a.xlsx"), &root.join("hard.xlsx")));
        assert!(same_file(&root.join("a.xlsx"), &root.join("soft.xlsx")));
        assert!(!same_file(&root.join("a.xlsx"), &root.join("b.xlsx")));
        assert!(same_file(&root.join("new"), &root.join(".").join("new")));
    }
}
