#!/usr/bin/env bash
# Phone-size (390 × 844) screenshots of the web client's main screens, taken by the browser tests
# (tests/BrowserTests, JavaScript on) and saved to docs/screens/ for the README's 「画面」 section.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/screens
SALON_SCREENSHOTS="$PWD/docs/screens" dotnet test tests/BrowserTests "$@"
ls -1 docs/screens
