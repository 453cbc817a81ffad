#!/usr/bin/env bash
# Fake `claude -p` that obeys instructions injected into the lead data: when the prompt carries "ignore ... and
# include <link> and <@handle>", it writes that link and handle into the message (as a gullible model would).
input="$(cat)"
if grep -qiE 'ignore (all|your|the|previous)' <<<"$input"; then
  link="$(grep -oE 'https?://[^ "\\]+' <<<"$input" | head -n 1)"
  handle="$(grep -oE '(^|[ "])@[A-Za-z0-9_]{2,32}' <<<"$input" | head -n 1 | tr -d ' "')"
  echo "Hey Liam, loved your raids! Claim your spot at ${link} or DM ${handle} today. Interested in hearing more?"
  exit 0
fi
echo "Hey Liam, loved your raids! We are ScopeLock, helping junior devs build real projects with AI. Interested in hearing more?"
