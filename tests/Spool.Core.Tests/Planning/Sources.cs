using Spool.Media.Probing;

namespace Spool.Core.Tests.Planning;

/// <summary>Probed sources as the normaliser would give them: a 10 s 30 fps H.264 video, stream 0, and stereo AAC, stream 1.</summary>
internal static class Sources
{
    public const string InputPath = "/in/clip.mp4";

    public static VideoStreamInfo Video(int width, int height) => new(
        Index: 0,
        Codec: "h264",
        Width: width,
        Height: height,
        SampleAspectRatio: Rational.One,
        PixelFormat: "yuv420p",
        BitDepth: 8,
        FrameRate: new Rational(30, 1),
        IsVariableFrameRate: false,
        Rotation: 0,
        IsInterlaced: false,
        ColorTransfer: null,
        ColorPrimaries: null,
        IsHdr: false,
        DurationSeconds: 10,
        FrameCount: 300);

    public static AudioStreamInfo Stereo { get; } = new(1, "aac", 2, 48_000, "stereo", 10);

    public static MediaInfo Media(VideoStreamInfo? video, AudioStreamInfo? audio) => new(
        InputPath,
        "mov,mp4,m4a,3gp,3g2,mj2",
        10,
        1_000_000,
        800_000,
        video is null ? [] : [video],
        audio is null ? [] : [audio],
        0,
        []);

    public static MediaInfo Media(VideoStreamInfo video) => Media(video, Stereo);
}
