//! `explain(member, year)`: how a contribution arose, in words and numbers.

use super::document::{Key, Plan};
use super::result::{LineAmount, LineResult, MemberYear, Membership, PlanResult, YearResult};
use crate::error::{Error, Result};
use crate::fraction::Fraction;
use crate::text::{Lang, currency_symbol, figure, fraction, money, signed};
use rust_decimal::Decimal;
use serde::Serialize;
use std::fmt;

/// How one member's contribution in one year arose: a list of sentences,
/// each with its figures, from the inputs to the rounded amount.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Explanation {
    /// The member's id.
    pub member: String,
    /// The budget year.
    pub year: i32,
    /// The contribution explained.
    #[schemars(with = "crate::schema::DecimalText")]
    pub contribution: rust_decimal::Decimal,
    /// The explanation, one sentence a line.
    pub lines: Vec<String>,
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in &self.lines {
            writeln!(f, "{line}")?;
        }
        Ok(())
    }
}

/// A short description of a key, for explanations.
pub(crate) fn describe(key: &Key, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let pick = |sv_text: &'static str, en_text: &'static str| if sv { sv_text } else { en_text };
    let pairs = |map: &std::collections::BTreeMap<String, super::number::Number>| {
        map.iter()
            .map(|(id, v)| format!("{id} {}", figure(v.value(), lang)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match key {
        Key::PerCapita {} => pick("efter invånarantal", "per capita").to_string(),
        Key::Equal {} => pick("i lika delar", "equal parts").to_string(),
        Key::Metric { metric } => format!("{} {metric}", pick("efter", "by")),
        Key::Weights { .. } => pick("efter överenskomna vikter", "by agreed weights").to_string(),
        Key::FixedShares { shares, rest } => format!(
            "{} ({}), {} {}",
            pick("fasta andelar", "fixed shares"),
            pairs(shares),
            pick("resten", "the rest"),
            describe(rest, lang)
        ),
        Key::FixedAmounts { amounts, rest } => format!(
            "{} ({}), {} {}",
            pick("fasta belopp", "fixed amounts"),
            pairs(amounts),
            pick("resten", "the rest"),
            describe(rest, lang)
        ),
        Key::Blend { parts } => {
            let mix: Vec<String> = parts
                .iter()
                .map(|p| {
                    format!(
                        "{} {}",
                        figure(p.weight.value(), lang),
                        describe(&p.key, lang)
                    )
                })
                .collect();
            format!(
                "{} {}",
                pick("som en blandning av", "a blend of"),
                mix.join(" + ")
            )
        }
        Key::PerInhabitantFee { fee } => match lang {
            Lang::Sv => format!(
                "med en avgift om {} per invånare",
                figure(fee.value(), lang)
            ),
            Lang::En => format!("a fee of {} per inhabitant", figure(fee.value(), lang)),
        },
        Key::Banded { bands } => {
            let list = (0..bands.len())
                .map(|i| {
                    format!(
                        "{}: {}",
                        band_text(bands, i, lang),
                        figure(bands[i].fee.value(), lang)
                    )
                })
                .collect::<Vec<_>>()
                .join("; ");
            match lang {
                Lang::Sv => format!("med en fast avgift efter invånarantal ({list})"),
                Lang::En => format!("a fixed fee by population band ({list})"),
            }
        }
        Key::Limited { key, max_share, .. } => match (max_share, lang) {
            (Some(m), Lang::Sv) => format!(
                "{}, med tak (högst andelen {}) och golv",
                describe(key, lang),
                figure(m.value(), lang)
            ),
            (Some(m), Lang::En) => format!(
                "{}, with caps (max share {}) and floors",
                describe(key, lang),
                figure(m.value(), lang)
            ),
            (None, Lang::Sv) => format!("{}, med tak och golv", describe(key, lang)),
            (None, Lang::En) => format!("{}, with caps and floors", describe(key, lang)),
        },
    }
}

/// Band `i`'s bounds in words: `15 000 to under 25 000`.
fn band_text(bands: &[super::document::Band], i: usize, lang: Lang) -> String {
    let lower = super::document::Band::lower(bands, i);
    let low = figure(lower, lang);
    match (bands[i].below, i, lang) {
        (Some(b), 0, _) => format!("under {}", figure(b.value(), lang)),
        (Some(b), _, Lang::Sv) => format!("{low} till under {}", figure(b.value(), lang)),
        (Some(b), _, Lang::En) => format!("{low} to under {}", figure(b.value(), lang)),
        (None, 0, Lang::Sv) => "alla".to_string(),
        (None, 0, Lang::En) => "any number".to_string(),
        (None, _, Lang::Sv) => format!("{low} och fler"),
        (None, _, Lang::En) => format!("{low} and more"),
    }
}

/// How a member's fee of a banded key arose: its population at the
/// reference date, the band it falls in, the band's fee, and the part of
/// it counted for a partial year of membership.
fn band_sentence(
    bands: &[super::document::Band],
    line: &str,
    m: &super::result::MemberYear,
    lang: Lang,
    currency: &str,
) -> Option<String> {
    let (pop, date) = (m.population?, m.population_date?);
    let i = super::document::Band::of(bands, pop)?;
    let fee = bands[i].fee.value();
    let band = band_text(bands, i, lang);
    let kr = |d: Decimal| money(d, currency, lang);
    let pro = m.membership.as_ref().map(|ms| {
        let counted = Fraction::ratio(
            num_bigint::BigInt::from(ms.counted) * num_bigint::BigInt::from(fee.mantissa()),
            num_bigint::BigInt::from(ms.of) * num_bigint::BigInt::from(10u8).pow(fee.scale()),
        );
        let counted = exact_and_rounded(&counted, 0, SHOWN_DECIMALS, "", lang);
        match lang {
            Lang::Sv => format!(
                "; medlem {} av {} {}, så avgiften räknas med {}/{}: {counted}",
                ms.counted,
                ms.of,
                if ms.unit == "months" {
                    "månader"
                } else {
                    "dagar"
                },
                ms.counted,
                ms.of
            ),
            Lang::En => format!(
                "; member for {} of {} {}, so the fee counts {}/{} of it: {counted}",
                ms.counted, ms.of, ms.unit, ms.counted, ms.of
            ),
        }
    });
    let pro = pro.unwrap_or_default();
    let pop = match (m.population_carried_from, lang) {
        (Some(from), Lang::Sv) => format!("{} (siffran per {from}, förd fram)", figure(pop, lang)),
        (Some(from), Lang::En) => format!(
            "{} (the figure of {from}, carried forward)",
            figure(pop, lang)
        ),
        (None, _) => figure(pop, lang),
    };
    Some(match lang {
        Lang::Sv => format!(
            "Avgiftsklass för rad {line:?}: befolkningen {pop} per {date} ligger i klassen {band} invånare, avgift {} per år{pro}.",
            kr(fee)
        ),
        Lang::En => format!(
            "Band of line {line:?}: the population {pop} at {date} is in the band {band} inhabitants, fee {} a year{pro}.",
            kr(fee)
        ),
    })
}

/// How the year's table was rounded, by the plan's method: largest
/// remainder keeps every figure within one unit of its exact value; the
/// other methods apportion the members' totals and may move a figure
/// further.
pub fn rounding_sentence(method: crate::Method, lang: Lang) -> String {
    match (method == crate::Method::LargestRemainder, lang) {
        (true, Lang::En) => "Rounding: every line and every member's total are rounded together so that the table adds up exactly both ways; \
                each figure is within one unit of its exact value."
            .to_string(),
        (true, Lang::Sv) => "Avrundning: varje rad och varje medlems summa avrundas tillsammans så att tabellen summerar exakt åt båda hållen; \
                varje belopp ligger inom en enhet från sitt exakta värde."
            .to_string(),
        (false, Lang::En) => format!(
            "Rounding: the members' totals are the {method} apportionment of the net cost by their exact totals, \
             and every line still adds up exactly; so a total or a line's part may be more than one unit from its exact value."
        ),
        (false, Lang::Sv) => format!(
            "Avrundning: medlemmarnas summor är nettokostnaden fördelad med metoden {method} efter deras exakta summor, \
             och varje rad summerar fortfarande exakt; därför kan en summa eller en rads del ligga mer än en enhet från sitt exakta värde."
        ),
    }
}

/// An exact fraction and, beside it, its value rounded to `decimals`
/// places and labelled as rounded: `45 367/228 501 (≈ 19,8542 %, avrundat)`
/// with `shift` 2 and `suffix` `" %"`.
fn exact_and_rounded(f: &Fraction, shift: u32, decimals: u32, suffix: &str, lang: Lang) -> String {
    let exact = fraction(f, lang);
    let Some(r) = f.round(shift, decimals, crate::Rounding::HalfAwayFromZero) else {
        return exact;
    };
    let scale = crate::exact::q(Decimal::from(10u64.pow(shift)));
    if crate::exact::q(r) == f * scale {
        // The decimal is the exact value: no "≈", nothing to label, and
        // nothing to add to a whole number.
        if shift == 0 && f.denominator() == 1u8.into() {
            return exact;
        }
        return format!("{exact} (= {}{suffix})", figure(r.normalize(), lang));
    }
    format!(
        "{exact} (≈ {}{suffix}, {})",
        figure(r, lang),
        lang.labels().rounded
    )
}

/// Decimals of the rounded figures shown beside exact fractions.
const SHOWN_DECIMALS: u32 = 4;

pub(crate) fn explain(
    plan: &Plan,
    result: &PlanResult,
    member: &str,
    year: i32,
    lang: Lang,
) -> Result<Explanation> {
    let last = plan.first_year + plan.years as i32 - 1;
    let y = result.year(year).ok_or(Error::YearOutsideHorizon {
        year: year.into(),
        first: plan.first_year,
        last,
    })?;
    let id = &super::find::find_member(plan, member)?.id;
    let m =
        y.members.iter().find(|m| &m.id == id).ok_or_else(|| {
            Error::unknown_member(member, y.members.iter().map(|m| m.id.as_str()))
        })?;
    let cur = result.currency.as_str();
    let fig = |d: Decimal| figure(d, lang);
    let mut out = vec![headline_sentence(m, year, cur, lang)];
    if !m.paying {
        out.push(match lang {
            Lang::Sv => format!(
                "{} deltar endast med naturainsatser och betalar inga kontanta bidrag.",
                m.name
            ),
            Lang::En => format!("{} takes part in kind only and pays no cash.", m.name),
        });
    }
    out.push(net_cost_sentence(y, year, cur, lang)?);
    if let (Some(pop), Some(date)) = (m.population, m.population_date) {
        out.push(population_sentence(
            plan,
            fig(pop),
            date,
            m.population_carried_from,
            lang,
        ));
    }
    if let Some(ms) = &m.membership {
        out.push(membership_sentence(ms, year, lang));
    }
    line_sentences(plan, y, m, cur, lang, &mut out);
    for note in &m.limits {
        out.push(format!(
            "{}: {note}.",
            if lang == Lang::Sv {
                "Tak och golv"
            } else {
                "Limits"
            }
        ));
    }
    out.push(exact_sentence(m, cur, lang));
    out.push(rounding_sentence(plan.method, lang));
    in_kind_sentences(m, cur, lang, &mut out);
    out.extend(change_sentence(m, year, cur, lang));
    Ok(Explanation {
        member: m.id.clone(),
        year,
        contribution: m.contribution,
        lines: out,
    })
}

/// The first sentence: who, which year, and the contribution.
fn headline_sentence(m: &MemberYear, year: i32, cur: &str, lang: Lang) -> String {
    let kr = |d: Decimal| money(d, cur, lang);
    match lang {
        Lang::Sv => format!(
            "{} ({}), budgetår {year}: bidrag {}.",
            m.name,
            m.id,
            kr(m.contribution)
        ),
        Lang::En => format!(
            "{} ({}), budget year {year}: contribution {}.",
            m.name,
            m.id,
            kr(m.contribution)
        ),
    }
}

/// The net cost the members share: gross (with any refunds) less funding.
fn net_cost_sentence(y: &YearResult, year: i32, cur: &str, lang: Lang) -> Result<String> {
    let kr = |d: Decimal| money(d, cur, lang);
    let fig = |d: Decimal| figure(d, lang);
    // Refunds and credits (negative lines) are inside the gross; say so, so
    // a gross below the costs the reader knows of is not a mystery.
    let refunds: Vec<Decimal> = y
        .lines
        .iter()
        .map(|l| l.gross)
        .filter(|&g| is_refund(g))
        .collect();
    let credited = match refunds.is_empty() {
        true => String::new(),
        false => {
            let sum = fig(crate::exact::sum(refunds, "the year's refunds")?);
            match lang {
                Lang::Sv => format!(" (återbetalningar och krediter {sum} inräknade)"),
                Lang::En => format!(" (refunds and credits {sum} included)"),
            }
        }
    };
    Ok(match lang {
        Lang::Sv => format!(
            "Medlemmarna delar på en nettokostnad om {} år {year}: brutto {}{credited} minus finansiering {}.",
            kr(y.net),
            fig(y.gross),
            fig(y.funding)
        ),
        Lang::En => format!(
            "The members share a net cost of {} in {year}: gross {}{credited} less funding {}.",
            kr(y.net),
            fig(y.gross),
            fig(y.funding)
        ),
    })
}

/// A part-year membership, by which weights and fixed parts are pro-rated.
fn membership_sentence(ms: &Membership, year: i32, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "Medlem {} av {} {} år {year}: vikter och fasta delar räknas om i proportion till det.",
            ms.counted,
            ms.of,
            if ms.unit == "months" {
                "månader"
            } else {
                "dagar"
            }
        ),
        Lang::En => format!(
            "Member for {} of {} {} of {year}: weights and fixed parts are pro-rated by that fraction.",
            ms.counted, ms.of, ms.unit
        ),
    }
}

/// One sentence per cost line the member shares in (plus its band, for a
/// banded key), in the member's order of lines.
fn line_sentences(
    plan: &Plan,
    y: &YearResult,
    m: &MemberYear,
    cur: &str,
    lang: Lang,
    out: &mut Vec<String>,
) {
    for la in &m.lines {
        let line = y.lines.iter().find(|l| l.id == la.line);
        let cost = plan.costs.iter().find(|c| c.id == la.line);
        let key = cost.and_then(|c| c.key.as_ref()).unwrap_or(&plan.key);
        if let Some(line) = line {
            out.push(line_sentence(line, la, key, cur, lang));
            if let Key::Banded { bands } = key {
                out.extend(band_sentence(bands, &line.id, m, lang, cur));
            }
        }
    }
}

/// How one line is shared and the member's exact part of it.
fn line_sentence(line: &LineResult, la: &LineAmount, key: &Key, cur: &str, lang: Lang) -> String {
    let kr = |d: Decimal| money(d, cur, lang);
    let part = crate::exact::q(line.net) * &la.share;
    let share = exact_and_rounded(&la.share, 2, SHOWN_DECIMALS, " %", lang);
    let part = exact_and_rounded(&part, 0, SHOWN_DECIMALS, "", lang);
    let n = line.participants.len();
    let refund = is_refund(line.gross);
    let what = match (lang, refund) {
        (Lang::Sv, true) => format!(
            "en återbetalning eller kredit om {}, som en kostnad",
            kr(line.net)
        ),
        (Lang::Sv, false) => format!("netto {}", kr(line.net)),
        (Lang::En, true) => {
            format!("a refund or credit of {}, as a cost would be", kr(line.net))
        }
        (Lang::En, false) => format!("net {}", kr(line.net)),
    };
    match lang {
        Lang::Sv => format!(
            "Rad {:?} ({}): {what}, fördelas {} mellan {n} {}; andelen {share} av den är exakt {part}, i tabellen {}.",
            line.id,
            line.name,
            describe(key, lang),
            if n == 1 { "medlem" } else { "medlemmar" },
            kr(la.amount)
        ),
        Lang::En => format!(
            "Line {:?} ({}): {what}, shared {} among {n} member{}; the share {share} of it is exactly {part}, in the table {}.",
            line.id,
            line.name,
            describe(key, lang),
            if n == 1 { "" } else { "s" },
            kr(la.amount)
        ),
    }
}

/// The exact contribution, the share of the net cost, and the rounding
/// that gives the amount in the table.
fn exact_sentence(m: &MemberYear, cur: &str, lang: Lang) -> String {
    let kr = |d: Decimal| money(d, cur, lang);
    let exact = exact_and_rounded(&m.exact, 0, SHOWN_DECIMALS, "", lang);
    let share = exact_and_rounded(&m.share, 2, SHOWN_DECIMALS, " %", lang);
    let rounding = crate::exact::q(m.contribution) - &m.exact;
    let rounding = match rounding.round(0, SHOWN_DECIMALS, crate::Rounding::HalfAwayFromZero) {
        Some(r) if rounding == crate::exact::q(r) => signed(r.normalize(), lang),
        Some(r) => format!("≈ {}", signed(r, lang)),
        None => fraction(&rounding, lang),
    };
    match lang {
        Lang::Sv => format!(
            "Exakt bidrag {exact}, andel {share} av nettokostnaden; avrundningen {rounding} ger {}.",
            kr(m.contribution)
        ),
        Lang::En => format!(
            "Exact contribution {exact}, share {share} of the net cost; rounding {rounding} gives {}.",
            kr(m.contribution)
        ),
    }
}

/// In-kind work, and the cash due when its value is credited.
fn in_kind_sentences(m: &MemberYear, cur: &str, lang: Lang, out: &mut Vec<String>) {
    let kr = |d: Decimal| money(d, cur, lang);
    if !m.in_kind.is_zero() {
        out.push(match lang {
            Lang::Sv => format!(
                "Naturainsats: {} i år, redovisad vid sidan av de kontanta bidragen.",
                kr(m.in_kind)
            ),
            Lang::En => format!(
                "In kind: {} this year, reported beside the cash.",
                kr(m.in_kind)
            ),
        });
    }
    if let Some(cash) = m.cash_due {
        out.push(match lang {
            Lang::Sv => format!(
                "Naturainsatsens värde räknas av: kontant att betala {}.",
                kr(cash)
            ),
            Lang::En => format!("In-kind value is credited: cash due {}.", kr(cash)),
        });
    }
}

/// The change from the year before, when there is one.
fn change_sentence(m: &MemberYear, year: i32, cur: &str, lang: Lang) -> Option<String> {
    let from = if lang == Lang::Sv {
        "Förändring från"
    } else {
        "Change from"
    };
    let symbol = currency_symbol(cur, lang);
    match (m.change, m.change_percent) {
        (Some(c), Some(p)) => Some(format!(
            "{from} {}: {} {symbol} ({} %).",
            year - 1,
            signed(c, lang),
            signed(p, lang)
        )),
        (Some(c), None) => Some(format!(
            "{from} {}: {} {symbol}.",
            year - 1,
            signed(c, lang)
        )),
        _ => None,
    }
}

/// Where the population figure comes from, by the plan's rule.
fn population_sentence(
    plan: &Plan,
    pop: String,
    date: crate::Date,
    carried_from: Option<crate::Date>,
    lang: Lang,
) -> String {
    let rule = &plan.population;
    let (mm, dd, n) = (rule.month, rule.day, rule.years_before);
    match (lang, carried_from) {
        (Lang::Sv, None) => format!(
            "Befolkning: {pop} per {date} (planen använder siffran per {mm:02}-{dd:02} år Y−{n} för budgetår Y)."
        ),
        (Lang::Sv, Some(from)) => format!(
            "Befolkning: {pop}, siffran per {from}: det finns ingen för referensdagen {date} (planen använder siffran per \
             {mm:02}-{dd:02} år Y−{n} för budgetår Y), så den senast kända tidigare siffran fördes fram, som planen tillåter."
        ),
        (Lang::En, None) => format!(
            "Population: {pop} at {date} (the plan uses the figure of {mm:02}-{dd:02} in year Y−{n} for budget year Y)."
        ),
        (Lang::En, Some(from)) => format!(
            "Population: {pop}, the figure of {from}: there is none for the reference date {date} (the plan uses the figure of \
             {mm:02}-{dd:02} in year Y−{n} for budget year Y), so the latest earlier figure was carried forward, as the plan allows."
        ),
    }
}

/// Whether a line's amount is a refund or credit (negative).
fn is_refund(gross: Decimal) -> bool {
    gross.is_sign_negative() && !gross.is_zero()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Method;

    #[test]
    fn the_rounding_sentence_depends_on_the_method_in_both_languages() {
        let lr_sv = rounding_sentence(Method::LargestRemainder, Lang::Sv);
        let lr_en = rounding_sentence(Method::LargestRemainder, Lang::En);
        assert!(lr_sv.contains("inom en enhet"), "{lr_sv}");
        assert!(lr_en.contains("within one unit"), "{lr_en}");
        let d_sv = rounding_sentence(Method::Dhondt, Lang::Sv);
        let d_en = rounding_sentence(Method::Dhondt, Lang::En);
        assert!(
            d_sv.contains("metoden dhondt") && d_sv.contains("mer än en enhet"),
            "{d_sv}"
        );
        assert!(
            d_en.contains("dhondt apportionment") && d_en.contains("more than one unit"),
            "{d_en}"
        );
    }

    #[test]
    fn exact_values_are_not_labelled_rounded() {
        let plan = Plan::reference();
        let result = plan.compute().unwrap();
        for lang in Lang::ALL {
            let text = explain(&plan, &result, "hh", 2021, lang)
                .unwrap()
                .to_string();
            // The university's share is exactly 0: no "≈" beside it.
            assert!(text.contains("0 (= 0 %)"), "{text}");
            let text = explain(&plan, &result, "halmstad", 2021, lang)
                .unwrap()
                .to_string();
            let rounded = lang.labels().rounded;
            assert!(text.contains(&format!("%, {rounded})")), "{text}");
            assert!(
                !text.contains("exactly 4") && !text.contains("exakt 4"),
                "{text}"
            );
        }
    }
}
