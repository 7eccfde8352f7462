#!/usr/bin/env bash
# A stand-in for the andel CLI that changes one figure, so that
# scripts/test-determinism can show the checker catches a difference:
# it runs the real CLI ($ANDEL_REAL) and, for `plan examples/tillvaxtmotor.toml`
# only, puts a "1" in front of the first member contribution, and for an
# `allocate` by huntington_hill, in front of the first part's amount.
set -euo pipefail
if [[ ${1-} == plan && ${2-} == examples/tillvaxtmotor.toml ]]; then
    "$ANDEL_REAL" "$@" | sed '0,/"contribution": "/s//"contribution": "1/'
elif [[ ${1-} == allocate && " $* " == *" huntington_hill "* ]]; then
    "$ANDEL_REAL" "$@" | sed '0,/"amount": "/s//"amount": "1/'
else
    exec "$ANDEL_REAL" "$@"
fi
