using System.Globalization;
using System.Text.RegularExpressions;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>A source that decodes with errors but still gives a good output: the job succeeds and says where the damage is.</summary>
public sealed partial class SourceDamageTests
{
    [Fact]
    public async Task Damaged_source_succeeds_with_a_source_damaged_warning_near_five_seconds_in_report_and_summary()
    {
        using var temp = new TempFolder("source-damage");
        var cli = SpoolCli.In(temp);
        var clip = temp.Combine("damaged.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=d=10:s=320x240:r=25", "-f", "lavfi", "-i", "sine=d=10",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-c:a", "aac", "-movflags", "+faststart", clip);
        var bytes = await File.ReadAllBytesAsync(clip);
        new Random(5).NextBytes(bytes.AsSpan(bytes.Length / 2, 20_000));
        await File.WriteAllBytesAsync(clip, bytes);

        var run = await cli.RunAsync("process", clip, "--preset", "fast_draft", "--output", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, "A damaged source whose output passes QC is a success.\n" + run.Describe());
        var job = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("damaged.mp4", "fast_draft");
        Assert.Equal("succeeded", job.Status);
        var warning = job.Raw.GetProperty("warnings").EnumerateArray().Single();
        Assert.Equal("source_damaged", warning.GetProperty("code").GetString());
        var first = warning.GetProperty("at_seconds").EnumerateArray().First().GetDouble();
        Assert.True(first is >= 4.0 and <= 6.0, "first damage at " + first.ToString(CultureInfo.InvariantCulture) + " s:\n" + warning);

        var line = run.Stdout.Split('\n').SingleOrDefault(l => l.Contains("source_damaged", StringComparison.Ordinal));
        Assert.True(line is not null, "The summary has no source_damaged line:\n" + run.Stdout);
        Assert.Contains("damaged.mp4", line, StringComparison.Ordinal);
        var said = double.Parse(Seconds().Match(line).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(said is >= 4.0 and <= 6.0, line);
    }

    [GeneratedRegex(@"(\d+(?:\.\d+)?) s\b")]
    private static partial Regex Seconds();
}
