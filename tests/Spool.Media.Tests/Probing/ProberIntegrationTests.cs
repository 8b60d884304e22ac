using System.Runtime.CompilerServices;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Probing;

/// <summary>The real ffprobe through the real runner, on files from tests/corpus.</summary>
public sealed class ProberIntegrationTests
{
    private static readonly string Corpus = FindCorpus();

    [Fact]
    public async Task Real_ffprobe_reads_a_rotated_phone_clip()
    {
        var path = Path.Combine(Corpus, "FFMpegCore", "FFMpegCore.Test", "Resources", "input_3sec_rotation_negative_90deg.mp4");

        var outcome = await new Prober(new ProcessRunner(), "ffprobe").ProbeAsync(path, CancellationToken.None);

        var media = Assert.IsType<ProbeOutcome.Probed>(outcome).Media;
        Assert.Equal(path, media.Path);
        Assert.Equal(1.311, media.DurationSeconds);
        Assert.Equal((720, 1280), (media.PrimaryVideo!.DisplayWidth, media.PrimaryVideo.DisplayHeight));
        Assert.Empty(media.AudioStreams);
        Assert.Empty(media.Warnings);
    }

    [Fact]
    public async Task Real_ffprobe_reads_a_name_with_brackets_quotes_and_spaces()
    {
        var path = Path.Combine(Corpus, "node-fluent-ffmpeg", "test", "assets", "te[s]t   audio ' \" .ogg");

        var outcome = await new Prober(new ProcessRunner(), "ffprobe").ProbeAsync(path, CancellationToken.None);

        var media = Assert.IsType<ProbeOutcome.Probed>(outcome).Media;
        Assert.Equal("vorbis", media.PrimaryAudio!.Codec);
        Assert.Empty(media.VideoStreams);
    }

    [Fact]
    public async Task Real_ffprobe_rejecting_a_file_is_a_classified_failure()
    {
        var path = Path.Combine(Corpus, "small", "FlashVideo.flv");

        var outcome = await new Prober(new ProcessRunner(), "ffprobe").ProbeAsync(path, CancellationToken.None);

        // A 212-byte header-only FLV: ffprobe exits 1 with "End of file".
        Assert.Equal(ErrorCategory.InputCorrupt, Assert.IsType<ProbeOutcome.Failed>(outcome).Error.Category);
    }

    // The build output may live outside the repository (--artifacts-path), so also search up from this source file.
    private static string FindCorpus([CallerFilePath] string sourceFile = "")
    {
        string?[] starts = [AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile)];
        foreach (var start in starts.OfType<string>())
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Spool.slnx")))
                {
                    return Path.Combine(dir.FullName, "tests", "corpus");
                }
            }
        }

        throw new InvalidOperationException($"No Spool.slnx above {AppContext.BaseDirectory} or {sourceFile}: tests/corpus cannot be found.");
    }
}
