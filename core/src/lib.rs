//! # andel — exact cost sharing for collaborations
//!
//! andel splits a joint budget among the members of a collaboration (for
//! example municipalities paying in proportion to population) so that every
//! figure is a whole multiple of a rounding unit, every table adds up
//! exactly, and every figure can be explained.
//!
//! No floating point is used anywhere: amounts are [`Decimal`]s, and the
//! engine computes on integers.
//!
//! ```
//! use andel::{Allocator, Decimal, Method};
//! let d = |s: &str| s.parse::<Decimal>().unwrap();
//! // Population 2019 (SCB) of the six municipalities of the reference case.
//! let names = ["Båstad", "Falkenberg", "Halmstad", "Hylte", "Laholm", "Ljungby"].map(String::from);
//! let population = ["15128", "45367", "102767", "10815", "25903", "28521"].map(d);
//! let split = Allocator::new().unit(d("1")).explain_named(d("1000000"), &names, &population)?;
//! let total: Decimal = split.parts.iter().map(|p| p.amount).sum();
//! assert_eq!(total, d("1000000"));
//! assert_eq!(split.parts[2].amount, d("449744")); // Halmstad
//! assert_eq!(split.parts[2].quota.to_string(), "14681000000/32643");
//! # Ok::<(), andel::Error>(())
//! ```
//!
//! ## Features
//!
//! - `toml` (default): plans written in TOML ([`Plan::from_toml`],
//!   [`Plan::to_toml`]). Without it plans are read from JSON only. (The
//!   browser calculator's WebAssembly module reads no plan at all: it
//!   computes [`Budget`](plan::Budget)s.)
//! - `xlsx`: budget documents as Excel workbooks (`PlanResult::to_xlsx`,
//!   which exists only with the feature, so it is not linked here).
#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod allocation;
mod computed;
pub mod cycle;
mod dates;
mod document;
mod error;
mod exact;
mod export;
mod fraction;
pub mod identity;
mod method;
mod number;
mod order;
pub mod plan;
mod rounding;
mod schema;
pub mod text;

pub use allocation::{
    Allocation, Allocator, DEFAULT_UNIT, Part, RawNumber, ReadSplit, Refusal, RefusalKind, Refuse,
    SplitArguments, SplitNumber, WeightReader, allocate, read_rounding_arguments,
};
pub use computed::{Computed, Source};
pub use dates::{Date, ProRata, days_in_month, days_in_year, is_leap_year, membership_in_year};
pub use error::{Error, ErrorFamily, Location, Result, weight_label};
pub use export::{csv_cell, output_schema};
pub use fraction::Fraction;
pub use method::Method;
pub use number::{number_limits, parse_decimal, push_decimal};
pub use plan::{Explanation, Plan, PlanResult};
pub use rounding::{Rounding, round_to_unit};
pub use rust_decimal::Decimal;
