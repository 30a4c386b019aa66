namespace SecureCart.Platform.Plan.Configuration;

/// <summary>The Black Friday window: minimum capacity is raised between Start and End.</summary>
/// <param name="Yearly">The window repeats every year on the same dates and times (a cron schedule), instead of once.</param>
public sealed record PeakWindow(DateTimeOffset Start, DateTimeOffset End, int MinTasksMultiplier, bool Yearly = false);
