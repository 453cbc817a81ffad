#!/usr/bin/env bash
# Fake that always answers more than 500 characters; appends a line to the file given as first argument per run.
cat >/dev/null
if [ -n "$1" ]; then echo run >> "$1"; fi
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do
  printf 'This sentence is here to make the message far too long for Telegram outreach. '
done
echo
