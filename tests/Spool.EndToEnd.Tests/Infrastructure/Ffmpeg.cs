using System.Text.Json;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>ffmpeg and ffprobe as the tests' independent witnesses: nothing here goes through Spool's own code.</summary>
public static class Ffmpeg
{
    public static async Task RunAsync(params string[] arguments)
    {
        var result = await ToolRun.RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException("Generating test media failed: " + result.Describe());
        }
    }

    public static async Task<MediaFacts> ProbeAsync(string path)
    {
        var result = await ToolRun.RunAsync("ffprobe", ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "file:" + path]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"ffprobe cannot read {path}: " + result.Describe());
        }

        using var json = JsonDocument.Parse(result.Stdout);
        return MediaFacts.From(path, json.RootElement);
    }

    /// <summary>A full decode; what ffmpeg says at level "error" (empty when the file is clean) and its exit code.</summary>
    public static Task<ToolResult> DecodeAsync(string path) =>
        ToolRun.RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-i", "file:" + path, "-f", "null", "-"]);
}
