using Spool.Core.Quality.Checks;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>
/// ffmpeg does not print its libx264 summaries in the order of the outputs (on 5.1 a fused run of 10, 25 and 5 fps
/// outputs printed the 25 fps one's first), so each output finds its own by frame count and bitrate. Real ffmpeg: the
/// SSIM each output gets from a fused run is the SSIM of the same encode run alone.
/// </summary>
public sealed class EncoderStatsOrderTests : IDisposable
{
    private static readonly string[][] Outputs =
    [
        ["fps=10", "28"],
        ["null", "28"],
        ["fps=5", "28"],
        ["null", "40"],
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-x264order-" + Guid.NewGuid().ToString("N"));

    public EncoderStatsOrderTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Each_output_of_a_fused_run_finds_its_own_libx264_summary()
    {
        var graph = "[0:v]split=4[a][b][c][d];" + string.Join(';', Outputs.Select((o, i) => $"[{(char)('a' + i)}]{o[0]}[v{i}]"));
        List<string> fused = ["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", Source, "-filter_complex", graph];
        for (var i = 0; i < Outputs.Length; i++)
        {
            fused.AddRange(["-map", $"[v{i}]", .. Encode(Outputs[i][1]), "file:" + Path.Combine(_folder, $"fused{i}.mp4")]);
        }

        var run = await RunAsync(fused);
        var summaries = EncoderStatsParser.ParseX264(run.Stderr);
        Assert.Equal(4, summaries.Count);

        for (var i = 0; i < Outputs.Length; i++)
        {
            var alone = Path.Combine(_folder, $"alone{i}.mp4");
            var single = await RunAsync(["-hide_banner", "-nostdin", "-y", "-f", "lavfi", "-i", Source, "-vf", Outputs[i][0], .. Encode(Outputs[i][1]), "file:" + alone]);
            var expected = Assert.Single(EncoderStatsParser.ParseX264(single.Stderr));

            var written = await ProbeAsync(Path.Combine(_folder, $"fused{i}.mp4"));
            var measured = EncoderMeasurements.Trusted(summaries, peakDb: null, written);

            Assert.Equal(new EncoderMeasurement(expected.Ssim, expected.Psnr, null), measured);
        }
    }

    private const string Source = "testsrc2=size=160x120:rate=25:duration=2";

    // One thread: the same encode alone and fused must give the same bits.
    private static string[] Encode(string crf) =>
        ["-c:v", "libx264", "-preset", "veryfast", "-crf", crf, "-threads", "1", "-x264-params", "ssim=1:psnr=1", "-pix_fmt", "yuv420p"];

    private static async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments)
    {
        var run = await new ProcessRunner().RunAsync(new ProcessRequest(QcMediaFixture.Ffmpeg, arguments), null, CancellationToken.None);
        Assert.True(run.Succeeded, run.Stderr);
        return run;
    }

    private static async Task<MediaInfo> ProbeAsync(string path) =>
        Assert.IsType<ProbeOutcome.Probed>(await new Prober(new ProcessRunner(), QcMediaFixture.Ffprobe).ProbeAsync(path, CancellationToken.None)).Media;
}
