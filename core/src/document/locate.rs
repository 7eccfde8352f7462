//! Turning a path inside a plan (`costs[2].participants[0]`) into a line and
//! column of the text it was read from, so that every error about a plan
//! file points at the place to fix.

use crate::error::{Error, Location, Result};

/// One step of a path.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The path as the plan's errors write it, `costs[0].key.parts[1]`: keys
/// joined by dots, indices in brackets. The inverse of [`steps`].
pub(crate) fn path_of<'a>(steps: impl IntoIterator<Item = Step<'a>>) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Step::Index(i) => {
                out.push('[');
                out.push_str(&i.to_string());
                out.push(']');
            }
        }
    }
    out
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.').filter(|p| !p.is_empty()) {
        let (key, rest) = part.split_once('[').map_or((part, ""), |(k, r)| (k, r));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        for index in rest.split('[') {
            if let Ok(i) = index.trim_end_matches(']').parse() {
                out.push(Step::Index(i));
            }
        }
    }
    out
}

/// The text format a plan was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// TOML, for plans written by hand.
    Toml,
    /// JSON, for plans sent by programs.
    Json,
}

impl Format {
    /// The format named `name`, `"toml"` or `"json"` in any case: the one
    /// rule for a format given by name in every runtime. Naming a format is
    /// part of reading the document, so a wrong name is a `plan_syntax`
    /// error, as a document that does not parse is.
    ///
    /// ```
    /// use andel::plan::Format;
    /// assert_eq!(Format::named("JSON")?, Format::Json);
    /// assert_eq!(Format::named("yaml").unwrap_err().code(), "plan_syntax");
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn named(name: &str) -> Result<Format> {
        match name.to_ascii_lowercase().as_str() {
            "toml" => Ok(Format::Toml),
            "json" => Ok(Format::Json),
            _ => Err(Error::PlanSyntax {
                message: format!("unknown plan format {name:?}: andel reads \"toml\" and \"json\""),
            }),
        }
    }

    /// The format of a file by its name: `.toml` or `.json`, in any case.
    /// Any other name is a `plan_syntax` error that says how to name it.
    ///
    /// ```
    /// use andel::plan::Format;
    /// assert_eq!(Format::of_path("plan.JSON".as_ref())?, Format::Json);
    /// assert!(Format::of_path("plan.txt".as_ref()).is_err());
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn of_path(path: &std::path::Path) -> Result<Format> {
        let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        Format::named(extension).map_err(|_| Error::PlanSyntax {
            message: format!(
                "{}: cannot tell the format from the file name: name the file .toml or .json",
                path.display()
            ),
        })
    }

    /// The format of a text given without one (an outcome file passed as
    /// text): JSON when its first character that is not white space is
    /// `{`, else TOML, whose documents never start with `{`.
    ///
    /// ```
    /// use andel::plan::Format;
    /// assert_eq!(Format::of_text("  {\"outcome\": []}"), Format::Json);
    /// assert_eq!(Format::of_text("[[outcome]]\nyear = 2021"), Format::Toml);
    /// ```
    pub fn of_text(text: &str) -> Format {
        match text.trim_start().starts_with('{') {
            true => Format::Json,
            false => Format::Toml,
        }
    }
}

impl Format {
    /// The format's name, `"toml"` or `"json"`, as [`Format::named`] reads it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Toml => "toml",
            Format::Json => "json",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = Error;

    /// [`Format::named`].
    fn from_str(name: &str) -> Result<Format> {
        Format::named(name)
    }
}

/// How many problems of one document [`locate_all`] gives a line and
/// column. Finding a place costs a pass over the text, so a hostile
/// document with a million problems would otherwise cost a million passes;
/// the others keep their path.
pub(crate) const LOCATED_PROBLEMS: usize = 100;

/// A document's text, ready to have paths found in it: a TOML document is
/// parsed once, however many errors are located in it.
struct Places<'t> {
    text: &'t str,
    format: Format,
    #[cfg(feature = "toml")]
    toml: Option<toml::Spanned<toml::de::DeTable<'t>>>,
}

impl<'t> Places<'t> {
    fn new(text: &'t str, format: Format) -> Self {
        Places {
            text,
            format,
            #[cfg(feature = "toml")]
            toml: match format {
                Format::Toml => toml::de::DeTable::parse(text).ok(),
                Format::Json => None,
            },
        }
    }

    /// The offset of the path's deepest existing step: of its value when
    /// the whole path exists and `at_value`, else of its key or element.
    fn offset(&self, steps: &[Step], at_value: bool) -> Option<usize> {
        match self.format {
            #[cfg(feature = "toml")]
            Format::Toml => toml_offset(self.toml.as_ref()?, steps, at_value),
            #[cfg(not(feature = "toml"))]
            Format::Toml => None,
            Format::Json => json_offset(self.text, steps, at_value),
        }
    }
}

/// Adds the line and column of the error's path in `text`, pointing at the
/// key of the field at fault: for problems with a plan that reads.
pub(crate) fn locate(error: Error, text: &str, format: Format) -> Error {
    place(error, &Places::new(text, format), |_, _| false)
}

/// [`locate`] for the first [`LOCATED_PROBLEMS`] errors, reading a TOML
/// document once for all of them.
pub(crate) fn locate_all(errors: Vec<Error>, text: &str, format: Format) -> Vec<Error> {
    let places = Places::new(text, format);
    errors
        .into_iter()
        .enumerate()
        .map(|(i, e)| {
            if i < LOCATED_PROBLEMS {
                place(e, &places, |_, _| false)
            } else {
                e
            }
        })
        .collect()
}

/// Adds the line and column of a reading error's path in `text`: at the
/// value that could not be read, or at the key when the key itself is at
/// fault.
pub(crate) fn locate_reading(error: Error, text: &str, format: Format) -> Error {
    place(error, &Places::new(text, format), |source, steps| {
        !key_at_fault(source, steps)
    })
}

fn place(error: Error, places: &Places, at_value: impl Fn(&Error, &[Step]) -> bool) -> Error {
    let Error::InPlan { location, source } = error else {
        return error;
    };
    let steps = steps(&location.path);
    let offset = places.offset(&steps, at_value(&source, &steps));
    let text = places.text;
    let (line, column) = offset.map_or((None, None), |o| {
        let (l, c) = line_column(text, o);
        (Some(l), Some(c))
    });
    Error::InPlan {
        location: Location {
            line,
            column,
            ..location
        },
        source,
    }
}

/// Whether the error is about the last key of its path rather than its
/// value: a field that should not be there, or a map key that is refused
/// (a date key of a metric series that does not exist). Every other
/// problem is pointed at by the value that has it.
fn key_at_fault(error: &Error, steps: &[Step]) -> bool {
    let last_key = match steps.last() {
        Some(Step::Key(k)) => *k,
        _ => return false,
    };
    match error {
        Error::UnknownField { .. } => true,
        Error::InvalidDate { input, .. } | Error::InvalidNumber { input, .. } => input == last_key,
        _ => false,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, column as u32)
}

#[cfg(feature = "toml")]
/// The deepest part of the path that exists, so a missing field points at
/// its parent. When the whole path exists and `at_value`, the offset of the
/// value rather than of its key.
fn toml_offset(
    root: &toml::Spanned<toml::de::DeTable<'_>>,
    steps: &[Step],
    at_value: bool,
) -> Option<usize> {
    use toml::de::{DeTable, DeValue};
    let mut best = None;
    let mut table: Option<&DeTable> = Some(root.get_ref());
    let mut value: Option<&toml::Spanned<DeValue>> = None;
    for (step_no, step) in steps.iter().enumerate() {
        let next = match (step, table, value) {
            (Step::Key(k), Some(t), _) => {
                t.iter()
                    .find(|(key, _)| key.get_ref() == k)
                    .map(|(key, v)| {
                        best = Some(key.span().start);
                        v
                    })
            }
            (Step::Index(i), _, Some(v)) => match v.get_ref() {
                DeValue::Array(items) => items.get(*i),
                _ => None,
            },
            _ => None,
        };
        let Some(next) = next else { break };
        if matches!(step, Step::Index(_)) || (at_value && step_no + 1 == steps.len()) {
            best = Some(next.span().start);
        }
        value = Some(next);
        table = match next.get_ref() {
            DeValue::Table(t) => Some(t),
            _ => None,
        };
    }
    best
}

/// A minimal JSON walker: follows the path and returns the offset of the
/// deepest key or element found (of the value, when the whole path exists
/// and `at_value`). The text has already parsed as JSON.
fn json_offset(text: &str, steps: &[Step], at_value: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = skip_ws(bytes, 0);
    let mut best = None;
    for (step_no, step) in steps.iter().enumerate() {
        match (step, bytes.get(pos)) {
            (Step::Key(k), Some(b'{')) => {
                pos += 1;
                loop {
                    pos = skip_ws(bytes, pos);
                    if bytes.get(pos) != Some(&b'"') {
                        return best;
                    }
                    let key_start = pos;
                    let key_end = skip_string(bytes, pos)?;
                    let key: String = serde_json::from_str(&text[key_start..key_end]).ok()?;
                    pos = skip_ws(bytes, key_end);
                    pos = skip_ws(bytes, pos + 1); // the colon
                    if key == *k {
                        best = Some(if at_value && step_no + 1 == steps.len() {
                            pos
                        } else {
                            key_start
                        });
                        break;
                    }
                    pos = skip_ws(bytes, skip_value(bytes, pos)?);
                    if bytes.get(pos) == Some(&b',') {
                        pos += 1;
                    }
                }
            }
            (Step::Index(i), Some(b'[')) => {
                pos = skip_ws(bytes, pos + 1);
                for _ in 0..*i {
                    pos = skip_ws(bytes, skip_value(bytes, pos)?);
                    if bytes.get(pos) != Some(&b',') {
                        return best;
                    }
                    pos = skip_ws(bytes, pos + 1);
                }
                best = Some(pos);
            }
            _ => return best,
        }
    }
    best
}

fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while bytes.get(pos).is_some_and(|b| b.is_ascii_whitespace()) {
        pos += 1;
    }
    pos
}

fn skip_string(bytes: &[u8], mut pos: usize) -> Option<usize> {
    pos += 1;
    loop {
        match bytes.get(pos)? {
            b'\\' => pos += 2,
            b'"' => return Some(pos + 1),
            _ => pos += 1,
        }
    }
}

fn skip_value(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos)? {
        b'"' => skip_string(bytes, pos),
        open @ (b'{' | b'[') => {
            let close = if *open == b'{' { b'}' } else { b']' };
            let mut depth = 0usize;
            let mut p = pos;
            loop {
                match bytes.get(p)? {
                    b'"' => {
                        p = skip_string(bytes, p)?;
                        continue;
                    }
                    b if *b == *open => depth += 1,
                    b if *b == close => {
                        depth -= 1;
                        if depth == 0 {
                            return Some(p + 1);
                        }
                    }
                    _ => {}
                }
                p += 1;
            }
        }
        _ => {
            let mut p = pos;
            while bytes
                .get(p)
                .is_some_and(|b| !matches!(b, b',' | b'}' | b']') && !b.is_ascii_whitespace())
            {
                p += 1;
            }
            Some(p)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_steps() {
        assert_eq!(
            steps("costs[2].participants[0]"),
            [
                Step::Key("costs"),
                Step::Index(2),
                Step::Key("participants"),
                Step::Index(0)
            ]
        );
        assert_eq!(steps(""), []);
    }

    #[test]
    fn finds_places_in_json() {
        let text = "{\n  \"a\": 1,\n  \"costs\": [\n    {\"id\": \"x\"},\n    {\"id\": \"y\", \"participants\": [\"p\", \"q\"]}\n  ]\n}";
        let at = json_offset(text, &steps("costs[1].participants[1]"), true).unwrap();
        assert_eq!(line_column(text, at), (5, 39));
    }

    #[test]
    #[cfg(feature = "toml")]
    fn finds_places_in_toml() {
        let text = "name = \"x\"\n\n[[costs]]\nid = \"a\"\n\n[[costs]]\nid = \"b\"\nparticipants = [\"p\", \"q\"]\n";
        let root = toml::de::DeTable::parse(text).unwrap();
        let at = toml_offset(&root, &steps("costs[1].participants[1]"), true).unwrap();
        assert_eq!(line_column(text, at), (8, 22));
    }
}
