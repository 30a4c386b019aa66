namespace SecureCart.Platform.Plan.Previews;

/// <summary>How much each service of a preview environment gets.</summary>
public enum PreviewSize
{
    /// <summary>0.25 vCPU, 512 MiB per service.</summary>
    Small,

    /// <summary>0.5 vCPU, 1 GiB per service.</summary>
    Medium,

    /// <summary>1 vCPU, 2 GiB per service: load tests.</summary>
    Large,
}
