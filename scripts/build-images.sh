#!/usr/bin/env bash
# Builds the six container images the Kubernetes manifests run (kite/executor, worker, scheduler, api, purge and
# migrator, tagged as Directory.Build.targets says) as archives for `docker load`, `podman load` or
# `kind load image-archive`, with the .NET SDK's container support and no container engine:
#   1. a base image, kite/dotnet-base:<runtime version>: Debian bookworm (debootstrap, from the Debian mirror) with
#      ca-certificates, libssl3, tzdata, the user app (uid 1654) and this machine's ASP.NET Core runtime, packed by
#      Kite.Images (deploy/Images) into an OCI layout under <work>/layouts; kept and reused while the runtime is the same;
#   2. Kite.Images serves that layout as a pull-only registry on 127.0.0.1, and `dotnet publish -t:PublishContainer`
#      builds each image on it into <output>/kite-<name>-<tag>.tar;
#   3. the check: the migrator and worker images run (scripts/run-image.sh: chroot, as uid 1654) and each stops
#      saying that its database (127.0.0.1:1) does not answer.
# With --base-image REF (for example mcr.microsoft.com/dotnet/aspnet:10.0, on a machine that can pull it) steps 1 and
# 2's registry are skipped and the SDK pulls REF itself.
#   scripts/build-images.sh [--output DIR] [--work DIR] [--base-image REF] [--rebuild-base] [--no-check]
# Needs root (debootstrap, chroot) for steps 1 and 3; `apt-get install debootstrap` if it is missing
# (scripts/install-prerequisites.sh does). The Debian mirror is $DEBIAN_MIRROR, else the one apt uses.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
output="$repo/images" work="$repo/.kite/images" base_image="" rebuild_base=false check=true
while (($# > 0)); do
  case "$1" in
    --output) output=$2; shift 2 ;;
    --work) work=$2; shift 2 ;;
    --base-image) base_image=$2; shift 2 ;;
    --rebuild-base) rebuild_base=true; shift ;;
    --no-check) check=false; shift ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' | sed 's/^# \{0,1\}//' >&2; exit 64 ;;
  esac
done
projects=(Executor.Service Worker.Service Scheduler.Service Api.Service Purge.Service Migrator)
mkdir -p "$output" "$work"
output=$(cd "$output" && pwd) work=$(cd "$work" && pwd)
started=$SECONDS
say() { echo "build-images: $*" >&2; }
need_root() {
  if [ "$(id -u)" -ne 0 ]; then
    say "$1 needs root; run this script with sudo"
    exit 1
  fi
}

dotnet build "$repo/deploy/Images" -c Release -v q -nologo >&2
tool="$repo/deploy/Images/bin/Release/net10.0/Kite.Images.dll"

if [ -z "$base_image" ]; then
  # The runtime the apps run on: the newest of this machine's .NET runtimes for their target framework.
  framework=$(sed -n 's|.*<TargetFramework>net\([0-9.]*\)</TargetFramework>.*|\1|p' "$repo/Directory.Build.props")
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  runtime=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" 2>/dev/null | grep "^$framework\." | sort -V | tail -n 1 || true)
  if [ -z "$runtime" ] || [ ! -d "$dotnet_root/shared/Microsoft.NETCore.App/$runtime" ]; then
    say "no ASP.NET Core $framework runtime under $dotnet_root/shared: install the .NET $framework SDK"
    exit 1
  fi
  layouts="$work/layouts"
  base_tag="kite/dotnet-base:$runtime"
  if $rebuild_base || [ ! -f "$layouts/kite/dotnet-base/index.json" ] || ! grep -q "\"$runtime\"" "$layouts/kite/dotnet-base/index.json"; then
    need_root "building the base image (debootstrap, chroot)"
    command -v debootstrap >/dev/null || { say "debootstrap is missing: apt-get install debootstrap"; exit 1; }
    mirror=${DEBIAN_MIRROR:-$(sed -n 's/^URIs: *\([^ ]*\/debian\)\/\{0,1\}$/\1/p' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1)}
    mirror=${mirror:-$(sed -n 's/^deb \([^ ]*\/debian\)\/\{0,1\} .*/\1/p' /etc/apt/sources.list 2>/dev/null | head -n 1)}
    mirror=${mirror:-http://deb.debian.org/debian}
    rootfs="$work/rootfs"
    rm -rf "$rootfs"
    say "base image: debootstrap bookworm from $mirror ..."
    debootstrap --variant=minbase --include=ca-certificates,libssl3,tzdata bookworm "$rootfs" "$mirror" > "$work/debootstrap.log" 2>&1 ||
      { tail -n 20 "$work/debootstrap.log" >&2; say "debootstrap failed (log: $work/debootstrap.log)"; exit 1; }
    # The user of Microsoft's .NET images, which the manifests' securityContext requires (runAsUser 1654).
    chroot "$rootfs" groupadd --gid 1654 app
    chroot "$rootfs" useradd --no-log-init --uid 1654 --gid 1654 --create-home app
    say "base image: ASP.NET Core runtime $runtime from $dotnet_root ..."
    mkdir -p "$rootfs/usr/share/dotnet/shared"
    cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
    cp -a "$dotnet_root"/LICENSE.txt "$dotnet_root"/ThirdPartyNotices.txt "$rootfs/usr/share/dotnet/" 2>/dev/null || true
    for framework_name in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
      mkdir -p "$rootfs/usr/share/dotnet/shared/$framework_name"
      cp -a "$dotnet_root/shared/$framework_name/$runtime" "$rootfs/usr/share/dotnet/shared/$framework_name/"
    done
    ln -s /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
    # What a container never uses: downloaded packages, package lists, manuals, translations, docs but copyrights.
    rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/log/* \
      "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
    find "$rootfs/usr/share/doc" -mindepth 1 ! -type d ! -name copyright -delete
    rm -rf "$layouts"
    # Kite sets InvariantGlobalization, so the image has no ICU; the variable says so to anything else run in it.
    dotnet "$tool" base "$rootfs" "$layouts" "$base_tag" \
      --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
      --env APP_UID=1654 --env ASPNETCORE_HTTP_PORTS=8080 --env DOTNET_RUNNING_IN_CONTAINER=true \
      --env DOTNET_VERSION="$runtime" --env ASPNET_VERSION="$runtime" --env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=true \
      --created-by "scripts/build-images.sh: debian bookworm minbase, ca-certificates, libssl3, tzdata, user app 1654, ASP.NET Core $runtime" >&2
    rm -rf "$rootfs"
  else
    say "base image: $base_tag, built before (--rebuild-base to build it again)"
  fi

  registry_out="$work/registry.address"
  : > "$registry_out"
  dotnet "$tool" serve "$layouts" > "$registry_out" &
  registry_pid=$!
  trap 'kill "$registry_pid" 2>/dev/null || true; wait "$registry_pid" 2>/dev/null || true' EXIT
  for _ in $(seq 100); do
    [ -s "$registry_out" ] && break
    kill -0 "$registry_pid" 2>/dev/null || { say "the local registry did not start"; exit 1; }
    sleep 0.1
  done
  [ -s "$registry_out" ] || { say "the local registry did not start within 10 s"; exit 1; }
  base_image="$(head -n 1 "$registry_out")/$base_tag"
fi

# A base image pulled by name is worth naming in the images' labels; the local registry's port is not.
label_base_name=true
[[ -n "${registry_pid:-}" ]] && label_base_name=false
tag=$(dotnet msbuild "$repo/Migrator" -getProperty:ContainerImageTag)
for project in "${projects[@]}"; do
  name=${project%.Service}
  name=${name,,}
  archive="$output/kite-$name-$tag.tar"
  say "kite/$name:$tag from $base_image ..."
  dotnet publish "$repo/$project" -c Release -t:PublishContainer -v q -nologo \
    -p:ContainerBaseImage="$base_image" -p:ContainerArchiveOutputPath="$archive" \
    -p:ContainerGenerateLabelsImageBaseName=$label_base_name >&2
done

if $check; then
  need_root "the check (chroot)"
  nowhere='Host=127.0.0.1;Port=1;Database=kite;Username=kite;Timeout=1'
  say "check: kite/migrator runs as uid 1654 and says its database does not answer ..."
  set +e
  log=$("$repo/scripts/run-image.sh" "$output/kite-migrator-$tag.tar" ConnectionStrings__postgres="$nowhere" Migrator__ConnectTimeoutSeconds=1 2>&1)
  code=$?
  set -e
  if [ "$code" -ne 2 ] || ! grep -q "The database did not answer" <<<"$log"; then
    echo "$log" >&2
    say "check failed: the migrator exited $code"
    exit 1
  fi
  # It stops with an unhandled exception, which as PID 1 of its namespace (as in a pod) ends in SIGSEGV, not SIGABRT.
  say "check: kite/worker starts and stops on its unreachable database ..."
  set +e
  log=$("$repo/scripts/run-image.sh" "$output/kite-worker-$tag.tar" ConnectionStrings__postgres="$nowhere" \
    ConnectionStrings__rabbitmq=amqp://kite:kite@127.0.0.1:1/ Kite__Database__StartupTimeoutSeconds=1 2>&1)
  code=$?
  set -e
  if [ "$code" -eq 0 ] || ! grep -q "Failed to connect to 127.0.0.1:1" <<<"$log"; then
    echo "$log" >&2
    say "check failed: the worker exited $code"
    exit 1
  fi
fi

say "done in $((SECONDS - started)) s:"
for project in "${projects[@]}"; do
  name=${project%.Service}
  archive="$output/kite-${name,,}-$tag.tar"
  echo "  $archive  $(($(stat -c %s "$archive") / 1048576)) MB" >&2
done
