//! The size benchmark of issue 7: one plan of `members` members over
//! `years` years, read and computed in this process, with its wall time and
//! memory. `scripts/bench-limits` runs it once per size, each in its own
//! process, so one size's peak memory cannot hide another's.
//!
//! ```sh
//! cargo run --release -p andel --example limits -- 100000 50 value --json
//! ```
//!
//! Modes:
//! - `value`: the plan is built in code with a population figure for every
//!   member and year, as a real plan would have; nothing is read from text.
//! - `toml`, `json` (compact): the plan is written as text and read back (timed). A
//!   figure per member and year would not fit in the 16 MiB a document may
//!   have at 100 000 members, so each member has one figure and the plan
//!   carries it forward (which adds a note per member and later year).
//!
//! `--json` also serialises the result to JSON, as the bindings do.
//!
//! Memory is read from `/proc/self/status` (Linux): `VmRSS` now and
//! `VmHWM` (the peak), which is reset before each phase by writing `5` to
//! `/proc/self/clear_refs`, so each phase reports its own peak. Resident
//! memory undercounts a result that reuses memory freed before (building
//! the plan frees some), so the bytes the heap holds are also counted, by
//! an allocator that wraps the system's: `{phase}_heap_bytes` is how much
//! more the heap holds after the phase than before (the result, for
//! compute), without the allocator's own overhead. Output is `key=value`
//! figures, for the script to tabulate.

use andel::plan::Format;
use andel::{Date, Decimal, Plan};
use std::alloc::{GlobalAlloc, Layout, System};
use std::fmt::Write;
use std::sync::atomic::{AtomicIsize, Ordering};
use std::time::Instant;

/// The system allocator, counting the bytes it holds.
struct Counting;

static HELD: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only a
// counter is updated beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HELD.fetch_add(
            new_size as isize - layout.size() as isize,
            Ordering::Relaxed,
        );
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let members: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(6_250);
    let years: u32 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(50);
    let mode = args.get(2).map_or("value", String::as_str);
    let json = args.iter().any(|a| a == "--json");
    println!("members={members} years={years} mode={mode}");

    let plan = match mode {
        "value" => full_series(Plan::from_toml(&plan_text(members, years)).expect("valid plan")),
        "toml" | "json" => {
            let (text, format) = if mode == "toml" {
                (plan_text(members, years), Format::Toml)
            } else {
                // Compact: the pretty JSON of `Plan::to_json` is over 16 MiB
                // at 100 000 members (21 MB), so it cannot be read back.
                let plan = Plan::from_toml(&plan_text(members, years)).expect("valid plan");
                let text = serde_json::to_string(&plan).expect("a plan serialises");
                (text, Format::Json)
            };
            println!("text_bytes={}", text.len());
            phase("read", || {
                Plan::read(&text, format).expect("the plan reads")
            })
        }
        other => panic!("unknown mode {other:?}: value, toml or json"),
    };
    println!("lines={}", plan.costs.len());

    let result = phase("compute", || plan.compute().expect("the plan computes"));
    let rows: usize = result.years.iter().map(|y| y.members.len()).sum();
    println!("member_rows={rows}");
    if json {
        let out = phase("json", || result.to_json());
        println!("json_bytes={}", out.len());
        // FNV-1a of the JSON, to see that two builds give the same result.
        let digest = out.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        println!("json_fnv1a={digest:016x}");
    }
}

/// Runs `f` and prints its wall and CPU time, the resident memory before
/// and after (what it keeps alive: its result), and the peak while it ran.
fn phase<T>(name: &str, f: impl FnOnce() -> T) -> T {
    Memory::reset_peak();
    let before = Memory::now();
    let held = HELD.load(Ordering::Relaxed);
    let cpu = cpu_seconds();
    let start = Instant::now();
    let value = f();
    let wall = start.elapsed().as_secs_f64();
    let cpu = cpu_seconds() - cpu;
    let after = Memory::now();
    let held = HELD.load(Ordering::Relaxed) - held;
    println!("{name}_s={wall:.3} {name}_cpu_s={cpu:.2}");
    println!("{name}_heap_bytes={held}");
    println!(
        "{name}_rss_before_kib={} {name}_rss_after_kib={} {name}_peak_kib={}",
        before.rss_kib, after.rss_kib, after.peak_kib
    );
    value
}

/// User and system CPU time of this process, from `/proc/self/stat` (in
/// clock ticks, 100 per second on Linux).
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name, which is in parentheses.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 here.
    (ticks(11) + ticks(12)) / 100.0
}

/// The plan as TOML: every member with one population figure (carried
/// forward), some joining or leaving during the horizon, and four indexed
/// cost lines with different keys and participants.
fn plan_text(members: usize, years: u32) -> String {
    let first = 2030;
    let last = first + years as i32 - 1;
    let mut t = format!(
        "format = 1\nname = \"limits\"\nfirst_year = {first}\nyears = {years}\n\
         [population]\ncarry_forward = true\n[indexation]\nrate = \"0.025\"\n"
    );
    let mut state: u64 = 7;
    for m in 0..members {
        state = lcg(state);
        let population = 2_000 + (state >> 33) % 200_000;
        let _ = writeln!(
            t,
            "[[members]]\nid = \"m{m}\"\nname = \"M{m}\"\nmetrics.population = {{ \"{}-12-31\" = {population} }}",
            first - 2
        );
        // One member in 50 joins mid-horizon, one in 70 leaves: their years
        // are pro rata, and the participants change from year to year.
        if m % 50 == 1 {
            let _ = writeln!(t, "joins = \"{}-07-01\"", first + (m as i32 % years as i32));
        } else if m % 70 == 2 {
            let _ = writeln!(
                t,
                "leaves = \"{}-03-31\"",
                first + (m as i32 % years as i32)
            );
        }
    }
    let third: Vec<String> = (0..members)
        .step_by(3)
        .map(|m| format!("\"m{m}\""))
        .collect();
    let lines = [
        ("per capita", ""),
        ("equal", "key = { type = \"equal\" }\n"),
        (
            "blend",
            "key = { type = \"blend\", parts = [{ weight = \"0.3\", key = { type = \"equal\" } }, \
             { weight = \"0.7\", key = { type = \"per_capita\" } }] }\n",
        ),
        ("working group", ""),
    ];
    for (l, (name, key)) in lines.iter().enumerate() {
        let _ = writeln!(
            t,
            "[[costs]]\nid = \"l{l}\"\nname = \"{name}\"\namount = \"{}\"\nfrom = {first}\nto = {last}\nindexed = true\n{key}",
            10_000_000 + l * 3_701_100
        );
        if *name == "working group" {
            let _ = writeln!(t, "participants = [{}]", third.join(", "));
        }
    }
    t
}

/// The plan with a population figure for every member and every year's
/// reference date, so nothing is carried forward.
fn full_series(mut plan: Plan) -> Plan {
    plan.population.carry_forward = false;
    let mut state: u64 = 11;
    for member in &mut plan.members {
        let series = member.metrics.entry("population".into()).or_default();
        let start = series
            .values()
            .next()
            .map_or(Decimal::from(10_000), |n| n.value());
        for y in 0..plan.years as i32 {
            state = lcg(state);
            let year = plan.first_year - 2 + y;
            let date = Date::new(year, 12, 31).expect("a date");
            let drift = Decimal::from((state >> 33) % 200) - Decimal::from(100);
            series.insert(date, (start + drift).into());
        }
    }
    plan
}

fn lcg(state: u64) -> u64 {
    state
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407)
}

/// Resident memory of this process, in KiB.
struct Memory {
    rss_kib: u64,
    peak_kib: u64,
}

impl Memory {
    fn now() -> Memory {
        let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
        let field = |name: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or(0)
        };
        Memory {
            rss_kib: field("VmRSS:"),
            peak_kib: field("VmHWM:"),
        }
    }

    /// Makes `VmHWM` start again from the current RSS (Linux 4.0+).
    fn reset_peak() {
        let _ = std::fs::write("/proc/self/clear_refs", "5");
    }
}
