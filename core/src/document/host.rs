//! A plan (or an outcome) given as a host language's own values — a
//! JavaScript object — rather than as a text.
//!
//! A binding only converts: it walks the host value into a [`HostValue`]
//! (a number as its text, a value that cannot be part of a document as how
//! the host names it) and hands it here. What may be part of a plan, and the
//! message for what may not, are decided once, here: [`HostValue::to_json`]
//! writes the JSON text the plan reader reads, or lists every problem with
//! the path of the value (`costs[2].participants[0]`), so nothing is lost
//! or changed silently on the way.

use crate::error::{Error, Location};
use crate::number::is_not_finite;

/// One value of a host document, as a binding hands it over.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostValue {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A text, written as a JSON string (a BigInt is given as its digits:
    /// every number field of a plan reads a decimal string).
    Text(String),
    /// A host number, as its shortest text that reads back as the same
    /// number (JavaScript's `String(n)`: `15128`, `0.5`, `1e+21`, `NaN`). A
    /// whole one within ±(2⁵³ − 1) is an integer; a fractional one is
    /// written as the float it is (the plan reader refuses a float where a
    /// figure must be exact, with its own message); a whole one beyond, NaN
    /// and the infinities are problems, since the figure meant may be gone.
    Number(String),
    /// An exact host integer of any size (Python's `int`), as its digits
    /// with an optional `-`: a JSON integer when it fits 64 bits, else the
    /// decimal string every number field reads.
    Integer(String),
    /// A host float (Python's `float`), as its shortest text (`repr`):
    /// written as the float it is even when whole (`2.0`), for the reader
    /// to refuse where a figure must be exact; NaN and the infinities are
    /// problems.
    Float(String),
    /// An array.
    List(Vec<HostValue>),
    /// An object's own properties in order (properties whose value is
    /// absent, JavaScript's `undefined`, left out as `JSON.stringify` does).
    Map(Vec<(String, HostValue)>),
    /// A value that cannot be part of a document, as the host names it
    /// (`a Date`, `a function`, `undefined`).
    Unsupported(String),
    /// An object that contains itself (a circular reference).
    Circular,
    /// Nested deeper than [`HostValue::MAX_DEPTH`]; the binding stops there.
    TooDeep,
}

/// The largest integer a host float holds exactly with all below it: 2⁵³ − 1.
const MAX_EXACT_FLOAT_INTEGER: i64 = (1 << 53) - 1;

impl HostValue {
    /// How deeply a document may nest, as in the JSON reader.
    pub const MAX_DEPTH: usize = 128;

    /// The document as JSON text, one value a line (for anyone debugging
    /// it), or every problem found, each [`Error::InPlan`] at its path and
    /// without a line (there is no text the author wrote).
    pub fn to_json(&self) -> Result<String, Vec<Error>> {
        let mut writer = Writer::default();
        writer.write(self, &mut String::new());
        if writer.problems.is_empty() {
            Ok(writer.lines.join("\n"))
        } else {
            Err(writer.problems)
        }
    }
}

#[derive(Default)]
struct Writer {
    lines: Vec<String>,
    problems: Vec<Error>,
}

impl Writer {
    fn problem(&mut self, path: &str, error: Error) {
        self.problems.push(Error::InPlan {
            location: Location {
                path: path.to_string(),
                line: None,
                column: None,
            },
            source: Box::new(error),
        });
    }

    fn syntax(&mut self, path: &str, message: String) {
        self.problem(path, Error::PlanSyntax { message });
    }

    /// Writes `value` (at `path`) as one or more lines; a problem writes
    /// `null` in its place so the rest is still checked.
    fn write(&mut self, value: &HostValue, path: &mut String) {
        match value {
            HostValue::Null => self.put("null"),
            HostValue::Bool(b) => self.put(if *b { "true" } else { "false" }),
            HostValue::Text(text) => self.put(&quoted(text)),
            HostValue::Number(text) => {
                let written = self.number(text, path);
                self.put(&written);
            }
            HostValue::Integer(digits) => {
                let fits = digits.parse::<i64>().is_ok() || digits.parse::<u64>().is_ok();
                self.put(&if fits { digits.clone() } else { quoted(digits) });
            }
            HostValue::Float(text) => {
                let written = self.float(text, path);
                self.put(&written);
            }
            HostValue::List(items) => self.list(items, path),
            HostValue::Map(entries) => self.map(entries, path),
            HostValue::Unsupported(kind) => {
                self.syntax(
                    path,
                    format!(
                        "{kind} cannot be part of a plan: use strings, numbers, booleans, \
                         arrays and plain objects"
                    ),
                );
                self.put("null");
            }
            HostValue::Circular => {
                self.syntax(
                    path,
                    "refers to an object that contains it (a circular reference)".to_string(),
                );
                self.put("null");
            }
            HostValue::TooDeep => {
                self.syntax(
                    path,
                    format!("nested more than {} levels deep", HostValue::MAX_DEPTH),
                );
                self.put("null");
            }
        }
    }

    /// Appends `text` to the line being written (a key's line, a comma).
    fn put(&mut self, text: &str) {
        match self.lines.last_mut() {
            Some(last) if last.ends_with(": ") => last.push_str(text),
            _ => self.lines.push(text.to_string()),
        }
    }

    fn list(&mut self, items: &[HostValue], path: &mut String) {
        self.put("[");
        for (i, item) in items.iter().enumerate() {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            self.write(item, path);
            path.truncate(len);
            self.comma(i + 1 < items.len());
        }
        self.lines.push("]".to_string());
    }

    fn map(&mut self, entries: &[(String, HostValue)], path: &mut String) {
        self.put("{");
        for (i, (key, item)) in entries.iter().enumerate() {
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
            self.lines.push(format!("{}: ", quoted(key)));
            self.write(item, path);
            path.truncate(len);
            self.comma(i + 1 < entries.len());
        }
        self.lines.push("}".to_string());
    }

    fn comma(&mut self, more: bool) {
        if let (true, Some(last)) = (more, self.lines.last_mut()) {
            last.push(',');
        }
    }

    /// A host number as a JSON number, or `null` and a problem. Read from
    /// JavaScript's text of it, which writes a whole number below 10²¹ in
    /// plain digits and every other whole one with `e+`.
    fn number(&mut self, text: &str, path: &str) -> String {
        let digits = text.strip_prefix('-').unwrap_or(text);
        let reason = if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
            match digits.parse::<i64>() {
                Ok(whole) if whole <= MAX_EXACT_FLOAT_INTEGER => return text.to_string(),
                _ => BEYOND,
            }
        } else if is_not_finite(text) {
            NOT_FINITE
        } else if text.contains("e+") {
            BEYOND
        } else {
            // Fractional: written as the float it is, for the reader to
            // refuse with its own message where a figure must be exact.
            return text.to_string();
        };
        self.refuse_number(text, path, reason)
    }

    /// A host float as a JSON float, or `null` and a problem.
    fn float(&mut self, text: &str, path: &str) -> String {
        if is_not_finite(text) {
            return self.refuse_number(text, path, NOT_FINITE);
        }
        text.to_string()
    }

    fn refuse_number(&mut self, text: &str, path: &str, reason: &str) -> String {
        self.problem(
            path,
            Error::InvalidNumber {
                field: path.to_string(),
                input: text.to_string(),
                reason: reason.to_string(),
            },
        );
        "null".to_string()
    }
}

const NOT_FINITE: &str = "NaN and infinities are not numbers";

const BEYOND: &str = "a whole number beyond 2^53 - 1 in a float may already have changed: \
                      write it as a string or a BigInt";

/// `text` as a JSON string.
fn quoted(text: &str) -> String {
    serde_json::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::locate::Format;
    use crate::document::plan::Plan;

    fn map(entries: Vec<(&str, HostValue)>) -> HostValue {
        HostValue::Map(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }

    fn num(text: &str) -> HostValue {
        HostValue::Number(text.into())
    }

    #[test]
    fn plain_values_are_written_as_json() {
        let doc = map(vec![
            ("a", num("15128")),
            ("b", HostValue::Text("x \"y\"".into())),
            (
                "c",
                HostValue::List(vec![HostValue::Bool(true), HostValue::Null, num("0.5")]),
            ),
            ("d", map(vec![])),
            ("e", HostValue::List(vec![])),
        ]);
        let json = doc.to_json().unwrap();
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            back,
            serde_json::json!({"a": 15128, "b": "x \"y\"", "c": [true, null, 0.5], "d": {}, "e": []})
        );
        assert!(json.lines().count() > 5, "one value a line: {json}");
    }

    #[test]
    fn whole_numbers_are_integers_up_to_two_to_the_53() {
        let doc = HostValue::List(vec![num("1000"), num("-9007199254740991"), num("1e-7")]);
        let back: serde_json::Value = serde_json::from_str(&doc.to_json().unwrap()).unwrap();
        assert_eq!(back, serde_json::json!([1000, -9007199254740991_i64, 1e-7]));
    }

    #[test]
    fn every_problem_is_listed_at_its_path_in_order() {
        let doc = map(vec![(
            "members",
            HostValue::List(vec![map(vec![
                ("population", num("NaN")),
                ("big", num("9007199254740992")),
                ("far", num("1e+300")),
                ("joined", HostValue::Unsupported("a Date".into())),
                ("self", HostValue::Circular),
                ("deep", HostValue::TooDeep),
            ])]),
        )]);
        let problems = doc.to_json().unwrap_err();
        let seen: Vec<(String, &str)> = problems
            .iter()
            .map(|e| (e.location().unwrap().path.clone(), e.code()))
            .collect();
        let at = |f: &str| format!("members[0].{f}");
        assert_eq!(
            seen,
            vec![
                (at("population"), "invalid_number"),
                (at("big"), "invalid_number"),
                (at("far"), "invalid_number"),
                (at("joined"), "plan_syntax"),
                (at("self"), "plan_syntax"),
                (at("deep"), "plan_syntax"),
            ]
        );
        assert_eq!(
            problems[0].to_string(),
            "members[0].population: members[0].population: \"NaN\" is not a valid number \
             (NaN and infinities are not numbers)"
        );
        assert!(
            problems[3]
                .to_string()
                .contains("a Date cannot be part of a plan")
        );
        assert!(
            problems
                .iter()
                .all(|e| e.location().unwrap().line.is_none())
        );
    }

    #[test]
    fn host_integers_stay_exact_and_host_floats_stay_floats() {
        let big = "1180591620717411303424";
        let doc = HostValue::List(vec![
            HostValue::Integer("-15128".into()),
            HostValue::Integer(big.into()),
            HostValue::Float("2.0".into()),
            HostValue::Float("1e+16".into()),
        ]);
        let back: serde_json::Value = serde_json::from_str(&doc.to_json().unwrap()).unwrap();
        assert_eq!(back, serde_json::json!([-15128, big, 2.0, 1e16]));
        let nan = HostValue::List(vec![
            HostValue::Float("nan".into()),
            HostValue::Float("-inf".into()),
        ]);
        let problems = nan.to_json().unwrap_err();
        let paths: Vec<&str> = problems
            .iter()
            .map(|e| e.location().unwrap().path.as_str())
            .collect();
        assert_eq!(paths, ["[0]", "[1]"]);
        assert!(problems.iter().all(|e| e.code() == "invalid_number"));
    }

    #[test]
    fn a_fraction_is_left_for_the_reader_to_refuse() {
        let doc = map(vec![("format", num("1.5"))]);
        let json = doc.to_json().unwrap();
        let err = Plan::read(&json, Format::Json).unwrap_err();
        assert!(err.to_string().contains("1.5"), "{err}");
    }
}
