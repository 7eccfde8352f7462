//! The layers of `core/src`, and the test that keeps them: no module names
//! one of a layer above its own.
//!
//! From the bottom:
//!
//! 0. **Arithmetic and foundations**: `error`, `dates`, `fraction`,
//!    `rounding`, `number`, `method`, `allocation/`, `identity`, `order`,
//!    `text/`, `schema` (the JSON Schema of a decimal, which every output
//!    type names), and `exact` (checked decimal arithmetic and the
//!    conversions to the one exact rational type, `Fraction`).
//! 1. **Document reading**: `document/` — the plan format's types, the tree
//!    and reader, numbers, checks, places in the text, the annual cycle's
//!    sections.
//! 2. **Plan engine**: the rest of `plan/` — keys, years, tables, bounds,
//!    results, explanations, budgets.
//! 3. **Annual cycle**: `cycle/` — calendar, invoices, settlement, diff,
//!    why a contribution changed.
//! 4. **Export**: `export/` — CSV (the one quoting rule, `csv_cell`, and
//!    every table written as CSV), iCalendar, Excel, and the JSON Schema of
//!    all outputs.
//! 5. **Facade**: `computed.rs` ([`Computed`](andel::Computed): a plan, its
//!    result and every question asked of them; it also holds
//!    `Budget::computed`) and `lib.rs`, which gather all of it.
//!
//! The rule: a file may name, in a `crate::…` path or a `super::…` path,
//! only modules of its own layer or a lower one. Export may use the plan's
//! and the cycle's result types; nothing below export names export, not
//! even to delegate: the writers that are methods (`PlanResult::to_csv`,
//! `year_csv`, `Invoices::to_csv`, `Settlement::to_csv`,
//! `ScenarioDiff::to_csv`, `Calendar::to_ics`, `PlanResult::to_xlsx`) are
//! impl blocks in export's own files, so callers and docs find them on the
//! type while the dependency points down. A public item that plan/ or
//! cycle/ re-exports from document/ (`plan::Plan`, `cycle::Milestone`) is
//! named `crate::document::…` inside document/, so a `crate::plan::…` path
//! there fails even when it would resolve.
//!
//! How it reads: comments, and string and character literals outside
//! attributes, are blanked out (a doc link may point anywhere; a path in
//! `#[schemars(with = "…")]` is a use and is read). `crate::` paths, with
//! their `{…}` groups, are resolved by their first segment (a module, or a
//! name the crate root re-exports, followed through lib.rs's `pub use`); a
//! `super::` path from the module it stands in, inline `mod … { }` blocks
//! counted. Method calls are not paths and are not seen. A new top-level
//! module must be given a layer here, or the test fails.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const LAYERS: [&str; 6] = [
    "arithmetic",
    "document",
    "plan engine",
    "annual cycle",
    "export",
    "facade",
];

/// The layer of a top-level module of the crate, or None for a name that
/// is not one.
fn module_layer(name: &str) -> Option<usize> {
    Some(match name {
        "allocation" | "dates" | "error" | "exact" | "fraction" | "identity" | "method"
        | "number" | "order" | "rounding" | "schema" | "text" => 0,
        "document" => 1,
        "plan" => 2,
        "cycle" => 3,
        "export" => 4,
        "computed" => 5,
        _ => return None,
    })
}

/// The layer of an absolute path inside the crate (without `crate::`).
fn path_layer(segments: &[String], roots: &BTreeMap<String, Vec<String>>) -> Option<usize> {
    let first = segments.first()?.as_str();
    if let Some(layer) = module_layer(first) {
        return Some(layer);
    }
    // A name the crate root re-exports (`crate::Plan`), by where it comes
    // from; anything else (`crate::Decimal`, a macro) is outside the layers.
    let source = roots.get(first)?;
    if source.first().map(String::as_str) == Some(first) {
        return None;
    }
    path_layer(source, roots)
}

/// The module path of a source file (`plan/key.rs` is `plan::key`,
/// `plan/mod.rs` is `plan`, `lib.rs` the root).
fn module_of(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let last = parts.pop().expect("a file name");
    let stem = last.strip_suffix(".rs").expect("a .rs file");
    if stem != "mod" && stem != "lib" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The layer of a file, by its place under `src/`.
fn file_layer(relative: &Path) -> usize {
    let module = module_of(relative);
    match module.first() {
        None => 5,
        Some(first) => module_layer(first).unwrap_or_else(|| {
            panic!(
                "{}: the module `{first}` has no layer: give it one in core/tests/layers.rs",
                relative.display()
            )
        }),
    }
}

/// The text with comments, and string and character literals outside
/// attributes, replaced by spaces (line breaks kept, so offsets keep their
/// line). A string in an attribute keeps its text without the quotes.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    // How many brackets of an attribute `#[…]` or `#![…]` are open.
    let mut attribute = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let ident_before = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    out.push_str("  ");
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    out.push_str("  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r' && !ident_before && matches!(next, Some('"') | Some('#')) {
            // A raw string r"…" or r#"…"#: ends at a quote and as many #.
            let mut j = i + 1;
            while chars.get(j) == Some(&'#') {
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            let mut end = j + 1;
            while end < chars.len() {
                if chars[end] == '"' && (1..=hashes).all(|h| chars.get(end + h) == Some(&'#')) {
                    end += 1 + hashes;
                    break;
                }
                end += 1;
            }
            for &k in &chars[i..end.min(chars.len())] {
                out.push(blank(k));
            }
            i = end;
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let step = if chars[i] == '\\' { 2 } else { 1 };
                for &k in &chars[i..(i + step).min(chars.len())] {
                    out.push(if attribute > 0 { k } else { blank(k) });
                }
                i += step;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && next == Some('\\') {
            // An escaped character literal: '\n', '\'', '\u{…}'.
            out.push_str("  ");
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                out.push(' ');
                i += 1;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            // A one-character literal such as '"' (not a lifetime).
            out.push_str("   ");
            i += 3;
        } else {
            if attribute == 0 && c == '#' {
                let bang = usize::from(next == Some('!'));
                if chars.get(i + 1 + bang) == Some(&'[') {
                    attribute = 1;
                    out.extend(&chars[i..i + 2 + bang]);
                    i += 2 + bang;
                    continue;
                }
            } else if attribute > 0 && c == '[' {
                attribute += 1;
            } else if attribute > 0 && c == ']' {
                attribute -= 1;
            }
            out.push(c);
            i += 1;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Skips white space from `i`.
fn skip_space(chars: &[char], mut i: usize) -> usize {
    while i < chars.len() && chars[i].is_whitespace() {
        i += 1;
    }
    i
}

/// Reads `::` after optional white space; the index after it.
fn colons(chars: &[char], i: usize) -> Option<usize> {
    let i = skip_space(chars, i);
    (chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':')).then(|| i + 2)
}

/// One use tree from `i`: `a::b::{c, d::e as f, *}` gives the paths
/// `a::b::c`, `a::b::d::e` (named `f`) and `a::b::*`, each with the name
/// it brings in. Returns them and the index after the tree.
fn use_tree(chars: &[char], i: usize) -> (Vec<(Vec<String>, String)>, usize) {
    let mut segments: Vec<String> = Vec::new();
    let mut i = skip_space(chars, i);
    loop {
        if chars.get(i) == Some(&'{') {
            let mut paths = Vec::new();
            i += 1;
            loop {
                i = skip_space(chars, i);
                match chars.get(i) {
                    None => return (paths, i),
                    Some('}') => return (paths, i + 1),
                    Some(',') => i += 1,
                    _ => {
                        let (inner, end) = use_tree(chars, i);
                        if end == i {
                            return (paths, i + 1);
                        }
                        for (mut path, name) in inner {
                            let mut full = segments.clone();
                            if path.first().map(String::as_str) != Some("self") {
                                full.append(&mut path);
                            }
                            paths.push((full, name));
                        }
                        i = end;
                    }
                }
            }
        }
        if chars.get(i) == Some(&'*') {
            segments.push("*".into());
            return (vec![(segments, "*".into())], i + 1);
        }
        let start = i;
        while i < chars.len() && is_ident(chars[i]) {
            i += 1;
        }
        if i == start {
            return (Vec::new(), start);
        }
        segments.push(chars[start..i].iter().collect());
        match colons(chars, i) {
            Some(after) => i = skip_space(chars, after),
            None => break,
        }
    }
    let mut name = segments.last().cloned().unwrap_or_default();
    let after = skip_space(chars, i);
    if chars[after..].starts_with(&['a', 's'])
        && chars.get(after + 2).is_some_and(|c| !is_ident(*c))
    {
        let start = skip_space(chars, after + 2);
        let mut end = start;
        while end < chars.len() && is_ident(chars[end]) {
            end += 1;
        }
        name = chars[start..end].iter().collect();
        i = end;
    }
    (vec![(segments, name)], i)
}

/// The names lib.rs re-exports at the crate root, each with its path.
fn root_reexports(lib: &str) -> BTreeMap<String, Vec<String>> {
    let chars: Vec<char> = code_only(lib).chars().collect();
    let text: String = chars.iter().collect();
    let mut roots = BTreeMap::new();
    for (at, _) in text.match_indices("pub use ") {
        let at = text[..at].chars().count() + "pub use ".len();
        for (path, name) in use_tree(&chars, at).0 {
            roots.insert(name, path);
        }
    }
    roots
}

/// A path in a file that names a layer above the file's own.
#[derive(Debug)]
struct Breach {
    file: String,
    line: usize,
    path: String,
    from: usize,
    to: usize,
}

/// Every upward path in one file's `text`, and how many paths into the
/// crate it read.
fn breaches(
    relative: &Path,
    text: &str,
    roots: &BTreeMap<String, Vec<String>>,
) -> (Vec<Breach>, usize) {
    let from = file_layer(relative);
    let chars: Vec<char> = code_only(text).chars().collect();
    let mut found = Vec::new();
    let mut read = 0;
    // The module the text is in: the file's, and the inline modules open
    // at this point, each with the brace depth outside it.
    let mut module = module_of(relative);
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < chars.len() {
        let starts_word = i == 0 || !(is_ident(chars[i - 1]) || chars[i - 1] == ':');
        let word = |w: &str| {
            chars[i..].starts_with(&w.chars().collect::<Vec<_>>())
                && chars.get(i + w.len()).is_none_or(|c| !is_ident(*c))
        };
        if starts_word && word("mod") {
            let start = skip_space(&chars, i + 3);
            let mut end = start;
            while end < chars.len() && is_ident(chars[end]) {
                end += 1;
            }
            let open = skip_space(&chars, end);
            if end > start && chars.get(open) == Some(&'{') {
                module.push(chars[start..end].iter().collect());
                inline.push(depth);
                depth += 1;
                i = open + 1;
                continue;
            }
        }
        match chars[i] {
            '{' => depth += 1,
            '}' => {
                depth = depth.saturating_sub(1);
                if inline.last() == Some(&depth) {
                    inline.pop();
                    module.pop();
                }
            }
            _ => {}
        }
        let (base, start) = if starts_word && word("crate") && colons(&chars, i + 5).is_some() {
            (Vec::new(), colons(&chars, i + 5).unwrap_or(i))
        } else if starts_word && word("super") && colons(&chars, i + 5).is_some() {
            let mut base = module.clone();
            let mut j = i;
            while chars[j..].starts_with(&['s', 'u', 'p', 'e', 'r']) {
                let Some(after) = colons(&chars, j + 5) else {
                    break;
                };
                base.pop();
                j = skip_space(&chars, after);
            }
            (base, j)
        } else {
            i += 1;
            continue;
        };
        let (paths, end) = use_tree(&chars, start);
        let line = chars[..i].iter().filter(|c| **c == '\n').count() + 1;
        for (path, _) in paths {
            let mut full = base.clone();
            full.extend(path);
            read += 1;
            if let Some(to) = path_layer(&full, roots).filter(|to| *to > from) {
                found.push(Breach {
                    file: relative.display().to_string(),
                    line,
                    path: format!("crate::{}", full.join("::")),
                    from,
                    to,
                });
            }
        }
        i = end.max(i + 1);
    }
    (found, read)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn report(found: &[Breach]) -> String {
    found
        .iter()
        .map(|b| {
            format!(
                "  src/{}:{}: `{}` — {} names {}",
                b.file, b.line, b.path, LAYERS[b.from], LAYERS[b.to]
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_module_names_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let roots = root_reexports(&std::fs::read_to_string(src.join("lib.rs")).expect("lib.rs"));
    assert!(roots.contains_key("Plan"), "lib.rs's re-exports not read");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut found = Vec::new();
    let mut read = 0;
    for path in &files {
        let relative = path.strip_prefix(&src).expect("under src");
        let text = std::fs::read_to_string(path).expect("a source file");
        let (mut breaches, paths) = breaches(relative, &text, &roots);
        found.append(&mut breaches);
        read += paths;
    }
    // A reader that finds nothing passes nothing: the crate has hundreds.
    assert!(files.len() > 50, "only {} files read", files.len());
    assert!(read > 300, "only {read} paths into the crate read");
    assert!(
        found.is_empty(),
        "modules that name a layer above their own (see core/tests/layers.rs):\n{}",
        report(&found)
    );
}

/// The reader itself: each of these must be found, and nothing in a
/// comment, a string or a lower layer.
#[test]
fn the_reader_finds_upward_paths_and_only_those() {
    let roots = root_reexports(
        "pub use plan::{Plan, PlanResult};\npub use export::csv_cell;\npub use rust_decimal::Decimal;",
    );
    let text = r#"
        //! A link to [`crate::cycle::Calendar`] is not a use.
        use super::plan::Key;
        use crate::exact;
        use crate::{Decimal, fraction::Fraction};
        use crate::{
            dates::Date,
            plan::{year, key::Weights as W},
        };
        fn f() -> String { let _ = "crate::cycle::diff"; let _ = '"'; crate::csv_cell("x").into() }
        fn g(p: &crate::Plan) { let _ = super::super::cycle::diff; }
        #[schemars(with = "Option<crate::cycle::Calendar>")]
        mod tests { use super::super::plan::Key; use super::*; }
        fn h() { let _ = super::super::export::csv; }
    "#;
    let (found, _) = breaches(Path::new("document/validate.rs"), text, &roots);
    let paths: Vec<(&str, usize)> = found.iter().map(|b| (b.path.as_str(), b.line)).collect();
    assert_eq!(
        paths,
        [
            ("crate::plan::year", 6),
            ("crate::plan::key::Weights", 6),
            ("crate::csv_cell", 10),
            ("crate::Plan", 11),
            ("crate::cycle::diff", 11),
            ("crate::cycle::Calendar", 12),
            ("crate::export::csv", 14),
        ],
        "{}",
        report(&found)
    );
    // The same paths from the top are all allowed.
    assert!(
        breaches(Path::new("computed.rs"), text, &roots)
            .0
            .is_empty()
    );
}
