#!/usr/bin/env bash
# Proves the validator fails where it should: breaks a scratch copy of deploy/k8s in known ways, renders the prod
# overlay, and expects one FAIL line per breakage. Called by deploy/k8s/validate with: KUSTOMIZE PYTHON ROOT K8S
set -euo pipefail
KUSTOMIZE="$1" PY="$2" ROOT="$3" K8S="$4"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$K8S" && tar --exclude='./overlays/*/secrets/*' -cf - base overlays) | (mkdir -p "$work/k8s" && cd "$work/k8s" && tar -xf -)
for f in "$K8S"/overlays/prod/secrets/*.example; do cp "$f" "$work/k8s/overlays/prod/secrets/$(basename "${f%.example}")"; done
cd "$work/k8s"
sed -i '/^KAFKA_BOOTSTRAP_SERVERS=/d' base/config/common.env
sed -i '/^REDIS_URL=/d' base/config/telegram-auth-service.env
"$PY" - <<'EOF'
def edit(path, old, new, count=1):
    s = open(path).read()
    assert old in s, (path, old)
    open(path, "w").write(s.replace(old, new, count))
edit("base/kafka/kafka.yaml", "    metadataVersion: 4.3-IV0\n", "    metadataVersion: 4.3-IV0\n    replicas: 3\n")
edit("base/kafka/topics.yaml", "cleanup.policy: compact", "cleanup.policy: delete")
edit("base/apps/lead-ingest.yaml", "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false")
edit("base/apps/lead-ingest.yaml", "containerPort: 8084", "containerPort: 8085")
edit("base/apps/lead-ingest.yaml", "            periodSeconds: 5\n", "            periodSecond: 5\n")
edit("base/apps/reply-monitor.yaml", "replicas: 2", "replicas: 4")
edit("base/ingress/ingress.yaml", "/api/outreach/telegram/qr-[a-z]+(/.*)?", "/api/outreach/telegram/qr-start")
edit("base/data/falkordb.conf", "appendonly yes", "appendonly no")
edit("base/data/falkordb.yaml", '            - EFFECTS_THRESHOLD\n            - "0"\n', "")
edit("base/kafka/users.yaml", "name: outreach.lead-upserts, patternType: literal}\n        operations: [Describe, Write]",
     "name: outreach.lead-upserts, patternType: literal}\n        operations: [Describe, Write]\n"
     "      - resource: {type: topic, name: outreach.replies, patternType: literal}\n        operations: [Describe, Read]")
edit("base/kafka/kafka.yaml", "        tls: true\n", "        tls: false\n")
edit("base/data/redis.yaml", '"--requirepass", "$(REDIS_PASSWORD)"', '"--requirepass", "hunter2"')
edit("base/network/network-policies.yaml", "  name: default-deny\nspec:\n  podSelector: {}", "  name: default-deny\nspec:\n  podSelector: {matchLabels: {tier: none}}")
edit("base/network/network-policies.yaml", "  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: outreach-api\n  policyTypes: [Egress]",
     "  podSelector:\n    matchLabels:\n      app.kubernetes.io/name: outreach-api-typo\n  policyTypes: [Egress]")
EOF
"$KUSTOMIZE" build overlays/prod >"$work/prod.yaml"
out="$("$PY" "$ROOT/deploy/k8s/test/validate_manifests.py" "$ROOT" "prod=$work/prod.yaml" || true)"
expect=(
  "periodSecond' was unexpected"                       # strict Kubernetes schema
  "spec/kafka: Additional properties are not allowed"  # Strimzi CRD schema
  "reads KAFKA_BOOTSTRAP_SERVERS"                      # env coverage
  "reads REDIS_URL"
  "readOnlyRootFilesystem not set"
  "containerPort http is 8085"
  "outreach.watch: cleanup.policy is not compact"
  "reply-monitor replicas exceed the partitions"
  "qr-check/AbC_123 routes to outreach-api"
  "appendonly is 'no'"
  "differ from deploy/local/lib.sh's FALKORDB_MODULE_ARGS"
  "KafkaUser lead-ingest: outreach.replies allows ['Describe', 'Read'], the README topic table says []"
  "listener tls is not TLS with SCRAM-SHA-512"
  "redis: the password is not taken from a Secret"
  "no default-deny NetworkPolicy"
  "needed flow blocked: outreach-api -> FalkorDB"
)
# images: a wrong port, a COPY of something the build does not produce, a floating base tag, no native access
mkdir -p "$work/images" && cp "$ROOT"/deploy/images/* "$work/images/"
sed -i 's/^EXPOSE 8080/EXPOSE 8090/' "$work/images/outreach-api.Dockerfile"
sed -i 's#lead-ingest/target/quarkus-app/app/#lead-ingest/target/quarkus-app/application/#' "$work/images/lead-ingest.Dockerfile"
sed -i 's/^ARG JRE_IMAGE=.*/ARG JRE_IMAGE=eclipse-temurin:25-jre/' "$work/images/message-generator.Dockerfile"
sed -i 's/ --enable-native-access=ALL-UNNAMED//' "$work/images/reply-monitor.Dockerfile"
out+=$'\n'"$(IMAGES_DIR="$work/images" "$PY" "$ROOT/deploy/k8s/test/check_images.py" "$ROOT" || true)"
expect+=(
  "EXPOSE [8090] differs from the service's port 8080"
  "COPY source lead-ingest/target/quarkus-app/application/ does not exist"
  "base image eclipse-temurin:25-jre is not a pinned"
  "JAVA_OPTS lacks --enable-native-access=ALL-UNNAMED"
)
passed=0 failed=0
for e in "${expect[@]}"; do
  if grep -qF -- "$e" <<<"$out"; then passed=$((passed + 1)); echo "PASS selftest: a breakage is reported ($e)"
  else failed=$((failed + 1)); echo "FAIL selftest: breakage not reported: $e"; fi
done
echo "selftest: $passed passed, $failed failed"
[ $failed -eq 0 ]
