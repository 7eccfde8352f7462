//! The one error type of andel, with stable machine-readable codes.

use rust_decimal::Decimal;
use serde::Serialize;

/// Everything that can go wrong in andel.
///
/// Every variant has a stable snake_case [`code`](Error::code) that the Python
/// and JavaScript bindings expose unchanged, and a message that names what is
/// wrong and where. New variants may be added, so match with a wildcard arm.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize)]
#[serde(tag = "code", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Error {
    /// No weights were given.
    #[error("no weights given: at least one weight is needed")]
    EmptyWeights,

    /// A weight is below zero.
    #[error("weight {} is negative ({value}): weights must be zero or positive", part_label(*.index, .name))]
    NegativeWeight {
        /// Position of the weight, from 0.
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
}

impl Error {
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
        }
    }

    /// The family this error belongs to.
    pub fn family(&self) -> ErrorFamily {
        match self {
            Error::InvalidNumber { .. } => ErrorFamily::Input,
            Error::Overflow { .. } => ErrorFamily::Overflow,
            _ => ErrorFamily::Allocation,
        }
    }

    pub(crate) fn overflow(what: impl Into<String>) -> Self {
        Error::Overflow { what: what.into() }
    }

    /// Attaches part names to an error that points at a part by index.
    pub(crate) fn with_names(self, names: Option<&[String]>) -> Self {
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

fn part_label(index: usize, name: &Option<String>) -> String {
    match name {
        Some(name) => format!("{index} ({name})"),
        None => index.to_string(),
    }
}

/// Short for `std::result::Result<T, andel::Error>`.
pub type Result<T, E = Error> = std::result::Result<T, E>;
