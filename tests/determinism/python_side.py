"""The Python side of the determinism check (tests/determinism/check.mjs).

Reads a JSON list of cases on stdin and writes, as one JSON object on stdout,
what the Python binding gives for each: for a plan, the text of
``andel.Plan.load(file).compute().to_json()`` unchanged; for an allocation,
``json.dumps(andel.explain(...).to_dict(), indent=2, ensure_ascii=False)``
(the layout of Rust's pretty JSON). A failure is reported as the case's
``error`` (code and message), so the checker shows it instead of a stack.
"""

import json
import sys

import andel


def run(case):
    if case["kind"] == "plan":
        return andel.Plan.load(case["file"]).compute().to_json()
    # Named weights come as [name, weight] pairs (a mapping here, in
    # order), unnamed ones as a list of weights.
    raw = case["weights"]
    weights = dict(raw) if raw and isinstance(raw[0], list) else raw
    split = andel.explain(
        case["total"],
        weights,
        unit=case["unit"],
        method=case["method"],
        first_divisor=case.get("firstDivisor"),
    )
    return json.dumps(split.to_dict(), indent=2, ensure_ascii=False)


def main():
    out = {}
    for case in json.load(sys.stdin):
        try:
            out[case["name"]] = {"text": run(case)}
        except Exception as err:  # reported per case, never swallowed
            out[case["name"]] = {"error": f"{type(err).__name__}: {getattr(err, 'code', '')} {err}"}
    json.dump(out, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
