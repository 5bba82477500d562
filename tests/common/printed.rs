//! Reads a written workbook back as it prints: each sheet's column widths, row heights, merged
//! areas and every non-empty cell with its font, wrap flag and the text it shows. Used to check
//! that no text of an official document is cut or overlaps, with the same Times New Roman
//! metrics the writers use (`danhgia::writer::metrics`).
#![allow(dead_code)]

use danhgia::writer::metrics::{self, Font};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::Path;

/// One cell as printed.
#[derive(Debug, Clone)]
pub struct PrintedCell {
    pub sheet: String,
    pub row: u32,
    pub col: u32,
    /// The last row and column of its merged area (itself when not merged).
    pub last: (u32, u32),
    pub text: String,
    pub font: Font,
    pub wrap: bool,
}

pub struct PrintedSheet {
    pub name: String,
    pub widths: BTreeMap<u32, f64>,
    pub heights: BTreeMap<u32, f64>,
    pub cells: Vec<PrintedCell>,
    pub landscape: bool,
    pub breaks: Vec<u32>,
    pub repeat_rows: Option<(u32, u32)>,
    pub scale: u32,
    /// The height of a row without its own (`sheetFormatPr`), Excel's 15 points by default.
    pub default_height: f64,
    /// Printed "fit to the page" (`pageSetUpPr fitToPage`): Excel chooses the scale and the
    /// page breaks itself.
    pub fit_to_page: bool,
}

impl PrintedSheet {
    pub fn width(&self, col: u32) -> f64 {
        self.widths.get(&col).copied().unwrap_or(8.43)
    }
    pub fn height(&self, row: u32) -> f64 {
        self.heights
            .get(&row)
            .copied()
            .unwrap_or(self.default_height)
    }
}

/// Attributes of a tag: `name="value"` pairs, entities decoded.
pub fn attrs(tag: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut rest = tag;
    while let Some(eq) = rest.find("=\"") {
        let name = rest[..eq]
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .unwrap_or("");
        let after = &rest[eq + 2..];
        let end = after.find('"').unwrap_or(after.len());
        out.insert(name.to_string(), unescape(&after[..end]));
        rest = &after[(end + 1).min(after.len())..];
    }
    out
}

pub fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#10;", "\n")
        .replace("&#xA;", "\n")
        .replace("&amp;", "&")
}

/// The tags of an XML text, in order: (name, attributes text, inner text up to the next tag).
pub fn tags(xml: &str) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(start) = xml[i..].find('<') {
        let s = i + start;
        let e = s + xml[s..].find('>').expect("a closed tag");
        let inner = &xml[s + 1..e];
        let closing = inner.starts_with('/');
        let name: String = inner
            .trim_start_matches('/')
            .chars()
            .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
            .collect();
        let next = xml[e + 1..].find('<').map_or(xml.len(), |n| e + 1 + n);
        let text = xml[e + 1..next].to_string();
        let full = if closing { format!("/{name}") } else { name };
        out.push((full, inner.to_string(), text));
        i = e + 1;
    }
    out
}

pub fn cell_ref(r: &str) -> (u32, u32) {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits: String = r.chars().skip_while(|c| c.is_ascii_alphabetic()).collect();
    let col = letters
        .chars()
        .fold(0u32, |n, c| n * 26 + (c as u32 - 'A' as u32 + 1))
        - 1;
    (digits.parse::<u32>().expect("a row") - 1, col)
}

struct Xf {
    font: Font,
    wrap: bool,
    format: String,
}

fn styles(xml: &str) -> Vec<Xf> {
    let mut formats: HashMap<u32, String> = HashMap::new();
    let mut fonts: Vec<Font> = Vec::new();
    let mut xfs = Vec::new();
    let mut section = "";
    let mut font = Font::regular(11.0);
    for (name, inner, _) in tags(xml) {
        match name.as_str() {
            "numFmt" => {
                let a = attrs(&inner);
                formats.insert(a["numFmtId"].parse().unwrap(), a["formatCode"].clone());
            }
            "fonts" => section = "fonts",
            "/fonts" => section = "",
            "cellXfs" => section = "xfs",
            "/cellXfs" => section = "",
            "font" if section == "fonts" => font = Font::regular(11.0),
            "b" if section == "fonts" => font.bold = true,
            "i" if section == "fonts" => font.italic = true,
            "sz" if section == "fonts" => font.size = attrs(&inner)["val"].parse().unwrap(),
            "/font" if section == "fonts" => fonts.push(font),
            "xf" if section == "xfs" => {
                let a = attrs(&inner);
                let id: u32 = a.get("numFmtId").map_or(0, |v| v.parse().unwrap());
                let format = formats.get(&id).cloned().unwrap_or_else(|| match id {
                    1 => "0".into(),
                    9 => "0%".into(),
                    10 => "0.00%".into(),
                    3 => "#,##0".into(),
                    _ => "General".into(),
                });
                let f: usize = a.get("fontId").map_or(0, |v| v.parse().unwrap());
                xfs.push(Xf {
                    font: fonts[f],
                    wrap: false,
                    format,
                });
            }
            "alignment"
                if section == "xfs"
                    && attrs(&inner).get("wrapText").map(String::as_str) == Some("1") =>
            {
                xfs.last_mut().expect("an xf").wrap = true;
            }
            _ => {}
        }
    }
    xfs
}

fn group(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The text a number shows in a format (the formats the writers use).
fn shown(v: f64, format: &str) -> String {
    match format {
        "0" => format!("{v:.0}"),
        "0.0" => format!("{v:.1}"),
        "0%" => format!("{:.0}%", v * 100.0),
        "0.0%" => format!("{:.1}%", v * 100.0),
        "#,##0" => group(v.round() as u64),
        f if f.contains("dd/mm/yyyy") => "00/00/0000".to_string(),
        _ => {
            if v.fract() == 0.0 {
                format!("{v:.0}")
            } else {
                format!("{v}")
            }
        }
    }
}

pub fn part(zip: &mut zip::ZipArchive<std::fs::File>, name: &str) -> Option<String> {
    let mut f = zip.by_name(name).ok()?;
    let mut s = String::new();
    f.read_to_string(&mut s).ok()?;
    Some(s)
}

/// Every sheet of a workbook, as it prints (hidden sheets left out).
pub fn read(path: &Path) -> Vec<PrintedSheet> {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).expect("an xlsx package");
    let workbook = part(&mut zip, "xl/workbook.xml").expect("workbook.xml");
    let rels = part(&mut zip, "xl/_rels/workbook.xml.rels").expect("workbook rels");
    let targets: HashMap<String, String> = tags(&rels)
        .into_iter()
        .filter(|(n, _, _)| n == "Relationship")
        .map(|(_, inner, _)| {
            let a = attrs(&inner);
            (a["Id"].clone(), a["Target"].clone())
        })
        .collect();
    let strings: Vec<String> = part(&mut zip, "xl/sharedStrings.xml")
        .map(|xml| {
            let mut out = Vec::new();
            let mut cur = String::new();
            for (name, _, text) in tags(&xml) {
                match name.as_str() {
                    "si" => cur.clear(),
                    "t" => cur.push_str(&unescape(&text)),
                    "/si" => out.push(std::mem::take(&mut cur)),
                    _ => {}
                }
            }
            out
        })
        .unwrap_or_default();
    let xfs = styles(&part(&mut zip, "xl/styles.xml").expect("styles.xml"));
    let defined: Vec<(String, String)> = tags(&workbook)
        .into_iter()
        .filter(|(n, _, _)| n == "definedName")
        .map(|(_, inner, text)| (attrs(&inner)["name"].clone(), unescape(&text)))
        .collect();
    let mut sheets = Vec::new();
    for (i, (_, inner, _)) in tags(&workbook)
        .into_iter()
        .filter(|(n, _, _)| n == "sheet")
        .enumerate()
    {
        let a = attrs(&inner);
        if a.get("state").is_some_and(|s| s != "visible") {
            continue;
        }
        let name = a["name"].clone();
        let target = &targets[&a["r:id"]];
        let xml = part(&mut zip, &format!("xl/{target}")).expect("a sheet part");
        let mut sheet = PrintedSheet {
            name: name.clone(),
            widths: BTreeMap::new(),
            heights: BTreeMap::new(),
            cells: Vec::new(),
            landscape: false,
            breaks: Vec::new(),
            repeat_rows: None,
            scale: 100,
            default_height: 15.0,
            fit_to_page: false,
        };
        let mut merges: HashMap<(u32, u32), (u32, u32)> = HashMap::new();
        let mut covered: std::collections::HashSet<(u32, u32)> = Default::default();
        let mut raw: Vec<((u32, u32), u32, String)> = Vec::new();
        let mut current: Option<((u32, u32), u32, String)> = None;
        let mut in_value = false;
        for (tag, inner, text) in tags(&xml) {
            match tag.as_str() {
                "col" => {
                    let a = attrs(&inner);
                    let (lo, hi): (u32, u32) =
                        (a["min"].parse().unwrap(), a["max"].parse().unwrap());
                    for c in lo..=hi {
                        sheet.widths.insert(c - 1, a["width"].parse().unwrap());
                    }
                }
                "row" => {
                    let a = attrs(&inner);
                    if let Some(ht) = a.get("ht") {
                        let r: u32 = a["r"].parse().unwrap();
                        sheet.heights.insert(r - 1, ht.parse().unwrap());
                    }
                }
                "c" => {
                    let a = attrs(&inner);
                    let at = cell_ref(&a["r"]);
                    let s: u32 = a.get("s").map_or(0, |v| v.parse().unwrap());
                    let kind = a.get("t").cloned().unwrap_or_default();
                    if inner.ends_with('/') {
                        continue;
                    }
                    current = Some((at, s, kind));
                }
                "v" | "t" => in_value = true,
                "/v" | "/t" => in_value = false,
                "/c" => current = None,
                "mergeCell" => {
                    let r = attrs(&inner)["ref"].clone();
                    let (a, b) = r.split_once(':').expect("a range");
                    let (a, b) = (cell_ref(a), cell_ref(b));
                    merges.insert(a, b);
                    for row in a.0..=b.0 {
                        for col in a.1..=b.1 {
                            if (row, col) != a {
                                covered.insert((row, col));
                            }
                        }
                    }
                }
                "pageSetup" => {
                    let a = attrs(&inner);
                    sheet.landscape = a.get("orientation").map(String::as_str) == Some("landscape");
                    sheet.scale = a.get("scale").map_or(100, |v| v.parse().unwrap());
                }
                "sheetFormatPr" => {
                    if let Some(h) = attrs(&inner).get("defaultRowHeight") {
                        sheet.default_height = h.parse().unwrap();
                    }
                }
                "pageSetUpPr" => {
                    sheet.fit_to_page =
                        attrs(&inner).get("fitToPage").map(String::as_str) == Some("1");
                }
                "brk" => sheet.breaks.push(attrs(&inner)["id"].parse().unwrap()),
                _ => {}
            }
            if in_value {
                if let Some((at, s, kind)) = &current {
                    let xf = &xfs[*s as usize];
                    let value = match kind.as_str() {
                        "s" => strings[text.trim().parse::<usize>().unwrap()].clone(),
                        "str" | "inlineStr" => unescape(&text),
                        "b" => text.clone(),
                        _ => shown(text.trim().parse().unwrap_or(0.0), &xf.format),
                    };
                    raw.push((*at, *s, value));
                    in_value = false;
                }
            }
        }
        for (at, s, text) in raw {
            if covered.contains(&at) || text.trim().is_empty() {
                continue;
            }
            let xf = &xfs[s as usize];
            sheet.cells.push(PrintedCell {
                sheet: name.clone(),
                row: at.0,
                col: at.1,
                last: merges.get(&at).copied().unwrap_or(at),
                text,
                font: xf.font,
                wrap: xf.wrap,
            });
        }
        let titles = format!("'{name}'!$");
        for (n, v) in &defined {
            if n == "_xlnm.Print_Titles"
                && (v.starts_with(&titles) || v.starts_with(&format!("{name}!$")))
            {
                let rows: Vec<u32> = v
                    .rsplit('!')
                    .next()
                    .unwrap_or("")
                    .split(':')
                    .filter_map(|p| p.trim_start_matches('$').parse().ok())
                    .collect();
                if let [a, b] = rows[..] {
                    sheet.repeat_rows = Some((a - 1, b - 1));
                }
            }
        }
        let _ = i;
        sheets.push(sheet);
    }
    sheets
}

/// Every cell whose text does not fit: on one line in its columns' width when the cell does not
/// wrap, or in its rows' height when it wraps. Each as "sheet!A1: why".
pub fn misfits(path: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for sheet in read(path) {
        for c in &sheet.cells {
            // The room as the writer measured it: the pixels of the columns as stored (a stored
            // width holds Excel's padding: 5.7109375 is a width of 5, 40 pixels).
            let pixels: f64 = (c.col..=c.last.1)
                .map(|k| match sheet.widths.get(&k) {
                    Some(&stored) => metrics::stored_pixels(stored),
                    None => (8.43f64 * 7.0 + 5.0).trunc(),
                })
                .sum();
            let room = metrics::room_in_pixels(pixels);
            let height: f64 = (c.row..=c.last.0).map(|r| sheet.height(r)).sum();
            let at = format!(
                "{}: {}!R{}C{} {:?}",
                path.file_name().unwrap().to_string_lossy(),
                c.sheet,
                c.row + 1,
                c.col + 1,
                c.text.chars().take(50).collect::<String>()
            );
            if c.wrap {
                let lines = metrics::wrapped_lines(&c.text, c.font, room);
                let need = metrics::height_of_lines(lines, c.font);
                if need > height + 0.01 {
                    out.push(format!("{at}: needs {need} points, the row has {height}"));
                }
            } else if c.text.contains('\n') || metrics::text_width(&c.text, c.font) > room {
                out.push(format!(
                    "{at}: {:.1} points wide in {:.1} (not wrapped)",
                    metrics::text_width(&c.text, c.font),
                    room
                ));
            } else if c.font.line_height() > height + 0.01 {
                out.push(format!(
                    "{at}: a line of {} points in a row of {height}",
                    c.font.line_height()
                ));
            }
        }
    }
    out
}
