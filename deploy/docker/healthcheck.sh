#!/usr/bin/env bash
# Container health check that needs nothing but bash (no curl, wget or grpc_health_probe in the
# runtime image): it talks to the service over bash's /dev/tcp.
#
#   healthcheck.sh http PORT PATH   healthy when GET PATH on 127.0.0.1:PORT answers 2xx
#   healthcheck.sh tcp PORT         healthy when 127.0.0.1:PORT accepts a connection
#
# The audit service uses the tcp form: it binds its gRPC port only after its migrations ran and
# reports SERVING from that moment, so an open port means ready. Kubernetes uses its native gRPC
# probe against the standard health service instead.
set -uo pipefail

usage() {
  echo "usage: healthcheck.sh http PORT PATH | tcp PORT" >&2
  exit 2
}

[[ $# -ge 2 ]] || usage
mode=$1
port=$2
[[ $port =~ ^[0-9]+$ ]] || usage

if ! { exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null; then
  echo "port ${port} refuses connections" >&2
  exit 1
fi

case $mode in
  tcp)
    exit 0
    ;;
  http)
    path=${3:-/}
    printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
    IFS= read -r -t 5 status <&3 || {
      echo "no answer on port ${port}" >&2
      exit 1
    }
    status=${status%$'\r'}
    if [[ $status =~ ^HTTP/1\.[01]\ 2[0-9][0-9] ]]; then
      exit 0
    fi
    echo "GET ${path}: ${status}" >&2
    exit 1
    ;;
  *)
    usage
    ;;
esac
