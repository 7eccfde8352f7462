//! Criterion benchmark of plan computation: the bundled reference case, and
//! a large synthetic plan of 290 members (Sweden's number of municipalities)
//! over 10 years with 20 cost lines using four different keys and
//! participant sets.
use andel::Plan;
use criterion::{Criterion, criterion_group, criterion_main};
use std::fmt::Write;
use std::hint::black_box;

/// A plan with `members` members, `years` years and `lines` indexed cost
/// lines: a quarter per capita, a quarter equal, a quarter shared by a third
/// of the members, a quarter by a 30/70 blend. Populations come from a small
/// LCG so the benchmark needs no random-number crate and is repeatable.
pub fn large_plan(members: usize, years: u32, lines: usize) -> Plan {
    let mut t = format!(
        "format = 1\nname = \"large\"\nfirst_year = 2030\nyears = {years}\n\
         [population]\ncarry_forward = true\n[indexation]\nrate = \"0.025\"\n"
    );
    let mut state: u64 = 7;
    for m in 0..members {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let population = 2_000 + (state >> 33) % 200_000;
        let _ = writeln!(
            t,
            "[[members]]\nid = \"m{m}\"\nname = \"M{m}\"\nmetrics.population = {{ \"2028-12-31\" = {population} }}"
        );
    }
    let third: Vec<String> = (0..members)
        .step_by(3)
        .map(|m| format!("\"m{m}\""))
        .collect();
    for l in 0..lines {
        let _ = writeln!(
            t,
            "[[costs]]\nid = \"l{l}\"\nname = \"L{l}\"\namount = \"{}\"\nfrom = 2030\nindexed = true",
            100_000 + l * 37_011
        );
        match l % 4 {
            1 => t.push_str("key = { type = \"equal\" }\n"),
            2 => {
                let _ = writeln!(t, "participants = [{}]", third.join(", "));
            }
            3 => t.push_str(
                "key = { type = \"blend\", parts = [{ weight = \"0.3\", key = { type = \"equal\" } }, \
                 { weight = \"0.7\", key = { type = \"per_capita\" } }] }\n",
            ),
            _ => {}
        }
    }
    Plan::from_toml(&t).expect("the generated plan is valid")
}

fn bench(c: &mut Criterion) {
    let reference = Plan::reference();
    c.bench_function("plan/reference_case", |b| {
        b.iter(|| black_box(&reference).compute().unwrap())
    });
    let large = large_plan(290, 10, 20);
    let mut group = c.benchmark_group("plan");
    group.sample_size(20);
    group.bench_function("290_members_10_years_20_lines", |b| {
        b.iter(|| black_box(&large).compute().unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
