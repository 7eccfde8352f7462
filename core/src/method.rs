//! The apportionment methods, by their public names.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How leftover units are handed out when an amount is split by weights.
///
/// The names (`largest_remainder`, …) are public API, spelled the same in
/// Rust, Python, JavaScript, plan files and the command line.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Hamilton's method: every part gets its exact quota rounded down, then
    /// one unit each goes to the largest fractional remainders. Stays within
    /// one unit of the exact quota; can show the Alabama paradox.
    #[default]
    LargestRemainder,
    /// Rounded down, then one unit each to the largest weights
    /// (the rule of Dinero.js 2.x).
    LargestRatio,
    /// Rounded down, then one unit each to the first positive-weight parts in
    /// input order (Fowler's `Money.allocate`).
    InOrder,
    /// D'Hondt (Jefferson): highest averages with divisors 1, 2, 3, …
    Dhondt,
    /// Sainte-Laguë (Webster): highest averages with divisors 1, 3, 5, …;
    /// the first divisor may be changed (1.2 in Swedish elections, 1.4 in
    /// Norway's).
    SainteLague,
    /// Huntington–Hill: highest averages with divisors √(k(k+1)); every
    /// positive weight gets one unit first.
    HuntingtonHill,
}

impl Method {
    /// Every method, in the order of the documentation.
    pub const ALL: [Method; 6] = [
        Method::LargestRemainder,
        Method::LargestRatio,
        Method::InOrder,
        Method::Dhondt,
        Method::SainteLague,
        Method::HuntingtonHill,
    ];

    /// The public name of the method.
    pub fn name(self) -> &'static str {
        match self {
            Method::LargestRemainder => "largest_remainder",
            Method::LargestRatio => "largest_ratio",
            Method::InOrder => "in_order",
            Method::Dhondt => "dhondt",
            Method::SainteLague => "sainte_lague",
            Method::HuntingtonHill => "huntington_hill",
        }
    }

    /// Whether this is a divisor (highest-averages) method.
    pub fn is_divisor_method(self) -> bool {
        matches!(
            self,
            Method::Dhondt | Method::SainteLague | Method::HuntingtonHill
        )
    }
}

impl fmt::Display for Method {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Method {
    type Err = Error;

    /// ```
    /// assert_eq!("dhondt".parse::<andel::Method>().unwrap(), andel::Method::Dhondt);
    /// assert_eq!("hare".parse::<andel::Method>().unwrap_err().code(), "unknown_method");
    /// ```
    fn from_str(name: &str) -> Result<Self> {
        Method::ALL
            .into_iter()
            .find(|m| m.name() == name)
            .ok_or_else(|| Error::UnknownMethod {
                name: name.to_string(),
            })
    }
}
