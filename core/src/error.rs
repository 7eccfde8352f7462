//! The one error type of andel, with stable machine-readable codes.

use rust_decimal::Decimal;
use serde::Serialize;

/// Everything that can go wrong in andel.
///
/// Every variant has a stable snake_case [`code`](Error::code) that the Python
/// and JavaScript bindings expose unchanged, and a message that names what is
/// wrong and where. New variants may be added, so match with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No weights were given.
    #[error("no weights given: at least one weight is needed")]
    EmptyWeights,

    /// A weight is below zero.
    #[error("the weight at index {} is negative ({value}): weights must be zero or positive", part_label(*.index, .name))]
    NegativeWeight {
        /// Position of the weight, counted from 0 (the message says "index").
        index: usize,
        /// Name of the weight, where the weights were named.
        name: Option<String>,
        /// The offending value.
        value: Decimal,
    },

    /// Every weight is zero, so there is nobody to share with.
    #[error("every weight is zero: at least one weight must be positive")]
    ZeroWeights,

    /// The total is not a whole number of rounding units.
    #[error(
        "total {total} is not a whole multiple of the unit {unit}: round it first (andel never rounds silently)"
    )]
    NotMultipleOfUnit {
        /// The total that was given.
        total: Decimal,
        /// The rounding unit.
        unit: Decimal,
    },

    /// The rounding unit is zero or negative.
    #[error("unit {unit} is invalid: the rounding unit must be positive")]
    InvalidUnit {
        /// The unit that was given.
        unit: Decimal,
    },

    /// A text could not be read as an exact decimal number.
    #[error("{field}: {input:?} is not a valid number ({reason})")]
    InvalidNumber {
        /// Which input the text was given for.
        field: String,
        /// The text, as given.
        input: String,
        /// Why it was refused.
        reason: String,
    },

    /// A value does not fit in andel's exact arithmetic.
    #[error("overflow: {what} is too large to compute exactly")]
    Overflow {
        /// What overflowed.
        what: String,
    },

    /// The name of an apportionment method is not known.
    #[error(
        "unknown method {name:?}: use one of largest_remainder, largest_ratio, in_order, dhondt, sainte_lague, huntington_hill"
    )]
    UnknownMethod {
        /// The name that was given.
        name: String,
    },

    /// The name of a rounding mode is not known.
    #[error(
        "unknown rounding mode {name:?}: use one of half_away_from_zero, half_even, up, down, toward_zero, away_from_zero"
    )]
    UnknownRounding {
        /// The name that was given.
        name: String,
    },

    /// The first divisor is out of range or given for a method that has none.
    #[error("first divisor {value}: {reason}")]
    InvalidFirstDivisor {
        /// The divisor that was given.
        value: Decimal,
        /// Why it was refused.
        reason: String,
    },

    /// A method that gives every positive weight one unit got fewer units
    /// than there are positive weights.
    #[error(
        "too few units: {method} gives every positive weight at least one unit, but the total has {units} units for {needed} positive weights"
    )]
    TooFewUnits {
        /// The method's name.
        method: String,
        /// Units in the total.
        units: String,
        /// Units needed: the number of positive weights.
        needed: usize,
    },

    /// A date that does not exist or is not written `YYYY-MM-DD`.
    #[error("date {input:?} is invalid: {reason}")]
    InvalidDate {
        /// The text, as given.
        input: String,
        /// Why it was refused.
        reason: String,
    },

    /// A plan document could not be read: bad TOML or JSON syntax, a value
    /// of the wrong type, or a missing field.
    #[error("{message}")]
    PlanSyntax {
        /// What the reader said.
        message: String,
    },

    /// A field that the plan format does not have (often a misspelling).
    #[error("unknown field {field:?}{}", expected_list(.expected))]
    UnknownField {
        /// The field as written.
        field: String,
        /// The fields allowed at that place.
        expected: Vec<String>,
    },

    /// A required field is missing.
    #[error("missing field {field:?}")]
    MissingField {
        /// The field's name.
        field: String,
    },

    /// The plan's `format` is not one this version of andel reads.
    #[error("plan format {found} is not supported: this version of andel reads format 1")]
    UnsupportedFormat {
        /// The format that was given.
        found: i64,
    },

    /// Two members, cost lines or funding entries share an id.
    #[error("duplicate {kind} id {id:?}")]
    DuplicateId {
        /// What kind of thing: member, cost line, funding.
        kind: String,
        /// The repeated id.
        id: String,
    },

    /// An id with a character no id may have: a control character or a
    /// bidirectional override (see `docs/plan-format.md`, Ids).
    #[error("{kind} id {id:?} has the character {}, which no id may have", .character.escape_unicode())]
    InvalidId {
        /// What kind of thing: member, cost line, funding, milestone.
        kind: String,
        /// The id, as given.
        id: String,
        /// The first character refused.
        character: char,
    },

    /// A member id that the plan does not have.
    #[error("unknown member {id:?}{}", known_members(.known))]
    UnknownMember {
        /// The id as written.
        id: String,
        /// The plan's member ids, in plan order, so the message can list
        /// the valid ones.
        known: Vec<String>,
    },

    /// A language code other than `sv` or `en`.
    #[error("unknown language {name:?}: use sv (Swedish) or en (English)")]
    UnknownLanguage {
        /// The code that was given.
        name: String,
    },

    /// A cost line id that the plan does not have.
    #[error("unknown cost line {id:?}")]
    UnknownLine {
        /// The id as written.
        id: String,
    },

    /// An outcome names funding that the plan does not have in that year.
    #[error("unknown funding {id:?} in {year}: the plan has no funding with that id that year")]
    UnknownFunding {
        /// The id as written.
        id: String,
        /// The outcome's year.
        year: i32,
    },

    /// Two plans that cannot be compared: different currencies or units.
    #[error("the plans cannot be compared: {reason}")]
    IncomparablePlans {
        /// Why.
        reason: String,
    },

    /// A year before the plan's first year or after its last.
    #[error("year {year} is outside the plan's horizon {first}–{last}")]
    YearOutsideHorizon {
        /// The year as given.
        year: i64,
        /// The first budget year.
        first: i32,
        /// The last budget year.
        last: i32,
    },

    /// A metric figure (such as population) is missing for the date the
    /// plan's reference rule asks for.
    #[error("member {member:?} has no {metric} figure for {date}{}", carry_hint(*.can_carry))]
    MissingFigure {
        /// The member's id.
        member: String,
        /// The metric, e.g. population.
        metric: String,
        /// The reference date asked for.
        date: String,
        /// Whether an earlier figure exists that `carry_forward` would use.
        can_carry: bool,
    },

    /// An amount or value that must not be negative is.
    #[error("{what} must not be negative (got {value})")]
    NegativeAmount {
        /// What the value is.
        what: String,
        /// The value.
        value: Decimal,
    },

    /// A cost has nobody to pay it in a year.
    #[error("cost line {line:?} has nobody to pay it in {year}: {reason}")]
    NobodyToPay {
        /// The cost line.
        line: String,
        /// The budget year.
        year: i32,
        /// Why.
        reason: String,
    },

    /// Caps and floors that no split can meet.
    #[error("the caps and floors cannot be met in {year}: {reason}")]
    ImpossibleCaps {
        /// The budget year.
        year: i32,
        /// Why.
        reason: String,
    },

    /// An allocation key that does not make sense.
    #[error("invalid key: {reason}")]
    InvalidKey {
        /// Why.
        reason: String,
    },

    /// Any other inconsistency in a plan.
    #[error("{reason}")]
    InvalidPlan {
        /// What is wrong.
        reason: String,
    },

    /// An error at a place in a plan document: the path of the field and,
    /// when the plan was read from text, the line and column.
    #[error("{}: {source}", .location)]
    InPlan {
        /// Where in the plan.
        location: Location,
        /// What is wrong there.
        source: Box<Error>,
    },

    /// A panic inside andel, caught at a language boundary. Always a bug.
    #[error("internal error: {message}")]
    Internal {
        /// What was caught.
        message: String,
    },

    /// Names and weights do not pair up.
    #[error("{names} names were given for {weights} weights")]
    NamesMismatch {
        /// Number of names.
        names: usize,
        /// Number of weights.
        weights: usize,
    },
}

/// The broad family of an error, used by the bindings to choose an
/// exception class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorFamily {
    /// Bad arguments to an allocation.
    Allocation,
    /// A value that could not be read.
    Input,
    /// A value too large for exact arithmetic.
    Overflow,
    /// A plan that cannot be read or computed.
    Plan,
    /// A bug in andel, caught at a boundary.
    Internal,
}

/// Where an error is in a plan document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Location {
    /// The path of the field, such as `costs[2].participants[0]`; empty for
    /// the whole document.
    pub path: String,
    /// The line, from 1, when the plan was read from text.
    pub line: Option<u32>,
    /// The column, from 1, when the plan was read from text.
    pub column: Option<u32>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "plan"
        } else {
            &self.path
        };
        match (self.line, self.column) {
            (Some(line), Some(column)) => write!(f, "{path} (line {line}, column {column})"),
            (Some(line), None) => write!(f, "{path} (line {line})"),
            _ => f.write_str(path),
        }
    }
}

fn expected_list(expected: &[String]) -> String {
    if expected.is_empty() {
        String::new()
    } else {
        format!(": expected one of {}", expected.join(", "))
    }
}

/// How many member ids an `unknown_member` message lists at most.
const KNOWN_MEMBERS_SHOWN: usize = 20;

fn known_members(known: &[String]) -> String {
    if known.is_empty() {
        return String::new();
    }
    let shown: Vec<String> = known
        .iter()
        .take(KNOWN_MEMBERS_SHOWN)
        .map(|id| format!("{id:?}"))
        .collect();
    let more = match known.len().saturating_sub(KNOWN_MEMBERS_SHOWN) {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!(": the plan's members are {}{more}", shown.join(", "))
}

fn carry_hint(can_carry: bool) -> &'static str {
    if can_carry {
        " (an earlier figure exists: set carry_forward = true in [population] to use it)"
    } else {
        ""
    }
}

impl Error {
    /// Every code [`code`](Error::code) can return, once, in the order of
    /// the variants: the list the Python stub and the TypeScript types are
    /// checked against.
    ///
    /// ```
    /// assert!(andel::Error::codes().contains(&"negative_weight"));
    /// ```
    pub fn codes() -> &'static [&'static str] {
        &[
            "empty_weights",
            "negative_weight",
            "zero_weights",
            "not_multiple_of_unit",
            "invalid_unit",
            "invalid_number",
            "overflow",
            "unknown_method",
            "unknown_rounding",
            "invalid_first_divisor",
            "too_few_units",
            "names_mismatch",
            "invalid_date",
            "plan_syntax",
            "unknown_field",
            "missing_field",
            "unsupported_format",
            "duplicate_id",
            "invalid_id",
            "unknown_member",
            "unknown_language",
            "unknown_line",
            "unknown_funding",
            "incomparable_plans",
            "year_outside_horizon",
            "missing_figure",
            "negative_amount",
            "nobody_to_pay",
            "impossible_caps",
            "invalid_key",
            "invalid_plan",
            "internal_error",
        ]
    }

    /// The stable snake_case code of this error, the same in every runtime.
    ///
    /// ```
    /// let err = andel::allocate("1".parse().unwrap(), &[], "0.01".parse().unwrap(), andel::Method::LargestRemainder)
    ///     .unwrap_err();
    /// assert_eq!(err.code(), "empty_weights");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::EmptyWeights => "empty_weights",
            Error::NegativeWeight { .. } => "negative_weight",
            Error::ZeroWeights => "zero_weights",
            Error::NotMultipleOfUnit { .. } => "not_multiple_of_unit",
            Error::InvalidUnit { .. } => "invalid_unit",
            Error::InvalidNumber { .. } => "invalid_number",
            Error::Overflow { .. } => "overflow",
            Error::UnknownMethod { .. } => "unknown_method",
            Error::UnknownRounding { .. } => "unknown_rounding",
            Error::InvalidFirstDivisor { .. } => "invalid_first_divisor",
            Error::TooFewUnits { .. } => "too_few_units",
            Error::NamesMismatch { .. } => "names_mismatch",
            Error::InvalidDate { .. } => "invalid_date",
            Error::PlanSyntax { .. } => "plan_syntax",
            Error::UnknownField { .. } => "unknown_field",
            Error::MissingField { .. } => "missing_field",
            Error::UnsupportedFormat { .. } => "unsupported_format",
            Error::DuplicateId { .. } => "duplicate_id",
            Error::InvalidId { .. } => "invalid_id",
            Error::UnknownMember { .. } => "unknown_member",
            Error::UnknownLanguage { .. } => "unknown_language",
            Error::UnknownLine { .. } => "unknown_line",
            Error::UnknownFunding { .. } => "unknown_funding",
            Error::IncomparablePlans { .. } => "incomparable_plans",
            Error::YearOutsideHorizon { .. } => "year_outside_horizon",
            Error::MissingFigure { .. } => "missing_figure",
            Error::NegativeAmount { .. } => "negative_amount",
            Error::NobodyToPay { .. } => "nobody_to_pay",
            Error::ImpossibleCaps { .. } => "impossible_caps",
            Error::InvalidKey { .. } => "invalid_key",
            Error::InvalidPlan { .. } => "invalid_plan",
            Error::InPlan { source, .. } => source.code(),
            Error::Internal { .. } => "internal_error",
        }
    }

    /// The family this error belongs to.
    pub fn family(&self) -> ErrorFamily {
        match self {
            Error::InvalidNumber { .. }
            | Error::InvalidDate { .. }
            | Error::UnknownLanguage { .. } => ErrorFamily::Input,
            Error::Overflow { .. } => ErrorFamily::Overflow,
            Error::Internal { .. } => ErrorFamily::Internal,
            Error::InPlan { source, .. } => match source.family() {
                ErrorFamily::Allocation => ErrorFamily::Plan,
                other => other,
            },
            Error::EmptyWeights
            | Error::NegativeWeight { .. }
            | Error::ZeroWeights
            | Error::NotMultipleOfUnit { .. }
            | Error::InvalidUnit { .. }
            | Error::UnknownMethod { .. }
            | Error::UnknownRounding { .. }
            | Error::InvalidFirstDivisor { .. }
            | Error::TooFewUnits { .. }
            | Error::NamesMismatch { .. } => ErrorFamily::Allocation,
            _ => ErrorFamily::Plan,
        }
    }

    /// Where in a plan document the error is, if it is about one.
    pub fn location(&self) -> Option<&Location> {
        match self {
            Error::InPlan { location, .. } => Some(location),
            _ => None,
        }
    }

    /// The error without its location.
    pub fn root(&self) -> &Error {
        match self {
            Error::InPlan { source, .. } => source.root(),
            other => other,
        }
    }

    /// The error placed at `path` in a plan or budget, such as
    /// `members[2].population` (for a binding that reads a budget's numbers
    /// itself). An error that already has a place keeps it.
    ///
    /// ```
    /// let err = andel::parse_decimal("12a", "population").unwrap_err();
    /// let err = err.at("members[2].population");
    /// assert_eq!(err.code(), "invalid_number");
    /// assert_eq!(err.location().unwrap().path, "members[2].population");
    /// ```
    pub fn at(self, path: impl Into<String>) -> Self {
        match self {
            Error::InPlan { .. } => self,
            other => Error::InPlan {
                location: Location {
                    path: path.into(),
                    line: None,
                    column: None,
                },
                source: Box::new(other),
            },
        }
    }

    /// The same error without a line and column (its path kept), for a plan
    /// whose text the author never saw (one written from host values).
    pub(crate) fn without_line(self) -> Self {
        match self {
            Error::InPlan {
                mut location,
                source,
            } => {
                location.line = None;
                location.column = None;
                Error::InPlan { location, source }
            }
            other => other,
        }
    }

    /// The same error with its path rewritten by `f`, for a caller whose
    /// input is not the plan itself (a [`Budget`](crate::plan::Budget)).
    pub(crate) fn moved(self, f: impl Fn(&str) -> String) -> Self {
        match self {
            Error::InPlan {
                mut location,
                source,
            } => {
                location.path = f(&location.path);
                Error::InPlan { location, source }
            }
            other => other,
        }
    }

    /// `unknown_member` for `id`, listing the `known` ids.
    pub(crate) fn unknown_member<'a>(id: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        Error::UnknownMember {
            id: id.to_string(),
            known: known.into_iter().map(str::to_string).collect(),
        }
    }

    pub(crate) fn overflow(what: impl Into<String>) -> Self {
        Error::Overflow { what: what.into() }
    }

    /// Attaches part names to an error that points at a part by index (for
    /// callers of [`Allocator::allocate`](crate::Allocator::allocate) whose
    /// weights have names).
    pub fn with_names(self, names: Option<&[String]>) -> Self {
        match (self, names) {
            (Error::NegativeWeight { index, value, .. }, Some(names)) => Error::NegativeWeight {
                index,
                name: names.get(index).cloned(),
                value,
            },
            (other, _) => other,
        }
    }
}

/// How every runtime names a weight in messages about it: `weight 2`, or
/// `weight 2 (Hylte)` when the weights are named, counting from 0 like the
/// index in core's own errors (`the weight at index 2 (Hylte) …`).
///
/// ```
/// assert_eq!(andel::weight_label(2, None), "weight 2");
/// assert_eq!(andel::weight_label(2, Some("Hylte")), "weight 2 (Hylte)");
/// ```
pub fn weight_label(index: usize, name: Option<&str>) -> String {
    match name {
        Some(name) => format!("weight {index} ({name})"),
        None => format!("weight {index}"),
    }
}

fn part_label(index: usize, name: &Option<String>) -> String {
    match name {
        Some(name) => format!("{index} ({name})"),
        None => index.to_string(),
    }
}

/// Serialises as `{"code": …, "message": …, "location": …}`: the stable code,
/// the message, and where in a plan (or `null`).
impl Serialize for Error {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = serializer.serialize_struct("Error", 3)?;
        out.serialize_field("code", self.code())?;
        out.serialize_field("message", &self.to_string())?;
        out.serialize_field("location", &self.location())?;
        out.end()
    }
}

/// Short for `std::result::Result<T, andel::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::Error;

    /// `codes()` is written by hand beside `code()`; this reads `code()`'s
    /// arms from this file so a code added there and not listed (or listed
    /// and gone) fails here, not in a binding's stub.
    #[test]
    fn codes_lists_every_code_once() {
        let source = include_str!("error.rs");
        let start = source
            .find("pub fn code(&self)")
            .expect("code() in error.rs");
        let body = &source[start..];
        let body = &body[..body.find("\n    }\n").expect("end of code()")];
        let mut in_match: Vec<&str> = body
            .split("=> \"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').expect("closing quote")])
            .collect();
        let mut listed = Error::codes().to_vec();
        assert_eq!(
            listed.len(),
            in_match.len(),
            "codes() and code() differ in length"
        );
        in_match.sort_unstable();
        listed.sort_unstable();
        listed.dedup();
        assert_eq!(listed, in_match);
    }
}
