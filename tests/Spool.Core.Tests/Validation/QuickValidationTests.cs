using Spool.Core.Validation;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Validation;

public sealed class QuickValidationTests
{
    private static readonly VideoStreamInfo Video = new(
        0, "h264", 1280, 720, new Rational(1, 1), "yuv420p", 8, new Rational(25, 1), false, 0, false, null, null, false, 10, 250);

    private static readonly AudioStreamInfo Audio = new(1, "aac", 2, 48000, "stereo", 10);

    private static MediaInfo Media(double? duration = 10, long? bitRate = 1_000_000, VideoStreamInfo[]? video = null, AudioStreamInfo[]? audio = null, string[]? warnings = null) =>
        new("/in/clip.mp4", "mov,mp4,m4a,3gp,3g2,mj2", duration, 1_250_000, bitRate, video ?? [Video], audio ?? [Audio], 0, warnings ?? []);

    public static TheoryData<string, MediaInfo, long, string, string?> Cases() => new()
    {
        { "healthy", Media(), 1_250_000, ValidationStatus.Ok, null },
        { "size just above half the claim", Media(), 625_000, ValidationStatus.Ok, null },
        { "truncated", Media(), 624_999, ValidationStatus.Corrupt, "truncated: 624999 bytes for a claimed 10 s at 1000 kb/s (expected about 1250000 bytes)" },
        { "no bit rate claimed", Media(bitRate: null), 10, ValidationStatus.Ok, null },
        { "no duration", Media(duration: null, video: [Video with { DurationSeconds = null }], audio: [Audio with { DurationSeconds = null }]), 1_250_000, ValidationStatus.Corrupt, "no plausible duration (the container and its streams give none)" },
        { "stream duration stands in", Media(duration: null), 1_250_000, ValidationStatus.Ok, null },
        { "zero duration", Media(duration: 0, video: [Video with { DurationSeconds = 0 }]), 1_250_000, ValidationStatus.Corrupt, "no plausible duration (the container and its streams give none)" },
        { "empty file", Media(), 0, ValidationStatus.Corrupt, "empty file (0 bytes)" },
        { "audio only", Media(video: []), 1_250_000, ValidationStatus.NoVideoStream, "no video stream (1 audio stream(s) only)" },
        { "nothing playable", Media(video: [], audio: []), 1_250_000, ValidationStatus.NotAVideo, "no audio or video stream (0 subtitle stream(s))" },
        { "video without picture size", Media(video: [], audio: [], warnings: ["video stream 0 has no picture size (0x0); dropped."]), 1_250_000, ValidationStatus.Corrupt, "video stream 0 has no picture size (0x0)" },
        { "zero width", Media(video: [Video with { Width = 0 }]), 1_250_000, ValidationStatus.Corrupt, "video stream 0 has no picture size (0x720)" },
        {
            "index past the end of the file", Media(warnings: ["ffprobe: [mov,mp4,m4a,3gp,3g2,mj2 @ 0x55d0] stream 0, offset 0x2110a: partial file"]), 1_250_000,
            ValidationStatus.Corrupt, "truncated: 1250000 bytes for a claimed 10 s; ffprobe reports damage: [mov,mp4,m4a,3gp,3g2,mj2] stream 0, offset 0x2110a: partial file"
        },
        { "harmless ffprobe line", Media(warnings: ["ffprobe: [h264 @ 0x1] mmco: unref short failure"]), 1_250_000, ValidationStatus.Ok, null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Quick_rules_give_the_status_and_the_first_problem(string name, MediaInfo media, long fileBytes, string status, string? problem)
    {
        var result = QuickValidation.Check(media, fileBytes);

        Assert.True(status == result.Status, $"{name}: expected {status}, got {result.Status} ({string.Join("; ", result.Problems)})");
        Assert.Equal(problem, result.Problems.Count > 0 ? result.Problems[0] : null);
    }

    [Fact]
    public void Still_image_is_not_a_video()
    {
        var result = QuickValidation.Check(Media() with { IsStillImage = true }, 1_250_000);

        Assert.Equal(ValidationStatus.NotAVideo, result.Status);
        Assert.Equal(ErrorCategory.NotAVideo, result.AsError()!.Category);
    }

    [Fact]
    public void Every_rule_that_fires_adds_a_problem()
    {
        var result = QuickValidation.Check(Media(warnings: ["ffprobe: [mov @ 0x1] stream 1, offset 0x10: partial file"]), 1000);

        Assert.Equal(2, result.Problems.Count);
        Assert.StartsWith("truncated: 1000 bytes for a claimed 10 s at 1000 kb/s", result.Problems[0]);
    }

    [Fact]
    public void Ok_has_no_error_and_corrupt_maps_to_input_corrupt_with_its_problems()
    {
        Assert.Null(QuickValidation.Check(Media(), 1_250_000).AsError());

        var error = QuickValidation.Check(Media(), 1000).AsError();

        Assert.Equal(ErrorCategory.InputCorrupt, error!.Category);
        Assert.Equal("truncated: 1000 bytes for a claimed 10 s at 1000 kb/s (expected about 1250000 bytes)", error.Message);
        Assert.Equal(ErrorCategory.InputCorrupt.DefaultHint(), error.Hint);
    }

    [Theory]
    [InlineData(ErrorCategory.InputCorrupt, "corrupt")]
    [InlineData(ErrorCategory.NoVideoStream, "no_video_stream")]
    [InlineData(ErrorCategory.NotAVideo, "not_a_video")]
    [InlineData(ErrorCategory.Unsupported, "unsupported")]
    [InlineData(ErrorCategory.InputMissing, "missing")]
    [InlineData(ErrorCategory.Timeout, "timeout")]
    public void Probe_failures_map_from_their_category_and_keep_message_and_hint(ErrorCategory category, string status)
    {
        var probeError = new MediaError(category, "ffprobe said no", "do this");

        var result = ValidationResult.FromProbeFailure(probeError);

        Assert.Equal(status, result.Status);
        Assert.Equal(["ffprobe said no"], result.Problems);
        Assert.Equal(probeError, result.AsError());
    }
}
