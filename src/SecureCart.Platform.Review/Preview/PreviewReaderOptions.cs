namespace SecureCart.Platform.Review.Preview;

/// <summary>Limits and retention for <see cref="PreviewReader"/>.</summary>
public sealed record PreviewReaderOptions
{
    /// <summary>The largest single step, event or resource accepted; a larger one is reported as unreadable.</summary>
    public int MaxValueBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Clone inputs and outputs so they outlive the callback (stack exports read for parity).</summary>
    public bool KeepValues { get; init; }

    /// <summary>
    /// Read on a second thread while the caller's thread handles the steps (when there is more than one core).
    /// The steps arrive in the same order and the same errors are raised either way.
    /// </summary>
    public bool Pipelined { get; init; } = true;
}
