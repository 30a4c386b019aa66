namespace SecureCart.Platform.Review.Preview;

/// <summary>The input is not a Pulumi preview, event log or stack export that can be read.</summary>
public sealed class PreviewFormatException : Exception
{
    public PreviewFormatException()
    {
    }

    public PreviewFormatException(string message)
        : base(message)
    {
    }

    public PreviewFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PreviewFormatException(string source, long line, long byteOffset, string problem, Exception? innerException = null)
        : base($"{source}: line {line}, byte {byteOffset}: {Excerpt.Of(problem, MaxProblemLength)}", innerException)
    {
        Source = source;
        Line = line;
        ByteOffset = byteOffset;
        Problem = Excerpt.Of(problem, MaxProblemLength);
    }

    // Room for a sentence that says what to fix, not for the input it quotes.
    private const int MaxProblemLength = 400;

    /// <summary>1-based line of the value that could not be read.</summary>
    public long Line { get; }

    /// <summary>0-based offset in the UTF-8 text (after any UTF-16 input was transcoded).</summary>
    public long ByteOffset { get; }

    public string Problem { get; } = "";
}
