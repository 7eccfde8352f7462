//! Turning an explained allocation into text: a table, JSON or CSV.

mod csv;
mod table;

pub use csv::csv;
pub use table::table;

use crate::exact::rounded;
use crate::failure::Failure;
use andel::text::{Lang, figure, fraction};
use andel::{Allocation, Decimal, Part};
use std::borrow::Cow;

/// Text for a terminal: every control character but the line feed (ESC,
/// CR, BEL, backspace, tab, C1 controls such as CSI U+009B) and every
/// bidirectional override or isolate (U+202A–U+202E, U+2066–U+2069) shown
/// escaped as `\u{1b}`, so a member's name can never move the cursor,
/// recolour, clear the screen or reorder what the table shows. Applied to
/// everything printed for people (tables, explanations, errors), not to
/// data formats (CSV, JSON, iCalendar), which escape by their own rules.
pub fn for_terminal(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Decimals shown in the share column, as a percentage.
const PERCENT_DECIMALS: u32 = 4;
/// Decimals shown in the rounded quota beyond those of the unit.
const EXTRA_QUOTA_DECIMALS: u32 = 4;

/// The full allocation as pretty JSON: andel's own serialisation, so
/// decimals and fractions are strings and nothing is lost.
pub fn json(allocation: &Allocation) -> Result<String, Failure> {
    serde_json::to_string_pretty(allocation)
        .map(|text| text + "\n")
        .map_err(|err| Failure::Internal(format!("could not write JSON: {err}")))
}

/// One part as display texts.
struct Row {
    name: String,
    weight: String,
    share: String,
    share_percent: String,
    quota: String,
    quota_rounded: String,
    amount: String,
    leftover_units: String,
}

/// Decimals of the rounded quota: the unit's, plus a few more so the
/// rounding that the method did can be seen.
fn quota_decimals(allocation: &Allocation) -> u32 {
    allocation.unit.normalize().scale() + EXTRA_QUOTA_DECIMALS
}

/// A display figure, or a note that it is too large to show rounded (the
/// exact fraction is always shown next to it).
fn or_too_large(value: Option<Decimal>, lang: Lang) -> String {
    value.map_or_else(|| lang.labels().too_large.to_string(), |d| figure(d, lang))
}

/// One part as texts in `lang`; English is the plain form CSV uses too.
fn row(index: usize, part: &Part, quota_decimals: u32, lang: Lang) -> Row {
    Row {
        name: part
            .name
            .clone()
            .unwrap_or_else(|| format!("#{}", index + 1)),
        weight: figure(part.weight, lang),
        share: fraction(&part.share, lang),
        share_percent: or_too_large(rounded(&part.share, 2, PERCENT_DECIMALS), lang),
        quota: fraction(&part.quota, lang),
        quota_rounded: or_too_large(rounded(&part.quota, 0, quota_decimals), lang),
        amount: figure(part.amount, lang),
        leftover_units: part.leftover_units.to_string(),
    }
}

fn rows(allocation: &Allocation, lang: Lang) -> Vec<Row> {
    let decimals = quota_decimals(allocation);
    allocation
        .parts
        .iter()
        .enumerate()
        .map(|(i, part)| row(i, part, decimals, lang))
        .collect()
}

/// The total row. Shares add up to exactly 1 and quotas to exactly the
/// total (every share is `wᵢ / Σw`), so those two are written from the
/// total; weights, amounts and leftover units are summed.
fn total_row(allocation: &Allocation, lang: Lang) -> Row {
    let parts = &allocation.parts;
    let weight = parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.weight));
    let amount = parts
        .iter()
        .try_fold(Decimal::ZERO, |acc, p| acc.checked_add(p.amount));
    let leftover: i128 = parts.iter().map(|p| i128::from(p.leftover_units)).sum();
    let mut quota_rounded = allocation.total;
    quota_rounded.rescale(quota_decimals(allocation));
    Row {
        name: lang.labels().total.to_string(),
        weight: or_too_large(weight, lang),
        share: "1".to_string(),
        share_percent: figure(
            Decimal::new(100 * 10i64.pow(PERCENT_DECIMALS), PERCENT_DECIMALS),
            lang,
        ),
        quota: figure(allocation.total, lang),
        quota_rounded: figure(quota_rounded, lang),
        amount: or_too_large(amount, lang),
        leftover_units: leftover.to_string(),
    }
}
