//! andel's side of `scripts/bench`, the comparison with other tools: times
//! `allocate` on the jobs that `scripts/bench_peers.py` writes, the same
//! weights for every tool. Not a criterion benchmark (criterion's is
//! `allocate.rs`): the driver needs each result to check it and the times of
//! single calls to put beside the other runtimes', measured the same way.
//!
//! ```sh
//! cargo bench -p andel --bench peers -- target/bench-peers/jobs.json
//! ```
//!
//! For every job (a size, a method, a total and a unit, a file of weights)
//! and every way of calling andel: one warm-up call, then as many timed calls
//! as fit in about a second (at least 3, at most 51, an odd count; the same
//! rule as `runs_for` in scripts/bench_common.py). Prints one JSON line per
//! measurement and writes the parts, as counts of units, one per line, to a
//! file the driver compares with its exact reference.
use andel::{Allocator, Decimal, Method};
use serde_json::{Value, json};
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Instant;

type Failure = Box<dyn std::error::Error>;

struct Job {
    size: usize,
    method: Method,
    total: Decimal,
    unit: Decimal,
    weights: Vec<i64>,
}

fn main() -> Result<(), Failure> {
    // `cargo bench` adds `--bench` to the arguments; the job file is the rest.
    let path = std::env::args()
        .skip(1)
        .find(|a| !a.starts_with("--"))
        .ok_or("usage: peers JOBS.json")?;
    let spec: Value = serde_json::from_str(&std::fs::read_to_string(&path)?)?;
    let out_dir = PathBuf::from(spec["out_dir"].as_str().ok_or("out_dir")?);
    for job in spec["jobs"].as_array().ok_or("jobs")? {
        let job = read_job(job)?;
        decimals(&job, &out_dir)?;
        if job.method == Method::LargestRemainder {
            units(&job, &out_dir)?;
        }
    }
    Ok(())
}

fn read_job(job: &Value) -> Result<Job, Failure> {
    let text = |key: &str| job[key].as_str().ok_or_else(|| format!("job.{key}"));
    let weights = std::fs::read_to_string(text("weights_file")?)?
        .lines()
        .map(str::parse)
        .collect::<Result<Vec<i64>, _>>()?;
    Ok(Job {
        size: weights.len(),
        method: text("method")?.parse()?,
        total: text("total")?.parse()?,
        unit: text("unit")?.parse()?,
        weights,
    })
}

/// The main API: `Allocator::allocate`, weights and amounts as `Decimal`s
/// (the weights are made `Decimal`s before the timing).
fn decimals(job: &Job, out_dir: &Path) -> Result<(), Failure> {
    let allocator = Allocator::new().unit(job.unit).method(job.method);
    let weights: Vec<Decimal> = job.weights.iter().map(|&w| Decimal::from(w)).collect();
    let call = || allocator.allocate(black_box(job.total), black_box(&weights));
    let (amounts, times) = measure(call)?;
    let units = amounts
        .iter()
        .map(|a| (a / job.unit).trunc().to_string())
        .collect();
    report(
        job,
        "andel Rust: allocate (Decimal in and out)",
        &times,
        units,
        out_dir,
    )
}

/// The bulk path the Python binding takes for numpy arrays:
/// `Allocator::allocate_units`, integer weights in, counts of units out.
fn units(job: &Job, out_dir: &Path) -> Result<(), Failure> {
    let allocator = Allocator::new().unit(job.unit).method(job.method);
    let call = || allocator.allocate_units(black_box(job.total), black_box(&job.weights));
    let (parts, times) = measure(call)?;
    let units = parts.iter().map(i64::to_string).collect();
    report(
        job,
        "andel Rust: allocate_units (i64 in, units out)",
        &times,
        units,
        out_dir,
    )
}

/// One warm-up call (its result is the one checked), then the timed calls.
fn measure<T>(call: impl Fn() -> andel::Result<T>) -> Result<(T, Vec<f64>), Failure> {
    let start = Instant::now();
    let result = call()?;
    let first = start.elapsed().as_secs_f64();
    let runs = runs_for(first);
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs {
        let start = Instant::now();
        black_box(call()?);
        times.push(start.elapsed().as_secs_f64());
    }
    Ok((result, times))
}

/// scripts/bench_common.py's `runs_for`: about a second's worth, 3 to 51, odd.
fn runs_for(first_call_s: f64) -> usize {
    let n = ((1.0 / first_call_s.max(1e-9)) as usize).clamp(3, 51);
    if n % 2 == 1 { n } else { n + 1 }
}

fn report(
    job: &Job,
    implementation: &str,
    times: &[f64],
    units: Vec<String>,
    out_dir: &Path,
) -> Result<(), Failure> {
    let slug: String = implementation
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let file = out_dir.join(format!("rust-{slug}-{}-{}.txt", job.method, job.size));
    std::fs::write(&file, units.join("\n") + "\n")?;
    let line = json!({
        "impl": implementation,
        "runtime": "rust",
        "method": job.method.to_string(),
        "size": job.size,
        "times": times,
        "units_file": file,
    });
    println!("{line}");
    Ok(())
}
