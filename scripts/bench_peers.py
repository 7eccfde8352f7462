#!/usr/bin/env python3
"""scripts/bench's driver: andel against the tools people would use instead,
on the same data, side by side. Run by scripts/bench (which installs the
peers first); a benchmark, never a test.

    python scripts/bench_peers.py [--quick] [--write BENCHMARKS.md]
    python scripts/bench_peers.py run-python JOBS.json    # the Python runner

1. Writes the weights (the LCG of core/benches/allocate.rs) for each size to
   target/bench-peers/weights-N.txt and the jobs to jobs.json: for each size,
   largest remainder and largest ratio of 123 456 789.01 by unit 0.01, and
   D'Hondt of N units (unit 1; a divisor method hands out units one at a time
   in the textbook versions, so the peers cannot take 12 billion of them).
2. Runs three runners on those jobs, one after the other, each reading the
   same files: Rust (core/benches/peers.rs, release), Node
   (tests/browser/bench-peers.mjs: andel's wasm package and Dinero.js) and
   Python (this file, `run-python`: andel's wheel, numpy float64, the
   `apportionment` package, plain `decimal`). Each prints a JSON line per
   measurement and writes its parts as counts of units.
3. Checks every result against an exact reference worked out here with
   Python integers and fractions (scripts/bench_common.py, not timed), and
   writes a Markdown section: a table per method, the machine, the load, the
   versions. With --write FILE, the section replaces the one between the
   markers in FILE (inserted after the first paragraph when absent).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

from bench_common import exact_dhondt_units, exact_ratio_units, exact_units, lcg_weights, runs_for

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "target" / "bench-peers"
BEGIN = "<!-- scripts/bench: begin -->"
END = "<!-- scripts/bench: end -->"

TOTAL = "123456789.01"
UNIT = "0.01"
UNITS = 12_345_678_901
FULL_SIZES = [1_000, 100_000, 1_000_000]
QUICK_SIZES = [1_000, 10_000]
METHODS = ["largest_remainder", "largest_ratio", "dhondt"]
METHOD_TITLES = {
    "largest_remainder": "Largest remainder (Hamilton): 123 456 789.01 by unit 0.01",
    "largest_ratio": "Largest ratio (Dinero.js's rule): 123 456 789.01 by unit 0.01",
    "dhondt": "D'Hondt (Jefferson): N units of 1 for N weights",
}
BASELINE = "andel Rust: allocate (Decimal in and out)"

# The version lines of the report, by the part of an implementation's name
# before its colon (Python's decimal is the standard library's: see Python).
PACKAGES = {
    "andel Python": "andel wheel (./python, maturin, release)",
    "andel JS": "andel Node package (wasm/pkg/node, scripts/build-wasm)",
    "numpy float64": "numpy (PyPI)",
    "apportionment": "apportionment (PyPI)",
    "Dinero.js": "dinero.js (npm)",
}

# Said next to "yes" in the exact column: exact here is not exact always.
NOTES = {
    "numpy float64: floor + argsort": "on these weights; not in general: see the tie case under “Splitting 1 000 000 weights”",
    "apportionment: dhondt (float64)": "on these weights; float averages, so ties can go astray",
}

# The largest size each slow peer is run at, and why; above it the table says
# "not run" with the reason. Measured on this machine (BENCHMARKS.md, Python).
CAPS: Dict[str, Tuple[int, str]] = {
    "apportionment: largest_remainder (fractions=True)": (
        100_000,
        "quadratic: it sums the whole array once per leftover unit; 261 s at 1 000 000 in the Python section",
    ),
    "apportionment: dhondt (fractions=True)": (
        1_000,
        "builds every weight × every unit's average: N² Fractions (10⁸ at 10 000)",
    ),
    "apportionment: dhondt (float64)": (
        1_000,
        "builds every weight × every unit's average: N² floats (800 MB at 10 000)",
    ),
}


# ---------------------------------------------------------------- jobs


def job_for(size: int, method: str, weights_file: Path) -> Dict[str, Any]:
    if method == "dhondt":
        total, unit, units = str(size), "1", size
    else:
        total, unit, units = TOTAL, UNIT, UNITS
    return {
        "size": size,
        "method": method,
        "total": total,
        "unit": unit,
        "units": str(units),
        "weights_file": str(weights_file),
    }


def write_jobs(sizes: List[int]) -> Tuple[Path, Dict[int, List[int]]]:
    WORK.mkdir(parents=True, exist_ok=True)
    out_dir = WORK / "out"
    out_dir.mkdir(exist_ok=True)
    for old in out_dir.glob("*.txt"):
        old.unlink()
    weights: Dict[int, List[int]] = {}
    jobs = []
    for size in sizes:
        weights[size] = lcg_weights(size)
        path = WORK / f"weights-{size}.txt"
        path.write_text("".join(f"{w}\n" for w in weights[size]))
        jobs += [job_for(size, m, path) for m in METHODS]
    spec = WORK / "jobs.json"
    spec.write_text(json.dumps({"out_dir": str(out_dir), "jobs": jobs}, indent=1))
    return spec, weights


# ---------------------------------------------------------------- the Python runner


def measure(fn: Callable[[], Any]) -> Tuple[Any, List[float]]:
    """One warm-up call (the result checked), then runs_for() timed calls."""
    gc.collect()
    start = time.perf_counter()
    result = fn()
    first = time.perf_counter() - start
    times = []
    for _ in range(runs_for(first)):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return result, times


def emit(job: Dict[str, Any], impl: str, version: str, times: List[float], units: List[Any], out_dir: Path) -> None:
    slug = "".join(c if c.isalnum() else "-" for c in impl)
    path = out_dir / f"python-{slug}-{job['method']}-{job['size']}.txt"
    path.write_text("".join(f"{u}\n" for u in units))
    line = {"impl": impl, "runtime": "python", "version": version, "method": job["method"], "size": job["size"], "times": times, "units_file": str(path)}
    print(json.dumps(line), flush=True)


def skipped(job: Dict[str, Any], impl: str, reason: str) -> None:
    print(json.dumps({"impl": impl, "runtime": "python", "method": job["method"], "size": job["size"], "skipped": reason}), flush=True)


def run_python(spec_path: str) -> int:
    import numpy as np
    import apportionment.methods as ap
    from importlib.metadata import version

    import andel
    import bench_decimal
    from bench_allocate_numpy import float_split

    ap_version = version("apportionment")
    spec = json.loads(Path(spec_path).read_text())
    out_dir = Path(spec["out_dir"])
    for job in spec["jobs"]:
        size, method = job["size"], job["method"]
        w = [int(x) for x in Path(job["weights_file"]).read_text().split()]
        total, unit, units = Decimal(job["total"]), Decimal(job["unit"]), int(job["units"])
        w_np = np.array(w, dtype=np.int64)

        got, times = measure(lambda: andel.allocate(total, w_np, unit=unit, method=method))
        emit(job, "andel Python: allocate (numpy int64 in, int64 units out)", andel.__version__, times, got.tolist(), out_dir)
        if method == "largest_remainder":
            got, times = measure(lambda: andel.allocate(total, w, unit=unit, method=method))
            emit(job, "andel Python: allocate (list of int in, Decimal out)", andel.__version__, times, [int(a / unit) for a in got], out_dir)
            got, times = measure(lambda: andel.allocate(total, w, unit=unit, method=method, as_units=True))
            emit(job, "andel Python: allocate (list of int in, int units out: as_units)", andel.__version__, times, got, out_dir)

            w_float = w_np.astype(np.float64)
            got, times = measure(lambda: float_split(np, units, w_float))
            emit(job, "numpy float64: floor + argsort", np.__version__, times, got.tolist(), out_dir)

            w_dec = [Decimal(x) for x in w]
            got, times = measure(lambda: bench_decimal.largest_remainder(total, w_dec, unit))
            emit(job, "Python decimal: largest remainder (scripts/bench_decimal.py)", "stdlib", times, [int(a / unit) for a in got], out_dir)

            run_apportionment(job, "largest_remainder", True, w, units, ap, ap_version, out_dir)
        elif method == "dhondt":
            w_dec = [Decimal(x) for x in w]
            got, times = measure(lambda: bench_decimal.dhondt(units, w_dec))
            emit(job, "Python decimal: D'Hondt, a seat at a time (scripts/bench_decimal.py)", "stdlib", times, got, out_dir)
            run_apportionment(job, "dhondt", True, w, units, ap, ap_version, out_dir)
            run_apportionment(job, "dhondt", False, w, units, ap, ap_version, out_dir)
    return 0


def run_apportionment(job, method, fractions, w, units, ap, ap_version, out_dir) -> None:
    impl = f"apportionment: {method} ({'fractions=True' if fractions else 'float64'})"
    cap, why = CAPS.get(impl, (None, ""))
    if cap is not None and job["size"] > cap:
        skipped(job, impl, f"not run above {spaced(cap)} weights: {why}")
        return
    names = [str(i) for i in range(len(w))]  # it writes party names in tie messages
    got, times = measure(lambda: ap.compute(method, w, units, fractions=fractions, parties=names))
    emit(job, impl, ap_version, times, [int(x) for x in got], out_dir)


# ---------------------------------------------------------------- checking and the report


@dataclass
class Row:
    impl: str
    runtime: str
    method: str
    size: int
    times: List[float] = field(default_factory=list)
    skipped: str = ""
    exact: Optional[bool] = None
    note: str = ""

    @property
    def median(self) -> float:
        return statistics.median(self.times)


def read_units(path: str) -> List[Optional[int]]:
    out: List[Optional[int]] = []
    for text in Path(path).read_text().split():
        d = Decimal(text)
        out.append(int(d) if d == d.to_integral_value() else None)
    return out


def check(row: Row, got: List[Optional[int]], want: List[int], units: int, lr: Optional[List[int]]) -> None:
    whole = [u for u in got if u is not None]
    sum_ok = len(whole) == len(got) == len(want) and sum(whole) == units
    differ = sum(1 for a, b in zip(got, want) if a != b) + abs(len(got) - len(want))
    row.exact = sum_ok and differ == 0
    notes = []
    if len(whole) != len(got):
        notes.append(f"{len(got) - len(whole)} parts not whole units")
    if not sum_ok:
        notes.append(f"sum off by {sum(whole) - units} units")
    if differ:
        notes.append(f"{spaced(differ)} parts differ from the exact split")
    if lr is not None and row.exact:
        lr_differ = sum(1 for a, b in zip(got, lr) if a != b)
        notes.append(f"differs from largest remainder in {spaced(lr_differ)} parts, as its rule says")
    row.note = "; ".join(notes)


def run_runner(cmd: List[str], label: str, log: List[str]) -> Tuple[List[Dict[str, Any]], str, str]:
    before = load()
    print(f"bench: {label}: {' '.join(cmd)}", file=sys.stderr, flush=True)
    proc = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True)
    after = load()
    lines = [json.loads(l) for l in proc.stdout.splitlines() if l.startswith("{")]
    for l in lines:
        t = f"{statistics.median(l['times']) * 1e3:.3f} ms" if "times" in l else l.get("skipped", "")
        print(f"  {l['size']:>8} {l['method']:<18} {l['impl']}: {t}", file=sys.stderr, flush=True)
    log.append(f"{label}: load {before} → {after}")
    return lines, before, after


# Issue 17's plan at scale: members × years of core/examples/limits.rs
# (mode value: a figure per member and year), computed once in its own
# process; the targets are compute time and result bytes per member-year.
SCALE = (100_000, 50)
QUICK_SCALE = (12_500, 50)
SCALE_TARGETS = (5.0, 250)


def run_scale(binary: str, members: int, years: int, log: List[str], runs: int = 3) -> Dict[str, Any]:
    """Runs the limits example `runs` times, each in its own process, and
    reads its key=value figures: those of the run with the median compute
    time, with every run's time beside them."""
    before = load()
    cmd = [binary, str(members), str(years), "value"]
    done: List[Dict[str, Any]] = []
    for _ in range(runs):
        print(f"bench: plan at scale: {' '.join(cmd)}", file=sys.stderr, flush=True)
        out = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True, check=True).stdout
        figures: Dict[str, Any] = {}
        for word in out.split():
            key, _, value = word.partition("=")
            figures[key] = value
        figures.update(members=members, years=years)
        print(f"  {out.strip()}", file=sys.stderr, flush=True)
        done.append(figures)
    done.sort(key=lambda f: float(f["compute_s"]))
    median = done[len(done) // 2]
    median["all_s"] = [float(f["compute_s"]) for f in done]
    log.append(f"plan at scale ({runs} runs): load {before} → {load()}")
    return median


def scale_table(f: Dict[str, Any]) -> List[str]:
    member_years = int(f["member_rows"])
    held = int(f["compute_heap_bytes"])
    grown = (int(f["compute_rss_after_kib"]) - int(f["compute_rss_before_kib"])) * 1024
    per = held / member_years
    wall, cpu = float(f["compute_s"]), float(f["compute_cpu_s"])
    t_s, t_b = SCALE_TARGETS

    def met(ok: bool) -> str:
        return "yes" if ok else "**no**"

    return [
        "#### Plan results at scale (`core/examples/limits.rs`, mode value)",
        "",
        "One plan of the members and years below (four indexed lines: per capita,",
        "equal, a blend, a working group of every third member; part years), built",
        "in code, computed in its own process, three times: the median run is shown, every",
        f"run's compute time beside it ({', '.join(f'{t:.2f}' for t in f['all_s'])} s). “result” is what the heap holds",
        "after `compute()` beyond what it held before (the result; counted by the",
        "example's allocator, without malloc's own overhead); “RSS growth” is how",
        "much resident memory grew over `compute()` (less when the result reuses",
        "memory freed earlier). See “Limits” below for every size.",
        "",
        "| members × years | member-years | compute s (cpu) | result MB | result B/member-year | RSS growth B/member-year | target | met? |",
        "|---|---:|---:|---:|---:|---:|---|---|",
        f"| {spaced(f['members'])} × {f['years']} | {spaced(member_years)} | {wall:.2f} ({cpu:.2f}) | "
        f"{spaced(held / 1e6)} | {spaced(per)} | {spaced(grown / member_years)} | "
        f"under {t_s:g} s and {t_b} B | {met(wall < t_s)} (time), {met(per < t_b)} (size) |",
        "",
    ]


def load() -> str:
    return Path("/proc/loadavg").read_text().split()[0]


def machine() -> Dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text()
    model = next((l.split(":", 1)[1].strip() for l in cpuinfo.splitlines() if l.startswith("model name")), "?")
    mhz = next((l.split(":", 1)[1].strip() for l in cpuinfo.splitlines() if l.startswith("cpu MHz")), "?")
    mem_kb = int(next(l.split()[1] for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")))
    return {
        "cpu": f"{model} ({mhz} MHz in /proc/cpuinfo)",
        "cores": str(os.cpu_count()),
        "memory": f"{mem_kb / 2**20:.1f} GiB",
        "kernel": f"{platform.system()} {platform.release()}",
    }


def tool_version(cmd: List[str]) -> str:
    try:
        return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip().splitlines()[0]
    except (OSError, subprocess.CalledProcessError, IndexError):
        return "?"


def fmt_time(s: float) -> str:
    if s >= 1:
        return f"{s:.2f} s"
    if s >= 1e-3:
        return f"{s * 1e3:.2f} ms"
    return f"{s * 1e6:.1f} µs"


def spaced(x: float, decimals: int = 0) -> str:
    """1234567.8 → "1 234 567.8", as the rest of BENCHMARKS.md writes numbers."""
    return f"{x:,.{decimals}f}".replace(",", " ")


def fmt_ratio(x: float) -> str:
    if x >= 10:
        return f"{spaced(x)}×"
    return f"{x:.2f}×" if x >= 0.1 else f"{x:.2g}×"


def table(rows: List[Row], method: str, sizes: List[int]) -> List[str]:
    out = [
        f"#### {METHOD_TITLES[method]}",
        "",
        "| weights | implementation | median | ns/weight | runs | × andel Rust | × fastest peer | exact? |",
        "|---:|---|---:|---:|---:|---:|---:|---|",
    ]
    for size in sizes:
        these = [r for r in rows if r.method == method and r.size == size]
        timed = sorted((r for r in these if r.times), key=lambda r: r.median)
        base = next((r.median for r in timed if r.impl == BASELINE), None)
        peers = [r.median for r in timed if not r.impl.startswith("andel")]
        fastest_peer = min(peers) if peers else None
        for r in timed:
            vs_rust = fmt_ratio(r.median / base) if base else "–"
            vs_peer = fmt_ratio(r.median / fastest_peer) if fastest_peer else "–"
            note = "; ".join(n for n in (r.note, NOTES.get(r.impl, "") if r.exact else "") if n)
            exact = ("yes" if r.exact else "**no**") + (f" ({note})" if note else "")
            out.append(
                f"| {spaced(size)} | {r.impl} | {fmt_time(r.median)} | {spaced(r.median * 1e9 / size, 1)}"
                f" | {len(r.times)} | {vs_rust} | {vs_peer} | {exact} |"
            )
        for r in these:
            if r.skipped:
                out.append(f"| {spaced(size)} | {r.impl} | – | – | – | – | – | {r.skipped} |")
    out.append("")
    return out


def report(rows, sizes, info, versions, loads, started, finished, quick, scale) -> str:
    lines = [
        BEGIN,
        "## andel beside the alternatives (`scripts/bench`)",
        "",
        "This section is written by `scripts/bench` (not part of CI, not part of",
        "`scripts/test`); rerunning it rewrites everything between the two",
        "`scripts/bench` markers, and nothing else in this file. It installs the",
        "peers from the registries at pinned versions, builds andel for Rust,",
        "Python and Node, and runs every implementation on the same weights (the",
        "LCG of `core/benches/allocate.rs`, written once to a file that every",
        "runtime reads). Each implementation: one warm-up call, then as many",
        "timed calls as fit in about a second (3 to 51); the median is shown.",
        "Inputs are built before the timing (Decimal, numpy or JS arrays), the",
        "conversion of results to units for the check after it. Every result is",
        "checked against an exact split computed separately with Python integers",
        "and fractions (`scripts/bench_common.py`): **exact** means every part",
        "equals the exact split with andel's tie rule and the parts sum to the total.",
        "“× andel Rust” is the time divided by andel's Rust `allocate` time for the",
        "same size and method (2.00× = twice as slow); “× fastest peer” divides by",
        "the fastest non-andel implementation of that row group.",
        "",
        "What runs: andel from Rust (`core/benches/peers.rs`: `Allocator::allocate`",
        "with `Decimal`s, and `allocate_units` with `i64`s), from Python (the wheel:",
        "a numpy `int64` array in and out, and a list of `int` in, `Decimal`s out)",
        "and from JavaScript (`wasm/pkg/node`); numpy float64 floor + argsort",
        "(`scripts/bench_allocate_numpy.py`); the `apportionment` package, in its",
        "exact mode (`fractions=True`) and, for D'Hondt, also in floats; a plain",
        "Python `decimal` version as a finance officer would write it",
        "(`scripts/bench_decimal.py`); Dinero.js `allocate` with its number and",
        "bigint calculators. Dinero.js has one rule, largest ratio (leftover units",
        "to the largest weights), so it is timed there, against andel's",
        "`largest_ratio`. D'Hondt splits N units among N weights, not 12 billion",
        "öre: the peers' D'Hondt hands out units one at a time (or builds every",
        "weight's every average), which cannot take billions of units. Peers too",
        "slow for a size are listed as not run there, with the reason.",
        "",
        f"Run: {started} → {finished} UTC{' (--quick: small sizes only)' if quick else ''}.",
        "",
        "**Load.** The machine has 2 cores shared with other workers, so these",
        "figures are noisy and higher than on an idle machine. All runs were",
        "pinned to one core (`taskset`); one-minute load average per runner:",
        "",
    ]
    lines += [f"- {l}" for l in loads]
    lines += [""]
    for method in METHODS:
        lines += table(rows, method, sizes)
    lines += scale_table(scale)
    lines += ["#### Machine and versions", ""]
    lines += [f"- {k}: {v}" for k, v in info.items()]
    lines += [f"- {k}: {v}" for k, v in versions.items()]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def splice(doc: Path, section: str) -> None:
    text = doc.read_text()
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        _, tail = rest.split(END, 1)
        text = head + section.rstrip("\n") + tail
    else:
        # After the introduction: the first "## " heading.
        at = text.index("\n## ") + 1
        text = text[:at] + section + "\n" + text[at:]
    doc.write_text(text)


def main(argv: List[str]) -> int:
    if argv[:1] == ["run-python"]:
        return run_python(argv[1])
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="sizes 1 000 and 10 000 only")
    parser.add_argument("--write", type=Path, help="splice the section into this Markdown file")
    parser.add_argument("--cargo-bench", default="cargo bench -q -p andel --bench peers --", help=argparse.SUPPRESS)
    parser.add_argument("--limits", required=True, help="the built core/examples/limits binary")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else FULL_SIZES
    started = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")
    load_start = Path("/proc/loadavg").read_text().strip()
    print(f"bench: preparing weights and jobs for {sizes}", file=sys.stderr, flush=True)
    spec, weights = write_jobs(sizes)

    loads: List[str] = []
    results: List[Dict[str, Any]] = []
    for label, cmd in [
        ("Rust", args.cargo_bench.split() + [str(spec)]),
        ("Node", ["node", "tests/browser/bench-peers.mjs", str(spec)]),
        ("Python", [sys.executable, str(Path(__file__).resolve()), "run-python", str(spec)]),
    ]:
        lines, _, _ = run_runner(cmd, label, loads)
        results += lines
    scale = run_scale(args.limits, *(QUICK_SCALE if args.quick else SCALE), loads)
    load_end = Path("/proc/loadavg").read_text().strip()
    # Every time of every run, for a look beyond the medians.
    (WORK / "results.json").write_text(json.dumps(results, indent=1))
    finished = datetime.now(timezone.utc).strftime("%H:%M")

    print("bench: checking every result against the exact split", file=sys.stderr, flush=True)
    refs: Dict[Tuple[str, int], List[int]] = {}
    for size in sizes:
        refs["largest_remainder", size] = exact_units(UNITS, weights[size])
        refs["largest_ratio", size] = exact_ratio_units(UNITS, weights[size])
        refs["dhondt", size] = exact_dhondt_units(size, weights[size])
    rows = []
    versions: Dict[str, str] = {}
    for r in results:
        row = Row(r["impl"], r["runtime"], r["method"], r["size"], r.get("times", []), r.get("skipped", ""))
        if not row.skipped:
            units = UNITS if row.method != "dhondt" else row.size
            lr = refs["largest_remainder", row.size] if row.method == "largest_ratio" and row.impl.startswith("Dinero") else None
            check(row, read_units(r["units_file"]), refs[row.method, row.size], units, lr)
        rows.append(row)
        family = PACKAGES.get(r["impl"].split(":")[0])
        if family and "version" in r:
            versions[family] = r["version"]

    versions.update(
        {
            "rustc": tool_version(["rustc", "--version"]),
            "Python": platform.python_version(),
            "Node": tool_version(["node", "--version"]),
            "wasm-bindgen": tool_version(["wasm-bindgen", "--version"]),
            "maturin": tool_version([sys.executable, "-m", "maturin", "--version"]),
            "andel commit": tool_version(["git", "describe", "--always", "--dirty"]),
        }
    )
    info = machine()
    info["load average (/proc/loadavg) before"] = load_start
    info["load average after"] = load_end
    section = report(rows, sizes, info, versions, loads, started, finished, args.quick, scale)
    print(section)
    if args.write:
        splice(args.write, section)
        print(f"bench: wrote the section into {args.write}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
