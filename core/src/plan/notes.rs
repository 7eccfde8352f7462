//! The notes of a plan's result: what a reader must know about figures
//! the plan did not state, one line per cause.
//!
//! Today the one cause is a population figure carried forward: the plan has
//! no figure for a budget year's reference date, and `carry_forward` lets
//! the latest earlier one stand in. All members missing the same date in
//! the same budget year share one note, so six municipalities without a
//! 2020 figure are one line, not six.

use super::result::YearResult;
use crate::dates::Date;
use crate::text::{Lang, figure};
use rust_decimal::Decimal;

/// The notes of `years`, in `lang`: one per budget year and missing
/// reference date, listing the members and the figures used instead.
pub(super) fn carried(years: &[YearResult], lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    for y in years {
        // Every member's figure is for the year's one reference date, so
        // the members missing it are one note, in plan order.
        let members: Vec<_> = y.members.carried().collect();
        if let (false, Some(date)) = (members.is_empty(), y.members.reference_date()) {
            notes.push(sentence(y.year, date, &members, lang));
        }
    }
    notes
}

/// One note: the budget year, the missing date, who misses it, and each
/// member's figure used instead with its own date.
fn sentence(
    year: i32,
    date: Date,
    members: &[(&str, Option<Decimal>, Date)],
    lang: Lang,
) -> String {
    let names: Vec<&str> = members.iter().map(|(name, _, _)| *name).collect();
    let used: Vec<String> = members
        .iter()
        .map(|(name, population, from)| {
            let population = population.map(|p| figure(p, lang)).unwrap_or_default();
            format!("{name} {population} ({from})")
        })
        .collect();
    let (names, used) = (names.join(", "), used.join(", "));
    match lang {
        Lang::Sv => format!(
            "{year}: befolkningstal per {date} saknas för {names}; senast kända tal används: {used}"
        ),
        Lang::En => format!(
            "{year}: no population figure for {date} for {names}; the latest earlier figures were carried forward: {used}"
        ),
    }
}
