#!/usr/bin/env bash
# Fake that answers a label request with prose and invalid values.
cat >/dev/null
echo 'Sure! {"sentiment": "ecstatic", "intent": "buy now"}'
