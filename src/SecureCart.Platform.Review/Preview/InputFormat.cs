namespace SecureCart.Platform.Review.Preview;

/// <summary>The machine-readable Pulumi outputs the review accepts.</summary>
public enum InputFormat
{
    /// <summary>`pulumi preview --json`: one document with `steps`, `changeSummary`, `diagnostics`, ….</summary>
    PreviewDigest,

    /// <summary>Engine events, one JSON object per line (`PULUMI_ENABLE_STREAMING_JSON_PREVIEW`, `--event-log`).</summary>
    EngineEvents,

    /// <summary>Pulumi Cloud's update events (`apitype.GetUpdateEventsResponse`): `{"events": [...], "continuationToken": …}`.</summary>
    CloudEvents,

    /// <summary>`pulumi stack export`, deployment schema version 3 or 4.</summary>
    StackExport,
}
