#!/usr/bin/env bash
# Runs a container image archive without a container engine: unpacks its layers into a temporary folder (in order,
# honouring whiteouts, with Kite.Images) and runs its entrypoint there with chroot, as the image's user, in its working
# directory, with the image's environment plus NAME=VALUE arguments, in private mount and PID namespaces with /proc,
# /dev and a tmpfs /tmp mounted. The host's network is shared. Exits with the entrypoint's exit code.
#   scripts/run-image.sh images/kite-migrator-0.1.0.tar ConnectionStrings__postgres='Host=db;...'
# Needs root (chroot, mounts) and util-linux's unshare.
set -euo pipefail
if (($# < 1)) || [ ! -f "$1" ]; then
  echo "usage: $0 <image archive.tar> [NAME=VALUE]..." >&2
  exit 64
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "$0 needs root (chroot and mounts); run it with sudo" >&2
  exit 1
fi
archive=$(readlink -f "$1")
shift
repo=$(cd "$(dirname "$0")/.." && pwd)
tool="$repo/deploy/Images/bin/Release/net10.0/Kite.Images.dll"
[ -f "$tool" ] || dotnet build "$repo/deploy/Images" -c Release -v q -nologo >&2

root=$(mktemp -d "${TMPDIR:-/tmp}/kite-image-root.XXXXXX")
trap 'rm -rf "$root"' EXIT
chmod 0755 "$root"   # the image's /: mktemp made it 0700, which its user could not enter
user=0 workdir=/ command=() environment=()
while IFS=$'\t' read -r key value; do
  case "$key" in
    user) user=$value ;;
    workdir) workdir=$value ;;
    arg) command+=("$value") ;;
    env) environment+=("$value") ;;
  esac
done < <(dotnet "$tool" unpack "$archive" "$root")
((${#command[@]} > 0)) || { echo "$archive has no entrypoint" >&2; exit 1; }
[[ "$user" == *:* ]] || user="$user:$user"

# The mounts live in the new mount namespace only and vanish with it; chroot then drops to the image's user.
set +e
unshare --mount --pid --fork --kill-child --propagation private \
  env -i "${environment[@]}" "$@" sh -c '
    root=$1 user=$2 workdir=$3; shift 3
    mount -t proc proc "$root/proc" && mount --rbind /dev "$root/dev" && mount -t tmpfs tmpfs "$root/tmp" || exit 125
    exec chroot --userspec="$user" "$root" sh -c "cd \"\$0\" && exec \"\$@\"" "$workdir" "$@"
  ' run-image "$root" "$user" "$workdir" "${command[@]}"
code=$?
set -e
exit $code
