using SecureCart.Previews.Domain;

namespace SecureCart.Previews.Tests.Domain;

/// <summary>Every status against every operation, and every way an operation can end: a new status or kind fails here until its row is written.</summary>
public sealed class EnvironmentStateMachineTests
{
    // Which operation may start from which status. Spelled out in full, so a changed rule shows up as a changed row.
    private static readonly Dictionary<(EnvironmentStatus Status, OperationKind Kind), bool> s_startTable = new()
    {
        [(EnvironmentStatus.Provisioning, OperationKind.Up)] = false,
        [(EnvironmentStatus.Provisioning, OperationKind.Destroy)] = false,
        [(EnvironmentStatus.Ready, OperationKind.Up)] = false,
        [(EnvironmentStatus.Ready, OperationKind.Destroy)] = true,
        [(EnvironmentStatus.Failed, OperationKind.Up)] = false,
        [(EnvironmentStatus.Failed, OperationKind.Destroy)] = true,
        [(EnvironmentStatus.Destroying, OperationKind.Up)] = false,
        [(EnvironmentStatus.Destroying, OperationKind.Destroy)] = false,
        [(EnvironmentStatus.Destroyed, OperationKind.Up)] = false,
        [(EnvironmentStatus.Destroyed, OperationKind.Destroy)] = false,
    };

    private static readonly Dictionary<EnvironmentStatus, (bool Extend, bool Live)> s_statusTable = new()
    {
        [EnvironmentStatus.Provisioning] = (true, true),
        [EnvironmentStatus.Ready] = (true, true),
        [EnvironmentStatus.Failed] = (true, true),
        [EnvironmentStatus.Destroying] = (false, true),
        [EnvironmentStatus.Destroyed] = (false, false),
    };

    // (kind, how it ended, whether a worker had claimed it, whether the environment had been up) → status afterwards.
    private static readonly Dictionary<(OperationKind Kind, OperationStatus End, bool Started, bool WasReady), EnvironmentStatus> s_finishTable = Build();

    public static TheoryData<EnvironmentStatus, OperationKind> StatusesAndKinds()
    {
        var data = new TheoryData<EnvironmentStatus, OperationKind>();
        foreach (var status in Enum.GetValues<EnvironmentStatus>())
        {
            foreach (var kind in Enum.GetValues<OperationKind>())
            {
                data.Add(status, kind);
            }
        }

        return data;
    }

    public static TheoryData<OperationKind, OperationStatus, bool, bool> Ends()
    {
        var data = new TheoryData<OperationKind, OperationStatus, bool, bool>();
        foreach (var kind in Enum.GetValues<OperationKind>())
        {
            foreach (var end in Enum.GetValues<OperationStatus>())
            {
                foreach (var started in new[] { false, true })
                {
                    data.Add(kind, end, started, false);
                    data.Add(kind, end, started, true);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(StatusesAndKinds))]
    public void MayStart_EveryStatusAndKind_FollowsTheTable(EnvironmentStatus status, OperationKind kind)
    {
        Assert.True(s_startTable.TryGetValue((status, kind), out var expected), $"no rule written for {kind} from {status}");

        Assert.Equal(expected, EnvironmentStateMachine.MayStart(status, kind));
    }

    [Theory]
    [MemberData(nameof(StatusesAndKinds))]
    public void DestroyableStatuses_AreExactlyThoseADestroyMayStartFrom(EnvironmentStatus status, OperationKind kind)
    {
        if (kind == OperationKind.Destroy)
        {
            Assert.Equal(EnvironmentStateMachine.MayStart(status, kind), EnvironmentStateMachine.DestroyableStatuses.Contains(status));
        }
    }

    [Theory]
    [MemberData(nameof(StatusesAndKinds))]
    public void MayExtendAndIsLive_EveryStatus_FollowTheTable(EnvironmentStatus status, OperationKind kind)
    {
        _ = kind;
        Assert.True(s_statusTable.TryGetValue(status, out var expected), $"no rule written for {status}");

        Assert.Equal(expected.Extend, EnvironmentStateMachine.MayExtend(status));
        Assert.Equal(expected.Live, EnvironmentStateMachine.IsLive(status));
    }

    [Fact]
    public void Final_NothingStartsOrExtends()
    {
        Assert.All(Enum.GetValues<OperationKind>(), kind => Assert.False(EnvironmentStateMachine.MayStart(EnvironmentStateMachine.Final, kind)));
        Assert.False(EnvironmentStateMachine.MayExtend(EnvironmentStateMachine.Final));
    }

    [Fact]
    public void Running_EachKind_HasItsOwnInFlightStatus()
    {
        Assert.Equal(EnvironmentStatus.Provisioning, EnvironmentStateMachine.Running(OperationKind.Up));
        Assert.Equal(EnvironmentStatus.Destroying, EnvironmentStateMachine.Running(OperationKind.Destroy));

        // While its operation runs, an environment can be neither destroyed again nor brought up again.
        Assert.All(Enum.GetValues<OperationKind>(), kind =>
            Assert.All(Enum.GetValues<OperationKind>(), other => Assert.False(EnvironmentStateMachine.MayStart(EnvironmentStateMachine.Running(kind), other))));
    }

    [Theory]
    [MemberData(nameof(Ends))]
    public void Finished_EveryKindAndEnd_FollowsTheTable(OperationKind kind, OperationStatus end, bool started, bool wasReady)
    {
        if (end is OperationStatus.Queued or OperationStatus.Running)
        {
            // Not an end: asking what follows is a bug in the caller, not a state.
            Assert.Throws<ArgumentOutOfRangeException>(() => EnvironmentStateMachine.Finished(kind, end, started, wasReady));
            return;
        }

        Assert.True(s_finishTable.TryGetValue((kind, end, started, wasReady), out var expected), $"no rule written for {kind} ending {end}");

        var after = EnvironmentStateMachine.Finished(kind, end, started, wasReady);

        Assert.Equal(expected, after);

        // Whatever the end, the environment is settled again: nothing is running, so the reaper or a delete can take it on.
        Assert.NotEqual(EnvironmentStateMachine.Running(kind), after);
    }

    [Fact]
    public void Tables_CoverEveryCombination()
    {
        var kinds = Enum.GetValues<OperationKind>().Length;
        var statuses = Enum.GetValues<EnvironmentStatus>().Length;
        var ends = Enum.GetValues<OperationStatus>().Count(s => s is not (OperationStatus.Queued or OperationStatus.Running));

        Assert.Equal(statuses * kinds, s_startTable.Count);
        Assert.Equal(statuses, s_statusTable.Count);
        Assert.Equal(kinds * ends * 4, s_finishTable.Count);
    }

    private static Dictionary<(OperationKind, OperationStatus, bool, bool), EnvironmentStatus> Build()
    {
        var table = new Dictionary<(OperationKind, OperationStatus, bool, bool), EnvironmentStatus>();
        foreach (var started in new[] { false, true })
        {
            foreach (var wasReady in new[] { false, true })
            {
                table[(OperationKind.Up, OperationStatus.Succeeded, started, wasReady)] = EnvironmentStatus.Ready;
                table[(OperationKind.Up, OperationStatus.Failed, started, wasReady)] = EnvironmentStatus.Failed;
                table[(OperationKind.Up, OperationStatus.Cancelled, started, wasReady)] = EnvironmentStatus.Failed;
                table[(OperationKind.Destroy, OperationStatus.Succeeded, started, wasReady)] = EnvironmentStatus.Destroyed;
                table[(OperationKind.Destroy, OperationStatus.Failed, started, wasReady)] = EnvironmentStatus.Failed;

                // A destroy cancelled before any worker took it changed nothing: the environment goes back to what it was.
                table[(OperationKind.Destroy, OperationStatus.Cancelled, started, wasReady)] =
                    !started && wasReady ? EnvironmentStatus.Ready : EnvironmentStatus.Failed;
            }
        }

        return table;
    }
}
