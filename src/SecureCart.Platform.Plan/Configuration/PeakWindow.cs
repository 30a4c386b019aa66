namespace SecureCart.Platform.Plan.Configuration;

/// <summary>The Black Friday window: minimum capacity is raised between Start and End.</summary>
public sealed record PeakWindow(DateTimeOffset Start, DateTimeOffset End, int MinTasksMultiplier);
