#!/usr/bin/env bash
# The course's own single-node Slurm, from Debian's packages (slurm-wlm, slurmdbd, munge,
# mariadb-server), so that notebook 12 submits job arrays to a real queue and reads `sacct`.
#
#   ./course slurm start      write the configuration, start the daemons, wait until the node is idle
#   ./course slurm status     what runs, and the node as sinfo sees it
#   ./course slurm stop       stop every daemon started here, by its pid file
#   ./course slurm node-down  kill slurmd (a node that dies mid-array); node-up starts it again
#
# Everything lives in one folder, $OPTPAR_SLURM_DIR (default ~/.optpar/slurm): configuration,
# a munge key of its own (never the machine's), pid files, logs, the controller's state and the
# accounting database. Nothing outside it is changed, and a Slurm the machine already has is
# never touched: when `sinfo` answers without us, start uses that cluster and says so.
#
# What listens while it runs: slurmctld 6817, slurmd 6818, slurmdbd 6819 (on all interfaces; munge
# authenticates every message with the course's key), MariaDB on 127.0.0.1 only. `stop` closes them all.
set -euo pipefail

DIR=${OPTPAR_SLURM_DIR:-$HOME/.optpar/slurm}
CLUSTER=optpar
DB_PORT=${OPTPAR_SLURM_DB_PORT:-6820}
UP_TIMEOUT=${OPTPAR_SLURM_TIMEOUT:-90}      # seconds for the whole cluster to come up

say() { printf 'slurm: %s\n' "$*" >&2; }
die() { printf 'slurm: %s\n' "$*" >&2; exit 1; }

ETC=$DIR/etc; RUN=$DIR/run; LOG=$DIR/log; STATE=$DIR/state; SPOOL=$DIR/spool; DB=$DIR/mysql
CONF=$ETC/slurm.conf
MUNGE_SOCKET=$RUN/munge.socket
DB_SOCKET=$RUN/mysqld.sock

# ---------------------------------------------------------------- helpers
need_root() {
  [ "$(id -u)" = 0 ] && return 0
  # sudo -n: never a password prompt that would hang a test run; ask the user to run sudo instead.
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    exec sudo -n --preserve-env=OPTPAR_SLURM_DIR,OPTPAR_SLURM_DB_PORT,OPTPAR_SLURM_TIMEOUT HOME="$HOME" bash "$0" "$@"
  fi
  die "the daemons (munged, slurmctld, slurmd, slurmdbd, MariaDB) need root: run 'sudo ./course slurm $1' (or as root)"
}

need_packages() {
  local missing=() p
  for p in munged mungekey slurmctld slurmd slurmdbd sacctmgr sinfo sbatch mariadbd mariadb-install-db mariadb; do
    command -v "$p" >/dev/null 2>&1 || [ -x "/usr/sbin/$p" ] || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] || die "missing ${missing[*]}: install the Debian packages slurm-wlm slurmdbd munge mariadb-server (./course setup does, as root)"
}

pid_of() {   # the pid in a pid file, if that process still runs
  local f=$1 pid
  [ -s "$f" ] || return 1
  pid=$(tr -dc '0-9' <"$f")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && { echo "$pid"; return 0; }
  return 1
}

# wait_for SECONDS DESCRIPTION COMMAND...: polls COMMAND until it succeeds, at most SECONDS.
wait_for() {
  local limit=$1 what=$2; shift 2
  local end=$((SECONDS + limit))
  until "$@" >/dev/null 2>&1; do
    [ $SECONDS -lt $end ] || return 1
    sleep 0.5
  done
}

# The system's own Slurm (no SLURM_CONF of ours): does sinfo answer?
foreign_slurm_answers() {
  command -v sinfo >/dev/null 2>&1 || return 1
  if [ -n "${SLURM_CONF:-}" ]; then
    [ "$SLURM_CONF" != "$CONF" ] && timeout 10 sinfo -h >/dev/null 2>&1
  else
    timeout 10 sinfo -h >/dev/null 2>&1     # the machine's /etc/slurm/slurm.conf
  fi
}

# Our controller answers (asked only when its pid file names a live process: sinfo takes 10 s to give up).
ours_answers() { pid_of "$RUN/slurmctld.pid" >/dev/null && SLURM_CONF=$CONF timeout 10 sinfo -h >/dev/null 2>&1; }

port_user() {   # who listens on TCP port $1 (empty when nobody)
  ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\("[^"]*",pid=[0-9]*\).*/\1/p' | head -1
}

last_logs() {
  local f
  for f in slurmctld slurmd slurmdbd mysqld munged; do
    [ -s "$LOG/$f.log" ] && { printf -- '--- last lines of %s:\n' "$LOG/$f.log" >&2; tail -n 8 "$LOG/$f.log" >&2; }
  done
  return 0
}

fail_start() {
  say "$1"
  last_logs
  [ -n "${OPTPAR_SLURM_KEEP:-}" ] || stop_all quiet   # OPTPAR_SLURM_KEEP=1 leaves them running, to look
  exit 1
}

# ---------------------------------------------------------------- configuration
node_line() {
  # slurmd -C reads the node's real sockets, cores, threads and memory.
  local line
  line=$(slurmd -C 2>/dev/null | head -1)
  [[ "$line" == NodeName=* ]] || die "slurmd -C could not read this machine's cores and memory"
  # Keep a little memory for the system and the daemons themselves.
  local mem
  mem=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$line")
  line=$(sed "s/RealMemory=[0-9]*/RealMemory=$((mem * 9 / 10))/; s/^NodeName=[^ ]*/NodeName=$(hostname -s)/" <<<"$line")
  echo "$line NodeAddr=127.0.0.1 State=UNKNOWN"
}

def_mem_per_cpu() {   # a job that asks for no memory gets its core's share, not the whole node
  local line cpus mem
  line=$(node_line)
  cpus=$(sed -n 's/.* CPUs=\([0-9]*\).*/\1/p' <<<"$line")
  mem=$(sed -n 's/.*RealMemory=\([0-9]*\).*/\1/p' <<<"$line")
  echo $((mem / cpus))
}

write_config() {
  mkdir -p "$ETC" "$RUN" "$LOG" "$STATE" "$SPOOL" "$DB"
  chmod 755 "$DIR" "$RUN" "$ETC"    # clients of munge need to reach its socket; the secrets are mode 600
  local host
  host=$(hostname -s)
  if [ ! -s "$ETC/munge.key" ]; then
    # A fresh key of the course's own: never the machine's /etc/munge/munge.key.
    mungekey --create --keyfile="$ETC/munge.key" --force >/dev/null 2>&1 \
      || dd if=/dev/urandom of="$ETC/munge.key" bs=1024 count=1 status=none
  fi
  chmod 600 "$ETC/munge.key"
  if [ ! -s "$ETC/db.password" ]; then
    (umask 077; head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$ETC/db.password")
  fi
  cat >"$CONF" <<CONF
# Written by ./course slurm start for this machine ($host); rewritten at every start.
ClusterName=$CLUSTER
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
CredType=cred/munge
# No systemd or cgroups needed: processes are tracked through /proc, tasks are not pinned.
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/linux
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
DefMemPerCPU=$(def_mem_per_cpu)
SchedulerType=sched/backfill
# A node that stops answering is DOWN after 10 s (the default 300 s is for real clusters), and
# comes back by itself when its slurmd answers again.
SlurmdTimeout=10
ReturnToService=2
# Jobs on a node that died are not requeued by Slurm: you see NODE_FAIL and resubmit them.
JobRequeue=0
MinJobAge=600
MaxArraySize=100001
AccountingStorageType=accounting_storage/slurmdbd
AccountingStorageHost=127.0.0.1
# For slurmdbd this names the munge socket (ours, not the machine's /run/munge).
AccountingStoragePass=$MUNGE_SOCKET
SlurmctldPidFile=$RUN/slurmctld.pid
SlurmdPidFile=$RUN/slurmd.pid
SlurmctldLogFile=$LOG/slurmctld.log
SlurmdLogFile=$LOG/slurmd.log
StateSaveLocation=$STATE
SlurmdSpoolDir=$SPOOL
$(node_line)
PartitionName=course Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  (umask 077; cat >"$ETC/slurmdbd.conf" <<CONF
# Written by ./course slurm start. Accounting (sacct) through MariaDB on 127.0.0.1:$DB_PORT.
AuthType=auth/munge
AuthInfo=socket=$MUNGE_SOCKET
DbdHost=localhost
DbdAddr=127.0.0.1
SlurmUser=root
PidFile=$RUN/slurmdbd.pid
LogFile=$LOG/slurmdbd.log
StorageType=accounting_storage/mysql
StorageHost=127.0.0.1
StoragePort=$DB_PORT
StorageUser=slurm
StoragePass=$(cat "$ETC/db.password")
StorageLoc=slurm_acct_db
CONF
  )
  chmod 600 "$ETC/slurmdbd.conf"
}

# ---------------------------------------------------------------- daemons
start_munge() {
  pid_of "$RUN/munged.pid" >/dev/null && return 0
  munged --force --socket="$MUNGE_SOCKET" --key-file="$ETC/munge.key" --pid-file="$RUN/munged.pid" \
    --log-file="$LOG/munged.log" --seed-file="$RUN/munged.seed" >>"$LOG/munged.log" 2>&1 \
    || fail_start "munged did not start"
  wait_for 15 munge bash -c "munge -S '$MUNGE_SOCKET' -n | unmunge -S '$MUNGE_SOCKET'" \
    || fail_start "munge does not answer on $MUNGE_SOCKET"
}

start_mariadb() {
  pid_of "$RUN/mysqld.pid" >/dev/null && return 0
  local user=root
  if [ ! -d "$DB/mysql" ]; then
    mariadb-install-db --user=$user --datadir="$DB" --auth-root-authentication-method=socket \
      --skip-test-db >"$LOG/mysqld-install.log" 2>&1 || fail_start "mariadb-install-db failed (see $LOG/mysqld-install.log)"
  fi
  # Only 127.0.0.1: the accounting database is nobody else's business.
  nohup mariadbd --no-defaults --user=$user --datadir="$DB" --socket="$DB_SOCKET" --bind-address=127.0.0.1 \
    --port="$DB_PORT" --pid-file="$RUN/mysqld.pid" --log-error="$LOG/mysqld.log" \
    --innodb-buffer-pool-size=64M >/dev/null 2>&1 &
  wait_for 60 mariadb mariadb --no-defaults --socket="$DB_SOCKET" -u root -e 'select 1' \
    || fail_start "MariaDB did not answer on $DB_SOCKET within 60 s"
  mariadb --no-defaults --socket="$DB_SOCKET" -u root <<SQL || fail_start "could not create the accounting database"
CREATE DATABASE IF NOT EXISTS slurm_acct_db;
CREATE USER IF NOT EXISTS 'slurm'@'127.0.0.1' IDENTIFIED BY '$(cat "$ETC/db.password")';
ALTER USER 'slurm'@'127.0.0.1' IDENTIFIED BY '$(cat "$ETC/db.password")';
GRANT ALL ON slurm_acct_db.* TO 'slurm'@'127.0.0.1';
FLUSH PRIVILEGES;
SQL
}

start_slurmdbd() {
  pid_of "$RUN/slurmdbd.pid" >/dev/null && return 0
  SLURM_CONF=$CONF slurmdbd >>"$LOG/slurmdbd.log" 2>&1 || fail_start "slurmdbd did not start"
  wait_for 30 slurmdbd env SLURM_CONF="$CONF" sacctmgr -n list cluster \
    || fail_start "slurmdbd does not answer on port 6819 within 30 s"
  if ! SLURM_CONF=$CONF sacctmgr -n -P list cluster format=cluster | grep -qx "$CLUSTER"; then
    SLURM_CONF=$CONF timeout 30 sacctmgr -i add cluster "$CLUSTER" >/dev/null || fail_start "sacctmgr could not add cluster $CLUSTER"
  fi
}

start_slurmctld() {
  pid_of "$RUN/slurmctld.pid" >/dev/null && return 0
  SLURM_CONF=$CONF slurmctld >>"$LOG/slurmctld.log" 2>&1 || fail_start "slurmctld did not start"
}

start_slurmd() {
  pid_of "$RUN/slurmd.pid" >/dev/null && return 0
  SLURM_CONF=$CONF slurmd >>"$LOG/slurmd.log" 2>&1 || fail_start "slurmd did not start"
}

node_idle() {
  SLURM_CONF=$CONF timeout 10 sinfo -h -N -o '%T' 2>/dev/null | grep -qx 'idle'
}

stop_one() {   # stop_one NAME: TERM, then KILL after 15 s
  local name=$1 pid
  pid=$(pid_of "$RUN/$name.pid") || { rm -f "$RUN/$name.pid"; return 0; }
  kill -TERM "$pid" 2>/dev/null || true
  local end=$((SECONDS + 15))
  while kill -0 "$pid" 2>/dev/null && [ $SECONDS -lt $end ]; do sleep 0.2; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid" 2>/dev/null
  rm -f "$RUN/$name.pid"
  [ "${2:-}" = quiet ] || say "stopped $name (pid $pid)"
}

stop_all() {
  local q=${1:-}
  for d in slurmd slurmctld slurmdbd mysqld munged; do stop_one "$d" "$q"; done
}

# ---------------------------------------------------------------- commands
cmd_start() {
  if ours_answers 2>/dev/null; then
    say "the course's Slurm already runs: $(SLURM_CONF=$CONF sinfo -h -N -o 'node %N %T') (SLURM_CONF=$CONF)"; return 0
  fi
  if foreign_slurm_answers; then
    say "this machine already has a Slurm that answers (sinfo): the course uses that cluster and starts none of its own"
    return 0
  fi
  need_root start
  need_packages
  local p u
  for p in 6817 6818 6819 "$DB_PORT"; do
    u=$(port_user "$p")
    if [ -n "$u" ] && ! pid_of "$RUN/slurmctld.pid" >/dev/null && ! pid_of "$RUN/mysqld.pid" >/dev/null; then
      die "port $p is in use ($u): another Slurm or database runs here; stop it or set SLURM_CONF to use it"
    fi
  done
  write_config
  local t0=$SECONDS
  start_munge
  start_mariadb
  start_slurmdbd
  start_slurmctld
  start_slurmd
  wait_for $((UP_TIMEOUT - (SECONDS - t0) > 10 ? UP_TIMEOUT - (SECONDS - t0) : 10)) idle node_idle \
    || fail_start "the node did not become idle within ${UP_TIMEOUT} s ($(SLURM_CONF=$CONF timeout 5 sinfo -h -N -o '%N %T %E' 2>&1 | head -1))"
  say "up in $((SECONDS - t0)) s: $(SLURM_CONF=$CONF sinfo -h -N -o 'node %N %T, %c cpus, %m MB') (export SLURM_CONF=$CONF to use it from a shell)"
}

cmd_status() {
  local d pid any=0
  for d in munged mysqld slurmdbd slurmctld slurmd; do
    if pid=$(pid_of "$RUN/$d.pid"); then echo "$d: running (pid $pid)"; any=1; else echo "$d: not running"; fi
  done
  if ours_answers; then
    echo "sinfo: $(SLURM_CONF=$CONF sinfo -h -N -o '%N %T %c cpus %m MB' | head -1)"
    echo "SLURM_CONF=$CONF"
    return 0
  fi
  if foreign_slurm_answers; then echo "the machine's own Slurm answers: $(timeout 10 sinfo -h -N -o '%N %T' | head -1)"; return 0; fi
  [ $any = 1 ] && { echo "the course's Slurm does not answer (see $LOG)"; return 1; }
  echo "no Slurm runs (./course slurm start)"
  return 3
}

cmd_stop() {
  if [ ! -d "$RUN" ] || ! ls "$RUN"/*.pid >/dev/null 2>&1; then say "the course's Slurm is not running"; return 0; fi
  need_root stop
  stop_all
}

case "${1:-}" in
  start) cmd_start ;;
  status) cmd_status ;;
  stop) cmd_stop ;;
  node-down)
    # Pulls the plug: slurmd dies and so do the job steps running on the node (a machine that
    # crashed), found by id through `scontrol listpids` (only this cluster's jobs) and their slurmstepd.
    need_root node-down
    pid=$(pid_of "$RUN/slurmd.pid") || die "slurmd of the course's Slurm is not running"
    victims=()
    for p in $(SLURM_CONF=$CONF timeout 10 scontrol listpids 2>/dev/null | awk 'NR > 1 && $1 ~ /^[0-9]+$/ {print $1}'); do
      victims+=("$p")
      pp=$(ps -o ppid= -p "$p" 2>/dev/null | tr -d ' ' || true)
      if [ -n "$pp" ] && [ "$(ps -o comm= -p "$pp" 2>/dev/null || true)" = slurmstepd ]; then victims+=("$pp"); fi
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$RUN/slurmd.pid"
    [ ${#victims[@]} -gt 0 ] && kill -KILL $(printf '%s\n' "${victims[@]}" | sort -u) 2>/dev/null || true
    say "killed slurmd (pid $pid) and ${#victims[@]} processes of the jobs running there: the node stops answering" ;;
  node-up)
    need_root node-up
    start_slurmd
    wait_for 15 slurmd pid_of "$RUN/slurmd.pid" || { last_logs; die "slurmd did not start again"; }
    say "slurmd started again (pid $(pid_of "$RUN/slurmd.pid")); the controller returns the node to service when it answers" ;;
  conf) echo "$CONF" ;;
  *) die "unknown command '${1:-}': use start, status, stop, node-down, node-up or conf" ;;
esac
