#!/usr/bin/env bash
# Start a Ray head node on 127.0.0.1 with token authentication, run a command
# with its address as the last argument, then stop the node:
#   bash examples/engines/ray/ray_cluster.sh \
#       python examples/engines/ray/factorize_ray_cluster.py
set -euo pipefail

folder=$(mktemp -d)  # the node's session files and its log
node=""

stop() {
    status=$?
    # SIGTERM to `ray start --block` stops the processes of this node only;
    # `ray stop` would stop every Ray process on the machine, others' too.
    if [[ -n $node ]]; then kill "$node" && wait "$node" || true; fi
    if ((status)); then tail -n 20 "$folder/head.log" >&2; fi  # what went wrong
    rm -rf "$folder"
}
trap stop EXIT

# Read by `ray start` and by the command, which inherits them.
export RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER=0  # every service on 127.0.0.1
export RAY_USAGE_STATS_ENABLED=0
export RAY_AUTH_MODE=token
# A token for this run only.
RAY_AUTH_TOKEN=$(python -c 'import secrets; print(secrets.token_hex(16))')
export RAY_AUTH_TOKEN

# Port 0 takes a free port; the node writes its address to ray_current_cluster.
ray start --head --block --port 0 --num-cpus 2 --include-dashboard false \
    --temp-dir "$folder" >"$folder/head.log" 2>&1 &
node=$!
for _ in $(seq 600); do  # up to 60 s
    [[ -s $folder/ray_current_cluster ]] && break
    kill -0 "$node"  # the node has failed: stop here
    sleep 0.1
done
"$@" "$(cat "$folder/ray_current_cluster")"
