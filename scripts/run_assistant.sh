#!/usr/bin/env bash
# Start the action server and the Rasa server, wait until both answer, stop both on Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-.venv}
RASA_PORT=${RASA_PORT:-5005}
# Loopback by default; a deployment behind a reverse proxy sets RASA_INTERFACE=0.0.0.0 (README: Settings).
RASA_INTERFACE=${RASA_INTERFACE:-127.0.0.1}
# Cross-origin requests only from the chat page's own origin unless CORS_ORIGINS names others.
CORS_ORIGINS=${CORS_ORIGINS:-http://localhost:${RASA_PORT} http://127.0.0.1:${RASA_PORT}}
# Rasa's HTTP API (conversations, model) is off: on only with a token, and then every route asks for it.
api=()
if [ -n "${RASA_API_TOKEN:-}" ]; then api=(--enable-api --auth-token "$RASA_API_TOKEN"); fi
ACTION_PORT=${ACTION_PORT:-5055}
MODEL=${MODEL:-models/latest.tar.gz}
export ACTION_ENDPOINT_URL=${ACTION_ENDPOINT_URL:-http://localhost:${ACTION_PORT}/webhook}
mkdir -p logs

pids=()
stop() {
  trap - INT TERM EXIT
  echo
  echo "==> Stopping the assistant"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

wait_for() {  # name url pid log
  local name=$1 url=$2 pid=$3 log=$4
  for _ in $(seq 1 240); do
    if curl -fs "$url" >/dev/null 2>&1; then echo "    $name is up"; return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "error: $name stopped while starting; last lines of $log:" >&2
      tail -n 30 "$log" >&2
      return 1
    fi
    sleep 1
  done
  echo "error: $name did not answer at $url within 4 minutes (see $log)" >&2
  return 1
}

echo "==> Starting the action server on port $ACTION_PORT"
"$VENV/bin/rasa" run actions --actions actions --port "$ACTION_PORT" >logs/actions.log 2>&1 &
pids+=($!)
wait_for "action server" "http://localhost:${ACTION_PORT}/health" "${pids[-1]}" logs/actions.log

echo "==> Starting the Rasa server on port $RASA_PORT (loading the model takes a moment)"
# server = Rasa's command line with server/fixes.py applied (speed fixes of Rasa 3.6).
# shellcheck disable=SC2086  # CORS_ORIGINS is a list of origins
"$VENV/bin/python" -m server run --model "$MODEL" --interface "$RASA_INTERFACE" --port "$RASA_PORT" "${api[@]}" --cors $CORS_ORIGINS \
  --credentials credentials.yml --endpoints endpoints.yml >logs/rasa.log 2>&1 &
pids+=($!)
# "/" answers once the model is loaded (/status is part of the HTTP API, off by default).
wait_for "Rasa server" "http://localhost:${RASA_PORT}/" "${pids[-1]}" logs/rasa.log

cat <<EOF

The assistant is running.
  Web chat page: http://localhost:${RASA_PORT}/chat/
  WeChat:        http://localhost:${RASA_PORT}/webhooks/wechat/  ($( [ -n "${WECHAT_TOKEN:-}" ] && echo enabled || echo "disabled: set WECHAT_TOKEN"))
  Conversations: $( [ -n "${DATABASE_URL:-}" ] && echo "the database DATABASE_URL names" || echo "SQLite file var/assistant.db")$( [ -n "${REDIS_URL:-}" ] && echo ", locks in Redis (REDIS_URL)")
  Staff report:  make report
  REST channel:  POST http://localhost:${RASA_PORT}/webhooks/rest/webhook  {"sender": "me", "message": "hello"}$( [ -n "${REST_TOKEN:-}" ] && echo "  (with Authorization: Bearer REST_TOKEN)")
  Retention:     make purge deletes conversations older than ${RETENTION_DAYS:-180} days (run it daily)
  HTTP API:      $( [ -n "${RASA_API_TOKEN:-}" ] && echo "on, with the token RASA_API_TOKEN" || echo "off (set RASA_API_TOKEN to switch it on)")
  Socket.IO:     http://localhost:${RASA_PORT}/socket.io
  Logs:          logs/rasa.log, logs/actions.log
Press Ctrl-C to stop.
EOF
wait -n "${pids[@]}"
echo "error: a server stopped; see logs/" >&2
exit 1
