//! `andel diff A B`: how two plans (scenarios) differ, per member and year.

use crate::args::{DiffArgs, Format};
use crate::failure::Failure;
use crate::plan::{Source, aligned, signed};

/// `andel diff A B [--format table|csv|json]`.
pub fn run(args: &DiffArgs) -> Result<String, Failure> {
    let a = Source::read(&args.a)?;
    let b = Source::read(&args.b)?;
    let (_, ra) = a.compute()?;
    let (_, rb) = b.compute()?;
    let d = andel::cycle::diff(&ra, &rb)?;
    match args.format {
        Format::Json => Ok(d.to_json() + "\n"),
        Format::Csv => Ok(d.to_csv()),
        Format::Table => {
            let mut out = format!("A: {} ({})\nB: {} ({})\n", d.a, a.name, d.b, b.name);
            out.push_str(&format!(
                "Change B − A per member and year, {} (percent of A):\n\n",
                d.currency
            ));
            let mut header = vec!["member".to_string()];
            header.extend(d.years.iter().map(|y| y.year.to_string()));
            header.push("total".into());
            let cell = |m: &andel::cycle::MemberDiff| match m.change_percent {
                Some(p) if !m.change.is_zero() => {
                    format!(
                        "{} ({} %)",
                        signed(&m.change.to_string()),
                        signed(&p.to_string())
                    )
                }
                _ => signed(&m.change.to_string()),
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
            let mut footer = vec!["net cost".to_string()];
            footer.extend(d.years.iter().map(|y| signed(&y.change.to_string())));
            footer.push(signed(
                &d.years
                    .iter()
                    .map(|y| y.change)
                    .sum::<andel::Decimal>()
                    .to_string(),
            ));
            out.push_str(&aligned(&header, &rows, Some(&footer)));
            Ok(out)
        }
    }
}
