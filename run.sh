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

replay() { dotnet tools/Replay/bin/Release/net10.0/Loyalty.Replay.dll --gateway "$url" --wait-ready 120 "$@"; }
if [ -f "$data/online_retail.csv" ]; then replay "$data/online_retail.csv"; fi
if [ -f "$data/CDNOW_master.txt" ]; then replay "$data/CDNOW_master.txt"; fi

echo "Loyalty.Orleans is serving at $url  (the live page: $url/ ; the API: $url/v1/programs/demo/leaderboards/points?top=10; Ctrl-C stops)"
wait "$gateway"
