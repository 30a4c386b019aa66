# The Pulumi layer (Infra, Deploy, Previews.Automation and their tests) is built and tested everywhere: against the
# real Pulumi packages where the package source serves them, otherwise against the local stand-in feed
# (shared/feeds/pulumi-standin beside this checkout or beside the repository it was cloned from).

_standin_feed() {
  local candidates=("${SECURECART_PULUMI_STANDIN_FEED:-}" "$root/../shared/feeds/pulumi-standin")
  local origin; origin=$(git -C "$root" config --get remote.origin.url 2>/dev/null || true)
  [ -n "$origin" ] && [ -d "$origin" ] && candidates+=("$origin/../shared/feeds/pulumi-standin")
  local c
  for c in "${candidates[@]}"; do
    [ -n "$c" ] && [ -f "$c/Pulumi.Aws.7.48.0-stub.nupkg" ] && { (cd "$c" && pwd); return 0; }
  done
  return 1
}

setup_pulumi_packages() {
  # The choice is this script's: versions or sources left in the environment by an earlier shell would hide what the
  # package source really serves.
  unset PulumiAwsVersion PulumiAwsxVersion RestoreAdditionalProjectSources
  local probe=src/SecureCart.Platform.Infra/SecureCart.Platform.Infra.csproj log
  if log=$(dotnet restore "$probe" --nologo 2>&1); then
    pulumi_layer="real Pulumi, Pulumi.Aws and Pulumi.Awsx from the package source"
  elif ! grep -qE "NU1101: Unable to find package Pulumi" <<<"$log"; then
    echo "$log" >&2
    setup_fail "restore of $probe failed for a reason other than missing Pulumi packages (above)"
  elif feed=$(_standin_feed); then
    # Stand-in versions are set for every project, and every package goes to a folder of this checkout, so the
    # shared NuGet cache never holds the locally built Pulumi 3.112.1 under the real package's name.
    export PulumiAwsVersion=7.48.0-stub PulumiAwsxVersion=3.9.0-stub
    export RestoreAdditionalProjectSources=$feed
    export NUGET_PACKAGES=$out/nuget-standin
    pulumi_layer="the stand-in feed $feed (real Pulumi 3.112.1 + Automation, compile-only Pulumi.Aws 7.48.0-stub / Pulumi.Awsx 3.9.0-stub; a check, not what ships)"
  else
    pulumi_layer="none: the package source serves no Pulumi packages and no stand-in feed was found (set SECURECART_PULUMI_STANDIN_FEED); the Pulumi projects are skipped"
  fi
  echo "   Pulumi packages: $pulumi_layer"
}
