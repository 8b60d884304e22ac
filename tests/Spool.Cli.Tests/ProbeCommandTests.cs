using System.Globalization;

namespace Spool.Cli.Tests;

/// <summary>spool probe FILE, human output: what users look for first is on the stream lines.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class ProbeCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-probe-cli-" + Guid.NewGuid().ToString("N"));

    public ProbeCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Human_output_shows_bitrates_profile_level_colour_and_language()
    {
        var clip = Path.Combine(_folder, "tagged.mp4");
        await CliMedia.FfmpegAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:d=1", "-f", "lavfi", "-i", "sine=d=1",
            "-c:v", "libx264", "-profile:v", "high", "-level", "3.1", "-pix_fmt", "yuv420p", "-b:v", "400k",
            "-color_primaries", "bt709", "-color_trc", "bt709", "-colorspace", "bt709",
            "-c:a", "aac", "-b:a", "96k", "-metadata:s:v:0", "language=eng", "-metadata:s:a:0", "language=fra", "file:" + clip);

        var (code, output) = await CaptureAsync(["probe", clip]);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.TrimEntries);
        var video = lines.Single(line => line.StartsWith("video #0 ", StringComparison.Ordinal));
        var audio = lines.Single(line => line.StartsWith("audio #1 ", StringComparison.Ordinal));
        Assert.Contains("h264 High, level 3.1", video, StringComparison.Ordinal);
        Assert.Contains("colour primaries bt709, transfer bt709, matrix bt709", video, StringComparison.Ordinal);
        Assert.Matches(@", \d+ kb/s,", video);
        Assert.EndsWith("language eng", video, StringComparison.Ordinal);
        Assert.Contains("aac LC", audio, StringComparison.Ordinal);
        Assert.Matches(@", \d+ kb/s,", audio);
        Assert.EndsWith("language fra", audio, StringComparison.Ordinal);
        Assert.Matches(@"^format .*, \d+ kb/s$", lines.Single(line => line.StartsWith("format ", StringComparison.Ordinal)));
    }

    private static async Task<(int Code, string Output)> CaptureAsync(string[] args)
    {
        var original = Console.Out;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(output);
        try
        {
            return (await SpoolApp.RunAsync(args), output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
