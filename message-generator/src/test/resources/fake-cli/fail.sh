#!/usr/bin/env bash
# Failing fake: echoes the prompt to stderr (as a real CLI might) and exits 1.
cat >&2
echo "fatal: not authenticated" >&2
exit 1
