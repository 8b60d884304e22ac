using Spool.Core.Steps;
using Spool.Core.Steps.Subtitles;
using Spool.Core.Tests.Validation;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Subtitles;

/// <summary>
/// A 320x240 testsrc2 clip whose audio is espeak-ng saying three sentences with pauses, and what the subtitles step
/// made of it with pocketsphinx, offline: made once per test class (about ten seconds in all). espeak-ng and
/// pocketsphinx-en-us are test tools (test.sh installs them); missing ones fail the tests with the command to run.
/// </summary>
public sealed class SpeechClipFixture : IAsyncLifetime
{
    private const string Speech = """<speak>Hello world.<break time="1200ms"/>This is a test of the subtitle system.<break time="1200ms"/>The quick brown fox jumps over the lazy dog.</speak>""";

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "spool-subtitles-" + Guid.NewGuid().ToString("N"));

    public string Clip => Path.Combine(Folder, "clip.mp4");

    /// <summary>The input's folder under the batch output; odd characters on purpose, for the burn filter's escaping.</summary>
    public string OutputFolder => Path.Combine(Folder, "out 'a': b, [c]", "clip");

    public MediaInfo Media { get; private set; } = null!;

    public StepOutcome Outcome { get; private set; } = null!;

    public ProcessRunner Runner { get; } = new();

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var wav = Path.Combine(Folder, "speech.wav");
        var espeak = await Runner.RunAsync(new ProcessRequest("espeak-ng", ["-m", "-w", wav, Speech]), null, CancellationToken.None);
        Assert.True(
            espeak.Succeeded,
            $"espeak-ng could not make the test speech ({espeak.End}: {espeak.Stderr.Trim()}); install it: apt-get install espeak-ng (test.sh does).");
        Assert.True(
            PocketsphinxTranscriber.HasModel(PocketsphinxTranscriber.DebianModelFolder),
            "The pocketsphinx model is missing; install it: apt-get install pocketsphinx-en-us (test.sh does).");
        await TestMedia.FfmpegAsync(
            "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25", "-i", wav, "-shortest",
            "-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-movflags", "+faststart", Clip);
        var probed = await new Prober(Runner, "ffprobe").ProbeAsync(Clip, CancellationToken.None);
        Media = Assert.IsType<ProbeOutcome.Probed>(probed).Media;
        var step = new SubtitlesStep(Runner, "ffmpeg", new PocketsphinxTranscriber(Runner, "ffmpeg", PocketsphinxTranscriber.DebianModelFolder), "en");
        Outcome = await step.RunAsync(new StepContext(Media, OutputFolder, "clip", Threads: 1), CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>One frame at <paramref name="seconds"/> as 8-bit gray pixels.</summary>
    public async Task<byte[]> GrayFrameAsync(string video, double seconds)
    {
        var path = Path.Combine(Folder, Guid.NewGuid().ToString("N") + ".gray");
        await TestMedia.FfmpegAsync(
            "-v", "error", "-y", "-ss", seconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture), "-i", "file:" + video,
            "-frames:v", "1", "-pix_fmt", "gray", "-f", "rawvideo", path);
        return await File.ReadAllBytesAsync(path);
    }

    /// <summary>"codec,language" of each subtitle stream, one a line, from ffprobe.</summary>
    public async Task<string> SubtitleStreamsAsync(string video)
    {
        var result = await Runner.RunAsync(
            new ProcessRequest("ffprobe", ["-v", "error", "-select_streams", "s", "-show_entries", "stream=codec_name:stream_tags=language", "-of", "csv=p=0", "file:" + video]),
            null,
            CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);
        return result.Stdout.Trim();
    }
}
