#!/bin/sh
# A scheduled job written with `efactura` commands only: it takes a fresh
# data folder from nothing to a synced archive against a local sandbox that
# it starts and stops itself. Against ANAF, a person runs
# `efactura login --env anaf ...` and `efactura companies add CIF` once, and
# the job keeps only the `sync` step.
#
# Usage: nightly-sync-example.sh DATA_DIR
# EFACTURA is the command to run (default: efactura), for example
# "npx efactura"; it is split on spaces, so its path must contain none.
set -eu

data_dir=$1
efactura=${EFACTURA:-efactura}
work=$(mktemp -d)
sandbox_pid=''

stop() {
  if [ -n "$sandbox_pid" ]; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

# Every step uses the same data folder. Without a keychain (a server, a
# container) tokens can only be kept in a user-only file, hence the flag.
run() {
  $efactura --data-dir "$data_dir" --insecure-storage "$@"
}

# 1. The sandbox prints one JSON line with its addresses once it listens.
: >"$work/sandbox.json"
$efactura sandbox --port 0 --state-dir "$work/sandbox" --seed-messages 8 \
  --processing-ms 50 >"$work/sandbox.json" 2>"$work/sandbox.log" &
sandbox_pid=$!
tries=0
until [ "$(wc -l <"$work/sandbox.json")" -ge 1 ]; do
  tries=$((tries + 1))
  if [ "$tries" -gt 300 ] || ! kill -0 "$sandbox_pid" 2>/dev/null; then
    echo "The sandbox did not start:" >&2
    cat "$work/sandbox.log" >&2
    exit 1
  fi
  sleep 0.1
done

# 2. Log in with the sandbox's first certificate and follow the first
# company that certificate may act for.
run login --env sandbox --sandbox-config "$work/sandbox.json" --certificate 0
cif=$(grep -o '"cifs":\["[0-9]*"' "$work/sandbox.json" | head -n 1 | grep -o '[0-9][0-9]*')
run companies add "$cif" --name "Nightly example"

# 3. The nightly part: download what ANAF lists, then show the archive.
run sync
run list --cif "$cif"
