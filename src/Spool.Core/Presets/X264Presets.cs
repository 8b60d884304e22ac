namespace Spool.Core.Presets;

/// <summary>x264's speed presets, fastest first.</summary>
public static class X264Presets
{
    public static IReadOnlyList<string> FastestFirst { get; } =
        ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium", "slow", "slower", "veryslow", "placebo"];

    public static bool IsKnown(string name) => FastestFirst.Contains(name, StringComparer.Ordinal);

    /// <summary>The faster of two presets (unknown names count as "medium").</summary>
    public static string Faster(string a, string b) => Rank(a) <= Rank(b) ? a : b;

    /// <summary>The slower of two presets (unknown names count as "medium").</summary>
    public static string Slower(string a, string b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(string name)
    {
        var index = FastestFirst.ToList().IndexOf(name);
        return index >= 0 ? index : 5;
    }
}
