using Spool.Core.Quality;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Quality;

public sealed class OutputCheckRulesTests
{
    private static MediaInfo Output(int width = 1280, int height = 720, int rotation = 0, double? duration = 10.0, bool audio = true) =>
        new("/out/a_web.partial.mp4", "mov,mp4,m4a,3gp,3g2,mj2", duration, 1000, 1000,
            [new VideoStreamInfo(0, "h264", width, height, Rational.One, "yuv420p", 8, new Rational(30, 1), false, rotation, false, null, null, false, duration, 300)],
            audio ? [new AudioStreamInfo(1, "aac", 2, 48000, "stereo", duration)] : [],
            0, []);

    private static readonly OutputExpectation Planned = new(1280, 720, HasAudio: true, DurationSeconds: 10.0);

    [Fact]
    public void Output_matching_its_plan_passes()
    {
        var check = OutputCheckRules.Evaluate(Output(duration: 10.04), Planned);
        Assert.True(check.Passed);
        Assert.Empty(check.Problems);
        Assert.Equal(0.04, check.DurationDeltaSeconds!.Value, 6);
    }

    [Fact]
    public void Wrong_resolution_fails_and_says_both_sizes()
    {
        var check = OutputCheckRules.Evaluate(Output(width: 1278), Planned);
        Assert.False(check.Passed);
        Assert.Equal(["resolution 1278x720, planned 1280x720"], check.Problems);
    }

    [Fact]
    public void Truncated_output_fails_on_duration()
    {
        var check = OutputCheckRules.Evaluate(Output(duration: 5.0), Planned);
        Assert.Equal(["duration 5 s, source 10 s"], check.Problems);
    }

    [Fact]
    public void Lost_audio_fails()
    {
        Assert.Equal(["the source's audio is missing"], OutputCheckRules.Evaluate(Output(audio: false), Planned).Problems);
    }

    [Fact]
    public void Rotation_left_in_the_output_fails()
    {
        Assert.Equal(["rotation 90 left in the output"], OutputCheckRules.Evaluate(Output(rotation: 90), Planned).Problems);
    }

    [Fact]
    public void Unknown_source_duration_is_not_held_against_the_output()
    {
        var check = OutputCheckRules.Evaluate(Output(duration: 3.0), Planned with { DurationSeconds = null });
        Assert.True(check.Passed);
        Assert.Null(check.DurationDeltaSeconds);
    }
}
