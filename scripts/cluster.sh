#!/usr/bin/env bash
# A production-shaped MedInfo on this machine, as docs/deploy.md describes it: a PostgreSQL server, two portals on
# it (the published Release build, in Production, the key ring encrypted by a certificate made here) and nginx in
# front of both, all on loopback ports. Open http://127.0.0.1:8088 (or $MEDINFO_CLUSTER_PORT); Ctrl+C stops
# everything and removes the cluster's folder (its database with it).
#
# nginx sends a browser back to the portal that first answered it (a cookie naming the portal: the search box's
# circuit lives there); a client without cookies is spread over both portals.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
"$root/scripts/setup.sh"

port="${MEDINFO_CLUSTER_PORT:-8088}"
pg_port=$((port + 1)); first_port=$((port + 2)); second_port=$((port + 3))
work="$(mktemp -d /tmp/medinfo-cluster.XXXXXX)"
chmod 755 "$work"
pids=()
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

stop() {
  trap - EXIT INT TERM
  echo "MedInfo cluster: stopping"
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
  [ -f "$work/pg/PG_VERSION" ] && as_postgres "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT INT TERM

echo "MedInfo cluster: publishing the portal (Release)"
dotnet publish src/MedInfo.Web -c Release -o "$work/app" --nologo -v quiet >/dev/null

echo "MedInfo cluster: PostgreSQL on 127.0.0.1:$pg_port"
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown postgres "$work/pg"
as_postgres "$bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_postgres "$bin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
  -o "-p $pg_port -k $work/pg -c listen_addresses=127.0.0.1" start >/dev/null
"$bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -q -c "CREATE DATABASE medinfo" >/dev/null

# The key ring's certificate (docs/deploy.md): made once per cluster, shared by both portals.
openssl req -x509 -newkey rsa:3072 -sha256 -days 30 -nodes -subj "/CN=MedInfo local cluster key ring" \
  -keyout "$work/keyring.key" -out "$work/keyring.crt" 2>/dev/null
openssl pkcs12 -export -inkey "$work/keyring.key" -in "$work/keyring.crt" -out "$work/keyring.pfx" -passout pass:cluster

start_portal() { # name port
  mkdir -p "$work/$1"
  ASPNETCORE_ENVIRONMENT=Production \
  MEDINFO_DATA_DIR="$work/$1" \
  MEDINFO_POSTGRES="Host=127.0.0.1;Port=$pg_port;Database=medinfo;Username=postgres" \
  MEDINFO_KEYRING_CERTIFICATE="$work/keyring.pfx" MEDINFO_KEYRING_CERTIFICATE_PASSWORD=cluster \
  MedInfo__ContentDirectory="$root/content" \
  MedInfo__Proxy__KnownProxies__0=127.0.0.1 \
    dotnet "$work/app/MedInfo.Web.dll" --urls "http://127.0.0.1:$2" >"$work/$1.log" 2>&1 &
  pids+=($!)
}
wait_for() { # url log
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "$1/healthz" 2>/dev/null && return 0
    sleep 0.2
  done
  echo "MedInfo cluster: $1 did not become ready; its log:" >&2
  tail -n 20 "$2" >&2
  exit 1
}

echo "MedInfo cluster: portals on 127.0.0.1:$first_port and 127.0.0.1:$second_port"
start_portal first "$first_port"
start_portal second "$second_port"
wait_for "http://127.0.0.1:$first_port" "$work/first.log"
wait_for "http://127.0.0.1:$second_port" "$work/second.log"

mkdir -p "$work/nginx"
# nginx's workers run as nobody when started by root: they must be able to write the buffers' folders here.
nginx_user=""
[ "$(id -u)" = 0 ] && nginx_user="user root root;"
cat >"$work/nginx/nginx.conf" <<NGINX
daemon off;
worker_processes auto;
$nginx_user
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log;
events { worker_connections 2048; }
http {
  access_log off;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  upstream both { server 127.0.0.1:$first_port; server 127.0.0.1:$second_port; keepalive 64; }
  upstream first { server 127.0.0.1:$first_port; keepalive 32; }
  upstream second { server 127.0.0.1:$second_port; keepalive 32; }
  map \$cookie_medinfo_portal \$portal { "127.0.0.1:$first_port" first; "127.0.0.1:$second_port" second; default both; }
  map \$http_upgrade \$connection_upgrade { default upgrade; "" ""; }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://\$portal;
      proxy_http_version 1.1;
      # A letter page is about 60 KB: buffered in memory, not in a temporary file per response.
      proxy_buffer_size 16k;
      proxy_buffers 16 16k;
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_set_header Upgrade \$http_upgrade;
      proxy_set_header Connection \$connection_upgrade;
      add_header Set-Cookie "medinfo_portal=\$upstream_addr; Path=/; HttpOnly; SameSite=Lax" always;
    }
  }
}
NGINX
/usr/sbin/nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pids+=($!)
wait_for "http://127.0.0.1:$port" "$work/nginx/error.log"

echo "MedInfo cluster: open http://127.0.0.1:$port (nginx over both portals; Ctrl+C stops everything)"
echo "MedInfo cluster: logs in $work (first.log, second.log, nginx/error.log, pg/server.log)"
wait "${pids[@]}"
