#!/usr/bin/env bash
# Fast good fake of `claude -p`: reads the prompt on stdin, answers a valid message (or a label as JSON).
# Ignores its arguments (the real CLI's flags are passed through).
input="$(cat)"
if grep -q 'CLI-FAIL' <<<"$input"; then
  exit 1 # lets a test reach the rules through the service (a label request whose text says CLI-FAIL)
fi
if grep -q '"sentiment"' <<<"$input"; then
  echo '{"sentiment":"positive","intent":"interested"}'
  exit 0
fi
name="$(sed -n 's/^name: "\([^" ]*\).*$/\1/p' <<<"$input" | head -n 1)"
printf 'Hey %s, saw your raid updates in the group, love the hustle. We are ScopeLock, an AI-human agency helping junior devs build real client projects with AI guidance. Interested in hearing more?\n' "${name:-there}"
