//! `andel diff A B`: how two plans (scenarios) differ, per member and year.

use crate::args::{DiffArgs, ReportFormat};
use crate::failure::Failure;
use crate::plan::{Source, aligned};
use andel::text::{Lang, currency_symbol, signed};

/// `andel diff A B [--format table|csv|json]`.
pub fn run(args: &DiffArgs, lang: Option<Lang>) -> Result<String, Failure> {
    let a = Source::read(&args.a)?;
    let b = Source::read(&args.b)?;
    let ca = a.compute()?;
    let d = ca.diff(&b.compute()?)?;
    let lang = ca.lang(lang);
    let l = lang.labels();
    match args.format {
        ReportFormat::Json => Ok(d.to_json() + "\n"),
        ReportFormat::Csv => Ok(d.to_csv()),
        ReportFormat::Table => {
            let mut out = format!("A: {} ({})\nB: {} ({})\n", d.a, a.name, d.b, b.name);
            out.push_str(&format!(
                "{} B - A, {} ({}):\n\n",
                l.change_per_member_and_year,
                currency_symbol(&d.currency, lang),
                l.percent_of_a
            ));
            let mut header = vec![l.member.to_string()];
            header.extend(d.years.iter().map(|y| y.year.to_string()));
            header.push(l.total.into());
            let cell = |m: &andel::cycle::MemberDiff| match m.change_percent {
                Some(p) if !m.change.is_zero() => {
                    format!("{} ({} %)", signed(m.change, lang), signed(p, lang))
                }
                _ => signed(m.change, lang),
            };
            let rows: Vec<Vec<String>> = d
                .totals
                .iter()
                .enumerate()
                .map(|(i, t)| {
                    let mut row = vec![t.name.clone()];
                    row.extend(d.years.iter().map(|y| cell(&y.members[i])));
                    row.push(cell(t));
                    row
                })
                .collect();
            let mut footer = vec![l.net_cost.to_string()];
            footer.extend(d.years.iter().map(|y| signed(y.change, lang)));
            footer.push(signed(d.change, lang));
            out.push_str(&aligned(&header, &rows, Some(&footer)));
            Ok(out)
        }
    }
}
