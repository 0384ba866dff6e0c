#!/usr/bin/env bash
# Real OpenStack Swift + Keystone v3 + S3 (Swift's s3api) on 127.0.0.1, for the integration tests,
# the demo and CI. Everything (configs, rings, data, pid files, logs, env files) lives in one directory
# so that a purge is a single rm and nothing leaks into /etc, apart from /etc/swift/swift.conf, which
# Swift reads from a hard-wired path (see write_swift_conf).
#
# Usage: scripts/test-servers.sh start|stop|status|env|restart NAME|set-tempauth-key USER KEY|purge|install
#
# Targets Debian 12 packages (Swift 2.30, Keystone 22). The comments record why things are the way
# they are: most of them are pitfalls hit when this stack was first stood up on loopback.
#
# Environment:
#   TEST_SERVERS_DIR          state directory (default: <repo>/.test-servers)
#   TS_PROXY_PORT=18080       tempauth + s3api + slo + dlo proxy
#   TS_KEYSTONE_PROXY_PORT=18081  authtoken + s3api + s3token + keystoneauth proxy
#   TS_FAULT_PROXY_PORT=18082 tempauth + s3api proxy reserved for fault tests (own config and user list)
#   TS_KEYSTONE_PORT=15000  TS_OBJECT_PORT=16200  TS_CONTAINER_PORT=16201  TS_ACCOUNT_PORT=16202
#   TS_MEMCACHED_PORT=16211
#   TS_NO_KEYSTONE=1 or SAIO_NO_KEYSTONE=1   skip Keystone and the Keystone-backed proxy
#   TS_INSTALL_TOOLS=0        `install` skips the client tools (rclone, chromium)
set -euo pipefail

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
REPO_DIR=$(dirname -- "$SCRIPT_DIR")
DIR=$(realpath -m -- "${TEST_SERVERS_DIR:-$REPO_DIR/.test-servers}")

TS_PROXY_PORT=${TS_PROXY_PORT:-18080}
TS_KEYSTONE_PROXY_PORT=${TS_KEYSTONE_PROXY_PORT:-18081}
TS_FAULT_PROXY_PORT=${TS_FAULT_PROXY_PORT:-18082}
TS_KEYSTONE_PORT=${TS_KEYSTONE_PORT:-15000}
TS_OBJECT_PORT=${TS_OBJECT_PORT:-16200}
TS_CONTAINER_PORT=${TS_CONTAINER_PORT:-16201}
TS_ACCOUNT_PORT=${TS_ACCOUNT_PORT:-16202}
TS_MEMCACHED_PORT=${TS_MEMCACHED_PORT:-16211}

NO_KEYSTONE=0
if [[ ${TS_NO_KEYSTONE:-${SAIO_NO_KEYSTONE:-0}} == 1 ]]; then NO_KEYSTONE=1; fi

ETC=$DIR/etc/swift
RUN=$DIR/run
LOG=$DIR/log
KS=$DIR/keystone
HOST=127.0.0.1
KS_URL=http://$HOST:$TS_KEYSTONE_PORT/v3

# Fixed test identities. They are throwaway secrets for loopback-only servers.
KS_ADMIN_PASSWORD=adminpass
KS_SWIFT_PASSWORD=swiftpass
KS_DEMO_PASSWORD=demopass
KS_REGION=RegionOne
S3_REGION=us-east-1

# The Swift CLI picks its auth flavour from whatever variables are set (ST_AUTH beats OS_*, and
# OS_IDENTITY_API_VERSION next to ST_AUTH makes it POST v3 JSON to /auth/v1.0), so every env file
# first clears the variables of the other flavours.
OS_VARS="OS_AUTH_URL OS_AUTH_TYPE OS_IDENTITY_API_VERSION OS_AUTH_VERSION OS_APPLICATION_CREDENTIAL_ID \
OS_APPLICATION_CREDENTIAL_SECRET OS_APPLICATION_CREDENTIAL_NAME OS_USERNAME OS_USER_ID OS_PASSWORD \
OS_PROJECT_NAME OS_PROJECT_ID OS_TENANT_NAME OS_TENANT_ID OS_USER_DOMAIN_NAME OS_USER_DOMAIN_ID \
OS_PROJECT_DOMAIN_NAME OS_PROJECT_DOMAIN_ID OS_DOMAIN_NAME OS_DOMAIN_ID OS_TOKEN OS_AUTH_TOKEN \
OS_STORAGE_URL OS_REGION_NAME OS_INTERFACE OS_ENDPOINT_TYPE OS_CLOUD"
ST_VARS="ST_AUTH ST_USER ST_KEY ST_AUTH_VERSION"
AWS_VARS="AWS_ENDPOINT_URL AWS_ENDPOINT_URL_S3 S3_ENDPOINT AWS_ACCESS_KEY_ID AWS_SECRET_ACCESS_KEY \
AWS_SESSION_TOKEN AWS_PROFILE AWS_REGION AWS_DEFAULT_REGION"

# Tempauth users of the main proxy (Swift SAIO conventions). The S3 access key is "account:user", the
# secret is the tempauth key. test2:tester2 is .admin of its own account so a second, isolated account
# is usable; test:tester3 is deliberately not admin (for permission tests).
TEMPAUTH_USERS=(
  "user_admin_admin = admin .admin .reseller_admin"
  "user_test_tester = testing .admin"
  "user_test2_tester2 = testing2 .admin"
  "user_test_tester3 = testing3"
)

SWIFT_PROCS=(memcached account container object container-updater object-updater proxy fault-proxy)
KEYSTONE_PROCS=(keystone keystone-proxy)
ALL_PROCS=("${SWIFT_PROCS[@]}" "${KEYSTONE_PROCS[@]}")

SERVER_PKGS=(python3-swift swift swift-proxy swift-account swift-container swift-object python3-keystone
  python3-keystonemiddleware python3-swiftclient attr memcached curl)
TOOL_PKGS=(rclone chromium openssl)

# Debian's python3 packages, not a pyenv shim on PATH; -I ignores PYTHONPATH and user site-packages.
PY=(/usr/bin/python3 -I)

log() { printf '[test-servers] %s\n' "$*" >&2; }

die() {
  log "ERROR: $*"
  exit 1
}

# Fail with the end of a log file, because "did not start" alone never explains anything.
die_with_log() {
  local msg=$1 file=$2
  log "ERROR: $msg"
  if [[ -f $file ]]; then
    log "---- last 40 lines of $file ----"
    tail -n 40 -- "$file" >&2 || true
    log "---- end of $file ----"
  fi
  exit 1
}

now_ms() { date +%s%3N; }

# Shell-quote a value for the env files.
q() { printf '%q' "$1"; }

# ---------------------------------------------------------------------------------------------------
# install
# ---------------------------------------------------------------------------------------------------

cmd_install() {
  local pkgs=("${SERVER_PKGS[@]}") missing=() p
  if [[ ${TS_INSTALL_TOOLS:-1} != 0 ]]; then pkgs+=("${TOOL_PKGS[@]}"); fi
  for p in "${pkgs[@]}"; do
    if [[ $(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true) != installed ]]; then
      missing+=("$p")
    fi
  done
  if ((${#missing[@]} == 0)); then return 0; fi

  log "installing missing Debian packages: ${missing[*]}"
  local sudo=()
  if ((EUID != 0)); then
    command -v sudo >/dev/null || die "packages missing (${missing[*]}); rerun as root or install sudo"
    sudo=(sudo)
  fi
  # A subshell so the EXIT trap that removes our policy-rc.d fires right after the install, also on error.
  (
    # Package postinst scripts would otherwise start distro services with /etc/swift defaults
    # (0.0.0.0:8080 ...) and memcached on 11211. Only create the guard if the machine has none,
    # and only remove what we created.
    if [[ ! -e /usr/sbin/policy-rc.d ]]; then
      trap '"${sudo[@]}" rm -f /usr/sbin/policy-rc.d' EXIT
      printf '#!/bin/sh\n# temporary, created by swift2s3 scripts/test-servers.sh\nexit 101\n' |
        "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
      "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
    fi
    # One update only when something is missing: a fresh machine has no package lists at all.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 update
    # The lock timeout matters: CI may install chromium in parallel and hold the dpkg lock.
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive \
      apt-get -o DPkg::Lock::Timeout=600 install -y --no-install-recommends "${missing[@]}"
  )
}

# ---------------------------------------------------------------------------------------------------
# process table: one name -> command, port, health check, and a marker that proves a pid is ours
# ---------------------------------------------------------------------------------------------------

# Sets CMD (array), PORT, HEALTH (http|keystone|memcached|none), MARKER for process $1.
spec() {
  PORT=-
  HEALTH=none
  case $1 in
    account) PORT=$TS_ACCOUNT_PORT HEALTH=http CMD=(swift-account-server "$ETC/account-server.conf" -v) ;;
    container) PORT=$TS_CONTAINER_PORT HEALTH=http CMD=(swift-container-server "$ETC/container-server.conf" -v) ;;
    object) PORT=$TS_OBJECT_PORT HEALTH=http CMD=(swift-object-server "$ETC/object-server.conf" -v) ;;
    # The updaters read their [*-updater] section from the server configs.
    container-updater) CMD=(swift-container-updater "$ETC/container-server.conf" -v) ;;
    object-updater) CMD=(swift-object-updater "$ETC/object-server.conf" -v) ;;
    proxy) PORT=$TS_PROXY_PORT HEALTH=http CMD=(swift-proxy-server "$ETC/proxy-server.conf" -v) ;;
    keystone-proxy) PORT=$TS_KEYSTONE_PROXY_PORT HEALTH=http CMD=(swift-proxy-server "$ETC/proxy-keystone.conf" -v) ;;
    fault-proxy) PORT=$TS_FAULT_PROXY_PORT HEALTH=http CMD=(swift-proxy-server "$ETC/proxy-fault.conf" -v) ;;
    memcached)
      # -U 0: no UDP. memcached refuses to run as root unless told which user to be.
      PORT=$TS_MEMCACHED_PORT HEALTH=memcached
      CMD=(memcached -l "$HOST" -p "$PORT" -U 0 -m 64 -c 1024)
      if ((EUID == 0)); then CMD+=(-u root); fi
      ;;
    keystone)
      # keystone-wsgi-public is wsgiref's single-threaded test server; enough for tests (see health).
      PORT=$TS_KEYSTONE_PORT HEALTH=keystone
      CMD=(env "OS_KEYSTONE_CONFIG_DIR=$KS/etc" OS_KEYSTONE_CONFIG_FILES=keystone.conf
        keystone-wsgi-public --host "$HOST" --port "$PORT")
      ;;
    *) die "unknown process name '$1' (known: ${ALL_PROCS[*]})" ;;
  esac
  case $1 in
    memcached) MARKER="memcached -l $HOST -p $PORT" ;;
    keystone) MARKER="keystone-wsgi-public --host $HOST --port $PORT" ;;
    *) MARKER="${CMD[0]} ${CMD[1]}" ;;
  esac
}

pid_of() {
  local f=$RUN/$1.pid pid
  [[ -f $f ]] || return 1
  pid=$(<"$f")
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  printf '%s' "$pid"
}

# True if the recorded pid is alive, not a zombie, and really runs our command line (pids get reused,
# and we must never signal a stranger's process).
is_alive() {
  local pid
  spec "$1"
  pid=$(pid_of "$1") || return 1
  runs_marker "$pid" "$MARKER"
}

# True if process $1 is alive, not a zombie, and its command line contains $2. Builtins only (read,
# mapfile): this runs for every process in /proc while stopping, so forks would add up.
runs_marker() {
  local pid=$1 marker=$2 stat args=()
  read -r stat 2>/dev/null <"/proc/$pid/stat" || return 1
  stat=${stat##*) }
  [[ ${stat%% *} != Z ]] || return 1
  mapfile -d '' args 2>/dev/null <"/proc/$pid/cmdline" || return 1
  [[ " ${args[*]} " == *"$marker"* ]]
}

# Members of process group $1. Each server runs in its own session/group (setsid), and Swift forks a
# worker into that group, so signalling the group reaches the worker too. Reads /proc because minimal
# Debian images have no procps (ps, pgrep).
group_members() {
  local pgid=$1 f stat pg
  for f in /proc/[0-9]*/stat; do
    read -r stat 2>/dev/null <"$f" || continue
    stat=${stat##*) }
    read -r _ _ pg _ <<<"$stat"
    if [[ $pg == "$pgid" ]]; then
      f=${f#/proc/}
      printf '%s\n' "${f%/stat}"
    fi
  done
}

# True if any member of group $1 still runs a command line containing $2 (zombies do not count).
group_alive() {
  local pgid=$1 marker=$2 p
  runs_marker "$pgid" "$marker" && return 0
  for p in $(group_members "$pgid"); do
    runs_marker "$p" "$marker" && return 0
  done
  return 1
}

# One probe, bounded by a timeout. Keystone gets a longer one: it is single-threaded and a slow answer
# under load is still an answer.
probe() {
  local name=$1
  spec "$name"
  case $HEALTH in
    none) return 0 ;;
    http) curl -fsS --noproxy '*' --max-time 2 -o /dev/null "http://$HOST:$PORT/healthcheck" 2>/dev/null ;;
    keystone) curl -fsS --noproxy '*' --max-time 4 -o /dev/null "http://$HOST:$PORT/v3" 2>/dev/null ;;
    memcached)
      # shellcheck disable=SC2016 # expanded by the inner bash, on purpose
      timeout 2 bash -c 'exec 3<>"/dev/tcp/$1/$2" && printf "version\r\n" >&3 && read -r l <&3 && [[ $l == VERSION* ]]' \
        _ "$HOST" "$PORT" 2>/dev/null
      ;;
  esac
}

# Start $1 detached. setsid gives it its own session and process group: Swift servers answer SIGTERM
# with killpg(0), which would otherwise kill this script (and CI) with them. The inner bash writes its
# own pid and then execs, so the pid file holds the real server pid. It also closes inherited file
# descriptors above 2: an inherited pipe (CI capturing our output) or our lock fd would otherwise stay
# open for the server's lifetime and make callers hang.
launch() {
  local name=$1 pidf=$RUN/$1.pid logf=$LOG/$1.log i
  spec "$name"
  rm -f -- "$pidf"
  # Someone else on our port (another checkout's servers, a distro service) would answer our health
  # checks while our server keeps retrying its bind: refuse early and say so.
  # shellcheck disable=SC2016 # expanded by the inner bash, on purpose
  if [[ $PORT != - ]] && timeout 1 bash -c 'exec 3<>"/dev/tcp/$1/$2"' _ "$HOST" "$PORT" 2>/dev/null; then
    die "port $PORT (for $name) is already in use by a process this script did not start here; stop it or set TS_*_PORT"
  fi
  printf '==== %s starting %s: %s\n' "$(date -Is)" "$name" "${CMD[*]}" >>"$logf"
  # shellcheck disable=SC2016 # expanded by the inner bash, on purpose
  env -u PYTHONPATH -u PYTHONHOME NO_PROXY="$HOST,localhost" no_proxy="$HOST,localhost" \
    setsid -f bash -c '
      pidf=$1; shift
      for fd in /proc/$$/fd/*; do
        fd=${fd##*/}
        if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec $fd>&-"; fi
      done
      echo $$ >"$pidf"
      exec "$@"' launch "$pidf" "${CMD[@]}" </dev/null >>"$logf" 2>&1
  for ((i = 0; i < 100; i++)); do
    [[ -s $pidf ]] && return 0
    sleep 0.05
  done
  die_with_log "$name: no pid file after 5 s" "$logf"
}

# Poll until $1 answers its health check, at most $2 seconds. Returns 2 at once if the process died
# (no point waiting), 1 on timeout.
wait_healthy() {
  local name=$1 secs=$2 deadline
  deadline=$(($(now_ms) + secs * 1000))
  while :; do
    is_alive "$name" || return 2
    probe "$name" && return 0
    (($(now_ms) < deadline)) || return 1
    sleep 0.1
  done
}

# Bring up the given processes: start what is not running, in parallel, then wait for each. A process
# that is alive but does not answer within 10 s is considered wedged (Keystone's wsgiref server can wedge
# under a connection flood) and is restarted once.
bring_up() {
  local name rc started=() was_running=()
  for name in "$@"; do
    if is_alive "$name"; then
      was_running+=("$name")
    else
      # The leader may be dead while its Swift worker lives on in the old group (e.g. after a
      # SIGKILL), still serving the port with the old config. Clear that out first.
      stop_procs "$name"
      launch "$name"
      started+=("$name")
    fi
  done
  for name in "${was_running[@]}"; do
    rc=0
    wait_healthy "$name" 10 || rc=$?
    if ((rc != 0)); then
      log "$name is running but not answering; restarting it"
      stop_procs "$name"
      launch "$name"
      started+=("$name")
    fi
  done
  for name in "${started[@]}"; do
    local limit=30
    [[ $name == keystone ]] && limit=60
    rc=0
    wait_healthy "$name" "$limit" || rc=$?
    case $rc in
      0) ;;
      2) die_with_log "$name exited during startup" "$LOG/$name.log" ;;
      *) die_with_log "$name did not answer its health check within ${limit} s" "$LOG/$name.log" ;;
    esac
  done
}

# Stop the given processes: TERM to each recorded process group, wait up to ~10 s for all of them, then
# KILL the stragglers. Only pids from our pid files are touched, and only while they still run our
# command line.
stop_procs() {
  local name pid pending=() deadline
  for name in "$@"; do
    pid=$(pid_of "$name") || continue
    spec "$name"
    if is_alive "$name" || group_alive "$pid" "$MARKER"; then
      kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
      # A fault test may have frozen it with SIGSTOP; a stopped process never acts on SIGTERM.
      kill -CONT -- "-$pid" 2>/dev/null || true
      pending+=("$name")
    else
      rm -f -- "$RUN/$name.pid"
    fi
  done
  deadline=$(($(now_ms) + 10000))
  while ((${#pending[@]})); do
    local still=()
    for name in "${pending[@]}"; do
      pid=$(pid_of "$name") || continue
      spec "$name"
      if group_alive "$pid" "$MARKER"; then still+=("$name"); else rm -f -- "$RUN/$name.pid"; fi
    done
    pending=("${still[@]}")
    ((${#pending[@]})) || break
    if (($(now_ms) >= deadline)); then
      for name in "${pending[@]}"; do
        pid=$(pid_of "$name") || continue
        log "$name (pid $pid) ignored SIGTERM for 10 s; sending SIGKILL"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
        rm -f -- "$RUN/$name.pid"
      done
      break
    fi
    sleep 0.1
  done
}

# ---------------------------------------------------------------------------------------------------
# configuration
# ---------------------------------------------------------------------------------------------------

# Swift reads swift_hash_path_prefix/suffix from the hard-wired /etc/swift/swift.conf; swift_dir only
# moves the rings. Debian ships one ("changeme" values, which is fine for tests). Never overwrite an
# existing one: it may belong to a real cluster on this machine.
write_swift_conf() {
  [[ -f /etc/swift/swift.conf ]] && return 0
  ((EUID == 0)) || die "/etc/swift/swift.conf is missing and only root can create it"
  log "creating /etc/swift/swift.conf (test values)"
  mkdir -p /etc/swift
  cat >/etc/swift/swift.conf <<'EOF'
# created by swift2s3 scripts/test-servers.sh for loopback test servers
[swift-hash]
swift_hash_path_suffix = changeme
swift_hash_path_prefix = changeme

[storage-policy:0]
name = Policy-0
default = yes
EOF
}

# Settings shared by every Swift process. Logs: the servers run with -v (console) into $LOG; there is
# no /dev/log, so Swift's syslog copy falls back to UDP, which we point at the loopback discard port.
common_default() {
  cat <<EOF
[DEFAULT]
bind_ip = $HOST
user = $(id -un)
swift_dir = $ETC
devices = $DIR/srv/node
mount_check = false
disable_fallocate = true
workers = 1
log_udp_host = $HOST
log_udp_port = 9
EOF
}

write_backend_conf() {
  local kind=$1 port=$2
  {
    common_default
    cat <<EOF
bind_port = $port
log_name = $kind-server
# The updaters write recon stats here; the default /var/cache/swift gives tracebacks. (Not in the
# proxies' [DEFAULT]: keystonemiddleware would warn about an unknown option.)
recon_cache_path = $DIR/cache

[pipeline:main]
pipeline = healthcheck recon $kind-server

[app:$kind-server]
use = egg:swift#$kind

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:recon]
use = egg:swift#recon

[$kind-replicator]

[$kind-auditor]
EOF
    case $kind in
      # Without the updaters the account listing keeps stale object counts and bytes; 2 s keeps them
      # fresh enough for tests that look at account stats.
      container) printf '\n[container-updater]\ninterval = 2\n\n[container-sync]\n' ;;
      object) printf '\n[object-updater]\ninterval = 2\n' ;;
      account) printf '\n[account-reaper]\n' ;;
    esac
  } >"$ETC/$kind-server.conf.tmp"
  mv -f -- "$ETC/$kind-server.conf.tmp" "$ETC/$kind-server.conf"
}

# The filters common to all three proxies. error_suppression_interval is short because the fault tests
# stop and restart backends: with the default 60 s a restarted backend stays error-limited (503) for a
# minute after it is back.
proxy_common() {
  local port=$1 name=$2
  common_default
  cat <<EOF
bind_port = $port
log_name = $name

[app:proxy-server]
use = egg:swift#proxy
account_autocreate = true
error_suppression_interval = 2

[filter:catch_errors]
use = egg:swift#catch_errors

[filter:gatekeeper]
use = egg:swift#gatekeeper

[filter:healthcheck]
use = egg:swift#healthcheck

[filter:proxy-logging]
use = egg:swift#proxy_logging

# tempauth keeps its tokens here: without memcached /auth/v1.0 hands out tokens that are then rejected.
[filter:cache]
use = egg:swift#memcache
memcache_servers = $HOST:$TS_MEMCACHED_PORT

[filter:listing_formats]
use = egg:swift#listing_formats

[filter:bulk]
use = egg:swift#bulk

[filter:tempurl]
use = egg:swift#tempurl

[filter:s3api]
use = egg:swift#s3api
location = $S3_REGION
s3_acl = false

[filter:copy]
use = egg:swift#copy

[filter:container-quotas]
use = egg:swift#container_quotas

[filter:account-quotas]
use = egg:swift#account_quotas

[filter:slo]
use = egg:swift#slo

[filter:dlo]
use = egg:swift#dlo

[filter:versioned_writes]
use = egg:swift#versioned_writes

[filter:symlink]
use = egg:swift#symlink
EOF
}

# Tempauth proxy: S3 keys are the tempauth users (access key "account:user", secret = key). s3api must
# sit before tempauth so tempauth can check the S3 signature. No ratelimit: tests hammer it on purpose.
write_tempauth_proxy_conf() {
  local file=$1 port=$2 name=$3 users_file=$4
  {
    proxy_common "$port" "$name"
    cat <<EOF

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl s3api tempauth copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[filter:tempauth]
use = egg:swift#tempauth
EOF
    cat -- "$users_file"
  } >"$file.tmp"
  mv -f -- "$file.tmp" "$file"
}

# Keystone proxy. Order matters: "authtoken s3api s3token keystoneauth" works, while the order from
# the Swift docs ("s3api s3token authtoken keystoneauth") ends in 403 SignatureDoesNotMatch here.
# s3token needs service credentials: Debian's patched Keystone 22 protects POST /v3/s3tokens with
# rule:service_or_admin, and without them every S3 request fails with SignatureDoesNotMatch.
write_keystone_proxy_conf() {
  {
    proxy_common "$TS_KEYSTONE_PROXY_PORT" proxy-keystone
    cat <<EOF

[pipeline:main]
pipeline = catch_errors gatekeeper healthcheck proxy-logging cache listing_formats bulk tempurl authtoken s3api s3token keystoneauth copy container-quotas account-quotas slo dlo versioned_writes symlink proxy-logging proxy-server

[filter:authtoken]
paste.filter_factory = keystonemiddleware.auth_token:filter_factory
www_authenticate_uri = $KS_URL
auth_url = $KS_URL
auth_type = password
project_domain_id = default
user_domain_id = default
project_name = service
username = swift
password = $KS_SWIFT_PASSWORD
delay_auth_decision = true
# Token validations are cached in Swift's memcached: the first request with a new token costs ~0.8 s,
# later ones a few ms.
cache = swift.cache

[filter:s3token]
use = egg:swift#s3token
auth_uri = $KS_URL
auth_url = $KS_URL
auth_type = password
username = swift
password = $KS_SWIFT_PASSWORD
project_name = service
user_domain_id = default
project_domain_id = default
# With service auth configured, s3token can cache each EC2 secret in memcached and check signatures
# locally; otherwise every S3 request costs a POST /v3/s3tokens on the single-threaded Keystone.
secret_cache_duration = 60

[filter:keystoneauth]
use = egg:swift#keystoneauth
operator_roles = admin, member, swiftoperator
reseller_admin_role = ResellerAdmin
EOF
  } >"$ETC/proxy-keystone.conf.tmp"
  mv -f -- "$ETC/proxy-keystone.conf.tmp" "$ETC/proxy-keystone.conf"
}

write_fault_proxy_conf() {
  write_tempauth_proxy_conf "$ETC/proxy-fault.conf" "$TS_FAULT_PROXY_PORT" proxy-fault "$ETC/fault-tempauth-users"
}

# Configs are regenerated on every start (cheap, and port changes take effect); the fault proxy's user
# list is the exception: it is state that set-tempauth-key changes, kept in its own file.
write_configs() {
  mkdir -p -- "$ETC" "$RUN" "$LOG" "$DIR/cache" "$DIR/srv/node/d1"
  touch -- "$DIR/.test-servers-dir"
  write_backend_conf account "$TS_ACCOUNT_PORT"
  write_backend_conf container "$TS_CONTAINER_PORT"
  write_backend_conf object "$TS_OBJECT_PORT"
  printf '%s\n' "${TEMPAUTH_USERS[@]}" >"$ETC/tempauth-users"
  [[ -f $ETC/fault-tempauth-users ]] || cp -- "$ETC/tempauth-users" "$ETC/fault-tempauth-users"
  write_tempauth_proxy_conf "$ETC/proxy-server.conf" "$TS_PROXY_PORT" proxy-server "$ETC/tempauth-users"
  write_fault_proxy_conf
  write_keystone_proxy_conf
}

# One device per ring, one replica. Built in a single Python process with Swift's RingBuilder: nine
# swift-ring-builder invocations cost ~3.5 s of interpreter start-up. Rebuilt only when ports change.
build_rings() {
  local stamp="$TS_ACCOUNT_PORT $TS_CONTAINER_PORT $TS_OBJECT_PORT"
  if [[ -f $ETC/rings.stamp && $(<"$ETC/rings.stamp") == "$stamp" && -f $ETC/account.ring.gz ]]; then
    return 0
  fi
  log "building rings"
  "${PY[@]}" - "$ETC" "$HOST" "$TS_ACCOUNT_PORT" "$TS_CONTAINER_PORT" "$TS_OBJECT_PORT" <<'PYEOF'
import os, sys
from swift.common.ring import RingBuilder
from swift.common.storage_policy import POLICIES, REPL_POLICY

etc, host, aport, cport, oport = sys.argv[1], sys.argv[2], *map(int, sys.argv[3:6])

def build(name, port):
    b = RingBuilder(10, 1, 1)  # 2^10 partitions, 1 replica, min_part_hours 1
    b.add_dev({'id': 0, 'region': 1, 'zone': 1, 'ip': host, 'port': port,
               'replication_ip': host, 'replication_port': port, 'device': 'd1', 'weight': 1})
    b.rebalance()
    b.save(os.path.join(etc, name + '.builder'))
    b.get_ring().save(os.path.join(etc, name + '.ring.gz'))

build('account', aport)
build('container', cport)
# One object ring per storage policy in /etc/swift/swift.conf (Debian's has only policy 0).
for policy in POLICIES:
    if policy.policy_type != REPL_POLICY:
        sys.exit('storage policy %s is %s; only replication policies are supported here'
                 % (policy.name, policy.policy_type))
    build(policy.ring_name, oport)
PYEOF
  printf '%s' "$stamp" >"$ETC/rings.stamp"
}

# ---------------------------------------------------------------------------------------------------
# Keystone
# ---------------------------------------------------------------------------------------------------

write_keystone_conf() {
  mkdir -p -- "$KS/etc"
  cat >"$KS/etc/keystone.conf.tmp" <<EOF
[DEFAULT]
use_stderr = true

[database]
connection = sqlite:///$KS/keystone.db

[token]
provider = fernet

[fernet_tokens]
key_repository = $KS/fernet-keys

[fernet_receipts]
key_repository = $KS/fernet-keys

[credential]
key_repository = $KS/credential-keys

[identity]
# bcrypt's minimum cost. The default (12) makes every user/app-credential create and every password
# or app-credential auth cost ~0.3 s on the single-threaded server; these are throwaway test secrets.
password_hash_rounds = 4
EOF
  mv -f -- "$KS/etc/keystone.conf.tmp" "$KS/etc/keystone.conf"
}

# Fresh Keystone: schema, keys, bootstrap, then the REST part. Marked done by keystone/ids.env; if any
# step fails the next start wipes the half-made database and starts over.
keystone_setup() {
  local km=(keystone-manage --config-file "$KS/etc/keystone.conf") t0 rc
  t0=$(now_ms)
  rm -rf -- "$KS/keystone.db" "$KS/keystone.db-wal" "$KS/keystone.db-shm" "$KS/fernet-keys" "$KS/credential-keys"
  mkdir -p -- "$KS/fernet-keys" "$KS/credential-keys"
  # Keystone refuses world-readable key repositories (and logs it on every request).
  chmod 700 -- "$KS/fernet-keys" "$KS/credential-keys"
  # The key setups default to the "keystone" user, which only the (unwanted) keystone package creates.
  # They do not touch the database, so they run alongside db_sync.
  "${km[@]}" fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" &
  local fernet_pid=$!
  "${km[@]}" credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" &
  local cred_pid=$!
  rc=0
  "${km[@]}" db_sync || rc=$?
  wait "$fernet_pid" || rc=$?
  wait "$cred_pid" || rc=$?
  ((rc == 0)) || die "keystone-manage db_sync/fernet_setup/credential_setup failed"
  # oslo.db opens a transaction even for reads; in the default rollback journal the second write
  # request failed with "database is locked". WAL mode is stored in the file, so once is enough.
  "${PY[@]}" -c 'import sqlite3, sys; print("journal_mode:", sqlite3.connect(sys.argv[1]).execute("PRAGMA journal_mode=WAL").fetchone()[0])' "$KS/keystone.db"
  "${km[@]}" bootstrap --bootstrap-password "$KS_ADMIN_PASSWORD" --bootstrap-username admin \
    --bootstrap-project-name admin --bootstrap-role-name admin --bootstrap-service-name keystone \
    --bootstrap-region-id "$KS_REGION" --bootstrap-admin-url "$KS_URL/" \
    --bootstrap-public-url "$KS_URL/" --bootstrap-internal-url "$KS_URL/"
  log "keystone db, keys and bootstrap: $(($(now_ms) - t0)) ms"
  bring_up keystone
  t0=$(now_ms)
  # Everything else through the REST API (keystone-manage has no commands for it).
  "${PY[@]}" - "$KS_URL" "http://$HOST:$TS_KEYSTONE_PROXY_PORT" "$KS_REGION" "$KS/ids.env" \
    "$KS_ADMIN_PASSWORD" "$KS_SWIFT_PASSWORD" "$KS_DEMO_PASSWORD" <<'PYEOF'
import json, os, shlex, sys, urllib.error, urllib.request

ks, proxy, region, out, admin_pw, swift_pw, demo_pw = sys.argv[1:8]
opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # loopback: ignore http_proxy


def call(method, path, body=None, token=None):
    req = urllib.request.Request(ks + path, method=method,
                                 data=None if body is None else json.dumps(body).encode())
    req.add_header('Content-Type', 'application/json')
    req.add_header('Accept', 'application/json')
    if token:
        req.add_header('X-Auth-Token', token)
    try:
        with opener.open(req, timeout=60) as r:
            raw = r.read()
            return r.headers, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        sys.exit('keystone %s %s -> HTTP %s: %s' % (method, path, e.code, e.read()[:400]))


def token(user, password, project):
    headers, body = call('POST', '/auth/tokens', {'auth': {
        'identity': {'methods': ['password'], 'password': {'user': {
            'name': user, 'domain': {'id': 'default'}, 'password': password}}},
        'scope': {'project': {'name': project, 'domain': {'id': 'default'}}}}})
    return headers['X-Subject-Token'], body['token']


adm, _ = token('admin', admin_pw, 'admin')
roles = {r['name']: r['id'] for r in call('GET', '/roles', token=adm)[1]['roles']}
# bootstrap made admin, member and reader; keystoneauth knows swiftoperator and ResellerAdmin.
for name in ('member', 'reader', 'swiftoperator', 'ResellerAdmin', 'service'):
    if name not in roles:
        roles[name] = call('POST', '/roles', {'role': {'name': name}}, adm)[1]['role']['id']


def project(name):
    return call('POST', '/projects', {'project': {'name': name, 'domain_id': 'default',
                                                  'description': 'swift2s3 test servers'}}, adm)[1]['project']['id']


def user(name, password, project_id):
    return call('POST', '/users', {'user': {'name': name, 'password': password, 'domain_id': 'default',
                                            'default_project_id': project_id}}, adm)[1]['user']['id']


service_pid, demo_pid = project('service'), project('demo')
swift_uid = user('swift', swift_pw, service_pid)
demo_uid = user('demo', demo_pw, demo_pid)
for p, u, r in ((service_pid, swift_uid, 'admin'), (service_pid, swift_uid, 'service'),
                (demo_pid, demo_uid, 'member')):
    call('PUT', '/projects/%s/users/%s/roles/%s' % (p, u, roles[r]), token=adm)

svc = call('POST', '/services', {'service': {'type': 'object-store', 'name': 'swift',
                                             'description': 'Swift (test servers)'}}, adm)[1]['service']['id']
for iface, url in (('public', proxy + '/v1/AUTH_%(project_id)s'),
                   ('internal', proxy + '/v1/AUTH_%(project_id)s'),
                   ('admin', proxy + '/v1')):
    call('POST', '/endpoints', {'endpoint': {'service_id': svc, 'interface': iface, 'url': url,
                                             'region_id': region}}, adm)

# As the demo user: the application credential (bound to project demo) and the EC2 key pair for S3.
demo_tok, _ = token('demo', demo_pw, 'demo')
ac = call('POST', '/users/%s/application_credentials' % demo_uid, {'application_credential': {
    'name': 'saio-migrate', 'description': 'swift2s3 tests', 'unrestricted': False}}, demo_tok)[1]
ac = ac['application_credential']
ec2 = call('POST', '/users/%s/credentials/OS-EC2' % demo_uid, {'tenant_id': demo_pid}, demo_tok)[1]['credential']

values = {
    'KS_DEMO_USER_ID': demo_uid, 'KS_DEMO_PROJECT_ID': demo_pid, 'KS_SWIFT_USER_ID': swift_uid,
    'KS_SERVICE_PROJECT_ID': service_pid, 'KS_APPCRED_ID': ac['id'], 'KS_APPCRED_NAME': ac['name'],
    'KS_APPCRED_SECRET': ac['secret'], 'KS_EC2_ACCESS': ec2['access'], 'KS_EC2_SECRET': ec2['secret'],
}
with open(out + '.tmp', 'w') as f:
    f.write(''.join('%s=%s\n' % (k, shlex.quote(v)) for k, v in values.items()))
os.rename(out + '.tmp', out)
PYEOF
  chmod 600 -- "$KS/ids.env"
  log "keystone users, catalog and credentials: $(($(now_ms) - t0)) ms"
}

# Runs in the background while the Swift side starts.
ensure_keystone() {
  if [[ -f $KS/ids.env && -f $KS/keystone.db ]]; then
    write_keystone_conf
    bring_up keystone
  else
    stop_procs keystone
    write_keystone_conf
    keystone_setup
  fi
}

# End-to-end check of the Keystone-backed proxy: app credential -> token -> account GET. /healthcheck
# alone does not show a proxy whose authtoken connections to a restarted Keystone are stuck.
keystone_proxy_works() {
  local hdrs tok code
  # shellcheck source=/dev/null
  source "$KS/ids.env"
  hdrs=$(curl -sS --noproxy '*' --max-time 10 -D - -o /dev/null -H 'Content-Type: application/json' \
    -d "{\"auth\":{\"identity\":{\"methods\":[\"application_credential\"],\"application_credential\":{\"id\":\"$KS_APPCRED_ID\",\"secret\":\"$KS_APPCRED_SECRET\"}}}}" \
    "$KS_URL/auth/tokens" 2>/dev/null) || return 1
  tok=$(printf '%s' "$hdrs" | tr -d '\r' | sed -n 's/^[Xx]-[Ss]ubject-[Tt]oken: *//p')
  [[ -n $tok ]] || return 1
  code=$(curl -sS --noproxy '*' --max-time 15 -o /dev/null -w '%{http_code}' -H "X-Auth-Token: $tok" \
    "http://$HOST:$TS_KEYSTONE_PROXY_PORT/v1/AUTH_$KS_DEMO_PROJECT_ID" 2>/dev/null) || return 1
  [[ $code == 200 || $code == 204 ]]
}

# ---------------------------------------------------------------------------------------------------
# env files and servers.json
# ---------------------------------------------------------------------------------------------------

# "user_test_tester = KEY .admin" -> key of test:tester.
tempauth_key() {
  local file=$1 user=$2 acct name line
  acct=${user%%:*} name=${user#*:}
  line=$(grep -E "^user_${acct//./\\.}_${name//./\\.} *=" -- "$file" | head -n 1) || return 1
  line=${line#*=}
  read -r line _ <<<"$line"
  printf '%s' "$line"
}

write_env_files() {
  local fault_key
  fault_key=$(tempauth_key "$ETC/fault-tempauth-users" test:tester || true)

  cat >"$DIR/env-tempauth.sh.tmp" <<EOF
# Swift tempauth v1 on the main proxy (source it). Generated by scripts/test-servers.sh.
unset $OS_VARS
export ST_AUTH=http://$HOST:$TS_PROXY_PORT/auth/v1.0
export ST_USER=test:tester
export ST_KEY=testing
EOF
  cat >"$DIR/env-s3.sh.tmp" <<EOF
# S3 (Swift s3api, tempauth keys) on the main proxy; path-style addressing. Generated by scripts/test-servers.sh.
unset $AWS_VARS
export S3_ENDPOINT=http://$HOST:$TS_PROXY_PORT
export AWS_ENDPOINT_URL=http://$HOST:$TS_PROXY_PORT
export AWS_ENDPOINT_URL_S3=http://$HOST:$TS_PROXY_PORT
export AWS_ACCESS_KEY_ID=test:tester
export AWS_SECRET_ACCESS_KEY=testing
export AWS_REGION=$S3_REGION
export AWS_DEFAULT_REGION=$S3_REGION
EOF
  cat >"$DIR/env-fault.sh.tmp" <<EOF
# Fault-test proxy (tempauth + S3), which tests stop, restart and re-key. Generated by scripts/test-servers.sh.
unset $OS_VARS $AWS_VARS
export ST_AUTH=http://$HOST:$TS_FAULT_PROXY_PORT/auth/v1.0
export ST_USER=test:tester
export ST_KEY=$(q "$fault_key")
export S3_ENDPOINT=http://$HOST:$TS_FAULT_PROXY_PORT
export AWS_ENDPOINT_URL=http://$HOST:$TS_FAULT_PROXY_PORT
export AWS_ENDPOINT_URL_S3=http://$HOST:$TS_FAULT_PROXY_PORT
export AWS_ACCESS_KEY_ID=test:tester
export AWS_SECRET_ACCESS_KEY=$(q "$fault_key")
export AWS_REGION=$S3_REGION
export AWS_DEFAULT_REGION=$S3_REGION
EOF
  local f
  for f in env-tempauth.sh env-s3.sh env-fault.sh; do mv -f -- "$DIR/$f.tmp" "$DIR/$f"; done

  if ((NO_KEYSTONE == 0)); then
    # shellcheck source=/dev/null
    source "$KS/ids.env"
    cat >"$DIR/env-keystone.sh.tmp" <<EOF
# Keystone v3 application credential (project demo). Generated by scripts/test-servers.sh.
unset $ST_VARS $OS_VARS
export OS_AUTH_URL=$KS_URL
export OS_AUTH_TYPE=v3applicationcredential
export OS_IDENTITY_API_VERSION=3
export OS_APPLICATION_CREDENTIAL_ID=$(q "$KS_APPCRED_ID")
export OS_APPLICATION_CREDENTIAL_SECRET=$(q "$KS_APPCRED_SECRET")
export OS_REGION_NAME=$KS_REGION
export OS_INTERFACE=public
EOF
    cat >"$DIR/env-keystone-s3.sh.tmp" <<EOF
# S3 through the Keystone proxy with the demo user's EC2 credential. Generated by scripts/test-servers.sh.
unset $AWS_VARS
export S3_ENDPOINT=http://$HOST:$TS_KEYSTONE_PROXY_PORT
export AWS_ENDPOINT_URL=http://$HOST:$TS_KEYSTONE_PROXY_PORT
export AWS_ENDPOINT_URL_S3=http://$HOST:$TS_KEYSTONE_PROXY_PORT
export AWS_ACCESS_KEY_ID=$(q "$KS_EC2_ACCESS")
export AWS_SECRET_ACCESS_KEY=$(q "$KS_EC2_SECRET")
export AWS_REGION=$S3_REGION
export AWS_DEFAULT_REGION=$S3_REGION
EOF
    for f in env-keystone.sh env-keystone-s3.sh; do mv -f -- "$DIR/$f.tmp" "$DIR/$f"; done
  else
    rm -f -- "$DIR/env-keystone.sh" "$DIR/env-keystone-s3.sh"
  fi
  chmod 600 -- "$DIR"/env-*.sh
  write_servers_json
}

# Everything above in one machine-readable file for the Node tests. "keystone" is null when Keystone
# was skipped.
write_servers_json() {
  local ks_file=
  ((NO_KEYSTONE == 0)) && ks_file=$KS/ids.env
  TSJ_DIR=$DIR TSJ_HOST=$HOST TSJ_ETC=$ETC TSJ_KS_FILE=$ks_file TSJ_KS_URL=$KS_URL TSJ_KS_REGION=$KS_REGION \
    TSJ_S3_REGION=$S3_REGION TSJ_ADMIN_PW=$KS_ADMIN_PASSWORD TSJ_DEMO_PW=$KS_DEMO_PASSWORD \
    TSJ_PORTS="proxy=$TS_PROXY_PORT keystoneProxy=$TS_KEYSTONE_PROXY_PORT faultProxy=$TS_FAULT_PROXY_PORT keystone=$TS_KEYSTONE_PORT object=$TS_OBJECT_PORT container=$TS_CONTAINER_PORT account=$TS_ACCOUNT_PORT memcached=$TS_MEMCACHED_PORT" \
    "${PY[@]}" - <<'PYEOF'
import json, os, shlex

e = os.environ
host, d = e['TSJ_HOST'], e['TSJ_DIR']
ports = {k: int(v) for k, v in (p.split('=') for p in e['TSJ_PORTS'].split())}
region = e['TSJ_S3_REGION']


def users(path):
    # tempauth lines: user_<account>_<user> = <key> [groups...]
    out = []
    with open(path) as f:
        for line in f:
            if not line.startswith('user_') or '=' not in line:
                continue
            left, right = line.split('=', 1)
            account, user = left.strip()[len('user_'):].split('_', 1)
            key, *groups = right.split()
            out.append({'user': '%s:%s' % (account, user), 'key': key, 'account': 'AUTH_' + account,
                        'groups': groups})
    return out


def tempauth_proxy(port, users_file, env_file):
    base = 'http://%s:%d' % (host, port)
    us = users(users_file)
    tester = next(u for u in us if u['user'] == 'test:tester')
    return {'url': base, 'authUrl': base + '/auth/v1.0', 'infoUrl': base + '/info',
            'storageUrl': base + '/v1/AUTH_test', 'users': us, 'envFile': os.path.join(d, env_file),
            's3': {'endpoint': base, 'region': region, 'accessKeyId': tester['user'],
                   'secretAccessKey': tester['key'], 'forcePathStyle': True}}


keystone = None
if e['TSJ_KS_FILE']:
    ids = {}
    with open(e['TSJ_KS_FILE']) as f:
        for line in f:
            k, v = line.rstrip('\n').split('=', 1)
            ids[k] = shlex.split(v)[0]
    kp = 'http://%s:%d' % (host, ports['keystoneProxy'])
    keystone = {
        'authUrl': e['TSJ_KS_URL'], 'region': e['TSJ_KS_REGION'], 'interface': 'public',
        'envFile': os.path.join(d, 'env-keystone.sh'),
        'admin': {'user': 'admin', 'password': e['TSJ_ADMIN_PW'], 'project': 'admin', 'domain': 'default'},
        'demo': {'userId': ids['KS_DEMO_USER_ID'], 'userName': 'demo', 'password': e['TSJ_DEMO_PW'],
                 'projectId': ids['KS_DEMO_PROJECT_ID'], 'projectName': 'demo', 'domain': 'default'},
        'applicationCredential': {'id': ids['KS_APPCRED_ID'], 'name': ids['KS_APPCRED_NAME'],
                                  'secret': ids['KS_APPCRED_SECRET']},
        'ec2': {'access': ids['KS_EC2_ACCESS'], 'secret': ids['KS_EC2_SECRET']},
        'proxyUrl': kp, 'storageUrl': '%s/v1/AUTH_%s' % (kp, ids['KS_DEMO_PROJECT_ID']),
        's3': {'endpoint': kp, 'region': region, 'accessKeyId': ids['KS_EC2_ACCESS'],
               'secretAccessKey': ids['KS_EC2_SECRET'], 'forcePathStyle': True,
               'envFile': os.path.join(d, 'env-keystone-s3.sh')},
    }

main = tempauth_proxy(ports['proxy'], os.path.join(e['TSJ_ETC'], 'tempauth-users'), 'env-tempauth.sh')
doc = {
    'version': 1,
    'dir': d,
    'host': host,
    'ports': ports,
    'tempauth': main,
    's3': dict(main['s3'], envFile=os.path.join(d, 'env-s3.sh')),
    'fault': tempauth_proxy(ports['faultProxy'], os.path.join(e['TSJ_ETC'], 'fault-tempauth-users'),
                            'env-fault.sh'),
    'keystone': keystone,
    'logDir': os.path.join(d, 'log'),
}
path = os.path.join(d, 'servers.json')
with open(path + '.tmp', 'w') as f:
    json.dump(doc, f, indent=2)
    f.write('\n')
os.chmod(path + '.tmp', 0o600)
os.rename(path + '.tmp', path)
PYEOF
}

# ---------------------------------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------------------------------

# Serialise start/stop/restart/set-tempauth-key: two CI steps starting at once would otherwise race on
# pid files. launch() closes this fd in the servers, so the lock dies with this script.
take_lock() {
  mkdir -p -- "$DIR"
  exec 9>"$DIR/.lock"
  flock -w 300 9 || die "another test-servers.sh holds $DIR/.lock"
}

require_started() {
  [[ -f $ETC/proxy-server.conf ]] || die "nothing set up in $DIR; run: bash scripts/test-servers.sh start"
}

cmd_start() {
  local t0 ks_job=
  t0=$(now_ms)
  cmd_install
  command -v flock >/dev/null || die "flock (util-linux) not found"
  take_lock
  write_swift_conf
  write_configs
  build_rings

  local ks_log_offset=0
  if ((NO_KEYSTONE == 0)); then
    rm -f -- "$RUN/keystone.disabled"
    [[ -f $LOG/keystone-setup.log ]] && ks_log_offset=$(stat -c %s -- "$LOG/keystone-setup.log")
    # Keystone's schema and bootstrap take ~10 s of mostly CPU; run them while the Swift side starts.
    ensure_keystone >>"$LOG/keystone-setup.log" 2>&1 &
    ks_job=$!
  else
    touch -- "$RUN/keystone.disabled"
  fi

  local procs=("${SWIFT_PROCS[@]}")
  ((NO_KEYSTONE == 0)) && procs+=(keystone-proxy)
  bring_up "${procs[@]}"

  if [[ -n $ks_job ]]; then
    wait "$ks_job" || die_with_log "Keystone setup failed (see $LOG/keystone-setup.log and $LOG/keystone.log)" \
      "$LOG/keystone-setup.log"
    # Show this run's summary lines from the (appended) setup log.
    tail -c "+$((ks_log_offset + 1))" -- "$LOG/keystone-setup.log" | grep -E '^\[test-servers\]' >&2 || true
  fi

  write_env_files

  if ((NO_KEYSTONE == 0)); then
    if ! keystone_proxy_works; then
      log "Keystone proxy end-to-end check failed; restarting keystone-proxy"
      stop_procs keystone-proxy
      bring_up keystone-proxy
      keystone_proxy_works || die_with_log "Keystone proxy on $TS_KEYSTONE_PROXY_PORT does not accept app-credential tokens" \
        "$LOG/keystone-proxy.log"
    fi
  fi
  log "up in $(($(now_ms) - t0)) ms; env files: $DIR/env-*.sh, $DIR/servers.json"
}

cmd_stop() {
  [[ -d $RUN ]] || return 0
  take_lock
  # Proxies first so nothing sends requests to backends that are going away.
  stop_procs proxy keystone-proxy fault-proxy keystone container-updater object-updater account container object memcached
}

cmd_status() {
  local name state pid any_down=0 disabled=0
  [[ -f $RUN/keystone.disabled ]] && disabled=1
  printf '%-18s %-8s %-9s %s\n' NAME PID STATE PORT
  for name in "${ALL_PROCS[@]}"; do
    spec "$name"
    pid=$(pid_of "$name" 2>/dev/null) || pid=-
    if is_alive "$name"; then
      if probe "$name"; then state=up; else state=unhealthy any_down=1; fi
    elif ((disabled)) && [[ $name == keystone || $name == keystone-proxy ]]; then
      state=disabled
    else
      state=down any_down=1
    fi
    [[ $state == up || $state == unhealthy ]] || pid=-
    printf '%-18s %-8s %-9s %s\n' "$name" "$pid" "$state" "$PORT"
  done
  return $((any_down ? 3 : 0))
}

cmd_env() {
  local f found=0
  for f in env-tempauth.sh env-keystone.sh env-s3.sh env-keystone-s3.sh env-fault.sh servers.json; do
    if [[ -f $DIR/$f ]]; then
      printf '%s\n' "$DIR/$f"
      found=1
    fi
  done
  ((found)) || die "no env files in $DIR; run: bash scripts/test-servers.sh start"
}

cmd_restart() {
  local name=$1
  spec "$name" # validates the name
  require_started
  take_lock
  if [[ $name == keystone || $name == keystone-proxy ]]; then
    [[ -f $KS/ids.env ]] || die "Keystone was never set up here (started with TS_NO_KEYSTONE=1?)"
    write_keystone_conf
  fi
  # Same configs as start would write, so a restart picks up script changes and port variables.
  write_configs
  stop_procs "$name"
  bring_up "$name"
  log "$name restarted"
}

cmd_set_tempauth_key() {
  local user=$1 key=$2 acct name groups old
  [[ $user =~ ^[A-Za-z0-9.-]+:[A-Za-z0-9.-]+$ ]] ||
    die "USER must look like account:user (letters, digits, '-' and '.'; tempauth's user_ lines cannot hold '_')"
  [[ -n $key && $key != *[[:space:]]* ]] || die "KEY must be non-empty and without whitespace"
  require_started
  take_lock
  acct=${user%%:*} name=${user#*:}
  local file=$ETC/fault-tempauth-users re
  re="^user_${acct//./\\.}_${name//./\\.} *="
  old=$(grep -E "$re" -- "$file" | head -n 1 || true)
  if [[ -n $old ]]; then
    # Keep the user's groups (.admin, ...), replace only the key.
    read -r _ groups <<<"${old#*=}"
  else
    groups=.admin
    log "$user is new on the fault proxy; adding it with group .admin"
  fi
  # Replace the line in place (or append it), so the file keeps its order.
  awk -v re="$re" -v line="user_${acct}_${name} = ${key}${groups:+ $groups}" '
    $0 ~ re { if (!done) print line; done = 1; next }
    { print }
    END { if (!done) print line }' "$file" >"$file.tmp"
  mv -f -- "$file.tmp" "$file"
  write_fault_proxy_conf
  stop_procs fault-proxy
  bring_up fault-proxy
  [[ -f $RUN/keystone.disabled ]] && NO_KEYSTONE=1
  [[ -f $KS/ids.env ]] || NO_KEYSTONE=1
  write_env_files
  log "fault proxy on $TS_FAULT_PROXY_PORT restarted with a new key for $user"
}

cmd_purge() {
  cmd_stop
  [[ -e $DIR ]] || return 0
  # Refuse to rm -rf anything this script did not create (the marker, or nothing but our lock file).
  if [[ ! -f $DIR/.test-servers-dir ]]; then
    local f
    for f in "$DIR"/* "$DIR"/.[!.]*; do
      if [[ -e $f && $f != "$DIR/.lock" ]]; then
        die "$DIR does not look like a test-servers directory; not deleting it"
      fi
    done
  fi
  rm -rf -- "$DIR"
  log "removed $DIR"
}

usage() {
  sed -n '2,/^set -euo/{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

main() {
  local cmd=${1:-}
  shift || true
  case $cmd in
    start) cmd_start ;;
    stop)
      cmd_stop
      log "stopped"
      ;;
    status) cmd_status ;;
    env) cmd_env ;;
    restart)
      (($# == 1)) || usage
      cmd_restart "$1"
      ;;
    set-tempauth-key)
      (($# == 2)) || usage
      cmd_set_tempauth_key "$1" "$2"
      ;;
    purge) cmd_purge ;;
    install) cmd_install ;;
    *) usage ;;
  esac
}

main "$@"
