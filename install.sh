#!/usr/bin/env bash
# matrix-setup bootstrap:  curl -fsSL <url>/install.sh | sudo bash -s -- [matrix-setup options]
#
# 1. makes sure a Node.js >= 18.19 is present (the distro's package when it is new enough,
#    otherwise the official release tarball, checked against the SHA-256 pinned below); while
#    another program uses the package manager it waits (up to --package-lock-wait MINUTES,
#    default 15), and a dpkg left interrupted is repaired first;
# 2. gets matrix-setup (one JavaScript file) from the npm registry, or uses a local copy
#    (MATRIX_SETUP_BUNDLE=/path/matrix-setup.mjs, or matrix-setup.mjs next to this script when
#    the script was run from a file and only root or the sudo user could have put them there);
# 3. installs it as /opt/matrix-setup/matrix-setup.mjs with a `matrix-setup` command in
#    /usr/local/bin (so `matrix-setup resume`, `status` and `verify` work afterwards);
# 4. runs it with the terminal as standard input, so the wizard works under `curl | bash`.
#
# Everything is inside main(), called on the last line: a download cut short runs nothing.
set -euo pipefail

MATRIX_SETUP_VERSION="${MATRIX_SETUP_VERSION:-latest}"
NODE_FLOOR_MAJOR=18
NODE_FLOOR_MINOR=19
# The fallback Node.js and the SHA-256 of its tarball for each architecture, pinned together:
# the values of https://nodejs.org/dist/v22.22.0/SHASUMS256.txt (a list signed by the Node.js
# releasers), as shipped in openSUSE's nodejs22 source package and pinned identically by many
# independent projects. A checksum fetched from the same host as the tarball would only catch
# corruption, not a tampered download.
NODE_FALLBACK_VERSION=v22.22.0
node_tarball_sha256() {
  case $1 in
    x64) echo 9aa8e9d2298ab68c600bd6fb86a6c13bce11a4eca1ba9b39d79fa021755d7c37 ;;
    arm64) echo 1bf1eb9ee63ffc4e5d324c0b9b62cf4a289f44332dfef9607cea1a0d9596ba6f ;;
    *) return 1 ;;
  esac
}
INSTALL_DIR=/opt/matrix-setup
# How long to wait while another program (unattended-upgrades, apt-daily, cloud-init) holds
# the package manager: --package-lock-wait MINUTES, read from the arguments (which go on to
# matrix-setup unchanged, so it waits as long).
PACKAGE_LOCK_WAIT_MINUTES=15
PROC_LOCKS=/proc/locks
# apt's and dpkg's locks are fcntl locks; debconf flocks its database while packages are configured.
APT_LOCK_FILES=(/var/lib/dpkg/lock-frontend /var/lib/dpkg/lock /var/lib/apt/lists/lock /var/cache/apt/archives/lock /var/cache/debconf/config.dat)
RPM_LOCK_FILES=(/var/lib/rpm/.rpm.lock /usr/lib/sysimage/rpm/.rpm.lock)
DPKG_UPDATES_DIR=/var/lib/dpkg/updates
KEEP_CONFIG_FILES=(-o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

# The language of what it says: --lang ru|en among the arguments, else LC_ALL, LC_MESSAGES or
# LANG (the first one set; ru_* is Russian), else English, as matrix-setup itself decides.
SPEAK_RUSSIAN=''
read_language() {
  local locale=${LC_ALL:-${LC_MESSAGES:-${LANG:-}}} lang=''
  while (($#)); do
    case $1 in
      --) break ;;
      --lang) lang=${2:-}; shift ;;
      --lang=*) lang=${1#*=} ;;
    esac
    shift || true
  done
  case $lang in
    ru) SPEAK_RUSSIAN=1 ;;
    en) SPEAK_RUSSIAN='' ;;
    *) if [[ $locale =~ ^ru([_.@-]|$) ]]; then SPEAK_RUSSIAN=1; else SPEAK_RUSSIAN=''; fi ;;
  esac
}

# say ENGLISH [RUSSIAN]: one line on stderr in the run's language.
say() {
  local text=$1
  if [[ -n $SPEAK_RUSSIAN && -n ${2:-} ]]; then text=$2; fi
  printf 'matrix-setup: %s\n' "$text" >&2
}
# die ENGLISH [RUSSIAN] [EXIT STATUS, default 3]
die() {
  local english=$1 russian='' status=3
  shift
  if (($#)) && ! [[ $1 =~ ^[0-9]+$ ]]; then russian=$1; shift; fi
  if (($#)); then status=$1; fi
  say "$english" "$russian"
  exit "$status"
}

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

# --package-lock-wait MINUTES (or =MINUTES) among the arguments; the value as seconds in LOCK_WAIT_SECONDS.
read_lock_wait() {
  while (($#)); do
    case $1 in
      --package-lock-wait) PACKAGE_LOCK_WAIT_MINUTES=${2:-}; shift ;;
      --package-lock-wait=*) PACKAGE_LOCK_WAIT_MINUTES=${1#*=} ;;
    esac
    shift || true
  done
  [[ $PACKAGE_LOCK_WAIT_MINUTES =~ ^[0-9]+(\.[0-9]+)?$ ]] ||
    die "--package-lock-wait ${PACKAGE_LOCK_WAIT_MINUTES}: give the minutes to wait as a number, e.g. --package-lock-wait 30" \
      "--package-lock-wait ${PACKAGE_LOCK_WAIT_MINUTES}: укажите, сколько минут ждать, числом, например --package-lock-wait 30" 2
  LOCK_WAIT_SECONDS=$(awk -v m="$PACKAGE_LOCK_WAIT_MINUTES" 'BEGIN { printf "%d", m * 60 }')
}

# m:ss for a number of seconds.
clock_time() { printf '%d:%02d' $(($1 / 60)) $(($1 % 60)); }

# A process's program: the script's name when an interpreter runs one (python3 /usr/bin/unattended-upgrade).
process_name() {
  local pid=$1 argv=() name
  mapfile -d '' -t argv <"/proc/${pid}/cmdline" 2>/dev/null || true
  ((${#argv[@]})) || { cat "/proc/${pid}/comm" 2>/dev/null || echo "an unknown process"; return; }
  name=${argv[0]##*/}
  if [[ $name =~ ^(python[0-9.]*|perl[0-9.]*|sh|bash|dash|node)$ && ${#argv[@]} -gt 1 && ${argv[1]} != -* ]]; then
    name=${argv[1]##*/}
  fi
  echo "$name"
}

# "PID NAME FILE" for each process holding one of the files locked, in the files' order, from
# /proc/locks (matched by inode, and by device or, where stat shows another device as on
# overlayfs, by the holder having the file open).
lock_holders() {
  local file dev ino line fields pid major minor inode device locks=()
  [[ -r $PROC_LOCKS ]] || return 0
  mapfile -t locks <"$PROC_LOCKS"
  for file in "$@"; do
    [[ -e $file ]] || continue
    read -r dev ino < <(stat -L -c '%D %i' -- "$file" 2>/dev/null) || continue
    device="$(((16#$dev >> 8) & 0xfff)):$(((16#$dev & 0xff) | ((16#$dev >> 12) & 0xfff00)))"
    for line in "${locks[@]}"; do
      read -r -a fields <<<"$line"
      [[ ${fields[1]:-} == '->' ]] && continue
      pid=${fields[4]:-}
      [[ $pid =~ ^[0-9]+$ && $pid != "$$" ]] || continue
      IFS=: read -r major minor inode <<<"${fields[5]:-}"
      [[ $inode == "$ino" ]] || continue
      if [[ "$((16#$major)):$((16#$minor))" != "$device" ]] && ! [[ $(readlink -f "/proc/${pid}/fd/"* 2>/dev/null) == *"$file"* ]]; then
        continue
      fi
      printf '%s %s %s\n' "$pid" "$(process_name "$pid")" "$file"
    done
  done
}

package_lock_holders() {
  if [[ $1 == debian ]]; then lock_holders "${APT_LOCK_FILES[@]}"; else lock_holders "${RPM_LOCK_FILES[@]}"; fi
}

# "unattended-upgrade (PID 637) holds /var/lib/dpkg/lock-frontend, /var/lib/dpkg/lock" from lock_holders' lines.
describe_holders() {
  local holds=holds
  [[ -n $SPEAK_RUSSIAN ]] && holds='удерживает'
  awk -v holds="$holds" '!seen[$1]++ { who = who (who ? ", " : "") $2 " (PID " $1 ")" } !file[$3]++ { files = files (files ? ", " : "") $3 }
       END { printf "%s %s %s", who, holds, files }' <<<"$1"
}

# Waits while another process holds the package manager's locks, saying who and for how long,
# and gives up (exit 1) after --package-lock-wait minutes, counted from $2 (default: now).
wait_for_package_manager() {
  local family=$1 started=${2:-$SECONDS} holders shown='' last=-30 waited=0
  while holders=$(package_lock_holders "$family") && [[ -n $holders ]]; do
    waited=$((SECONDS - started))
    if ((waited >= LOCK_WAIT_SECONDS)); then
      die "the package manager is still busy after $(clock_time "$waited"): $(describe_holders "$holders"). Let it finish (see \`ps -o pid,etime,args -p ${holders%% *}\`), then run this again; --package-lock-wait MINUTES waits longer. Never delete the lock files." \
        "менеджер пакетов всё ещё занят (ожидание $(clock_time "$waited")): $(describe_holders "$holders"). Дождитесь завершения (см. \`ps -o pid,etime,args -p ${holders%% *}\`) и запустите снова; --package-lock-wait МИНУТЫ — ждать дольше. Никогда не удаляйте файлы блокировок." 1
    fi
    if [[ $holders != "$shown" ]] || ((waited - last >= 30)); then
      say "waiting for the package manager: $(describe_holders "$holders") · waited $(clock_time "$waited") of $(clock_time "$LOCK_WAIT_SECONDS")" \
        "ожидание менеджера пакетов: $(describe_holders "$holders") · прошло $(clock_time "$waited") из $(clock_time "$LOCK_WAIT_SECONDS")"
      shown=$holders last=$waited
    fi
    sleep 1
  done
  if [[ -n $shown ]]; then
    say "the package manager is free again (waited $(clock_time $((SECONDS - started)))); continuing" \
      "менеджер пакетов освободился (ожидание $(clock_time $((SECONDS - started)))); продолжаем"
  fi
  return 0
}

# dpkg killed mid-run (OOM killer, lost SSH session) leaves its journal or audit non-empty, and
# every apt-get refuses until `dpkg --configure -a`. A package it was killed unpacking stays
# reinst-required or half-installed: `--configure -a` fails on it ("in a very bad inconsistent
# state") and only a reinstall finishes it. Then `apt-get -f install` if apt still reports broken
# packages. All keep existing configuration files. A failing repair stops here.
recover_dpkg() {
  local audit configured=1 manual_en manual_ru
  local -a packages
  audit=$(dpkg --audit 2>/dev/null || true)
  # Numbered journal entries; dpkg ignores a leftover tmp.i (the entry it was writing when killed).
  if ! compgen -G "${DPKG_UPDATES_DIR}/[0-9]*" >/dev/null && [[ -z $audit ]]; then return 0; fi
  manual_en="Repair it by hand: dpkg --configure -a; a package it calls \"in a very bad inconsistent state\" needs apt-get install --reinstall PACKAGE; then apt-get -f install; then run this again."
  manual_ru="Исправьте вручную: dpkg --configure -a; пакет, о котором он сообщает «in a very bad inconsistent state», переустановите: apt-get install --reinstall ПАКЕТ; затем apt-get -f install; после этого запустите снова."
  say "dpkg was interrupted before it finished: completing its work (dpkg --configure -a), keeping existing configuration files" \
    "dpkg был прерван, не завершив работу: она завершается (dpkg --configure -a), имеющиеся файлы конфигурации сохраняются"
  DEBIAN_FRONTEND=noninteractive dpkg --force-confdef --force-confold --configure -a >&2 || configured=0
  mapfile -t packages < <(reinstall_required_packages)
  if ((${#packages[@]})); then
    say "dpkg was killed while unpacking ${packages[*]}, which only a reinstall can finish: reinstalling (apt-get install --reinstall), keeping existing configuration files" \
      "dpkg был прерван во время распаковки ${packages[*]}; исправить это может только переустановка (apt-get install --reinstall), имеющиеся файлы конфигурации сохраняются"
    DEBIAN_FRONTEND=noninteractive apt-get install --reinstall -y -q "${KEEP_CONFIG_FILES[@]}" "${packages[@]}" >&2 ||
      die "reinstalling ${packages[*]} failed (its output is above). $manual_en" "не удалось переустановить ${packages[*]} (вывод выше). $manual_ru" 1
    if ((!configured)); then
      DEBIAN_FRONTEND=noninteractive dpkg --force-confdef --force-confold --configure -a >&2 ||
        die "repairing dpkg failed (its output is above). $manual_en" "не удалось исправить dpkg (вывод выше). $manual_ru" 1
    fi
  elif ((!configured)); then
    die "repairing dpkg failed (its output is above). $manual_en" "не удалось исправить dpkg (вывод выше). $manual_ru" 1
  fi
  if ! apt-get check -q >/dev/null 2>&1; then
    say "apt reports broken packages: repairing them (apt-get -f install)" "apt сообщает о сломанных пакетах: они исправляются (apt-get -f install)"
    DEBIAN_FRONTEND=noninteractive apt-get -f install -y -q "${KEEP_CONFIG_FILES[@]}" >&2 ||
      die "apt-get -f install failed (its output is above). Repair it by hand, then run this again." \
        "apt-get -f install завершился ошибкой (вывод выше). Исправьте вручную, затем запустите снова." 1
  fi
}

# Packages dpkg marks reinst-required (third letter R) or half-installed (second letter H).
reinstall_required_packages() {
  dpkg-query -W -f '${db:Status-Abbrev}\t${binary:Package}\n' 2>/dev/null |
    awk -F'\t' 'substr($1, 2, 1) == "H" || substr($1, 3, 1) == "R" { print $2 }'
}

# apt-get with its output shown; when another process took the lock meanwhile, wait and try
# again. Only a real failure returns non-zero: a lock still held at the limit stops here.
apt_get() {
  local started=$SECONDS output status
  output=$(mktemp)
  while :; do
    wait_for_package_manager debian "$started"
    if DEBIAN_FRONTEND=noninteractive apt-get "$@" 2>&1 | tee "$output" >&2; then status=0; else status=${PIPESTATUS[0]}; fi
    if ((status != 0)) && grep -qE 'Could not get lock|Unable to acquire the dpkg frontend lock|Unable to lock (the administration )?directory' "$output"; then
      if ((SECONDS - started >= LOCK_WAIT_SECONDS)); then
        rm -f "$output"
        die "the package manager is still busy after $(clock_time $((SECONDS - started))) (see apt-get's message above); let it finish, then run this again" \
          "менеджер пакетов всё ещё занят (ожидание $(clock_time $((SECONDS - started))); см. сообщение apt-get выше); дождитесь завершения и запустите снова" 1
      fi
      sleep 2
      continue
    fi
    rm -f "$output"
    return "$status"
  done
}

install_distro_node() {
  case $(distro_family) in
    debian)
      wait_for_package_manager debian
      recover_dpkg
      say "installing Node.js from the distribution (apt-get install nodejs)" "установка Node.js из дистрибутива (apt-get install nodejs)"
      apt_get update -q || return 1
      # matrix-setup counts this refresh as its own (when no APT source changes meanwhile).
      MATRIX_SETUP_APT_UPDATED_AT=$(date +%s)
      export MATRIX_SETUP_APT_UPDATED_AT
      apt_get install -y -q "${KEEP_CONFIG_FILES[@]}" nodejs || return 1 ;;
    rhel)
      # dnf waits for another dnf itself; rpm's own lock is waited for here. A killed transaction
      # can leave packages recorded twice (`dnf remove --duplicates`; not exercised here, no RHEL host).
      wait_for_package_manager rhel
      if dnf check --duplicates 2>/dev/null | grep -q ' is a duplicate with '; then
        say "an interrupted dnf transaction left packages installed twice: removing the older copies (dnf remove --duplicates)" \
          "прерванная транзакция dnf оставила пакеты установленными дважды: старые копии удаляются (dnf remove --duplicates)"
        dnf remove --duplicates -y >&2 ||
          die "dnf remove --duplicates failed (its output is above); repair it by hand, then run this again" \
            "dnf remove --duplicates завершился ошибкой (вывод выше); исправьте вручную, затем запустите снова" 1
      fi
      say "installing Node.js from the distribution (dnf)" "установка Node.js из дистрибутива (dnf)"
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
  local arch tarball sha256
  case $(uname -m) in
    x86_64) arch=x64 ;;
    aarch64) arch=arm64 ;;
    *) die "no Node.js release for $(uname -m); install Node.js >= 18.19 yourself and run this again" \
         "для $(uname -m) нет выпуска Node.js; установите Node.js >= 18.19 сами и запустите снова" ;;
  esac
  sha256=$(node_tarball_sha256 "$arch")
  tarball="node-${NODE_FALLBACK_VERSION}-linux-${arch}.tar.xz"
  say "the distribution's Node.js is too old; downloading ${tarball} from nodejs.org" "Node.js из дистрибутива слишком старый; загружается ${tarball} с nodejs.org"
  local tmp; tmp=$(mktemp -d)
  curl -fsSL --proto '=https' -o "${tmp}/${tarball}" "https://nodejs.org/dist/${NODE_FALLBACK_VERSION}/${tarball}"
  echo "${sha256}  ${tmp}/${tarball}" | sha256sum -c --status - || {
    rm -rf "$tmp"
    die "checksum mismatch for ${tarball}: it is not the release pinned in this script; not installing it" \
      "контрольная сумма ${tarball} не совпадает: это не тот выпуск, что закреплён в этом скрипте; он не устанавливается"
  }
  make_install_dir
  unpack_node_tarball "${tmp}/${tarball}" "${INSTALL_DIR}/node"
  rm -rf "$tmp"
  echo "${INSTALL_DIR}/node/bin/node"
}

# Unpacks a Node.js release tarball into DEST, replacing what is there. As root, GNU tar keeps
# the archive's owners and modes: nodejs.org builds belong to uid/gid 1001, and whoever has that
# uid here could then change the node root runs. So the tree is root's, writable by root only.
unpack_node_tarball() {
  local tarball=$1 dest=$2 staging
  staging=$(mktemp -d "$(dirname "$dest")/.node-unpack.XXXXXX")
  tar -xJf "$tarball" -C "$staging" --strip-components=1 --no-same-owner --no-same-permissions
  chown -R -h 0:0 "$staging"
  chmod -R go-w "$staging"
  chmod 0755 "$staging"
  rm -rf "${dest}.old"
  if [[ -e $dest || -L $dest ]]; then mv -T "$dest" "${dest}.old"; fi
  mv -T "$staging" "$dest"
  rm -rf "${dest}.old"
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

# True when only root (or the user who ran sudo) can have written PATH: owned by one of them,
# not writable by group or others (a directory may be, with the sticky bit, like /tmp).
trusted_path() {
  local path=$1 owner mode
  read -r owner mode < <(stat -L -c '%u %a' "$path") || return 1
  [[ $owner == 0 || $owner == "${SUDO_UID:-0}" ]] || return 1
  if (( 8#$mode & 8#022 )); then [[ -d $path ]] && (( 8#$mode & 8#1000 )) || return 1; fi
}

# matrix-setup.mjs beside this script. Only when the script is a file on disk: under
# `curl | bash` there is no such place (bash reads stdin, and "beside" would be whatever the
# current directory is), and the bundle and its directory must not be anyone else's to write.
sibling_bundle() {
  local script=${BASH_SOURCE[0]:-} here bundle
  [[ -n $script && -f $script ]] || return 1
  here=$(cd "$(dirname "$script")" 2>/dev/null && pwd -P) || return 1
  bundle="${here}/matrix-setup.mjs"
  [[ -f $bundle ]] || return 1
  if [[ -L $bundle ]] || ! trusted_path "$here" || ! trusted_path "$bundle"; then
    say "not using ${bundle}: another user could have put it there (it must belong to root and be writable by root only)" \
      "${bundle} не используется: его мог положить другой пользователь (он должен принадлежать root, и писать в него может только root)"
    return 1
  fi
  echo "$bundle"
}

get_bundle() {
  if [[ -n ${MATRIX_SETUP_BUNDLE:-} ]]; then
    [[ -r $MATRIX_SETUP_BUNDLE ]] || die "MATRIX_SETUP_BUNDLE=${MATRIX_SETUP_BUNDLE} is not readable" "MATRIX_SETUP_BUNDLE=${MATRIX_SETUP_BUNDLE} не читается" 2
    echo "$MATRIX_SETUP_BUNDLE"; return
  fi
  sibling_bundle && return
  # The npm package is a tarball holding dist/matrix-setup.mjs: no npm needed to fetch it.
  local version=$MATRIX_SETUP_VERSION tmp
  if [[ $version == latest ]]; then
    version=$(curl -fsSL --proto '=https' https://registry.npmjs.org/matrix-setup/latest | sed -n 's/.*"version":"\([^"]*\)".*/\1/p' | head -n1)
    [[ -n $version ]] || die "could not look up the latest matrix-setup version on the npm registry" "не удалось узнать последнюю версию matrix-setup в реестре npm"
  fi
  tmp=$(mktemp -d)
  curl -fsSL --proto '=https' -o "${tmp}/package.tgz" "https://registry.npmjs.org/matrix-setup/-/matrix-setup-${version}.tgz"
  make_install_dir
  tar -xzf "${tmp}/package.tgz" -C "$tmp" --no-same-owner --no-same-permissions
  install -m 0755 "${tmp}/package/dist/matrix-setup.mjs" "${INSTALL_DIR}/matrix-setup.mjs"
  rm -rf "$tmp"
  echo "${INSTALL_DIR}/matrix-setup.mjs"
}

# /opt/matrix-setup holds what root runs on every matrix-setup command: root's alone.
make_install_dir() {
  if [[ -L $INSTALL_DIR ]]; then die "${INSTALL_DIR} is a symbolic link; move it away and run this again" "${INSTALL_DIR} — символическая ссылка; уберите её и запустите снова"; fi
  mkdir -p -m 0755 "$INSTALL_DIR"
  local owner mode
  read -r owner mode < <(stat -c '%u %a' "$INSTALL_DIR")
  if [[ $owner != 0 ]] || (( 8#$mode & 8#022 )); then
    die "${INSTALL_DIR} belongs to uid ${owner} (mode ${mode}): another user could change what root runs; make it root's (chown root: ${INSTALL_DIR}; chmod 755 ${INSTALL_DIR}) and run this again" \
      "${INSTALL_DIR} принадлежит uid ${owner} (права ${mode}): другой пользователь мог бы изменить то, что запускает root; передайте его root (chown root: ${INSTALL_DIR}; chmod 755 ${INSTALL_DIR}) и запустите снова"
  fi
}

# The bundle goes to a fixed place and a small `matrix-setup` command runs it with this node.
install_command() {
  local node=$1 bundle=$2
  make_install_dir
  if [[ $bundle != "${INSTALL_DIR}/matrix-setup.mjs" ]]; then
    install -m 0755 "$bundle" "${INSTALL_DIR}/matrix-setup.mjs.new"
    mv -f "${INSTALL_DIR}/matrix-setup.mjs.new" "${INSTALL_DIR}/matrix-setup.mjs"
  fi
  printf '#!/bin/sh\n# Installed by matrix-setup'"'"'s install.sh.\nexec %q %q "$@"\n' "$node" "${INSTALL_DIR}/matrix-setup.mjs" >/usr/local/bin/matrix-setup.new
  chmod 0755 /usr/local/bin/matrix-setup.new
  mv -f /usr/local/bin/matrix-setup.new /usr/local/bin/matrix-setup
}

main() {
  read_language "$@"
  [[ $(id -u) -eq 0 ]] || die "run this as root (curl -fsSL <url>/install.sh | sudo bash)" "запустите это от root (curl -fsSL <адрес>/install.sh | sudo bash)"
  read_lock_wait "$@"
  local node
  if ! node=$(find_node); then
    install_distro_node || true
    node=$(find_node) || node=$(install_release_node)
    node_is_new_enough "$node" || die "could not get a Node.js >= 18.19" "не удалось получить Node.js >= 18.19"
  fi
  say "using Node.js $("$node" --version) at ${node}" "используется Node.js $("$node" --version) из ${node}"
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
