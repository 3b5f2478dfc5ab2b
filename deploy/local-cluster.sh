#!/usr/bin/env bash
# A Redis- or Azure-Storage-profile cluster on loopback: the store (redis-server with AOF, or Azurite), three silos
# and one gateway, logs in one folder.
#   deploy/local-cluster.sh up       start what is not running yet (idempotent); the last line is the gateway URL
#   deploy/local-cluster.sh down     stop everything (gracefully: silos hand over and persist)
#   deploy/local-cluster.sh status   one line per process: role, pid, ports, state
#   deploy/local-cluster.sh kill ROLE      SIGKILL one process (redis or azurite, silo-1..3, gateway), for failure drills
#   deploy/local-cluster.sh stop ROLE      stop one process gracefully and leave it stopped (a store outage)
#   deploy/local-cluster.sh restart ROLE   stop one silo or the gateway gracefully and start it again
#   deploy/local-cluster.sh destroy        SIGKILL everything at once (for throw-away clusters)
# Settings (environment): LOYALTY_PROFILE (redis | azure), LOYALTY_CLUSTER_DIR (default .run/cluster),
# LOYALTY_REDIS_PORT (6379), LOYALTY_APPENDFSYNC (everysec | always), LOYALTY_AZURITE_PORT (10000: blob, +1 queue,
# +2 table), LOYALTY_GATEWAY_PORT (5080), LOYALTY_SILOS (3), LOYALTY_SILO_BASE_PORT (11110: silo N listens on
# base+N), LOYALTY_SILO_GATEWAY_BASE_PORT (30000). Azurite is installed with npm into .run/azurite when missing.
# Cluster identity and partition counts come from deploy/loyalty.settings.json, which every silo and gateway reads;
# Loyalty__* variables in the environment still reach every process, for a one-off cluster.
# The gateway's operator key: Loyalty__Security__OperatorKey when set, else the one kept in $LOYALTY_CLUSTER_DIR/operator.key
# (made on the first "up", readable only by its owner).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
dir=${LOYALTY_CLUSTER_DIR:-$root/.run/cluster}
profile=${LOYALTY_PROFILE:-redis}
redis_port=${LOYALTY_REDIS_PORT:-6379}
azurite_port=${LOYALTY_AZURITE_PORT:-10000}
azurite=$root/.run/azurite/node_modules/.bin/azurite
case "$profile" in
  redis) store=redis ;;
  azure) store=azurite ;;
  *) echo "LOYALTY_PROFILE must be redis or azure" >&2; exit 2 ;;
esac
fsync=${LOYALTY_APPENDFSYNC:-everysec}
gateway_port=${LOYALTY_GATEWAY_PORT:-5080}
silos=${LOYALTY_SILOS:-3}
silo_dll=$root/src/Silo/bin/Release/net10.0/Loyalty.Silo.dll
gateway_dll=$root/src/Gateway/bin/Release/net10.0/Loyalty.Gateway.dll

pid_of() { [ -f "$dir/$1.pid" ] && cat "$dir/$1.pid" || true; }

# A recorded pid is ours only while it is a process (not a thread id reused elsewhere) running the role's program:
# pids of dead processes are reused, and signalling a reused one would hit an innocent process.
is_ours() {
  local pid=$1 role=$2 program tgid
  case "$role" in
    redis) program=redis-server ;;
    azurite) program=azurite ;;
    gateway) program=Loyalty.Gateway.dll ;;
    *) program=Loyalty.Silo.dll ;;
  esac
  tgid=$(awk '/^Tgid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null) || return 1
  [ "$tgid" = "$pid" ] && grep -qa "$program" "/proc/$pid/cmdline" 2>/dev/null
}
alive() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && is_ours "$pid" "$1"; }
signal() { # role, signal: only a live process of ours, and forget it once killed
  local pid; pid=$(pid_of "$1")
  if [ -n "$pid" ] && is_ours "$pid" "$1"; then kill "-$2" "$pid" 2>/dev/null || true; fi
  if [ "$2" = KILL ]; then rm -f "$dir/$1.pid"; fi
}
silo_port() { echo $((${LOYALTY_SILO_BASE_PORT:-11110} + $1)); }
silo_gateway_port() { echo $((${LOYALTY_SILO_GATEWAY_BASE_PORT:-30000} + $1)); }

http_status() { # GET path on the gateway without curl: bash's /dev/tcp
  local line
  { exec 3<>"/dev/tcp/127.0.0.1/$gateway_port"; } 2>/dev/null || return 1
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$1" >&3
  read -r line <&3 || true
  exec 3<&- 3>&-
  echo "$line" | cut -d' ' -f2
}

wait_until() { # seconds, description, command...
  local deadline=$((SECONDS + $1)) what=$2; shift 2
  until "$@"; do
    if [ $SECONDS -ge $deadline ]; then echo "timed out waiting for $what (logs: $dir)" >&2; return 1; fi
    sleep 0.2
  done
}

ensure_redis_installed() {
  command -v redis-server >/dev/null && return
  echo "installing redis-server…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
}

ensure_azurite_installed() {
  [ -x "$azurite" ] && return
  if ! command -v npm >/dev/null; then
    echo "installing node and npm…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
  fi
  echo "installing azurite…"
  mkdir -p "$root/.run/azurite"
  npm install --prefix "$root/.run/azurite" --no-audit --no-fund --loglevel=error azurite@3.37.0 >/dev/null
}

ensure_built() {
  [ -f "$silo_dll" ] && [ -f "$gateway_dll" ] && [ -z "${LOYALTY_REBUILD:-}" ] && return
  dotnet build "$root/src/Silo/Loyalty.Silo.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
  dotnet build "$root/src/Gateway/Loyalty.Gateway.csproj" -c Release -nologo -clp:ErrorsOnly >/dev/null
}

redis_ready() { redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG; }

start_redis() {
  alive redis && return
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$dir" --appendonly yes --appendfsync "$fsync" \
    --save '' --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
  wait_until 20 redis redis_ready
}

port_open() { { exec 3<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null && exec 3<&- 3>&-; }
azurite_ready() { port_open "$azurite_port" && port_open $((azurite_port + 1)) && port_open $((azurite_port + 2)); }

# Loopback only, data on disk in the cluster folder; Azurite saves its tables every few seconds and on a graceful stop.
start_azurite() {
  alive azurite && return
  mkdir -p "$dir/azurite"
  (exec nohup "$azurite" --silent --location "$dir/azurite" --skipApiVersionCheck \
    --blobHost 127.0.0.1 --blobPort "$azurite_port" --queueHost 127.0.0.1 --queuePort $((azurite_port + 1)) \
    --tableHost 127.0.0.1 --tablePort $((azurite_port + 2)) >>"$dir/azurite.log" 2>&1) &
  echo $! >"$dir/azurite.pid"
  wait_until 30 azurite azurite_ready
}

azure_connection() {
  local account=devstoreaccount1 endpoint="http://127.0.0.1"
  echo "DefaultEndpointsProtocol=http;AccountName=$account;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;BlobEndpoint=$endpoint:$azurite_port/$account;QueueEndpoint=$endpoint:$((azurite_port + 1))/$account;TableEndpoint=$endpoint:$((azurite_port + 2))/$account;"
}

# Azurite serves every request from one Node thread and stops now and then to save its tables: a partition starting
# a thousand member turns at once (the default, made for a store that answers in parallel) queues requests past
# their timeout, so it starts 32, and a call may wait 30 s.
profile_env() {
  if [ "$profile" = azure ]; then
    export Loyalty__Profile=azure Loyalty__AzureStorage__ConnectionString Loyalty__PartitionDelivery__MembersInFlightWhileStoring=32
    export Loyalty__AzureStorage__CallTimeout=00:00:30
    Loyalty__AzureStorage__ConnectionString=$(azure_connection)
  else
    export Loyalty__Profile=redis Loyalty__Redis="127.0.0.1:$redis_port"
  fi
}

start_silo() {
  local n=$1 name=silo-$1
  alive "$name" && return
  (profile_env
   export Loyalty__SiloPort; Loyalty__SiloPort=$(silo_port "$n")
   export Loyalty__GatewayPort; Loyalty__GatewayPort=$(silo_gateway_port "$n")
   cd "$root/src/Silo" && exec nohup dotnet "$silo_dll" >>"$dir/$name.log" 2>&1) &
  echo $! >"$dir/$name.pid"
}

gateway_ready() { [ "$(http_status /health/ready)" = "200" ]; }

operator_key() {
  if [ -n "${Loyalty__Security__OperatorKey:-}" ]; then echo "$Loyalty__Security__OperatorKey"; return; fi
  if [ ! -s "$dir/operator.key" ]; then
    (umask 077; head -c 32 /dev/urandom | base64 | tr -d '=+/\n' | sed 's/^/lko_/' >"$dir/operator.key")
  fi
  cat "$dir/operator.key"
}

start_gateway() {
  alive gateway && return
  local key; key=$(operator_key)
  (profile_env; export Loyalty__Security__OperatorKey="$key"
   cd "$root/src/Gateway" && exec nohup dotnet "$gateway_dll" --urls "http://127.0.0.1:$gateway_port" >>"$dir/gateway.log" 2>&1) &
  echo $! >"$dir/gateway.pid"
}

stopped() { ! alive "$1"; }

# Azurite saves its data when it closes its services, then may linger while clients hold connections open.
azurite_closed() { stopped azurite || [ "$(grep -c 'successfully closed' "$dir/azurite.log")" -ge "$1" ]; }

stop_store() {
  if [ "$store" = redis ]; then
    if alive redis; then redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || true; fi
    stop redis 30
  elif alive azurite; then
    local closed; closed=$(grep -c 'successfully closed' "$dir/azurite.log" || true)
    signal azurite TERM
    wait_until 30 "azurite to save and close" azurite_closed $((closed + 3)) || true
    signal azurite KILL
  fi
  rm -f "$dir/$store.pid"
}

stop() { # name, seconds to wait
  if alive "$1"; then
    signal "$1" TERM
    wait_until "$2" "$1 to stop" stopped "$1" || signal "$1" KILL
  fi
  rm -f "$dir/$1.pid"
}

status_line() {
  local name=$1 ports=$2 state=stopped pid
  pid=$(pid_of "$name")
  alive "$name" && state=running
  printf '%-8s pid %-8s %-28s %s\n' "$name" "${pid:--}" "$ports" "$state"
}

case "${1:-}" in
  up)
    mkdir -p "$dir"
    if [ "$store" = redis ]; then ensure_redis_installed; else ensure_azurite_installed; fi
    ensure_built
    "start_$store"
    for n in $(seq 1 "$silos"); do start_silo "$n"; done
    start_gateway
    wait_until 120 "the gateway to be ready" gateway_ready
    echo "http://127.0.0.1:$gateway_port"
    ;;
  down)
    stop gateway 30
    for n in $(seq "$silos" -1 1); do stop "silo-$n" 60; done
    stop_store
    ;;
  status)
    if [ "$store" = redis ]; then status_line redis "redis $redis_port"
    else status_line azurite "blob $azurite_port, queue $((azurite_port + 1)), table $((azurite_port + 2))"; fi
    for n in $(seq 1 "$silos"); do status_line "silo-$n" "silo $(silo_port "$n"), gateway $(silo_gateway_port "$n")"; done
    status_line gateway "http $gateway_port"
    ;;
  restart)
    role=${2:?name a process: silo-N or gateway}
    case "$role" in
      silo-*) stop "$role" 60; start_silo "${role#silo-}" ;;
      gateway) stop gateway 30; start_gateway; wait_until 120 "the gateway to be ready" gateway_ready ;;
      *) echo "restart takes silo-N or gateway" >&2; exit 2 ;;
    esac
    ;;
  stop)
    role=${2:?name a process: $store, silo-N or gateway}
    if [ "$role" = "$store" ]; then stop_store; else stop "$role" 60; fi
    ;;
  destroy)
    for name in gateway $(for n in $(seq 1 "$silos"); do echo "silo-$n"; done) "$store"; do signal "$name" KILL; done
    ;;
  kill)
    signal "${2:?name a process: $store, silo-N or gateway}" KILL
    ;;
  *)
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
