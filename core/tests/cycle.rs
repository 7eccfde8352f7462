//! The annual cycle on the reference case: calendar, instalments,
//! settlement and scenarios. Expected figures are worked out here by plain
//! integer arithmetic, not taken from the code under test.

use andel::Decimal;
use andel::cycle::{self, OutcomeFile};
use andel::plan::{Format, Plan};

/// Populations of 31 December 2019 (SCB), the key of budget year 2021.
const POP_2019: [(&str, i64); 6] = [
    ("bastad", 15128),
    ("falkenberg", 45367),
    ("halmstad", 102767),
    ("hylte", 10815),
    ("laholm", 25903),
    ("ljungby", 28521),
];

/// Largest remainder of `net` by the 2019 populations (ties: earlier).
fn per_capita_2021(net: i64) -> Vec<(&'static str, i64)> {
    let sum: i64 = POP_2019.iter().map(|p| p.1).sum();
    let mut parts: Vec<i64> = POP_2019.iter().map(|p| net * p.1 / sum).collect();
    let rems: Vec<i64> = POP_2019.iter().map(|p| net * p.1 % sum).collect();
    let left = net - parts.iter().sum::<i64>();
    let mut order: Vec<usize> = (0..6).collect();
    order.sort_by(|&a, &b| rems[b].cmp(&rems[a]).then(a.cmp(&b)));
    for &i in order.iter().take(left as usize) {
        parts[i] += 1;
    }
    POP_2019.iter().map(|p| p.0).zip(parts).collect()
}

fn d(n: i64) -> Decimal {
    Decimal::from(n)
}

const MILESTONES: &str = r#"
[[milestones]]
id = "preliminary"
name = "Preliminary contribution notice"
date = "04-30"
offset = -1
due = "Preliminary contribution for the budget year"
who = "Each member's finance department"
figures = "contributions"

[[milestones]]
id = "decision"
name = "Final decision"
date = "10-31"
offset = -1
due = "The board's decision on the budget, contributions included"
figures = "contributions"

[[milestones]]
id = "settlement"
name = "Settlement, the year's actual outcome"
date = "03-31"
offset = 1
due = "Refund or extra charge by the year's key"
figures = "settlement"
"#;

fn plan_with(extra: &str) -> Plan {
    Plan::from_toml(&(andel::plan::REFERENCE_PLAN.to_string() + extra)).unwrap()
}

#[test]
fn calendar_lists_every_milestone_of_every_year_by_date() {
    let plan = plan_with(MILESTONES);
    let cal = plan.calendar(&plan.compute().unwrap()).unwrap();
    assert_eq!(cal.entries.len(), 3 * 5);
    let dates: Vec<String> = cal.entries.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(
        dates[..4],
        ["2020-04-30", "2020-10-31", "2021-04-30", "2021-10-31"]
    );
    assert_eq!(dates.last().unwrap(), "2026-03-31");
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted);
    // The 2021 notice carries the 2021 contributions, worked out here.
    let notice = &cal.entries[0];
    assert_eq!(
        (notice.budget_year, notice.milestone.as_str()),
        (2021, "preliminary")
    );
    let got: Vec<(&str, Decimal)> = notice
        .amounts
        .iter()
        .map(|a| (a.id.as_str(), a.amount))
        .collect();
    let want: Vec<(&str, Decimal)> = per_capita_2021(1_250_000)
        .into_iter()
        .map(|(id, c)| (id, d(c)))
        .collect();
    assert_eq!(got, want);
    // No outcome in the plan: the settlement milestones have no figures yet.
    assert!(
        cal.entries
            .iter()
            .filter(|e| e.milestone == "settlement")
            .all(|e| e.amounts.is_empty())
    );
}

#[test]
fn calendar_as_icalendar() {
    let plan = plan_with(MILESTONES);
    let ics = plan.calendar(&plan.compute().unwrap()).unwrap().to_ics();
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert_eq!(ics.matches("BEGIN:VEVENT\r\n").count(), 15);
    assert_eq!(ics.matches("END:VEVENT\r\n").count(), 15);
    // Every line ends in CRLF and no physical line is longer than 75 octets.
    assert_eq!(ics.matches('\n').count(), ics.matches("\r\n").count());
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{line:?}");
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.contains("DTSTART;VALUE=DATE:20200430\r\n"));
    assert!(unfolded.contains("SUMMARY:Preliminary contribution notice (2021)\r\n"));
    assert!(unfolded.contains("\\nHalmstad: 562180 SEK"));
    // Unique ids, so a re-import updates rather than duplicates.
    let mut uids: Vec<&str> = unfolded.lines().filter(|l| l.starts_with("UID:")).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), 15);
}

#[test]
fn milestone_dates_that_do_not_exist_are_refused_with_their_place() {
    let text = andel::plan::REFERENCE_PLAN.to_string()
        + "\n[[milestones]]\nid = \"x\"\nname = \"X\"\ndate = \"02-30\"\ndue = \"x\"\n";
    let e = Plan::from_toml(&text).unwrap_err();
    assert_eq!(e.code(), "invalid_date");
    let at = e.location().unwrap();
    assert_eq!(at.path, "milestones[0].date");
    let line = text.lines().position(|l| l.contains("02-30")).unwrap() as u32 + 1;
    assert_eq!(at.line, Some(line));

    let bad_offset = MILESTONES.replacen("offset = -1", "offset = -11", 1);
    let e = Plan::from_toml(&(andel::plan::REFERENCE_PLAN.to_string() + &bad_offset)).unwrap_err();
    assert_eq!(e.code(), "invalid_plan");
    assert_eq!(e.location().unwrap().path, "milestones[0].offset");
}

#[test]
fn instalments_add_up_for_every_member_and_every_run() {
    let plan = plan_with("\n[instalments]\ncount = 3\ndue = [\"03-31\", \"07-31\", \"11-30\"]\n");
    let inv = plan.invoices(&plan.compute().unwrap(), 2021, None).unwrap();
    // 1 250 000 over 3: 416 667, 416 667, 416 666.
    let runs: Vec<Decimal> = inv.runs.iter().map(|r| r.total).collect();
    assert_eq!(runs, [d(416_667), d(416_667), d(416_666)]);
    let dues: Vec<String> = inv.runs.iter().map(|r| r.due.to_string()).collect();
    assert_eq!(dues, ["2021-03-31", "2021-07-31", "2021-11-30"]);
    for run in &inv.runs {
        assert_eq!(
            run.invoices.iter().map(|i| i.amount).sum::<Decimal>(),
            run.total
        );
    }
    for (id, contribution) in per_capita_2021(1_250_000) {
        let mine: Vec<i64> = inv
            .runs
            .iter()
            .map(|r| {
                let i = r.invoices.iter().find(|i| i.member == id).unwrap();
                assert_eq!(i.reference, format!("2021-{id}-{}", r.instalment));
                i64::try_from(i.amount.mantissa()).unwrap()
            })
            .collect();
        assert_eq!(mine.iter().sum::<i64>(), contribution, "{id}");
        // Each instalment is a third of the contribution, rounded down or up.
        for m in &mine {
            assert!(
                *m == contribution / 3 || *m == contribution / 3 + 1,
                "{id}: {mine:?}"
            );
        }
    }
    // The university pays no cash and gets no invoice.
    assert!(inv.runs[0].invoices.iter().all(|i| i.member != "hh"));
    let csv = inv.to_csv();
    assert_eq!(csv.lines().count(), 1 + 3 * 6);
    assert!(csv.starts_with("year,instalment,due,member,name,amount,settlement,total,reference\n"));
}

#[test]
fn instalment_dates_that_do_not_exist_or_do_not_match_are_refused() {
    let e = Plan::from_toml(
        &(andel::plan::REFERENCE_PLAN.to_string()
            + "\n[instalments]\ncount = 2\ndue = [\"03-31\", \"06-31\"]\n"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_date");
    assert_eq!(e.location().unwrap().path, "instalments.due[1]");
    let e = Plan::from_toml(
        &(andel::plan::REFERENCE_PLAN.to_string()
            + "\n[instalments]\ncount = 4\ndue = [\"03-31\", \"06-30\"]\n"),
    )
    .unwrap_err();
    assert_eq!(e.code(), "invalid_plan");
    let e = Plan::reference()
        .invoices(&Plan::reference().compute().unwrap(), 2021, None)
        .unwrap_err();
    assert_eq!(e.code(), "invalid_plan");
}

const OUTCOME_2021: &str = r#"
[[outcome]]
year = 2021
costs = { analys = "500000", projektledning = "930000" }
funding = { startkapital = "350000" }
"#;

/// 2021's actual net: 930 000 + 150 000 + (500 000 − 350 000) = 1 230 000.
#[test]
fn settlement_is_actual_minus_planned_by_the_years_key() {
    let plan = plan_with(OUTCOME_2021);
    let result = plan.compute().unwrap();
    let s = plan.settle(&result, 2021).unwrap();
    assert_eq!(
        (s.planned, s.actual, s.difference),
        (d(1_250_000), d(1_230_000), d(-20_000))
    );
    let planned = per_capita_2021(1_250_000);
    let actual = per_capita_2021(1_230_000);
    for (i, m) in s.members.iter().enumerate() {
        assert_eq!(m.id, planned[i].0);
        assert_eq!(m.planned, d(planned[i].1));
        assert_eq!(m.actual, d(actual[i].1));
        assert_eq!(m.settlement, d(actual[i].1 - planned[i].1));
    }
    assert_eq!(
        s.members.iter().map(|m| m.settlement).sum::<Decimal>(),
        d(-20_000)
    );
    let analys = s.lines.iter().find(|l| l.id == "analys").unwrap();
    assert_eq!(
        (analys.planned_net, analys.actual_net),
        (d(200_000), d(150_000))
    );

    // The same outcome as a separate file gives the same settlement.
    let reference = Plan::reference();
    let file = OutcomeFile::read(OUTCOME_2021, Format::Toml, &reference).unwrap();
    let again = reference
        .settle_outcome(&reference.compute().unwrap(), &file.outcome[0])
        .unwrap();
    assert_eq!(again, s);
}

#[test]
fn settlement_goes_onto_the_next_years_first_instalment() {
    let plan = plan_with(
        &(OUTCOME_2021.to_string() + "\n[instalments]\ncount = 2\ndue = [\"02-28\", \"08-31\"]\n"),
    );
    let result = plan.compute().unwrap();
    let s = plan.settle(&result, 2021).unwrap();
    let inv = plan.invoices(&result, 2022, Some(&s)).unwrap();
    assert_eq!(inv.settles, Some(2021));
    for m in &s.members {
        let first = inv.runs[0]
            .invoices
            .iter()
            .find(|i| i.member == m.id)
            .unwrap();
        assert_eq!(first.settlement, m.settlement);
        assert_eq!(first.total, first.amount + m.settlement);
        let second = inv.runs[1]
            .invoices
            .iter()
            .find(|i| i.member == m.id)
            .unwrap();
        assert_eq!(second.settlement, Decimal::ZERO);
        // The instalments themselves still add up to the 2022 contribution.
        assert_eq!(
            first.amount + second.amount,
            result.contribution(&m.id, 2022).unwrap()
        );
    }
}

#[test]
fn bad_outcomes_are_typed_errors_with_their_place() {
    let cases = [
        (
            "[[outcome]]\nyear = 2030\n",
            "year_outside_horizon",
            "outcome[0].year",
        ),
        (
            "[[outcome]]\nyear = 2021\ncosts = { lokaler = \"1\" }\n",
            "unknown_line",
            "outcome[0].costs.lokaler",
        ),
        (
            "[[outcome]]\nyear = 2022\nfunding = { startkapital = \"1\" }\n",
            "unknown_funding",
            "outcome[0].funding.startkapital",
        ),
        (
            "[[outcome]]\nyear = 2021\ncosts = { analys = \"-1\" }\n",
            "negative_amount",
            "outcome[0].costs.analys",
        ),
        (
            "[[outcome]]\nyear = 2021\ncosts = { analys = \"0.5\" }\n",
            "not_multiple_of_unit",
            "outcome[0].costs.analys",
        ),
        (
            "[[outcome]]\nyear = 2021\ncosts = { analys = 0.5 }\n",
            "plan_syntax",
            "outcome[0].costs.analys",
        ),
    ];
    let reference = Plan::reference();
    for (text, code, path) in cases {
        let e = OutcomeFile::read(text, Format::Toml, &reference).unwrap_err();
        assert_eq!(e.code(), code, "{text}");
        assert_eq!(e.location().unwrap().path, path, "{text}");
        assert!(e.location().unwrap().line.is_some(), "{text}");
        // In the plan file itself, the same error.
        let e =
            Plan::from_toml(&(andel::plan::REFERENCE_PLAN.to_string() + "\n" + text)).unwrap_err();
        assert_eq!(e.code(), code, "{text}");
    }
}

#[test]
fn scenario_diff_per_member_and_year() {
    let a = Plan::reference();
    let b = Plan::from_toml(&andel::plan::REFERENCE_PLAN.replace(
        "name = \"Ljungby\"",
        "name = \"Ljungby\"\nleaves = \"2024-12-31\"",
    ))
    .unwrap();
    let (ra, rb) = (a.compute().unwrap(), b.compute().unwrap());
    let diff = cycle::diff(&ra, &rb).unwrap();
    assert_eq!(diff.years.len(), 5);
    for y in &diff.years {
        // Same costs: the others pay exactly what Ljungby no longer pays.
        assert_eq!(y.change, Decimal::ZERO);
        assert_eq!(
            y.members.iter().map(|m| m.change).sum::<Decimal>(),
            Decimal::ZERO
        );
        for m in &y.members {
            assert_eq!(m.a, ra.contribution(&m.id, y.year).unwrap());
            assert_eq!(m.b, rb.contribution(&m.id, y.year).unwrap());
            assert_eq!(m.change, m.b - m.a);
        }
        let ljungby = y.members.iter().find(|m| m.id == "ljungby").unwrap();
        if y.year < 2025 {
            assert_eq!(ljungby.change, Decimal::ZERO);
        } else {
            assert_eq!(ljungby.b, Decimal::ZERO);
            assert_eq!(ljungby.change_percent, Some(Decimal::new(-10000, 2)));
        }
    }
    // Percent worked out by hand for Halmstad in 2025.
    let h = diff.years[4]
        .members
        .iter()
        .find(|m| m.id == "halmstad")
        .unwrap();
    let (ai, bi) = (h.a.mantissa(), h.b.mantissa());
    // (b − a) / a × 100 to 2 decimals, half to even, in hundredths.
    let num = (bi - ai) * 10_000;
    let (q, r) = (num / ai, num % ai);
    let hundredths = if 2 * r > ai || (2 * r == ai && q % 2 == 1) {
        q + 1
    } else {
        q
    };
    assert_eq!(h.change_percent, Some(Decimal::new(hundredths as i64, 2)));
    assert!(hundredths > 0);
}

#[test]
fn plans_in_different_currencies_or_units_cannot_be_compared() {
    let a = Plan::reference().compute().unwrap();
    let eur = Plan::from_toml(
        &andel::plan::REFERENCE_PLAN.replace("currency = \"SEK\"", "currency = \"EUR\""),
    )
    .unwrap()
    .compute()
    .unwrap();
    assert_eq!(
        cycle::diff(&a, &eur).unwrap_err().code(),
        "incomparable_plans"
    );
    let ore =
        Plan::from_toml(&andel::plan::REFERENCE_PLAN.replace("unit = \"1\"", "unit = \"0.01\""))
            .unwrap()
            .compute()
            .unwrap();
    assert_eq!(
        cycle::diff(&a, &ore).unwrap_err().code(),
        "incomparable_plans"
    );
}

/// x·h/S rounded half to even, for the causes worked out by hand.
fn part(x: i64, h: i64, s: i64) -> i64 {
    let (n, d) = (x * h, s);
    let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
    if 2 * r > d || (2 * r == d && q % 2 != 0) {
        q + 1
    } else {
        q
    }
}

#[test]
fn why_it_changed_breaks_the_change_into_causes_that_add_up() {
    use andel::cycle::CauseKind;
    // The reference plan without its 31 December 2020 figures, so 2022
    // carries 2019's forward: the same shares as 2021, and the change is
    // costs and funding only.
    let text = andel::plan::REFERENCE_PLAN
        .lines()
        .map(|l| match l.find("\"2020-12-31\" = ") {
            Some(at) => {
                let end = at + l[at..].find(", ").unwrap() + 2;
                format!("{}{}", &l[..at], &l[end..])
            }
            None => l.to_string(),
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!text.contains("2020-12-31"));
    let plan = Plan::from_toml(&text).unwrap();
    let result = plan.compute().unwrap();
    let why = plan.why_changed(&result, "halmstad", 2022).unwrap();
    // 2022 uses the 2020 figure, carried forward from 2019: the same shares
    // as 2021. Costs 900 000 and 150 000 indexed by 3 %: 1 081 500.
    let (h, s) = (102_767i64, POP_2019.iter().map(|p| p.1).sum::<i64>());
    let c2021 = per_capita_2021(1_250_000)[2].1;
    let c2022 = per_capita_2021(1_081_500)[2].1;
    assert_eq!((why.previous, why.contribution), (d(c2021), d(c2022)));
    let cost = part(1_081_500 - 1_050_000, h, s);
    let ended = part(-600_000, h, s);
    let funding = part(400_000, h, s);
    let rounding = (c2022 - c2021) - cost - ended - funding;
    let mut want = vec![
        (CauseKind::CostLevel, d(cost)),
        (CauseKind::EndedLines, d(ended)),
        (CauseKind::Funding, d(funding)),
    ];
    if rounding != 0 {
        want.push((CauseKind::Rounding, d(rounding)));
    }
    let got: Vec<(CauseKind, Decimal)> = why.causes.iter().map(|c| (c.kind, c.amount)).collect();
    assert_eq!(got, want);
    let text = why.to_string();
    assert!(text.contains("less than in 2021"), "{text}");
    assert!(
        text.contains("costs ended (Kunskapsunderlag och analys)"),
        "{text}"
    );
}

#[test]
fn every_change_is_explained_exactly_including_a_member_leaving() {
    use andel::cycle::CauseKind;
    let leaves = Plan::from_toml(&andel::plan::REFERENCE_PLAN.replace(
        "name = \"Ljungby\"",
        "name = \"Ljungby\"\nleaves = \"2024-12-31\"",
    ))
    .unwrap();
    for plan in [Plan::reference(), leaves] {
        let result = plan.compute().unwrap();
        let all = plan.changes(&result).unwrap();
        assert_eq!(all.len(), 4 * 7);
        for c in &all {
            let sum: Decimal = c.causes.iter().map(|x| x.amount).sum();
            assert_eq!(sum, c.change, "{c}");
            assert_eq!(
                c.change,
                result.contribution(&c.member, c.year).unwrap()
                    - result.contribution(&c.member, c.year - 1).unwrap()
            );
            for x in &c.causes {
                assert!(!x.amount.is_zero());
                if x.kind == CauseKind::Rounding {
                    assert!(x.amount.abs() <= d(3), "{c}");
                }
            }
        }
    }
    let plan = Plan::from_toml(&andel::plan::REFERENCE_PLAN.replace(
        "name = \"Ljungby\"",
        "name = \"Ljungby\"\nleaves = \"2024-12-31\"",
    ))
    .unwrap();
    let why = plan
        .why_changed(&plan.compute().unwrap(), "ljungby", 2025)
        .unwrap();
    assert!(why.causes.iter().any(|c| c.kind == CauseKind::Membership));
    assert_eq!(why.contribution, Decimal::ZERO);
    // The first year has nothing to compare with.
    let e = Plan::reference()
        .why_changed(&Plan::reference().compute().unwrap(), "halmstad", 2021)
        .unwrap_err();
    assert_eq!(e.code(), "invalid_plan");
}

#[test]
fn the_cycle_sections_read_the_same_from_json_and_toml() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../examples/tillvaxtmotor-cycle.toml"
    );
    let plan = Plan::from_toml(&std::fs::read_to_string(path).unwrap()).unwrap();
    assert_eq!(plan.milestones.len(), 3);
    assert_eq!(plan.instalments.as_ref().unwrap().count, 4);
    assert_eq!(plan.outcome.len(), 1);
    let json = plan.to_json();
    assert!(json.contains("\"due\": [\n      \"03-31\""), "{json}");
    assert_eq!(Plan::from_json(&json).unwrap(), plan);
    assert_eq!(Plan::from_toml(&plan.to_toml().unwrap()).unwrap(), plan);
    // A plan without the sections writes none of them.
    let reference = Plan::reference().to_json();
    for field in ["milestones", "instalments", "outcome"] {
        assert!(!reference.contains(field), "{field}");
    }
}

#[test]
fn settling_a_year_outside_the_plan_is_year_outside_horizon() {
    let plan = andel::Plan::from_toml(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/tillvaxtmotor-cycle.toml"
        ))
        .unwrap(),
    )
    .unwrap();
    let result = plan.compute().unwrap();
    assert_eq!(
        plan.settle(&result, 2019).unwrap_err().code(),
        "year_outside_horizon"
    );
    assert_eq!(
        plan.settle(&result, 2031).unwrap_err().code(),
        "year_outside_horizon"
    );
}
