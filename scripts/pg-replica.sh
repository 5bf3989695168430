#!/usr/bin/env bash
# Starts a streaming read replica of the local PostgreSQL cluster, for the server's replica test
# (packages/server/test/read-replica.test.ts). Run as root (it acts as the `postgres` OS user).
#
#   scripts/pg-replica.sh start PRIMARY_PORT REPLICA_PORT DATABASE   # prints DATABASE_READ_URL=...
#   scripts/pg-replica.sh stop REPLICA_PORT
#
# pg_basebackup copies the primary (-R writes primary_conninfo and standby.signal), then the copy
# runs on its own port from a temporary directory and follows the primary's WAL. The test role
# (pxm) may pause and resume replay on the replica, to simulate replication lag.
set -euo pipefail
action=${1:?start or stop}
PG_VERSION=${PG_VERSION:-$(ls /usr/lib/postgresql | sort -V | tail -1)}
BIN=/usr/lib/postgresql/$PG_VERSION/bin
as_postgres() { su postgres -s /bin/bash -c "$*"; }

if [ "$action" = stop ]; then
  replica_port=${2:-5433}
  dir=/tmp/pxm-replica-$replica_port
  [ -f "$dir/postmaster.pid" ] && as_postgres "$BIN/pg_ctl -D $dir -m immediate -w stop" >/dev/null || true
  rm -rf "$dir"
  exit 0
fi

primary_port=${2:-5432}
replica_port=${3:-5433}
database=${4:-pxm_test}
dir=/tmp/pxm-replica-$replica_port
socket_dir=/var/run/postgresql

bash "$0" stop "$replica_port"
# Pausing replay is a superuser's right unless granted; granted in the test database on the
# primary, the grant reaches the replica with everything else.
as_postgres "psql -h $socket_dir -p $primary_port -d $database -qtAc 'GRANT EXECUTE ON FUNCTION pg_wal_replay_pause(), pg_wal_replay_resume(), pg_is_wal_replay_paused() TO pxm'"
mkdir -p "$dir" && chown postgres:postgres "$dir" && chmod 700 "$dir"
as_postgres "$BIN/pg_basebackup -h $socket_dir -p $primary_port -D $dir -X stream -R -c fast"
# Debian keeps a cluster's configuration in /etc, so the copy has none of its own: write it.
cat > "$dir/postgresql.conf" <<CONF
port = $replica_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
hot_standby = on
max_connections = 500
# Queries on the replica are not cancelled for the sake of replay (a paused replay must not fail them).
max_standby_streaming_delay = -1
hba_file = '$dir/pg_hba.conf'
ident_file = '$dir/pg_ident.conf'
CONF
printf 'local all all peer\nhost all all 127.0.0.1/32 scram-sha-256\n' > "$dir/pg_hba.conf"
: > "$dir/pg_ident.conf"
chown postgres:postgres "$dir"/*.conf
as_postgres "$BIN/pg_ctl -D $dir -l $dir/replica.log -w -t 60 start" >/dev/null
# Ready once it answers as a standby.
for _ in $(seq 1 60); do
  if [ "$(as_postgres "psql -h $dir -p $replica_port -d $database -qtAc 'SELECT pg_is_in_recovery()'" 2>/dev/null)" = t ]; then
    echo "DATABASE_READ_URL=postgres://pxm:pxm@127.0.0.1:$replica_port/$database"
    exit 0
  fi
  sleep 1
done
echo "[pg-replica] the replica did not come up: see $dir/replica.log" >&2
exit 1
