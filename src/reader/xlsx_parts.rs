//! A look inside an `.xlsx` package without calamine: which part holds a worksheet, and whether
//! that part holds any formula. Reading a sheet's formulas costs a second parse of the sheet, so
//! the reader asks first and skips it for sheets that have none. Any doubt answers "maybe".

use quick_xml::events::Event;
use std::io::{Cursor, Read};

/// Parts larger than this are not looked into (the answer is "maybe").
const MAX_PART: u64 = 64 * 1024 * 1024;

/// What the reader needs to know of a worksheet part beyond its cells.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SheetPart {
    /// The part holds a formula element.
    pub has_formulas: bool,
    /// Merged regions: (first row, first column, last row, last column), zero-based.
    pub merges: Vec<(u32, u32, u32, u32)>,
}

/// The worksheet named `sheet`, looked at in the package; `None` when the package cannot tell.
pub fn sheet_part(bytes: &[u8], sheet: &str) -> Option<SheetPart> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
    let workbook = read_part(&mut zip, "xl/workbook.xml")?;
    let rid = sheet_rid(&workbook, sheet)?;
    let rels = read_part(&mut zip, "xl/_rels/workbook.xml.rels")?;
    let target = rel_target(&rels, &rid)?;
    let path = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("xl/{}", target.trim_start_matches("./")),
    };
    let xml = read_part(&mut zip, &path)?;
    Some(SheetPart {
        has_formulas: has_formula_element(&xml),
        merges: merge_refs(&xml),
    })
}

/// `Some(false)` when the worksheet named `sheet` certainly holds no formula, `Some(true)` when
/// it holds one, `None` when the package cannot tell.
#[cfg(test)]
fn sheet_has_formulas(bytes: &[u8], sheet: &str) -> Option<bool> {
    sheet_part(bytes, sheet).map(|p| p.has_formulas)
}

/// The `ref` of every `<mergeCell ref="F4:F5"/>`.
fn merge_refs(xml: &[u8]) -> Vec<(u32, u32, u32, u32)> {
    let mut out = Vec::new();
    let finder = memchr::memmem::Finder::new(b"<mergeCell ");
    let mut at = 0;
    while let Some(i) = finder.find(&xml[at..]) {
        let start = at + i;
        let end = memchr::memchr(b'>', &xml[start..]).map_or(xml.len(), |e| start + e);
        let element = &xml[start..end];
        if let Some(r) = memchr::memmem::find(element, b"ref=\"") {
            let v = &element[r + 5..];
            let v = &v[..memchr::memchr(b'"', v).unwrap_or(v.len())];
            if let Some(region) = std::str::from_utf8(v).ok().and_then(parse_range) {
                out.push(region);
            }
        }
        at = end;
    }
    out
}

/// "F4:F5" → (3, 5, 4, 5).
fn parse_range(r: &str) -> Option<(u32, u32, u32, u32)> {
    let (a, b) = r.split_once(':')?;
    let (r0, c0) = crate::text::parse_a1(a)?;
    let (r1, c1) = crate::text::parse_a1(b)?;
    Some((r0.min(r1), c0.min(c1), r0.max(r1), c0.max(c1)))
}

fn read_part(zip: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Option<Vec<u8>> {
    let mut f = zip.by_name(name).ok()?;
    if f.size() > MAX_PART {
        return None;
    }
    let mut buf = Vec::with_capacity(f.size() as usize);
    f.by_ref().take(MAX_PART).read_to_end(&mut buf).ok()?;
    Some(buf)
}

/// The relationship id of the sheet named `name` in `xl/workbook.xml`.
fn sheet_rid(xml: &[u8], name: &str) -> Option<String> {
    // `r:id`: the relationship namespace's `id`, not a plain `id`.
    find_attr(xml, "sheet", ("name", name), |key, prefixed| {
        key == "id" && prefixed
    })
}

/// The target of relationship `rid` in `xl/_rels/workbook.xml.rels`.
fn rel_target(xml: &[u8], rid: &str) -> Option<String> {
    find_attr(xml, "Relationship", ("Id", rid), |key, _| key == "Target")
}

/// In the first `element` whose attribute `by.0` equals `by.1`, the value of the attribute that
/// `want(local name, has a prefix)` picks.
fn find_attr(
    xml: &[u8],
    element: &str,
    by: (&str, &str),
    want: impl Fn(&str, bool) -> bool,
) -> Option<String> {
    let mut r = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf).ok()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == element => {
                let mut matched = false;
                let mut found = None;
                for a in e.attributes().flatten() {
                    let value = a
                        .normalized_value(quick_xml::XmlVersion::default())
                        .ok()?
                        .into_owned();
                    let key = a.key.local_name();
                    if key.as_ref() == by.0 && a.key.prefix().is_none() {
                        matched = value == by.1;
                    } else if want(key.as_ref(), a.key.prefix().is_some()) {
                        found = Some(value);
                    }
                }
                if matched {
                    return found;
                }
            }
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

/// Does a worksheet part hold a formula element (`<f>`, `<f …>`, or a prefixed `<x:f>`)?
fn has_formula_element(xml: &[u8]) -> bool {
    [&b"<f>"[..], b"<f ", b"<f/>", b":f>", b":f ", b":f/>"]
        .iter()
        .any(|needle| memchr::memmem::find(xml, needle).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workbook(formula: bool) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        let a = wb.add_worksheet();
        a.set_name("Danh sách").unwrap();
        a.write_string(0, 0, "x").unwrap();
        let b = wb.add_worksheet();
        b.set_name("Mẫu 04 & co").unwrap();
        if formula {
            b.write_formula(0, 0, "=SUM(B1:C1)").unwrap();
        } else {
            b.write_number(0, 0, 1.0).unwrap();
        }
        wb.save_to_buffer().unwrap()
    }

    #[test]
    fn tells_which_sheets_hold_formulas() {
        let bytes = workbook(true);
        assert_eq!(sheet_has_formulas(&bytes, "Danh sách"), Some(false));
        assert_eq!(sheet_has_formulas(&bytes, "Mẫu 04 & co"), Some(true));
        assert_eq!(sheet_has_formulas(&bytes, "Khác"), None);
        let bytes = workbook(false);
        assert_eq!(sheet_has_formulas(&bytes, "Mẫu 04 & co"), Some(false));
        assert_eq!(sheet_has_formulas(b"not a zip", "Danh sách"), None);
    }

    #[test]
    fn merged_regions_are_read() {
        let xml = br#"<mergeCells count="2"><mergeCell ref="F4:F5"/><mergeCell ref="A1:AB1"/></mergeCells>"#;
        assert_eq!(merge_refs(xml), vec![(3, 5, 4, 5), (0, 0, 0, 27)]);
    }

    #[test]
    fn first_header_is_no_formula() {
        assert!(!has_formula_element(
            b"<headerFooter><firstHeader>x</firstHeader></headerFooter>"
        ));
        assert!(has_formula_element(b"<c r=\"A1\"><f>SUM(1)</f></c>"));
        assert!(has_formula_element(
            b"<c r=\"A1\"><f t=\"shared\" si=\"0\"/></c>"
        ));
        assert!(has_formula_element(b"<x:c r=\"A1\"><x:f>1</x:f></x:c>"));
    }
}
