namespace SecureCart.Platform.Simulation.Model;

/// <summary>
/// One direction (reads or writes) of an on-demand DynamoDB table: it serves instantly up to
/// <c>multiplier</c> x its previous peak, where a new peak only counts once it is <c>adaptSeconds</c> old
/// (traffic beyond double the peak throttles for up to 30 minutes), and never more than its hottest
/// partition key allows.
/// </summary>
internal sealed class OnDemandThroughput
{
    private readonly double _initialPeak;
    private readonly double _multiplier;
    private readonly int _adaptMinutes;
    private readonly double _hotKeyLimit;
    private readonly List<double> _minutePeaks = [];
    private double _currentMinutePeak;
    private double _settledPeak;
    private int _settledUpTo;

    /// <param name="previousPeak">Units per second the table has served before.</param>
    /// <param name="newTableUnits">What a new on-demand table serves: the floor of the ceiling.</param>
    /// <param name="partitionUnits">Per-partition limit (3,000 reads or 1,000 writes per second).</param>
    /// <param name="hotKeyShare">Fraction of the traffic on the busiest key; 0 means spread evenly.</param>
    public OnDemandThroughput(double previousPeak, double newTableUnits, double multiplier, int adaptSeconds, double partitionUnits, double hotKeyShare)
    {
        _initialPeak = Math.Max(previousPeak, newTableUnits / multiplier);
        _settledPeak = _initialPeak;
        _multiplier = multiplier;
        _adaptMinutes = adaptSeconds / 60;
        _hotKeyLimit = hotKeyShare > 0 ? partitionUnits / hotKeyShare : double.PositiveInfinity;
    }

    public double Ceiling => Math.Min(_multiplier * _settledPeak, _hotKeyLimit);

    public StepOutcome Step(double demand)
    {
        var ceiling = Ceiling;
        var served = Math.Min(demand, ceiling);
        _currentMinutePeak = Math.Max(_currentMinutePeak, served);
        return new StepOutcome(demand, ceiling, served, demand - served, 0);
    }

    /// <summary>Closes minute <paramref name="minute"/> (0-based): peaks older than the adaptation time now count.</summary>
    public void EndMinute(int minute)
    {
        _minutePeaks.Add(_currentMinutePeak);
        _currentMinutePeak = 0;
        var settled = minute + 1 - _adaptMinutes;
        while (_settledUpTo < settled)
        {
            _settledPeak = Math.Max(_settledPeak, _minutePeaks[_settledUpTo]);
            _settledUpTo++;
        }
    }
}
