#!/usr/bin/env bash
# End-to-end check of the Alertmanager receiver with a REAL Prometheus Alertmanager
# (docs/integrations.md, "Real Alertmanager end-to-end").
#
#   src/scripts/alertmanager-e2e.sh            # from the project root (or anywhere)
#   PORT=8080 src/scripts/alertmanager-e2e.sh  # use an app already running on 8080
#
# 1. installs prometheus-alertmanager with apt-get if needed (only as root),
# 2. starts the app (./mvnw spring-boot:run, default profile: H2 in memory, demo users) unless one
#    already answers on http://127.0.0.1:$PORT/actuator/health,
# 3. writes an alertmanager.yml with a webhook receiver to /api/integrations/alertmanager (basic auth
#    ingest, password_file), starts Alertmanager on loopback only,
# 4. fires an AccuracyDrop alert with amtool and waits for the review task and the threshold_breach,
# 5. resolves the alert and waits for the resolved monitoring_signal; the review must stay open.
# Prints PASS/FAIL lines, exits non-zero on failure and stops what it started.
#
# Environment:
#   PORT        the app's port (default 18080, so it does not clash with another app on 8080)
#   AM_PORT     Alertmanager's port on 127.0.0.1 (default 9093)
#   AIACT_SYSTEM / INGEST_USER / INGEST_PASSWORD / ADMIN_AUTH / AUDITOR_AUTH   demo defaults
#   APP_START_TIMEOUT  seconds to wait for the app (default 120)
#   POLL_TIMEOUT       seconds to wait for each notification (default 60)
set -euo pipefail

PORT="${PORT:-18080}"
AM_PORT="${AM_PORT:-9093}"
SYSTEM="${AIACT_SYSTEM:-demo-credit-scoring}"
METRIC=accuracy
INGEST_USER="${INGEST_USER:-ingest}"
INGEST_PASSWORD="${INGEST_PASSWORD:-demo}"
ADMIN_AUTH="${ADMIN_AUTH:-admin:demo}"
AUDITOR_AUTH="${AUDITOR_AUTH:-auditor:demo}"
APP_START_TIMEOUT="${APP_START_TIMEOUT:-120}"
POLL_TIMEOUT="${POLL_TIMEOUT:-60}"

APP_URL="http://127.0.0.1:${PORT}"
AM_URL="http://127.0.0.1:${AM_PORT}"
PROJECT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK_DIR="$(mktemp -d)"
APP_PID=""
AM_PID=""
FAILURES=0

log() { printf '%s %s\n' "$(date -u +%H:%M:%SZ)" "$*"; }
pass() { printf 'PASS %s\n' "$*"; }
fail() { printf 'FAIL %s\n' "$*"; FAILURES=$((FAILURES + 1)); }
die() {
    fail "$*"
    exit 1
}

stop_group() { # pid name: TERM the process group, then KILL after 20 s
    local pid="$1" name="$2"
    kill -0 "$pid" 2>/dev/null || return 0
    log "stopping ${name} (pid ${pid})"
    kill -TERM -- "-${pid}" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    kill -KILL -- "-${pid}" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
    local rc=$?
    set +e
    if [ "$rc" -ne 0 ]; then
        if [ -n "$AM_PID" ] && [ -s "$WORK_DIR/alertmanager.log" ]; then
            echo "--- last lines of the Alertmanager log ---"
            tail -n 20 "$WORK_DIR/alertmanager.log"
        fi
        if [ -n "$APP_PID" ] && [ -s "$WORK_DIR/app.log" ]; then
            echo "--- last lines of the app log ---"
            tail -n 40 "$WORK_DIR/app.log"
        fi
    fi
    [ -n "$AM_PID" ] && stop_group "$AM_PID" alertmanager
    [ -n "$APP_PID" ] && stop_group "$APP_PID" "the app"
    rm -rf "$WORK_DIR"
    if [ "$rc" -eq 0 ]; then
        echo "RESULT PASS"
    else
        echo "RESULT FAIL (exit ${rc})"
    fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- 1. Alertmanager and amtool --------------------------------------------------------------
# Debian's package installs the server as /usr/bin/prometheus-alertmanager.
find_alertmanager() { command -v alertmanager || command -v prometheus-alertmanager || true; }
AM_BIN="$(find_alertmanager)"
if [ -z "$AM_BIN" ] || ! command -v amtool >/dev/null; then
    if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
        log "installing prometheus-alertmanager with apt-get"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q prometheus-alertmanager >"$WORK_DIR/apt.log" 2>&1 \
            || { cat "$WORK_DIR/apt.log"; die "apt-get install prometheus-alertmanager"; }
        AM_BIN="$(find_alertmanager)"
    else
        echo "Alertmanager and amtool are needed. Install them, e.g.:"
        echo "  sudo apt-get install -y prometheus-alertmanager"
        echo "or put alertmanager and amtool from https://github.com/prometheus/alertmanager/releases on PATH."
        die "alertmanager/amtool not found"
    fi
fi
for tool in curl jq; do
    command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y $tool)"
done
log "$("$AM_BIN" --version 2>&1 | head -n 1)"
log "$(amtool --version 2>&1 | head -n 1)"

# --- 2. the app --------------------------------------------------------------------------------
app_up() { curl -fsS --max-time 3 "$APP_URL/actuator/health" 2>/dev/null | jq -e '.status == "UP"' >/dev/null 2>&1; }

if app_up; then
    log "an app already answers on $APP_URL (health UP); using it"
else
    if curl -s --max-time 3 -o /dev/null "$APP_URL/" 2>/dev/null; then
        die "something answers on port $PORT but it is not a healthy aiact-ops; choose another PORT"
    fi
    log "starting the app on port $PORT (./mvnw spring-boot:run, log in $WORK_DIR/app.log)"
    cd "$PROJECT_DIR"
    # own process group (setsid), so that the trap stops Maven and the forked JVM together
    setsid ./mvnw -B -o -q spring-boot:run "-Dspring-boot.run.arguments=--server.port=$PORT" \
        >"$WORK_DIR/app.log" 2>&1 </dev/null &
    APP_PID=$!
    started=$SECONDS
    until app_up; do
        kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up"
        [ $((SECONDS - started)) -lt "$APP_START_TIMEOUT" ] || die "the app is not UP after ${APP_START_TIMEOUT} s"
        sleep 2
    done
    log "app UP after $((SECONDS - started)) s"
fi

api() { # auth path -> body (fails on HTTP errors)
    curl -fsS --max-time 10 -u "$1" "$APP_URL$2"
}

head_seq="$(api "$AUDITOR_AUTH" "/api/systems/$SYSTEM/logs/verify" | jq -r '.headSeq // 0')"
log "log register of $SYSTEM: head seq $head_seq before the alert"

# --- 3. alertmanager.yml -----------------------------------------------------------------------
printf '%s' "$INGEST_PASSWORD" >"$WORK_DIR/aiact-ops-ingest"
chmod 600 "$WORK_DIR/aiact-ops-ingest"
mkdir -p "$WORK_DIR/data"
cat >"$WORK_DIR/alertmanager.yml" <<EOF
route:
  receiver: "null"                        # alerts without ai_system go nowhere in this test
  routes:
    - receiver: aiact-ops
      matchers:
        - ai_system=~".+"
      group_by: [ai_system, metric]
      group_wait: 1s                      # quick for the test; 30s/5m in production
      group_interval: 1s
      repeat_interval: 4h

receivers:
  - name: "null"
  - name: aiact-ops
    webhook_configs:
      - url: $APP_URL/api/integrations/alertmanager
        send_resolved: true
        http_config:
          basic_auth:
            username: $INGEST_USER
            password_file: $WORK_DIR/aiact-ops-ingest
EOF
amtool check-config "$WORK_DIR/alertmanager.yml" >"$WORK_DIR/check-config.log" 2>&1 \
    || { cat "$WORK_DIR/check-config.log"; die "amtool check-config"; }
pass "amtool check-config accepts the generated alertmanager.yml"

# --- 4. Alertmanager on loopback ---------------------------------------------------------------
if curl -s --max-time 2 -o /dev/null "$AM_URL/" 2>/dev/null; then
    die "port $AM_PORT is already in use; set AM_PORT"
fi
setsid "$AM_BIN" --config.file="$WORK_DIR/alertmanager.yml" --storage.path="$WORK_DIR/data" \
    --web.listen-address="127.0.0.1:$AM_PORT" --cluster.listen-address= --log.level=info \
    >"$WORK_DIR/alertmanager.log" 2>&1 </dev/null &
AM_PID=$!
started=$SECONDS
until curl -fsS --max-time 2 -o /dev/null "$AM_URL/-/ready" 2>/dev/null; do
    kill -0 "$AM_PID" 2>/dev/null || die "Alertmanager exited during start-up"
    [ $((SECONDS - started)) -lt 30 ] || die "Alertmanager not ready after 30 s"
    sleep 0.5
done
log "Alertmanager ready on $AM_URL (pid $AM_PID)"

# --- 5. fire -----------------------------------------------------------------------------------
RUN_ID="e2e-$(date -u +%Y%m%dT%H%M%SZ)-$$"
START="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
LABELS=(alertname=AccuracyDrop "ai_system=$SYSTEM" "metric=$METRIC" severity=critical category=performance)
ANNOTATIONS=("--annotation=summary=Accuracy of $SYSTEM at 0.71, below 0.80" --annotation=value=0.71
    "--annotation=run=$RUN_ID")
amtool --alertmanager.url="$AM_URL" alert add "${LABELS[@]}" "${ANNOTATIONS[@]}" --start="$START"
log "fired AccuracyDrop (startsAt $START, run $RUN_ID)"
amtool --alertmanager.url="$AM_URL" alert query alertname=AccuracyDrop

# --- 6. the review and the register ------------------------------------------------------------
find_breach() {
    api "$AUDITOR_AUTH" "/api/systems/$SYSTEM/logs?type=threshold_breach&afterSeq=$head_seq&limit=1000" \
        | jq -c --arg run "$RUN_ID" --arg metric "$METRIC" \
            '[.events[] | select(.payload.source == "alertmanager" and .payload.metric == $metric
              and .payload.annotations.run == $run)] | first // empty'
}
find_task() {
    api "$ADMIN_AUTH" "/engine-rest/task?processDefinitionKey=oversight-review&taskDefinitionKey=Task_ReviewAlert&processInstanceBusinessKey=$SYSTEM/$METRIC" \
        | jq -c 'first // empty'
}

breach="" task=""
started=$SECONDS
while [ -z "$breach" ] || [ -z "$task" ]; do
    [ $((SECONDS - started)) -lt "$POLL_TIMEOUT" ] || break
    sleep 1
    [ -n "$breach" ] || breach="$(find_breach || true)"
    [ -n "$task" ] || task="$(find_task || true)"
done
if [ -n "$breach" ]; then
    pass "threshold_breach in the register after $((SECONDS - started)) s: $(jq -c \
        '{seq, type, occurredAt, actor, payload: (.payload | {source, metric, category, value, severity, rationale, alertStatus, fingerprint})}' <<<"$breach")"
else
    fail "no threshold_breach from Alertmanager for $SYSTEM/$METRIC within ${POLL_TIMEOUT} s"
fi
if [ -n "$task" ]; then
    task_id="$(jq -r .id <<<"$task")"
    instance_id="$(jq -r .processInstanceId <<<"$task")"
    pass "review task open: $(jq -c '{id, name, taskDefinitionKey, processInstanceId, due}' <<<"$task")"
else
    fail "no open Task_ReviewAlert for business key $SYSTEM/$METRIC within ${POLL_TIMEOUT} s"
fi
[ "$FAILURES" -eq 0 ] || exit 1

# --- 7. resolve --------------------------------------------------------------------------------
END="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
amtool --alertmanager.url="$AM_URL" alert add "${LABELS[@]}" "${ANNOTATIONS[@]}" --start="$START" --end="$END"
log "resolved AccuracyDrop (endsAt $END)"

find_resolved() {
    api "$AUDITOR_AUTH" "/api/systems/$SYSTEM/logs?type=monitoring_signal&afterSeq=$head_seq&limit=1000" \
        | jq -c --arg run "$RUN_ID" --arg metric "$METRIC" \
            '[.events[] | select(.payload.source == "alertmanager" and .payload.metric == $metric
              and .payload.alertStatus == "resolved" and .payload.annotations.run == $run)] | first // empty'
}
resolved=""
started=$SECONDS
while [ -z "$resolved" ]; do
    [ $((SECONDS - started)) -lt "$POLL_TIMEOUT" ] || break
    sleep 1
    resolved="$(find_resolved || true)"
done
if [ -n "$resolved" ]; then
    pass "resolved monitoring_signal in the register after $((SECONDS - started)) s: $(jq -c \
        '{seq, type, occurredAt, payload: (.payload | {source, metric, alertStatus, startsAt, endsAt})}' <<<"$resolved")"
else
    fail "no resolved monitoring_signal from Alertmanager within ${POLL_TIMEOUT} s"
fi

# The review stays open: only the overseer closes it. Give the engine a moment to note the resolution.
resolved_at=""
for _ in $(seq 1 10); do
    resolved_at="$(api "$ADMIN_AUTH" "/engine-rest/process-instance/$instance_id/variables/alertResolvedAt" 2>/dev/null \
        | jq -r '.value // empty' || true)"
    [ "$resolved_at" != "$END" ] || break
    sleep 1
done
if [ "$resolved_at" = "$END" ]; then
    pass "review $instance_id shows the alert resolved (alertResolvedAt=$resolved_at)"
else
    fail "review $instance_id shows alertResolvedAt='${resolved_at}', expected $END"
fi
still_open="$(api "$ADMIN_AUTH" "/engine-rest/task/$task_id" 2>/dev/null | jq -r '.id // empty' || true)"
if [ "$still_open" = "$task_id" ]; then
    pass "review task $task_id is still open after the resolution"
else
    fail "review task $task_id is no longer open"
fi

sent="$(curl -fsS --max-time 5 "$AM_URL/metrics" \
    | awk '/^alertmanager_notifications_total\{.*integration="webhook"/ {s += $2} END {print s + 0}')"
failed="$(curl -fsS --max-time 5 "$AM_URL/metrics" \
    | awk '/^alertmanager_notifications_failed_total\{.*integration="webhook"/ {s += $2} END {print s + 0}')"
log "Alertmanager webhook notifications: ${sent} sent, ${failed} failed"
if [ "$failed" = "0" ]; then
    pass "Alertmanager reports no failed webhook notification"
else
    fail "Alertmanager reports ${failed} failed webhook notification(s)"
fi

[ "$FAILURES" -eq 0 ] || exit 1
