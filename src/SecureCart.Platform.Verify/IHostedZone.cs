namespace SecureCart.Platform.Verify;

/// <summary>
/// The hosted zone as the verifier needs it. Route 53 implements it in SecureCart.Platform.Verify.Route53;
/// the tests use an in-memory zone, so every judgement here is tested without AWS.
/// </summary>
public interface IHostedZone
{
    Task<IReadOnlyList<ObservedRecord>> ListRecordsAsync(CancellationToken cancellationToken);

    Task<DnsAnswer> TestAnswerAsync(string name, string type, CancellationToken cancellationToken);
}
