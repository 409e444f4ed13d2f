#!/usr/bin/env bash
# Rebuild analysis/assets/plotly-report.min.js: plotly.js with only the trace types the
# offline report (`newsdesk report`, analysis/report.py) draws, so the page parses and
# starts far less JavaScript (1.4 MB instead of plotly's full 4.8 MB).  Maintainer step
# only: the built file and its manifest (analysis/assets/plotly-report.json: plotly.js
# version, trace types, sha256) are committed, so users and CI need no node.
#
# Needs node (>= 20; plotly.js 4 asks for 22 but only for its own build tools) and npm
# with access to the npm registry.  From the repository root:
#
#     bash tools/plotly_bundle/build.sh           # install the pinned packages, rebuild
#     bash tools/plotly_bundle/build.sh --check   # rebuild into a temp dir, compare
#
# When to rebuild:
#   - plotly (python) was upgraded: set "plotly.js" in package.json to exactly
#     `.venv/bin/python -c "import plotly.offline as o; print(o.get_plotlyjs_version())"`,
#     run `npm install` here (updates package-lock.json), then this script.  Until then
#     the report sees the version mismatch and inlines the full plotly.js instead.
#   - a report figure uses a new trace type: add it to entry.js and to TRACES in
#     build.js (until then the report falls back to the full plotly.js, with a log note).
# Then: .venv/bin/pytest tests/test_report_bundle.py tests/test_browser.py -q
set -euo pipefail
cd "$(dirname "$0")"
npm ci --ignore-scripts --no-audit --no-fund
if [[ "${1:-}" == "--check" ]]; then
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  node build.js "$tmp"
  for f in plotly-report.min.js plotly-report.json; do
    if ! cmp -s "$tmp/$f" "../../analysis/assets/$f"; then
      echo "analysis/assets/$f is not what tools/plotly_bundle builds: run build.sh" >&2
      exit 1
    fi
  done
  echo "analysis/assets/plotly-report.* match a fresh build"
else
  node build.js
fi
