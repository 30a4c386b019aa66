using System.Collections.Immutable;
using System.Globalization;
using SecureCart.Platform.Plan.Compute;
using SecureCart.Platform.Plan.Configuration;
using SecureCart.Platform.Plan.Data;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace SecureCart.Platform.Simulation.Profiles;

/// <summary>Reads a traffic profile (YAML) and reports every fault at once, each with its line and what to change.</summary>
public static class ProfileLoader
{
    private static readonly string[] s_topKeys = ["name", "description", "start", "durationMinutes", "resolutionSeconds", "traffic", "regions", "dials", "evacuate", "services", "database", "cache", "tables", "slo"];
    private static readonly string[] s_trafficKeys = ["baselineRps", "apiPercent", "checkoutApiPercent", "shape"];
    private static readonly string[] s_serviceKeys = ["callsPerRequest", "rpsPerTask", "baseLatencyMs"];
    private static readonly string[] s_tableKeys = ["readUnitsPerRequest", "writeUnitsPerRequest", "previousPeakReadUnits", "previousPeakWriteUnits", "hotKeyShare"];

    /// <param name="stacks">Stack names of the project: dials and region shares must name one of them.</param>
    public static ProfileLoadResult Load(string fileName, TextReader reader, IReadOnlyCollection<string> stacks)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(stacks);
        var faults = new List<ConfigFault>();
        var y = new YamlFields(fileName, faults);
        YamlMappingNode root;
        try
        {
            var stream = new YamlStream();
            stream.Load(reader);
            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode map)
            {
                faults.Add(new ConfigFault(fileName, "", 1, "the file must be a YAML mapping (name:, traffic:, ...)"));
                return new ProfileLoadResult.Rejected(faults);
            }

            root = map;
        }
        catch (YamlException e)
        {
            faults.Add(new ConfigFault(fileName, "", (int)e.Start.Line, $"not valid YAML: {e.Message}"));
            return new ProfileLoadResult.Rejected(faults);
        }

        y.OnlyKnown(root, "", s_topKeys);
        var name = y.Text(root, "name", "name", null);
        var description = y.Text(root, "description", "description", "");
        var startText = y.Text(root, "start", "start", null);
        var start = DateTimeOffset.MinValue;
        if (startText.Length > 0 && !DateTimeOffset.TryParse(startText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out start))
        {
            y.Fault("start", YamlFields.Child(root, "start"), $"'{startText}' is not a date and time; write it as ISO-8601 UTC, e.g. 2026-11-27T14:00:00Z");
        }

        var duration = (int)y.Number(root, "durationMinutes", "durationMinutes", null, 1, 60 * 24 * 14);
        var resolution = (int)y.Number(root, "resolutionSeconds", "resolutionSeconds", 10, 1, 60);
        if (60 % resolution != 0)
        {
            y.Fault("resolutionSeconds", YamlFields.Child(root, "resolutionSeconds"), string.Create(CultureInfo.InvariantCulture, $"{resolution} does not divide a minute; use 1, 2, 5, 10, 15, 20, 30 or 60"));
        }

        var traffic = y.Map(root, "traffic", "traffic", required: true) ?? new YamlMappingNode();
        y.OnlyKnown(traffic, "traffic.", s_trafficKeys);
        var baseline = y.Number(traffic, "baselineRps", "traffic.baselineRps", null, 0, 10_000_000);
        var apiPercent = y.Number(traffic, "apiPercent", "traffic.apiPercent", 20, 0, 100);
        var checkoutPercent = y.Number(traffic, "checkoutApiPercent", "traffic.checkoutApiPercent", 5, 0, 100);
        var shape = Shape(y, traffic, duration);

        var regions = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        if (y.Map(root, "regions", "regions") is { } regionMap)
        {
            foreach (var (key, _) in regionMap.Children)
            {
                var stack = (key as YamlScalarNode)?.Value ?? "";
                if (!stacks.Contains(stack))
                {
                    y.Fault($"regions.{stack}", key, $"no stack '{stack}'{YamlFields.Suggest(stack, stacks)}; stacks: {string.Join(", ", stacks)}");
                    continue;
                }

                regions[stack] = y.Number(regionMap, stack, $"regions.{stack}", null, 0, 100);
            }
        }

        var dials = Dials(y, root, stacks, duration);
        Evacuation? evacuation = null;
        if (y.Map(root, "evacuate", "evacuate") is { } evacuate)
        {
            y.OnlyKnown(evacuate, "evacuate.", ["minute"]);
            evacuation = new Evacuation(y.Number(evacuate, "minute", "evacuate.minute", null, 0, duration));
            if (stacks.Count < 2)
            {
                y.Fault("evacuate", YamlFields.Child(root, "evacuate"), "needs at least two stacks: the evacuated region's traffic has nowhere to go");
            }
        }

        var services = Services(y, root);
        var database = y.Map(root, "database", "database") is { } db
            ? Checked(y, db, "database.", ["readsPerRequest", "writesPerRequest", "baseLatencyMs"], () => new DatabaseLoad(
                y.Number(db, "readsPerRequest", "database.readsPerRequest", WorkloadDefaults.Database.ReadsPerRequest, 0, 1000),
                y.Number(db, "writesPerRequest", "database.writesPerRequest", WorkloadDefaults.Database.WritesPerRequest, 0, 1000),
                y.Number(db, "baseLatencyMs", "database.baseLatencyMs", WorkloadDefaults.Database.BaseLatencyMs, 0.01, 60_000)))
            : WorkloadDefaults.Database;
        var cache = y.Map(root, "cache", "cache") is { } c
            ? Checked(y, c, "cache.", ["opsPerRequest", "baseLatencyMs"], () => new CacheLoad(
                y.Number(c, "opsPerRequest", "cache.opsPerRequest", WorkloadDefaults.Cache.OpsPerRequest, 0, 1000),
                y.Number(c, "baseLatencyMs", "cache.baseLatencyMs", WorkloadDefaults.Cache.BaseLatencyMs, 0.01, 60_000)))
            : WorkloadDefaults.Cache;
        var tables = Tables(y, root);
        var slo = y.Map(root, "slo", "slo") is { } s
            ? Checked(y, s, "slo.", ["latencyMs", "errorPercent", "queueAgeSeconds"], () => new ServiceLevel(
                y.Number(s, "latencyMs", "slo.latencyMs", WorkloadDefaults.Slo.LatencyMs, 1, 600_000),
                y.Number(s, "errorPercent", "slo.errorPercent", WorkloadDefaults.Slo.ErrorPercent, 0, 100),
                y.Number(s, "queueAgeSeconds", "slo.queueAgeSeconds", WorkloadDefaults.Slo.QueueAgeSeconds, 1, 86_400)))
            : WorkloadDefaults.Slo;

        if (faults.Count > 0)
        {
            return new ProfileLoadResult.Rejected(faults);
        }

        return new ProfileLoadResult.Loaded(new TrafficProfile(
            name, description, fileName, start, duration, resolution, baseline, apiPercent, checkoutPercent, shape,
            regions.ToImmutable(), dials, evacuation, services, database, cache, tables, slo));
    }

    public static ProfileLoadResult LoadFile(string path, IReadOnlyCollection<string> stacks)
    {
        using var reader = new StreamReader(path);
        return Load(Path.GetFileName(path), reader, stacks);
    }

    private static T Checked<T>(YamlFields y, YamlMappingNode map, string prefix, string[] known, Func<T> read)
    {
        y.OnlyKnown(map, prefix, known);
        return read();
    }

    private static ImmutableArray<ShapePoint> Shape(YamlFields y, YamlMappingNode traffic, int duration)
    {
        var list = y.List(traffic, "shape", "traffic.shape");
        if (list is null || list.Children.Count == 0)
        {
            return [new ShapePoint(0, 1)];
        }

        var points = ImmutableArray.CreateBuilder<ShapePoint>();
        for (var i = 0; i < list.Children.Count; i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"traffic.shape[{i}]");
            if (list.Children[i] is not YamlMappingNode item)
            {
                y.Fault(path, list.Children[i], "must be '{ minute: M, multiplier: X }'");
                continue;
            }

            y.OnlyKnown(item, path + ".", ["minute", "multiplier"]);
            var point = new ShapePoint(y.Number(item, "minute", path + ".minute", null, 0, duration), y.Number(item, "multiplier", path + ".multiplier", null, 0, 10_000));
            if (points.Count > 0 && point.Minute <= points[^1].Minute)
            {
                y.Fault(path + ".minute", item, string.Create(CultureInfo.InvariantCulture, $"{point.Minute} does not come after the previous point's minute {points[^1].Minute}; list the points in time order"));
                continue;
            }

            points.Add(point);
        }

        return points.Count == 0 ? [new ShapePoint(0, 1)] : points.ToImmutable();
    }

    private static ImmutableArray<DialChange> Dials(YamlFields y, YamlMappingNode root, IReadOnlyCollection<string> stacks, int duration)
    {
        var list = y.List(root, "dials", "dials");
        var dials = ImmutableArray.CreateBuilder<DialChange>();
        for (var i = 0; i < (list?.Children.Count ?? 0); i++)
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"dials[{i}]");
            if (list!.Children[i] is not YamlMappingNode item)
            {
                y.Fault(path, list.Children[i], "must be '{ minute: M, stack: NAME, dial: PERCENT }'");
                continue;
            }

            y.OnlyKnown(item, path + ".", ["minute", "stack", "dial"]);
            var stack = y.Text(item, "stack", path + ".stack", null);
            if (stack.Length > 0 && !stacks.Contains(stack))
            {
                y.Fault(path + ".stack", YamlFields.Child(item, "stack"), $"no stack '{stack}'{YamlFields.Suggest(stack, stacks)}; stacks: {string.Join(", ", stacks)}");
            }

            dials.Add(new DialChange(y.Number(item, "minute", path + ".minute", null, 0, duration), stack, (int)y.Number(item, "dial", path + ".dial", null, 0, 100)));
        }

        return [.. dials.OrderBy(d => d.Minute)];
    }

    private static ImmutableSortedDictionary<string, ServiceLoad> Services(YamlFields y, YamlMappingNode root)
    {
        var result = WorkloadDefaults.Services.ToBuilder();
        if (y.Map(root, "services", "services") is not { } map)
        {
            return result.ToImmutable();
        }

        var names = ServiceCatalog.Services.Select(s => s.Name).ToArray();
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var path = $"services.{name}";
            if (!names.Contains(name))
            {
                y.Fault(path, key, $"no service '{name}'{YamlFields.Suggest(name, names)}; services: {string.Join(", ", names)}");
                continue;
            }

            if (value is not YamlMappingNode item)
            {
                y.Fault(path, value, "must be a mapping: callsPerRequest, rpsPerTask, baseLatencyMs");
                continue;
            }

            y.OnlyKnown(item, path + ".", s_serviceKeys);
            var d = WorkloadDefaults.Services[name];
            result[name] = new ServiceLoad(
                y.Number(item, "callsPerRequest", path + ".callsPerRequest", d.CallsPerRequest, 0, 1000),
                y.Number(item, "rpsPerTask", path + ".rpsPerTask", d.RpsPerTask, 0.001, 1_000_000),
                y.Number(item, "baseLatencyMs", path + ".baseLatencyMs", d.BaseLatencyMs, 0.01, 60_000));
        }

        return result.ToImmutable();
    }

    private static ImmutableSortedDictionary<string, TableLoad> Tables(YamlFields y, YamlMappingNode root)
    {
        var result = WorkloadDefaults.Tables.ToBuilder();
        if (y.Map(root, "tables", "tables") is not { } map)
        {
            return result.ToImmutable();
        }

        var names = TableDefinition.All.Select(t => t.LogicalName).ToArray();
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            var path = $"tables.{name}";
            if (!names.Contains(name))
            {
                y.Fault(path, key, $"no table '{name}'{YamlFields.Suggest(name, names)}; tables: {string.Join(", ", names)}");
                continue;
            }

            if (value is not YamlMappingNode item)
            {
                y.Fault(path, value, $"must be a mapping: {string.Join(", ", s_tableKeys)}");
                continue;
            }

            y.OnlyKnown(item, path + ".", s_tableKeys);
            var d = WorkloadDefaults.Tables[name];
            result[name] = new TableLoad(
                y.Number(item, "readUnitsPerRequest", path + ".readUnitsPerRequest", d.ReadUnitsPerRequest, 0, 1000),
                y.Number(item, "writeUnitsPerRequest", path + ".writeUnitsPerRequest", d.WriteUnitsPerRequest, 0, 1000),
                y.Number(item, "previousPeakReadUnits", path + ".previousPeakReadUnits", d.PreviousPeakReadUnits, 0, 1e9),
                y.Number(item, "previousPeakWriteUnits", path + ".previousPeakWriteUnits", d.PreviousPeakWriteUnits, 0, 1e9),
                y.Number(item, "hotKeyShare", path + ".hotKeyShare", d.HotKeyShare, 0, 1));
        }

        return result.ToImmutable();
    }
}
