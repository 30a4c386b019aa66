# Headless Chromium for the browser tests: SECURECART_CHROMIUM, else one on PATH, else installed from Debian.

setup_chromium() {
  local found=${SECURECART_CHROMIUM:-}
  if [ -n "$found" ] && [ ! -x "$found" ]; then
    setup_fail "SECURECART_CHROMIUM=$found is not an executable; point it at chromium or unset it"
  fi
  [ -n "$found" ] || found=$(command -v chromium || command -v chromium-browser || true)
  if [ -z "$found" ]; then
    apt_install chromium && found=$(command -v chromium) ||
      setup_fail "Chromium not found: install it (Debian: apt-get install chromium) or set SECURECART_CHROMIUM; the browser tests need it"
  fi
  export SECURECART_CHROMIUM=$found
  echo "   Chromium: $found"
}
