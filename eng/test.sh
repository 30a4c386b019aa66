#!/usr/bin/env bash
# The one test command. On a fresh machine with only the .NET SDK it sets up what the tests need (PostgreSQL,
# the pinned @pulumi declarations, Chromium, the Pulumi packages or their stand-in feed), builds every project
# that can restore with warnings as errors, checks formatting, runs every test, says which projects were
# skipped and why, and ends with "N passed, N failed, N skipped" counted from the test result files.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/.artifacts
results=$out/test-results
rm -rf "$results"; mkdir -p "$results"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
started=$SECONDS

for part in common postgres api-declarations chromium dns-server pulumi-packages; do
  # shellcheck source=/dev/null
  source "$root/eng/test-setup/$part.sh"
done

echo "== set-up"
setup_pulumi_packages
setup_postgres
setup_api_declarations
setup_chromium
setup_dns_server

# Packages that only a full NuGet feed serves; a project that needs one and cannot restore it is skipped, not failed.
optional='Pulumi|Pulumi\.Aws|Pulumi\.Awsx|Pulumi\.Automation|AWSSDK\.Route53'
buildable=(); skipped=()
echo "== restore"
for project in $(find src tests bench -name '*.csproj' | sort); do
  log=$(dotnet restore "$project" --nologo 2>&1)
  if [ $? -eq 0 ]; then
    buildable+=("$project")
  elif missing=$(grep -oE "NU1101: Unable to find package ($optional)\." <<<"$log" | sed -E 's/.*package (.*)\./\1/' | sort -u | paste -sd, -) && [ -n "$missing" ]; then
    skipped+=("$project|needs $missing, which no package source here serves")
  else
    echo "$log" >&2
    setup_fail "restore failed for $project (not a missing optional package)"
  fi
done

# Every project must be in the solution, or IDEs and the filter below would silently leave it out.
missing_from_sln=()
for p in "${buildable[@]}" "${skipped[@]%%|*}"; do
  grep -qF "$(echo "$p" | tr / '\\')" SecureCart.Platform.sln || missing_from_sln+=("$p")
done
if [ ${#missing_from_sln[@]} -gt 0 ]; then
  printf 'not in SecureCart.Platform.sln (add with: dotnet sln SecureCart.Platform.sln add --solution-folder src|tests|bench PROJECT): %s\n' "${missing_from_sln[@]}" >&2
  setup_fail "projects missing from the solution (above)"
fi

echo "== skipped projects (${#skipped[@]})"
for s in "${skipped[@]}"; do echo "  ${s%%|*}: ${s#*|}"; done

# A solution filter of what restored, so build, format and test see the same set.
filter=$out/restorable.slnf
{
  printf '{ "solution": { "path": "%s", "projects": [' "$root/SecureCart.Platform.sln"
  sep=''; for p in "${buildable[@]}"; do printf '%s"%s"' "$sep" "$p"; sep=','; done
  printf '] } }\n'
} > "$filter"

status=0
echo "== build (${#buildable[@]} projects, warnings as errors)"
run_child dotnet build "$filter" --no-restore --nologo -v quiet -clp:ErrorsOnly || status=1
if [ $status -eq 0 ]; then
  echo "== format"
  run_child dotnet format "$filter" --verify-no-changes --no-restore || status=1
  echo "== test"
  run_child dotnet test "$filter" --no-build --nologo --logger trx --results-directory "$results" || status=1
fi

sum() { cat "$results"/*.trx 2>/dev/null | grep -o "$1=\"[0-9]*\"" | grep -o '[0-9]*' | awk '{ s += $1 } END { print s + 0 }'; }
passed=$(sum passed); failed=$(sum failed); notrun=$(sum notExecuted)
if [ $status -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "build, format or test run failed before results were written" >&2; fi
echo "== Pulumi layer tested against: $pulumi_layer"
echo "== took $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
echo "$passed passed, $failed failed, $notrun skipped"
[ $status -eq 0 ] && [ "$failed" -eq 0 ]
