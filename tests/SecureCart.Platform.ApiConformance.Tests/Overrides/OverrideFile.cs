namespace SecureCart.Platform.ApiConformance.Tests.Overrides;

/// <summary>The tab-separated override files: one row per line, blank lines and <c>#</c> comments skipped.</summary>
internal static class OverrideFile
{
    /// <summary>Each row's cells with its 1-based line number, for messages that point at the line to fix.</summary>
    public static IEnumerable<(int Line, string[] Cells)> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0 || lines[i].StartsWith('#'))
            {
                continue;
            }

            yield return (i + 1, lines[i].Split('\t'));
        }
    }
}
