#!/usr/bin/env bash
# The one test command: builds and tests every project that restores here, says which were skipped and why,
# and ends with "N passed, N failed, N skipped" counted from the test result files.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=$root/.artifacts
results=$out/test-results
rm -rf "$results"; mkdir -p "$results"

# Packages that only a full NuGet feed serves; a project that needs one and cannot restore it is skipped, not failed.
optional='Pulumi|Pulumi\.Aws|Pulumi\.Awsx|Pulumi\.Automation|AWSSDK\.Route53'
buildable=(); skipped=()
for project in $(find src tests -name '*.csproj' | sort); do
  log=$(dotnet restore "$project" --nologo 2>&1)
  if [ $? -eq 0 ]; then
    buildable+=("$project")
  elif missing=$(grep -oE "NU1101: Unable to find package ($optional)\." <<<"$log" | sed -E 's/.*package (.*)\./\1/' | sort -u | paste -sd, -) && [ -n "$missing" ]; then
    skipped+=("$project|needs $missing, which the package source here does not serve")
  else
    echo "$log" >&2
    echo "restore failed for $project (not a missing optional package)" >&2
    echo "0 passed, 1 failed, 0 skipped"
    exit 1
  fi
done

# Every project must be in the solution, or IDEs and the filter below would silently leave it out.
missing_from_sln=()
for p in "${buildable[@]}" "${skipped[@]%%|*}"; do
  grep -qF "$(echo "$p" | tr / '\\')" SecureCart.Platform.sln || missing_from_sln+=("$p")
done
if [ ${#missing_from_sln[@]} -gt 0 ]; then
  printf 'not in SecureCart.Platform.sln (add with: dotnet sln SecureCart.Platform.sln add --solution-folder src|tests PROJECT): %s\n' "${missing_from_sln[@]}" >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
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
echo "== build (${#buildable[@]} projects)"
dotnet build "$filter" --nologo -v quiet -clp:ErrorsOnly || status=1
if [ $status -eq 0 ]; then
  echo "== format"
  dotnet format "$filter" --verify-no-changes --no-restore || status=1
  echo "== test"
  dotnet test "$filter" --no-build --nologo --logger trx --results-directory "$results" || status=1
fi

sum() { grep -ho "$1=\"[0-9]*\"" "$results"/*.trx 2>/dev/null | grep -o '[0-9]*' | paste -sd+ - | bc 2>/dev/null || echo 0; }
passed=$(sum passed); failed=$(sum failed); notrun=$(sum notExecuted)
passed=${passed:-0}; failed=${failed:-0}; notrun=${notrun:-0}
if [ $status -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; echo "build, format or test run failed before results were written" >&2; fi
echo "$passed passed, $failed failed, $notrun skipped"
[ $status -eq 0 ] && [ "$failed" -eq 0 ]
