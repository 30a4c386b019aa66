# BIND 9's named for the DNS verification tests, which run a real name server on loopback.

setup_dns_server() {
  local named
  named=$(command -v named || ls /usr/sbin/named 2>/dev/null || true)
  if [ -z "$named" ]; then
    apt_install bind9 && named=$(command -v named || ls /usr/sbin/named 2>/dev/null) ||
      setup_fail "BIND 9 not found: install it (Debian: apt-get install bind9); the DNS verification tests run a real name server"
  fi
  echo "   DNS server: $named"
}
