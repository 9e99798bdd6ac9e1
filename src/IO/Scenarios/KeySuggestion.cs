namespace ClimateAD.IO.Scenarios;

/// <summary>Finds the valid name closest to a misspelt one (Levenshtein distance).</summary>
internal static class KeySuggestion
{
    /// <summary>The closest of <paramref name="valid"/> to <paramref name="given"/>, or <c>null</c> if none is close.</summary>
    public static string? Closest(string given, IEnumerable<string> valid)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var v in valid)
        {
            int d = Distance(given.ToLowerInvariant(), v.ToLowerInvariant());
            if (d < bestDistance) { best = v; bestDistance = d; }
        }
        int allowed = Math.Max(2, given.Length / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>"did you mean 'x'? valid: a, b, c" or "valid: a, b, c".</summary>
    public static string Choices(string given, IReadOnlyCollection<string> valid)
    {
        string list = valid.Count == 0 ? "none" : string.Join(", ", valid);
        return Closest(given, valid) is { } c ? $"did you mean '{c}'? valid: {list}" : $"valid: {list}";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
