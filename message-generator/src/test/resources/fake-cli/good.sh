#!/usr/bin/env bash
# Fast good fake of `claude -p`: reads the prompt on stdin, answers a valid message (or a label as JSON).
# Ignores its other arguments (the real CLI's flags are passed through). `good.sh auth status` answers like the
# real CLI 2.1.332 with a token in its environment.
if [ "${1:-}" = auth ] && [ "${2:-}" = status ]; then
  printf '{\n  "loggedIn": true,\n  "authMethod": "oauth_token",\n  "apiProvider": "firstParty"\n}\n'
  exit 0
fi
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
