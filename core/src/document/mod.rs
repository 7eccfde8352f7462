//! Reading a plan document: the plan format's types ([`Plan`] and its
//! parts, the annual cycle's optional sections), the text read into a tree
//! with every place kept ([`tree`], [`reader`]), the numbers as exact
//! decimals ([`number`]), the checks of a plan as a value ([`validate`])
//! and the line and column of every problem ([`locate`]).
//!
//! The lowest of the plan layers: it builds on the exact arithmetic
//! (dates, fractions, rounding, `exact`) and knows nothing of the
//! engine that computes a plan ([`crate::plan`]), the annual cycle
//! ([`crate::cycle`]) or the writers of CSV, iCalendar and Excel
//! ([`crate::export`]); `core/tests/layers.rs` keeps it so. Its public
//! items are re-exported where they have always been, in [`crate::plan`]
//! and [`crate::cycle`].

pub(crate) mod host;
pub(crate) mod locate;
pub(crate) mod number;
pub(crate) mod plan;
pub(crate) mod reader;
pub(crate) mod sections;
pub(crate) mod tree;
pub(crate) mod validate;

use crate::error::{Error, Result};
use locate::Format;
use plan::Plan;

/// The plan format (`format = 1`) this version of andel reads and writes:
/// the only one a plan may name, and the one a plan built from parts (a
/// budget's, a binding's keyword arguments) is given.
pub const FORMAT: i64 = 1;

/// The most bytes a plan document may have.
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;

/// The reference case bundled with andel: the regional growth collaboration
/// of six municipalities and a university (`examples/tillvaxtmotor.toml`).
pub const REFERENCE_PLAN: &str = include_str!("../../../examples/tillvaxtmotor.toml");

/// The same reference case as JSON, every default written out
/// (`examples/tillvaxtmotor.json`, which a test keeps equal to
/// [`REFERENCE_PLAN`]). Builds without the `toml` feature start from it.
pub const REFERENCE_PLAN_JSON: &str = include_str!("../../../examples/tillvaxtmotor.json");

impl Plan {
    /// The last budget year of the horizon.
    pub fn last_year(&self) -> i32 {
        self.first_year + self.years as i32 - 1
    }

    /// The error for a year outside the plan's horizon.
    pub(crate) fn outside(&self, year: i32) -> Error {
        Error::YearOutsideHorizon {
            year: year.into(),
            first: self.first_year,
            last: self.last_year(),
        }
    }
}

impl Plan {
    /// Reads a plan from TOML. Errors carry the line and column.
    #[cfg(feature = "toml")]
    pub fn from_toml(text: &str) -> Result<Plan> {
        Self::read(text, Format::Toml)
    }

    /// Reads a plan from JSON. Errors carry the line and column.
    pub fn from_json(text: &str) -> Result<Plan> {
        Self::read(text, Format::Json)
    }

    /// Reads a plan from text in either format, checks it, and reports the
    /// first problem with its place in the text.
    pub fn read(text: &str, format: Format) -> Result<Plan> {
        let plan = Self::parse(text, format)?;
        match validate::problems(&plan).into_iter().next() {
            Some(problem) => Err(locate::locate(problem, text, format)),
            None => Ok(plan),
        }
    }

    /// Reads and checks a plan document: the plan when it has no problem,
    /// else every problem found, each with its place in the text (a
    /// document that does not read gives its one reading error).
    pub(crate) fn checked(text: &str, format: Format) -> std::result::Result<Plan, Vec<Error>> {
        let plan = Self::parse(text, format).map_err(|e| vec![e])?;
        let problems = locate::locate_all(validate::problems(&plan), text, format);
        if problems.is_empty() {
            Ok(plan)
        } else {
            Err(problems)
        }
    }

    fn parse(text: &str, format: Format) -> Result<Plan> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(Error::InvalidPlan {
                reason: format!(
                    "the document is {} bytes, more than the {MAX_DOCUMENT_BYTES} (16 MiB) a plan may have",
                    text.len()
                ),
            });
        }
        let tree = tree::read(text, format)?;
        check_format_version(&tree, text, format)?;
        from_tree(tree, text, format)
    }

    /// Adds the line and column in `text` to an error that has a path, such
    /// as one from [`compute`](Plan::compute) of a plan read from `text`.
    ///
    /// ```
    /// use andel::plan::{Format, Plan};
    /// let text = andel::plan::REFERENCE_PLAN.replace("carry_forward = true", "carry_forward = false");
    /// let plan = Plan::from_toml(&text)?;
    /// let error = Plan::locate(plan.compute().unwrap_err(), &text, Format::Toml);
    /// assert_eq!(error.code(), "missing_figure");
    /// assert!(error.location().unwrap().line.is_some());
    /// # Ok::<(), andel::Error>(())
    /// ```
    pub fn locate(error: Error, text: &str, format: Format) -> Error {
        locate::locate(error, text, format)
    }

    /// Checks the plan as a value (for plans built in code): the first
    /// problem found, with its path.
    pub fn validate(&self) -> Result<()> {
        validate::problems(self)
            .into_iter()
            .next()
            .map_or(Ok(()), Err)
    }

    /// The plan as TOML.
    #[cfg(feature = "toml")]
    pub fn to_toml(&self) -> Result<String> {
        toml::to_string_pretty(self).map_err(|e| Error::InvalidPlan {
            reason: e.to_string(),
        })
    }

    /// The plan as pretty JSON.
    pub fn to_json(&self) -> String {
        // Cannot fail: every map key in a plan is a string.
        serde_json::to_string_pretty(self).expect("a plan always serialises to JSON")
    }

    /// The JSON Schema of the plan format (draft 2020-12), generated from
    /// these types, for editors and web pages that validate plans.
    pub fn json_schema() -> String {
        let schema = schemars::schema_for!(Plan);
        serde_json::to_string_pretty(&schema).unwrap_or_default()
    }

    /// The bundled reference case.
    pub fn reference() -> Plan {
        #[cfg(feature = "toml")]
        let plan = Plan::from_toml(REFERENCE_PLAN);
        #[cfg(not(feature = "toml"))]
        let plan = Plan::from_json(REFERENCE_PLAN_JSON);
        plan.unwrap_or_else(|e| panic!("the bundled reference plan is invalid: {e}"))
    }
}

/// Reads any part of the plan format (a plan, or a separate outcome file)
/// from text, with the plan reader's typed errors and places.
pub(crate) fn parse_document<T: serde::de::DeserializeOwned>(
    text: &str,
    format: Format,
) -> Result<T> {
    from_tree(tree::read(text, format)?, text, format)
}

/// Reads a plan type from the document's tree. Every reading error names
/// the field at fault, and [`locate`] finds that field in the text.
fn from_tree<T: serde::de::DeserializeOwned>(
    tree: serde_json::Value,
    text: &str,
    format: Format,
) -> Result<T> {
    reader::read(tree).map_err(|(path, message)| {
        locate::locate_reading(tree::syntax(&path, &message, None), text, format)
    })
}

/// Refuses a plan of another format version before reading its fields, so
/// a newer plan says "unsupported format", not "missing field".
fn check_format_version(tree: &serde_json::Value, text: &str, format: Format) -> Result<()> {
    match tree.get("format").and_then(serde_json::Value::as_i64) {
        Some(found) if found != 1 => Err(locate::locate(
            Error::UnsupportedFormat { found }.at("format"),
            text,
            format,
        )),
        _ => Ok(()),
    }
}
