#!/usr/bin/env bash
# matrix-setup bootstrap:  curl -fsSL <url>/install.sh | sudo bash -s -- [matrix-setup options]
#
# 1. makes sure a Node.js >= 18.19 is present (the distro's package when it is new enough,
#    otherwise the official release tarball, checked against its SHA-256 list);
# 2. gets matrix-setup (one JavaScript file) from the npm registry, or uses a local copy
#    (MATRIX_SETUP_BUNDLE=/path/matrix-setup.mjs, or matrix-setup.mjs next to this script);
# 3. installs it as /opt/matrix-setup/matrix-setup.mjs with a `matrix-setup` command in
#    /usr/local/bin (so `matrix-setup resume`, `status` and `verify` work afterwards);
# 4. runs it with the terminal as standard input, so the wizard works under `curl | bash`.
#
# Everything is inside main(), called on the last line: a download cut short runs nothing.
set -euo pipefail

MATRIX_SETUP_VERSION="${MATRIX_SETUP_VERSION:-latest}"
NODE_FLOOR_MAJOR=18
NODE_FLOOR_MINOR=19
NODE_FALLBACK_VERSION="${MATRIX_SETUP_NODE_VERSION:-v22.22.0}"
INSTALL_DIR=/opt/matrix-setup

say() { printf 'matrix-setup: %s\n' "$*" >&2; }
die() { say "$*"; exit "${2:-3}"; }

# True when the given node binary is >= 18.19.
node_is_new_enough() {
  local node_bin=$1 version major minor
  version=$("$node_bin" --version 2>/dev/null) || return 1
  version=${version#v}
  major=${version%%.*}
  minor=${version#*.}; minor=${minor%%.*}
  [[ $major =~ ^[0-9]+$ && $minor =~ ^[0-9]+$ ]] || return 1
  (( major > NODE_FLOOR_MAJOR || (major == NODE_FLOOR_MAJOR && minor >= NODE_FLOOR_MINOR) ))
}

distro_family() {
  if command -v apt-get >/dev/null 2>&1; then echo debian
  elif command -v dnf >/dev/null 2>&1; then echo rhel
  else echo unknown
  fi
}

install_distro_node() {
  case $(distro_family) in
    debian)
      say "installing Node.js from the distribution (apt-get install nodejs)"
      DEBIAN_FRONTEND=noninteractive apt-get update -q >&2
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs >&2 ;;
    rhel)
      say "installing Node.js from the distribution (dnf)"
      # RHEL 8/9 ship Node.js as module streams whose default is too old.
      if dnf module list nodejs >/dev/null 2>&1; then
        dnf module reset -y nodejs >&2 || true
        dnf module enable -y nodejs:20 >&2 || dnf module enable -y nodejs:18 >&2 || true
      fi
      dnf install -y nodejs >&2 ;;
    *) return 1 ;;
  esac
}

install_release_node() {
  local arch tarball base
  case $(uname -m) in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) die "no Node.js release for $(uname -m); install Node.js >= 18.19 yourself and run this again" ;;
  esac
  base="https://nodejs.org/dist/${NODE_FALLBACK_VERSION}"
  tarball="node-${NODE_FALLBACK_VERSION}-linux-${arch}.tar.xz"
  say "the distribution's Node.js is too old; downloading ${tarball} from nodejs.org"
  local tmp; tmp=$(mktemp -d)
  curl -fsSL --proto '=https' -o "${tmp}/${tarball}" "${base}/${tarball}"
  curl -fsSL --proto '=https' -o "${tmp}/SHASUMS256.txt" "${base}/SHASUMS256.txt"
  (cd "$tmp" && grep " ${tarball}\$" SHASUMS256.txt | sha256sum -c - >&2) || die "checksum mismatch for ${tarball}; not installing it"
  mkdir -p "${INSTALL_DIR}/node"
  tar -xJf "${tmp}/${tarball}" -C "${INSTALL_DIR}/node" --strip-components=1
  rm -rf "$tmp"
  echo "${INSTALL_DIR}/node/bin/node"
}

find_node() {
  local candidate
  for candidate in node nodejs "${INSTALL_DIR}/node/bin/node"; do
    if command -v "$candidate" >/dev/null 2>&1 && node_is_new_enough "$(command -v "$candidate")"; then
      command -v "$candidate"; return 0
    fi
  done
  return 1
}

get_bundle() {
  local here; here=$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")" 2>/dev/null && pwd || echo /nonexistent)
  if [[ -n ${MATRIX_SETUP_BUNDLE:-} ]]; then
    [[ -r $MATRIX_SETUP_BUNDLE ]] || die "MATRIX_SETUP_BUNDLE=${MATRIX_SETUP_BUNDLE} is not readable" 2
    echo "$MATRIX_SETUP_BUNDLE"; return
  fi
  if [[ -r ${here}/matrix-setup.mjs ]]; then echo "${here}/matrix-setup.mjs"; return; fi
  # The npm package is a tarball holding dist/matrix-setup.mjs: no npm needed to fetch it.
  local version=$MATRIX_SETUP_VERSION tmp
  if [[ $version == latest ]]; then
    version=$(curl -fsSL --proto '=https' https://registry.npmjs.org/matrix-setup/latest | sed -n 's/.*"version":"\([^"]*\)".*/\1/p' | head -n1)
    [[ -n $version ]] || die "could not look up the latest matrix-setup version on the npm registry"
  fi
  tmp=$(mktemp -d)
  curl -fsSL --proto '=https' -o "${tmp}/package.tgz" "https://registry.npmjs.org/matrix-setup/-/matrix-setup-${version}.tgz"
  mkdir -p "${INSTALL_DIR}"
  tar -xzf "${tmp}/package.tgz" -C "$tmp"
  install -m 0755 "${tmp}/package/dist/matrix-setup.mjs" "${INSTALL_DIR}/matrix-setup.mjs"
  rm -rf "$tmp"
  echo "${INSTALL_DIR}/matrix-setup.mjs"
}

# The bundle goes to a fixed place and a small `matrix-setup` command runs it with this node.
install_command() {
  local node=$1 bundle=$2
  mkdir -p "$INSTALL_DIR"
  if [[ $bundle != "${INSTALL_DIR}/matrix-setup.mjs" ]]; then
    install -m 0755 "$bundle" "${INSTALL_DIR}/matrix-setup.mjs.new"
    mv -f "${INSTALL_DIR}/matrix-setup.mjs.new" "${INSTALL_DIR}/matrix-setup.mjs"
  fi
  printf '#!/bin/sh\n# Installed by matrix-setup'"'"'s install.sh.\nexec %q %q "$@"\n' "$node" "${INSTALL_DIR}/matrix-setup.mjs" >/usr/local/bin/matrix-setup.new
  chmod 0755 /usr/local/bin/matrix-setup.new
  mv -f /usr/local/bin/matrix-setup.new /usr/local/bin/matrix-setup
}

main() {
  [[ $(id -u) -eq 0 ]] || die "run this as root (curl -fsSL <url>/install.sh | sudo bash)"
  local node
  if ! node=$(find_node); then
    install_distro_node || true
    node=$(find_node) || node=$(install_release_node)
    node_is_new_enough "$node" || die "could not get a Node.js >= 18.19"
  fi
  say "using Node.js $("$node" --version) at ${node}"
  local bundle; bundle=$(get_bundle)
  install_command "$node" "$bundle"
  bundle="${INSTALL_DIR}/matrix-setup.mjs"
  # Under `curl | bash` stdin is the script itself: give matrix-setup the terminal instead.
  if [[ ! -t 0 ]] && (exec </dev/tty) 2>/dev/null; then
    exec "$node" "$bundle" "$@" </dev/tty
  fi
  exec "$node" "$bundle" "$@"
}

# Tests source this file for its functions without running it.
if [[ -z ${MATRIX_SETUP_INSTALL_SH_NO_MAIN:-} ]]; then main "$@"; fi
