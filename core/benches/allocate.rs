//! Criterion benchmark of `allocate` (largest remainder, unit 0.01).
use andel::{Allocator, Decimal};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

/// Deterministic integer weights like municipal populations (a small LCG,
/// so the benchmark needs no random-number crate and is repeatable).
fn weights(n: usize) -> Vec<Decimal> {
    let mut state: u64 = 0x2545_F491_4F6C_DD1D;
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            Decimal::from(2_000 + (state >> 33) % 1_000_000)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("allocate_largest_remainder");
    let total: Decimal = "123456789.01".parse().unwrap();
    let allocator = Allocator::new();
    for n in [10usize, 1_000, 1_000_000] {
        let w = weights(n);
        group.throughput(Throughput::Elements(n as u64));
        if n >= 1_000_000 {
            group.sample_size(10);
        }
        group.bench_with_input(BenchmarkId::from_parameter(n), &w, |b, w| {
            b.iter(|| allocator.allocate(black_box(total), black_box(w)).unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
