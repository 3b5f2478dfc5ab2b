#!/usr/bin/env bash
# Runs the product: the gateway with its embedded silo and the "demo" program, then replays the real purchase
# logs (../shared/data) into it, and keeps serving until Ctrl-C.
set -euo pipefail
cd "$(dirname "$0")"

url=${LOYALTY_URL:-http://127.0.0.1:5080}
data=${LOYALTY_DATA:-../shared/data}

dotnet build src/Gateway/Loyalty.Gateway.csproj -c Release -nologo -clp:ErrorsOnly
dotnet build tools/Replay/Loyalty.Replay.csproj -c Release -nologo -clp:ErrorsOnly

dotnet src/Gateway/bin/Release/net10.0/Loyalty.Gateway.dll --urls "$url" &
gateway=$!
trap 'kill "$gateway" 2>/dev/null; wait "$gateway" 2>/dev/null' EXIT
trap 'exit 130' INT TERM

# The operator key: Loyalty__Security__OperatorKey when set, else the one the gateway makes once and keeps on disk.
keyfile=src/Gateway/bin/Release/net10.0/data/operator.key
if [ -n "${Loyalty__Security__OperatorKey:-}" ]; then
  key=$Loyalty__Security__OperatorKey
  kept="the environment (Loyalty__Security__OperatorKey)"
else
  for _ in $(seq 600); do [ -s "$keyfile" ] && break; kill -0 "$gateway" 2>/dev/null || exit 1; sleep 0.1; done
  key=$(cat "$keyfile")
  kept=$keyfile
fi
echo "The operator key is kept in $kept; the live page: $url/#key=$key"

replay() { LOYALTY_KEY="$key" dotnet tools/Replay/bin/Release/net10.0/Loyalty.Replay.dll --gateway "$url" --wait-ready 120 "$@"; }
if [ -f "$data/online_retail.csv" ]; then replay "$data/online_retail.csv"; fi
if [ -f "$data/CDNOW_master.txt" ]; then replay "$data/CDNOW_master.txt"; fi

echo "Loyalty.Orleans is serving at $url  (the live page: $url/#key=$key ; the API: $url/v1/programs/demo/leaderboards/points?top=10 with Authorization: Bearer <the key in $kept>; the admin page: $url/admin, signed in with that key; Ctrl-C stops)"
wait "$gateway"
