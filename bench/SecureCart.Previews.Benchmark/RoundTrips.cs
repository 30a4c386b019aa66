using System.Diagnostics;

namespace SecureCart.Previews.Benchmark;

/// <summary>
/// Counts the service's database round trips from Npgsql's own tracing (one activity per command or batch sent), split
/// into those made while handling an HTTP request and those made by background work (the deploy worker, listeners).
/// </summary>
internal sealed class RoundTrips : IDisposable
{
    private const string RequestActivity = "Microsoft.AspNetCore.Hosting.HttpRequestIn";
    private readonly ActivityListener _listener;
    private long _request;
    private long _background;

    public RoundTrips()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Stopped,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public (long Request, long Background) Take() => (Interlocked.Exchange(ref _request, 0), Interlocked.Exchange(ref _background, 0));

    public void Dispose() => _listener.Dispose();

    private void Stopped(Activity activity)
    {
        if (activity.Source.Name != "Npgsql")
        {
            return;
        }

        var inRequest = false;
        for (var parent = activity.Parent; parent is not null && !inRequest; parent = parent.Parent)
        {
            inRequest = parent.OperationName == RequestActivity;
        }

        Interlocked.Increment(ref inRequest ? ref _request : ref _background);
    }
}
