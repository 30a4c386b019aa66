# Shared helpers for the test command's set-up steps (sourced by eng/test.sh).

# Prints one line on stderr and stops the run: the caller says what to install or set.
setup_fail() {
  echo "eng/test.sh: $*" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
}

# Installs Debian packages when the command runs as root (or may use sudo without a password) on a machine with
# apt; returns 1 otherwise, so the caller can say what the user must install.
_apt_updated=0
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  local as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    sudo -n true 2>/dev/null || return 1
    as_root=(sudo -n)
  fi
  echo "   installing with apt-get: $*"
  if [ $_apt_updated -eq 0 ]; then
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq </dev/null >>"$out/apt.log" 2>&1 || return 1
    _apt_updated=1
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" </dev/null >>"$out/apt.log" 2>&1 ||
    { echo "   apt-get install $* failed: $(tail -1 "$out/apt.log")" >&2; return 1; }
}

# Runs a long command in the background and waits, so INT/TERM reach the trap at once instead of after the
# command ends; the trap stops the child as well.
_child=''
run_child() {
  "$@" &
  _child=$!
  wait $_child
  local rc=$?
  _child=''
  return $rc
}

_cleanups=()
on_exit() { _cleanups+=("$1"); }
_run_cleanups() {
  [ -n "$_child" ] && kill "$_child" 2>/dev/null && wait "$_child" 2>/dev/null
  local i
  for ((i=${#_cleanups[@]}-1; i>=0; i--)); do eval "${_cleanups[$i]}" || true; done
}
trap _run_cleanups EXIT
trap 'echo "eng/test.sh: interrupted" >&2; exit 130' INT
trap 'echo "eng/test.sh: terminated" >&2; exit 143' TERM
