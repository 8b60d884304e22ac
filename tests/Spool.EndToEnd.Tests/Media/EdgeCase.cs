using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests.Media;

/// <summary>
/// One generated input of the edge-case folder. <see cref="FailsAs"/> is empty for a valid input and names the error
/// categories Spool may give a broken one. <see cref="Confirm"/> says what is wrong with the generated file if it
/// does not have the property the case is about (null when it has), so a bad generator fails the fixture, not the product.
/// </summary>
public sealed record EdgeCase(
    string FileName,
    string Property,
    Func<string, string, Task> Generate,
    Func<ProbeAttempt, string?> Confirm,
    IReadOnlySet<string> FailsAs)
{
    public bool IsValid => FailsAs.Count == 0;

    public override string ToString() => $"{FileName} ({Property})";
}

/// <summary>ffprobe's view of a generated file: facts when it could read it, its complaint when it could not.</summary>
public sealed record ProbeAttempt(MediaFacts? Facts, ToolResult Run)
{
    public static async Task<ProbeAttempt> OfAsync(string path)
    {
        var run = await ToolRun.RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "file:" + path]);
        if (run.ExitCode != 0)
        {
            return new ProbeAttempt(null, run);
        }

        using var json = System.Text.Json.JsonDocument.Parse(run.Stdout);
        return new ProbeAttempt(MediaFacts.From(path, json.RootElement), run);
    }
}
