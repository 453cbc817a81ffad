#!/usr/bin/env bash
# Good fake that takes 1 s and appends a line per run to the file given as first argument.
cat >/dev/null
if [ -n "$1" ]; then echo run >> "$1"; fi
sleep 1
echo "Hey there, saw your builds in the group. We are ScopeLock, helping junior devs ship real projects with AI. Want to hear more?"
