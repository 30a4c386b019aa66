using System.Text.Json;

namespace SecureCart.Platform.Review.Preview;

/// <summary>Where a value captured by <see cref="StreamingJsonScanner"/> sits in the input.</summary>
internal enum ScannedValueKind
{
    PreviewField,
    PreviewStep,
    EngineEvent,
    ExportField,
    DeploymentField,
    ExportResource,
}

/// <summary>
/// One complete value; <see cref="Value"/> is only valid during the callback that receives it, unless the scan
/// hands the values over, and then until whoever receives it disposes <see cref="Document"/>.
/// </summary>
/// <param name="Step">A preview's step, once parsed (see <c>PreviewReader</c>'s <c>Prepare</c>).</param>
/// <param name="ReadLeft">The reader's <c>onRead</c> was left for the judging thread to run on <see cref="Step"/>.</param>
internal readonly record struct ScannedValue(ScannedValueKind Kind, string? Name, JsonElement Value, long Line, long Offset, JsonDocument? Document = null, PreviewStep? Step = null, bool ReadLeft = false);
