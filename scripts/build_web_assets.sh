#!/usr/bin/env bash
# Rebuild the browser assets vendored in judge/web/static/vendor from web/ (pinned npm
# packages). Only a maintainer updating CodeMirror or uPlot runs this: the built files are
# committed, so users and CI never need Node.
set -euo pipefail
cd "$(dirname "$0")/../web"
npm ci --no-audit --no-fund
out=../judge/web/static/vendor
./node_modules/.bin/esbuild editor.js --bundle --minify --format=iife --target=es2020 \
    --legal-comments=none --outfile="$out/editor.js"
cp node_modules/uplot/dist/uPlot.iife.min.js "$out/uplot.js"
cp node_modules/uplot/dist/uPlot.min.css "$out/uplot.css"
{
    cd node_modules
    for package in codemirror @codemirror/* @lezer/* @marijn/* crelt style-mod w3c-keyname uplot; do
        for license in "$package"/LICENSE*; do
            [ -f "$license" ] || continue
            version=$(node -p "require('./$package/package.json').version")
            printf '=== %s %s\n\n' "$package" "$version"
            cat "$license"
            printf '\n'
        done
    done
    cd ..
} >"$out/LICENSES.txt"
ls -l "$out"
