using Spool.Core.Steps.Cleanup;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Cleanup;

/// <summary>What the analyzer runs and how it answers, with the process edge swapped for a scripted one.</summary>
public sealed class CleanupAnalyzerRulesTests
{
    private static readonly VideoStreamInfo Video = new(
        0, "h264", 160, 120, Rational.One, "yuv420p", 8, new Rational(10, 1), false, 0, false, null, null, false, 2, 20);

    private static readonly MediaInfo Silent = new("/in/clip.mp4", "mp4", 2, 1000, 1000, [Video], [], 0, []);

    [Fact]
    public async Task Nothing_asked_runs_nothing()
    {
        var runner = new ScriptedRunner(0, "");

        var prepared = await Analyzer(runner).PrepareAsync(Silent, CleanupRequest.None, "/m", "clip", CancellationToken.None);

        Assert.True(prepared.Succeeded);
        Assert.True(prepared.Adjustments.IsEmpty);
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task A_source_without_audio_skips_the_audio_parts_with_a_note()
    {
        var runner = new ScriptedRunner(0, "");
        var request = CleanupRequest.None with { Normalize = LoudnessTarget.Default, DenoiseAudio = true, DenoiseVideo = true };

        var prepared = await Analyzer(runner).PrepareAsync(Silent, request, "/m", "clip", CancellationToken.None);

        Assert.True(prepared.Succeeded);
        Assert.Empty(runner.Requests);
        Assert.Empty(prepared.Adjustments.AudioFilters);
        Assert.Equal([VideoCleanup.Denoise], prepared.Adjustments.VideoFilters);
        Assert.Equal(["The source has no audio: audio normalisation and denoise were skipped."], prepared.Notes);
    }

    [Fact]
    public async Task A_failed_analysis_is_classified_and_its_run_kept_for_the_log()
    {
        var runner = new ScriptedRunner(1, "/in/clip.mp4: No such file or directory");
        var source = Silent with { AudioStreams = [new AudioStreamInfo(1, "aac", 2, 48_000, "stereo", 2)] };

        var prepared = await Analyzer(runner).PrepareAsync(
            source, CleanupRequest.None with { Normalize = LoudnessTarget.Default }, "/m", "clip", CancellationToken.None);

        Assert.Equal(ErrorCategory.InputMissing, prepared.Error?.Category);
        Assert.Single(prepared.Runs);
        Assert.Empty(prepared.Timings);
    }

    [Fact]
    public async Task Silent_audio_is_measured_but_left_unnormalised()
    {
        const string log = "[Parsed_loudnorm_0 @ 0x1]\n{\n\"input_i\" : \"-inf\",\n\"input_tp\" : \"-inf\",\n\"input_lra\" : \"0.00\",\n"
            + "\"input_thresh\" : \"-inf\",\n\"target_offset\" : \"inf\"\n}\n";
        var source = Silent with { AudioStreams = [new AudioStreamInfo(1, "aac", 2, 48_000, "stereo", 2)] };

        var prepared = await Analyzer(new ScriptedRunner(0, log)).PrepareAsync(
            source, CleanupRequest.None with { Normalize = LoudnessTarget.Default }, "/m", "clip", CancellationToken.None);

        Assert.True(prepared.Succeeded);
        Assert.Empty(prepared.Adjustments.AudioFilters);
        Assert.Equal("none", Assert.Single(prepared.Timings).Details["normalization_type"]);
        Assert.Equal(["The audio is silent: there is no loudness to normalise."], prepared.Notes);
    }

    private static CleanupAnalyzer Analyzer(IProcessRunner runner) => new(runner, "ffmpeg");

    private sealed class ScriptedRunner(int exitCode, string stderr) : IProcessRunner
    {
        public List<ProcessRequest> Requests { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            var line = "ffmpeg " + string.Join(' ', request.Arguments);
            return Task.FromResult(new ProcessResult(ProcessEnd.Exited, exitCode, "", stderr, line, TimeSpan.FromSeconds(1)));
        }
    }
}
