#!/usr/bin/env bash
# Copies the README's screenshots from the last e2e run (tests/e2e/accessibility.test.mjs
# takes them at 360 x 740, light and dark; tests/e2e/present-session.test.mjs the
# slides at a projector's 1280 x 720). Run `make test` first.
set -euo pipefail
cd "$(dirname "$0")/.."
from=tests/e2e/artifacts/screens
for name in slides-national-picture slides-group-work slides-join slides-debrief speaker-notes home-light question-scenario-light feedback-scenario-wrong-light results-light progress-dark trainer-qr-light check-answers-light assessment-light feedback-match-wrong-dark present-light debrief-light records-light learn-national-picture-light about-light question-single-dark; do
  cp "$from/$name.png" "assets/screenshots/$name.png"
done
echo "Copied the README screenshots into assets/screenshots/."
