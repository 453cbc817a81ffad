#!/usr/bin/env bash
# Fake that never reads stdin and answers at once.
echo "Hey there, saw your work in the group. We are ScopeLock, helping junior devs build real projects with AI. Want to hear more?"
