namespace SecureCart.Platform.Review.Risk;

/// <summary>How bad a finding is; `--fail-on` compares against this order.</summary>
public enum Severity
{
    Note = 0,
    Low = 1,
    Medium = 2,
    High = 3,
    Critical = 4,
}
