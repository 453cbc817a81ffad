#!/usr/bin/env bash
# Slow fake: starts a child `sleep`, records its pid in the file given as first argument, then hangs 30 s.
cat >/dev/null
sleep 30 &
if [ -n "$1" ]; then echo $! > "$1"; fi
sleep 30
echo "Hey there, too late."
