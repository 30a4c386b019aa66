using System.Collections.Immutable;

namespace SecureCart.Platform.Verify.Resolver;

/// <summary>
/// Resolves every public name of the plan the way a customer's resolver does and judges each answer against the
/// plan: does the name exist, does it answer, and does it reach the planned kind of target.
/// </summary>
public static class PublicDnsVerifier
{
    public static async Task<VerificationReport> VerifyAsync(DnsExpectations expectations, DnsLookup lookup, PlannedTargets targets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectations);
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(targets);
        var findings = ImmutableArray.CreateBuilder<RecordFinding>();
        foreach (var expected in expectations.Records)
        {
            var answer = await lookup.ResolveAsync(expected.Name, expected.Type, cancellationToken).ConfigureAwait(false);
            var targetName = targets.For(expected.Target, expected.Region);
            var target = targetName is null ? null : await lookup.ResolveAsync(targetName, expected.Type, cancellationToken).ConfigureAwait(false);
            findings.Add(PublicAnswerJudge.Judge(expected, answer, target));
        }

        return new VerificationReport(expectations.Stack, expectations.HostedZone, findings.ToImmutable());
    }
}
