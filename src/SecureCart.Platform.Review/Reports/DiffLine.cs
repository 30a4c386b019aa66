namespace SecureCart.Platform.Review.Reports;

/// <summary>One line of a value diff: ' ' unchanged, '-' removed, '+' added, '…' a count of folded lines.</summary>
public sealed record DiffLine(char Mark, string Text);
