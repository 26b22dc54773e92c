#!/usr/bin/env bash
# First contact: set up .venv, install judge, and judge a sample submission with `judge run`.
# Uses the Docker sandbox when an engine answers (building the image if it can), otherwise the
# process fallback, which says so in a one-line notice.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

note() { printf 'try.sh: %s\n' "$*" >&2; }

if [[ ! -x .venv/bin/python ]]; then
    note "creating .venv"
    python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -e .

if docker info >/dev/null 2>&1; then
    tag=$(.venv/bin/python -c 'from judge.sandbox.image import image_tag; print(image_tag())')
    if ! docker image inspect "$tag" >/dev/null 2>&1; then
        note "building the sandbox image $tag (once)"
        .venv/bin/judge sandbox build || .venv/bin/judge sandbox build --offline ||
            note "could not build the image: judging in the process sandbox instead"
    fi
fi

note "judging solutions/two-sum/accepted/hash_map.py against problems/two-sum"
exec .venv/bin/judge run problems/two-sum solutions/two-sum/accepted/hash_map.py "$@"
