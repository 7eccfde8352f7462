//! The notes of a plan's result: what a reader must know about figures
//! the plan did not state, one line per cause.
//!
//! Today the one cause is a population figure carried forward: the plan has
//! no figure for a budget year's reference date, and `carry_forward` lets
//! the latest earlier one stand in. All members missing the same date in
//! the same budget year share one note, so six municipalities without a
//! 2020 figure are one line, not six.

use super::result::{MemberYear, YearResult};
use crate::dates::Date;
use crate::text::{Lang, figure};

/// The notes of `years`, in `lang`: one per budget year and missing
/// reference date, listing the members and the figures used instead.
pub(super) fn carried(years: &[YearResult], lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    for y in years {
        // Members in plan order, grouped by the date they miss.
        let mut dates: Vec<(Date, Vec<&MemberYear>)> = Vec::new();
        for m in &y.members {
            let (Some(_), Some(date)) = (m.population_carried_from, m.population_date) else {
                continue;
            };
            match dates.iter_mut().find(|(d, _)| *d == date) {
                Some((_, members)) => members.push(m),
                None => dates.push((date, vec![m])),
            }
        }
        for (date, members) in dates {
            notes.push(sentence(y.year, date, &members, lang));
        }
    }
    notes
}

/// One note: the budget year, the missing date, who misses it, and each
/// member's figure used instead with its own date.
fn sentence(year: i32, date: Date, members: &[&MemberYear], lang: Lang) -> String {
    let names: Vec<&str> = members.iter().map(|m| m.name.as_str()).collect();
    let used: Vec<String> = members
        .iter()
        .map(|m| {
            let population = m.population.map(|p| figure(p, lang)).unwrap_or_default();
            let from = m
                .population_carried_from
                .map(|d| d.to_string())
                .unwrap_or_default();
            format!("{} {population} ({from})", m.name)
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
