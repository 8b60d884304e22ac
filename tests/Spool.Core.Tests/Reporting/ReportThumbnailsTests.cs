using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Core.Reporting;
using Spool.Core.Tests.Operations;
using Spool.Core.Tests.Validation;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Reporting;

/// <summary>The report step takes the thumbnail an encode wrote beside its output, and runs ffmpeg only for the others.</summary>
public sealed class ReportThumbnailsTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly string folder = TestMedia.TempFolder();

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private BatchResult Batch(params string[] outputs) =>
        new("batch_20261203_100000", folder, outputs.Length,
            [.. outputs.Select((output, i) => new JobResult($"/in/{i}.mp4", "web_optimized", JobStatus.Succeeded, output, 1, Start, Start.AddSeconds(2), null, null) { SourceDurationSeconds = 4 })],
            Start, Start.AddSeconds(3), Interrupted: false);

    [Fact]
    public async Task The_encodes_own_thumbnail_is_taken_as_it_is_and_deleted_without_running_ffmpeg()
    {
        var output = Path.Combine(folder, "a", "video", "a_web_optimized.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        await File.WriteAllBytesAsync(output, [0, 0, 0, 0]);
        var scratch = EncodedThumbnail.HandedOverPath(output);
        byte[] jpeg = [0xFF, 0xD8, 0x01, 0x02, 0xFF, 0xD9];
        await File.WriteAllBytesAsync(scratch, jpeg);
        var runner = new RecordingRunner(new ProcessRunner());

        var thumbnails = await new ReportThumbnails(runner, "ffmpeg").ForBatchAsync(Batch(output), CancellationToken.None);

        Assert.Equal("/out/a/video/.a_web_optimized.thumbnail.jpg", EncodedThumbnail.HandedOverPath("/out/a/video/a_web_optimized.mp4"));
        Assert.Equal(jpeg, Assert.Single(thumbnails).Value);
        Assert.Empty(runner.Requests);
        Assert.False(File.Exists(scratch));
    }

    [Fact]
    public async Task An_empty_thumbnail_from_the_encode_falls_back_to_ffmpeg_and_is_deleted()
    {
        var output = await TestMedia.GoodClipAsync(folder, "b_web_optimized.mp4");
        var scratch = EncodedThumbnail.HandedOverPath(output);
        await File.WriteAllBytesAsync(scratch, []);
        var runner = new RecordingRunner(new ProcessRunner());

        var thumbnails = await new ReportThumbnails(runner, "ffmpeg").ForBatchAsync(Batch(output), CancellationToken.None);

        Assert.Equal([0xFF, 0xD8], Assert.Single(thumbnails).Value[..2]);
        Assert.Single(runner.Requests);
        Assert.False(File.Exists(scratch));
    }

    [Fact]
    public async Task Thumbnails_past_the_reports_cap_are_deleted_unread()
    {
        var outputs = Enumerable.Range(0, ReportThumbnails.MaxThumbnails + 1).Select(i => Path.Combine(folder, $"c{i}.mp4")).ToArray();
        foreach (var output in outputs)
        {
            await File.WriteAllBytesAsync(output, [0]);
            await File.WriteAllBytesAsync(EncodedThumbnail.HandedOverPath(output), [0xFF, 0xD8, 0xFF, 0xD9]);
        }

        var thumbnails = await new ReportThumbnails(new RecordingRunner(new ProcessRunner()), "ffmpeg").ForBatchAsync(Batch(outputs), CancellationToken.None);

        Assert.Equal(ReportThumbnails.MaxThumbnails, thumbnails.Count);
        Assert.Empty(Directory.GetFiles(folder, "*.jpg"));
    }
}
