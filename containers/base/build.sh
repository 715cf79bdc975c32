#!/usr/bin/env bash
# Builds a stand-in for the JRE base image without a registry: a minimal Debian trixie from the Debian archive with
# the distribution's OpenJDK 21 JRE and curl, imported under the name the Dockerfile names.
# Usage: containers/base/build.sh <image> <work-folder>
set -euo pipefail
image=$1 work=$2
mirror=${NEWSFLOW_DEBIAN_MIRROR:-http://deb.debian.org/debian}
rootfs="$work/rootfs"
rm -rf "$rootfs"
mkdir -p "$rootfs"
trap 'umount "$rootfs/proc" 2>/dev/null || true; rm -rf "$rootfs"' EXIT
nice debootstrap --variant=minbase trixie "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
mount -t proc proc "$rootfs/proc"
# curl for the compose health checks, as in the official eclipse-temurin images; passwd for the Dockerfile's useradd.
chroot "$rootfs" /bin/sh -c 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive nice apt-get install -y -qq \
  --no-install-recommends openjdk-21-jre-headless curl ca-certificates passwd >/dev/null && apt-get clean \
  && rm -rf /var/lib/apt/lists/*' >>"$work/debootstrap.log" 2>&1 \
  || { tail -n 20 "$work/debootstrap.log" >&2; exit 1; }
umount "$rootfs/proc"
java_home=$(cd "$rootfs" && find usr/lib/jvm -mindepth 1 -maxdepth 1 -type d -name 'java-21-openjdk-*' | head -n 1)
[ -n "$java_home" ] && [ -x "$rootfs/$java_home/bin/java" ] || { echo "no JRE 21 found in the base image" >&2; exit 1; }
java_home="/$java_home"
tar -C "$rootfs" -c --numeric-owner . | nice podman import --quiet \
  --change "ENV JAVA_HOME=$java_home" \
  --change "ENV PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change 'ENV LANG=C.UTF-8' \
  --change 'LABEL io.newsflow.stand-in=debootstrap-trixie-openjdk-21-jre-headless' \
  --change 'CMD ["jshell"]' \
  - "$image" >/dev/null
