#!/usr/bin/env bash
# Installs what Kite needs and a fresh Debian machine may lack: PostgreSQL server binaries, RabbitMQ (with Erlang),
# util-linux (setsid, setpriv, unshare), Chromium (the UI's browser tests drive Debian's build headless) and
# debootstrap (scripts/build-images.sh builds the containers' Debian base image with it).
# Does nothing when all are present. Needs root (or sudo) only to install.
set -euo pipefail
need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null || need+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || command -v rabbitmq-server >/dev/null || need+=(rabbitmq-server)
command -v setsid >/dev/null && command -v setpriv >/dev/null && command -v unshare >/dev/null || need+=(util-linux)
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v debootstrap >/dev/null || [ -x /usr/sbin/debootstrap ] || need+=(debootstrap)
if ((${#need[@]} == 0)); then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "Installing ${need[*]} ..." >&2
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
