//! The writers: what andel computes, written out in the formats other
//! programs read. CSV ([`csv`]: the one quoting rule, [`csv_cell`], and
//! every table andel writes as CSV), the budget calendar as iCalendar
//! ([`ics`]), the plan's result as an Excel workbook (`xlsx`, with the
//! feature of that name), and the JSON Schema of every JSON output
//! ([`schema`]).
//!
//! The top layer: it reads the result types of the plan engine
//! ([`crate::plan`]) and the annual cycle ([`crate::cycle`]), and nothing
//! below it names this module. The public writers are methods of those
//! types (`PlanResult::to_csv`, `Calendar::to_ics`, `PlanResult::to_xlsx`,
//! …), defined here in impl blocks of their own, so docs and callers find
//! them on the type as before; `core/tests/layers.rs` keeps the order.

pub(crate) mod csv;
pub(crate) mod ics;
pub(crate) mod schema;
#[cfg(feature = "xlsx")]
pub(crate) mod xlsx;

pub use csv::csv_cell;
pub use schema::output_schema;
