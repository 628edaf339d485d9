#!/usr/bin/env bash
# Start a Dask scheduler and two workers on 127.0.0.1, run a command with
# the scheduler's address as its last argument, then stop the cluster:
#   bash examples/engines/dask/dask_cluster.sh \
#       python examples/engines/dask/factorize_dask_cluster.py
set -euo pipefail

folder=$(mktemp -d)  # the scheduler file, the logs and the workers' scratch space
cluster=()

stop() {
    status=$?
    # SIGTERM: each worker and the scheduler close cleanly; the workers first.
    if ((${#cluster[@]} > 1)); then
        kill "${cluster[@]:1}" && wait "${cluster[@]:1}" || true
    fi
    if ((${#cluster[@]})); then
        kill "${cluster[0]}" && wait "${cluster[0]}" || true
    fi
    # What went wrong, if anything did.
    if ((status)); then tail -n 20 "$folder"/*.log >&2; fi
    rm -rf "$folder"
}
trap stop EXIT

# Port 0 takes a free port; the scheduler writes its address to the scheduler file.
dask scheduler --host 127.0.0.1 --port 0 --dashboard-address 127.0.0.1:0 \
    --scheduler-file "$folder/scheduler.json" >"$folder/scheduler.log" 2>&1 &
cluster+=($!)
for _ in $(seq 300); do  # up to 30 s
    [[ -s $folder/scheduler.json ]] && break
    sleep 0.1
done
address=$(python -c 'import json, sys; print(json.load(sys.stdin)["address"])' \
    <"$folder/scheduler.json")

for n in 1 2; do
    dask worker "$address" --host 127.0.0.1 --nthreads 1 \
        --dashboard-address 127.0.0.1:0 --local-directory "$folder" \
        >"$folder/worker-$n.log" 2>&1 &
    cluster+=($!)
done

"$@" "$address"
