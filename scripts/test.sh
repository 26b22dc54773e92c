#!/usr/bin/env bash
# Run the whole test suite from a fresh clone: makes .venv, installs the package, gets Docker
# and the sandbox image ready when it can, then runs pytest with this script's arguments.
# Without a reachable Docker engine the docker tests are skipped, or fail if JUDGE_REQUIRE_DOCKER=1;
# without Chromium the browser tests of `judge serve` likewise (JUDGE_REQUIRE_BROWSER=1).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

note() { printf 'test.sh: %s\n' "$*" >&2; }
can_apt() { [[ $EUID -eq 0 ]] && command -v apt-get >/dev/null; }
apt_install() {
    note "installing $*"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
docker_up() { docker info >/dev/null 2>&1; }

if [[ ! -x .venv/bin/python ]]; then
    note "creating .venv"
    python3 -m venv .venv
fi
.venv/bin/pip install -q --disable-pip-version-check -e '.[dev]'

if ! docker_up; then
    if ! command -v dockerd >/dev/null && can_apt; then
        apt_install docker.io ca-certificates debootstrap || note "could not install docker.io"
    fi
    if command -v dockerd >/dev/null && [[ $EUID -eq 0 ]] && ! pgrep -x dockerd >/dev/null; then
        note "starting dockerd (log: /tmp/judge-dockerd.log)"
        nohup dockerd >/tmp/judge-dockerd.log 2>&1 &
        for _ in $(seq 60); do
            docker_up && break
            sleep 1
        done
    fi
fi

if docker_up; then
    tag=$(.venv/bin/python -c 'from judge.sandbox.image import image_tag; print(image_tag())')
    if ! docker image inspect "$tag" >/dev/null 2>&1; then
        note "building the sandbox image $tag"
        if ! .venv/bin/python -m judge.sandbox.image; then
            note "online build failed; building offline with debootstrap"
            if ! command -v debootstrap >/dev/null && can_apt; then
                apt_install debootstrap || note "could not install debootstrap"
            fi
            .venv/bin/python -m judge.sandbox.image --offline || note "sandbox image build failed"
        fi
    fi
elif [[ ${JUDGE_REQUIRE_DOCKER:-0} == 1 ]]; then
    note "Docker engine unreachable: the docker tests will FAIL (JUDGE_REQUIRE_DOCKER=1)"
else
    note "Docker engine unreachable: the docker tests will be skipped"
fi

# The browser tests drive the system's Chromium through Playwright (whose own browser
# download needs the internet): Debian's package, where this script may install it.
if ! command -v chromium >/dev/null && ! command -v chromium-browser >/dev/null && can_apt; then
    apt_install chromium || note "could not install chromium: the browser tests will skip or fail"
fi

# Two workers on two cores or more: much of the suite waits on containers, the rest is
# Hypothesis and the mutant gates. No more than two, so that the time verdicts the suite
# asserts never compete with many others for the CPU.
workers=0
[[ $(nproc) -ge 2 ]] && workers=2
exec .venv/bin/python -m pytest -n "$workers" "$@"
