//! `allocate`, `explain`, `allocate_units` and `round_to_unit` on arbitrary
//! totals, weights, units, methods, first divisors and rounding modes; the
//! invariants are in `core/tests/invariants/mod.rs`.
#![no_main]

#[path = "../../core/tests/invariants/mod.rs"]
mod invariants;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match invariants::decode_allocate(data) {
        Some(Ok(case)) => invariants::allocate_case(&case),
        Some(Err(e)) => invariants::assert_code(&e),
        None => {}
    }
});
