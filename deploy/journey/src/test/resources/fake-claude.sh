#!/usr/bin/env bash
# A fake of `claude -p` for the journey (the real CLI is not installed): reads the prompt on stdin and answers a
# valid first message, or a reply label as JSON when the prompt asks for sentiment/intent. Ignores its arguments.
input="$(cat)"
if grep -q '"sentiment"' <<<"$input"; then
  echo '{"sentiment":"positive","intent":"interested"}'
  exit 0
fi
name="$(sed -n 's/^name: "\([^" ]*\).*$/\1/p' <<<"$input" | head -n 1)"
printf 'Hey %s, saw your raid updates in the group, love the hustle. We are ScopeLock, an AI-human agency helping junior devs build real client projects with AI guidance. Interested in hearing more?\n' "${name:-there}"
