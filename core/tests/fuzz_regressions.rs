//! Replays every input the fuzz targets found (`fuzz/regressions/<target>/`)
//! on stable, with the same invariants the targets assert
//! (`core/tests/invariants/mod.rs`). See `docs/fuzzing.md`.

mod invariants;

use andel::Plan;
use andel::plan::Format;
use std::path::PathBuf;

/// The committed inputs of one target, sorted by name.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/regressions")
        .join(target);
    let entries =
        std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    let mut out: Vec<(String, Vec<u8>)> = entries
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|n| !n.to_string_lossy().starts_with('.'))
        })
        .map(|path| {
            let bytes = std::fs::read(&path).expect("readable input");
            (path.display().to_string(), bytes)
        })
        .collect();
    out.sort();
    out
}

/// Runs `check` on each input, naming the input that broke an invariant.
fn replay(target: &str, check: impl Fn(&[u8])) {
    for (name, bytes) in inputs(target) {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(&bytes)));
        assert!(outcome.is_ok(), "{name} breaks an invariant (see above)");
    }
}

fn text_plan(bytes: &[u8], format: Format) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        invariants::plan_text(text, format);
    }
}

#[test]
fn plan_toml_findings() {
    replay("plan_toml", |b| text_plan(b, Format::Toml));
}

#[test]
fn plan_json_findings() {
    replay("plan_json", |b| text_plan(b, Format::Json));
}

/// plan_compute findings are kept as the generated plan's JSON, so they
/// need no fuzzing crate to rebuild.
#[test]
fn plan_compute_findings() {
    replay("plan_compute", |b| {
        let text = std::str::from_utf8(b).expect("plan_compute findings are JSON");
        invariants::plan_text(text, Format::Json);
        if let Ok(plan) = Plan::from_json(text) {
            invariants::plan_value(&plan);
            // The annual cycle, with the plan as its own scenario.
            invariants::plan_cycle(&plan, &plan);
        }
    });
}

#[test]
fn allocate_findings() {
    replay("allocate", |b| match invariants::decode_allocate(b) {
        Some(Ok(case)) => {
            // Shown only when the case fails: the decoded values.
            eprintln!("{case:?}");
            invariants::allocate_case(&case)
        }
        Some(Err(e)) => invariants::assert_code(&e),
        None => {}
    });
}
