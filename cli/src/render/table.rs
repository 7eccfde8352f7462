//! The table for people: aligned columns and a total row.

use super::{Row, rows, total_row};
use andel::Allocation;
use andel::text::{Lang, figure};
use std::fmt::Write;

fn headers(lang: Lang) -> [&'static str; 7] {
    let l = lang.labels();
    [
        l.name,
        l.weight,
        l.share_percent,
        l.exact_quota,
        l.quota_rounded,
        l.amount,
        l.plus_units,
    ]
}

fn cells(row: &Row) -> [&str; 7] {
    [
        &row.name,
        &row.weight,
        &row.share_percent,
        &row.quota,
        &row.quota_rounded,
        &row.amount,
        &row.leftover_units,
    ]
}

/// Width in characters. Names such as "Båstad" hold multi-byte
/// characters, so bytes would misalign the columns.
fn width(text: &str) -> usize {
    text.chars().count()
}

/// The allocation as an aligned text table with a caption, a total row
/// and a short legend.
pub fn table(allocation: &Allocation, lang: Lang) -> String {
    let body = rows(allocation, lang);
    let total = total_row(allocation, lang);
    let mut widths = headers(lang).map(width);
    for row in body.iter().chain([&total]) {
        for (w, cell) in widths.iter_mut().zip(cells(row)) {
            *w = (*w).max(width(cell));
        }
    }
    let line = |out: &mut String, texts: [&str; 7]| {
        let mut text = String::new();
        for (i, (cell, w)) in texts.iter().zip(widths).enumerate() {
            let pad = " ".repeat(w - width(cell));
            if i > 0 {
                text.push_str("  ");
            }
            // Names read left to right; figures align on the right.
            if i == 0 {
                text.push_str(cell);
                text.push_str(&pad);
            } else {
                text.push_str(&pad);
                text.push_str(cell);
            }
        }
        out.push_str(text.trim_end());
        out.push('\n');
    };
    let rule = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);

    let mut out = caption(allocation, lang);
    out.push('\n');
    line(&mut out, headers(lang));
    out.push_str(&"-".repeat(rule));
    out.push('\n');
    for row in &body {
        line(&mut out, cells(row));
    }
    out.push_str(&"-".repeat(rule));
    out.push('\n');
    line(&mut out, cells(&total));
    out.push('\n');
    out.push_str(lang.labels().split_legend);
    out.push('\n');
    out
}

fn caption(allocation: &Allocation, lang: Lang) -> String {
    let count = allocation.parts.len();
    let l = lang.labels();
    let mut text = format!(
        "{} {} {count} {}: {} {}, {} {}",
        figure(allocation.total, lang),
        l.split_by,
        if count == 1 { l.weight } else { l.weights },
        l.unit,
        figure(allocation.unit, lang),
        l.method,
        allocation.method,
    );
    if let Some(first) = allocation.first_divisor {
        // Writing to a String cannot fail.
        let _ = write!(text, ", {} {}", l.first_divisor, figure(first, lang));
    }
    text.push('\n');
    text
}
