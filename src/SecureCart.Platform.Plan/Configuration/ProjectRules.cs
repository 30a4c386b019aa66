namespace SecureCart.Platform.Plan.Configuration;

/// <summary>Rules that span stacks; they hold for any number of stack files.</summary>
internal static class ProjectRules
{
    public static void Check(IReadOnlyList<(StackFile File, StackSettings Settings)> stacks, bool everyStackValid, List<ConfigFault> faults)
    {
        ConfigFault Fault((StackFile File, StackSettings Settings) stack, string key, string message) =>
            new(stack.File.FileName, key, stack.File.Values.TryGetValue(key, out var v) ? v.Line : 0, message);

        for (var i = 0; i < stacks.Count; i++)
        {
            for (var j = i + 1; j < stacks.Count; j++)
            {
                // Report against the non-home stack: the home stack is the reference the others follow.
                var (a, b) = stacks[i].Settings.IsHome || !stacks[j].Settings.IsHome ? (stacks[i], stacks[j]) : (stacks[j], stacks[i]);
                if (a.Settings.VpcCidr.Overlaps(b.Settings.VpcCidr))
                {
                    faults.Add(Fault(b, "securecart:vpcCidr", $"{b.Settings.VpcCidr} overlaps {a.Settings.VpcCidr} of stack {a.Settings.StackName} ({a.File.FileName}); give each stack its own range so the VPCs can be peered"));
                }

                if (a.Settings.Region == b.Settings.Region)
                {
                    faults.Add(Fault(b, "aws:region", $"{b.Settings.Region} is already the region of stack {a.Settings.StackName}; a global table holds one replica per region, so each stack needs its own region"));
                }

                if (a.Settings.Domain != b.Settings.Domain)
                {
                    faults.Add(Fault(b, "securecart:domain", $"'{b.Settings.Domain}' differs from '{a.Settings.Domain}' in stack {a.Settings.StackName}; all regions serve one shop under one domain"));
                }
            }
        }

        if (!everyStackValid)
        {
            return; // the home count is only meaningful once every stack file could be read
        }

        var homes = stacks.Where(s => s.Settings.IsHome).ToList();
        if (homes.Count == 0 && stacks.Count > 0)
        {
            faults.Add(new ConfigFault(stacks[0].File.FileName, "securecart:home", 0, "no stack is the home stack; set 'securecart:home: true' in exactly one stack file (it owns the accelerator, CloudFront and DNS)"));
        }

        foreach (var extra in homes.Skip(1))
        {
            faults.Add(Fault(extra, "securecart:home", $"stack {homes[0].Settings.StackName} is already the home stack; exactly one stack may set home: true"));
        }
    }
}
