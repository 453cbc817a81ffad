#!/usr/bin/env bash
# Fake that wraps a good message in a preamble and quotes.
cat >/dev/null
printf 'Here is a message you could send:\n\n"Hey Liam, saw you completed 100 retweets for UBC, nice grind. We are ScopeLock, helping junior devs build real client projects with AI. Interested in hearing more?"\n'
