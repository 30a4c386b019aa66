# The pinned @pulumi/aws and @pulumi/awsx declarations that the API conformance test reads: `npm ci` when
# node_modules is missing or was installed from another lock file.

setup_api_declarations() {
  local dir=$root/eng/api-declarations stamp=$root/eng/api-declarations/node_modules/.securecart-lock
  local want; want=$(cat "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -c1-64)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    echo "   API declarations: installed, matching package-lock.json"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm && command -v npm >/dev/null 2>&1 ||
      setup_fail "npm not found: install Node.js with npm (Debian: apt-get install nodejs npm); the API conformance test needs the pinned @pulumi declarations"
  fi
  echo "   API declarations: npm ci (node_modules missing or from another lock file)"
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) >"$out/npm-ci.log" 2>&1 ||
    setup_fail "npm ci in eng/api-declarations failed: $(tail -2 "$out/npm-ci.log" | tr '\n' ' ')"
  echo "$want" >"$stamp"
}
