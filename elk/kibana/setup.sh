#!/bin/sh
# Imports the Boxoffice saved objects (data view boxoffice-logs-*, saved searches) into Kibana.
# Waits for Kibana, then imports every *.ndjson next to this script with overwrite=true, so it can run
# on every start (the compose one-shot service) or by hand: KIBANA_URL=http://localhost:5601 elk/kibana/setup.sh
# POSIX sh and curl only (runs in the curlimages/curl image).
set -eu

KIBANA_URL="${KIBANA_URL:-http://kibana:5601}"
KIBANA_WAIT_SECONDS="${KIBANA_WAIT_SECONDS:-300}"
DIR="$(cd "$(dirname "$0")" && pwd)"

echo "Waiting for Kibana at $KIBANA_URL (up to ${KIBANA_WAIT_SECONDS}s)"
waited=0
# The saved objects API answers 200 only once Kibana is ready to take the import.
until curl -fsS -o /dev/null "$KIBANA_URL/api/saved_objects/_find?type=index-pattern&per_page=1" 2>/dev/null; do
  if [ "$waited" -ge "$KIBANA_WAIT_SECONDS" ]; then
    echo "Kibana did not become ready within ${KIBANA_WAIT_SECONDS}s" >&2
    exit 1
  fi
  sleep 5
  waited=$((waited + 5))
done

status=0
for file in "$DIR"/*.ndjson; do
  [ -e "$file" ] || continue
  echo "Importing $(basename "$file")"
  answer="$(curl -sS -X POST "$KIBANA_URL/api/saved_objects/_import?overwrite=true" \
    -H 'kbn-xsrf: boxoffice-setup' --form "file=@$file")" || answer=""
  if printf '%s' "$answer" | grep -Eq '"success"[[:space:]]*:[[:space:]]*true'; then
    echo "  $answer"
  else
    echo "  import of $file failed: ${answer:-no answer}" >&2
    status=1
  fi
done
exit "$status"
