using Spool.Core.Operations;
using Spool.Core.Reporting;
using Spool.Core.Tests.Validation;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Reporting;

/// <summary>The summary files on disk, and thumbnails from a real output made by ffmpeg.</summary>
public sealed class ReportFilesTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly string folder = TestMedia.TempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private BatchResult Batch(string output) =>
        new("batch_20261122_100000", folder, 1,
            [new JobResult("/in/a.mp4", "web_optimized", JobStatus.Succeeded, output, 1, Start, Start.AddSeconds(2), null, null) { SourceDurationSeconds = 4 }],
            Start, Start.AddSeconds(3), Interrupted: false);

    [Fact]
    public async Task Writer_writes_report_html_beside_the_json_and_leaves_no_partial_file()
    {
        await BatchReportWriter.WriteAsync(Batch(Path.Combine(folder, "a", "video", "a_web_optimized.mp4")), CancellationToken.None);

        var summary = Path.Combine(folder, "summary");
        Assert.Equal(
            ["batch_report.json", "error_log.json", "processing_metrics.json", "report.html"],
            Directory.GetFiles(summary).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.StartsWith("<!DOCTYPE html>", await File.ReadAllTextAsync(Path.Combine(summary, "report.html")));
    }

    [Fact]
    public async Task Thumbnail_of_a_real_output_is_a_small_jpeg_embedded_in_the_report()
    {
        var output = await TestMedia.GoodClipAsync(folder, "a_web_optimized.mp4");
        var batch = Batch(output);

        var thumbnails = await new ReportThumbnails(new ProcessRunner(), "ffmpeg").ForBatchAsync(batch, CancellationToken.None);
        await BatchReportWriter.WriteAsync(batch, new ReportExtras { Thumbnails = thumbnails }, CancellationToken.None);

        var jpeg = Assert.Single(thumbnails).Value;
        Assert.Equal([0xFF, 0xD8], jpeg[..2]);
        Assert.InRange(jpeg.Length, 500, 20_000);
        Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
        var html = await File.ReadAllTextAsync(Path.Combine(folder, "summary", "report.html"));
        Assert.Contains("src=\"data:image/jpeg;base64," + Convert.ToBase64String(jpeg) + "\"", html);
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, "summary"), "*partial*"));
    }

    [Fact]
    public async Task Thumbnail_of_a_clip_shorter_than_its_source_falls_back_to_the_first_frame()
    {
        var output = await TestMedia.GoodClipAsync(folder, "short.mp4");
        var scratch = Path.Combine(folder, "summary", "t.partial.jpg");

        var jpeg = await new ReportThumbnails(new ProcessRunner(), "ffmpeg").MakeAsync(output, 60, scratch, CancellationToken.None);

        Assert.NotNull(jpeg);
        Assert.False(File.Exists(scratch));
    }

    [Fact]
    public async Task Missing_output_gets_no_thumbnail()
    {
        var thumbnails = await new ReportThumbnails(new ProcessRunner(), "ffmpeg")
            .ForBatchAsync(Batch(Path.Combine(folder, "gone.mp4")), CancellationToken.None);

        Assert.Empty(thumbnails);
    }
}
