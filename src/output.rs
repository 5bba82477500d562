//! Writing output files safely: a temporary file in the same directory, then a rename, so a
//! reader never sees half a file.

use std::io::Write;
use std::path::Path;

#[derive(Debug, thiserror::Error)]
#[error("không ghi được tệp {path} / cannot write {path}: {source}")]
pub struct WriteError {
    pub path: String,
    pub source: std::io::Error,
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
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;

        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}
