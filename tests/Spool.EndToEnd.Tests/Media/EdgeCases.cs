using System.Globalization;

namespace Spool.EndToEnd.Tests.Media;

/// <summary>The edge-case folder of issue 2's "Done when" list, one generated file per case.</summary>
public static class EdgeCases
{
    public const string Rotated = "phone_rotated.mp4";
    public const string Anamorphic = "dvd_anamorphic.mpg";
    public const string Interlaced = "interlaced_tff.mp4";
    public const string Hdr = "hdr_pq.mp4";
    public const string SameStemMp4 = "a.mp4";
    public const string SameStemAvi = "a.avi";

    private static readonly IReadOnlySet<string> Valid = new HashSet<string>(StringComparer.Ordinal);
    private static readonly IReadOnlySet<string> Corrupt = new HashSet<string>(StringComparer.Ordinal) { "input_corrupt", "unsupported" };
    private static readonly IReadOnlySet<string> NoVideo = new HashSet<string>(StringComparer.Ordinal) { "no_video_stream" };

    public static IReadOnlyList<EdgeCase> All { get; } =
    [
        new(Rotated, "1280x720 frames with display rotation 90 (portrait)", async (path, scratch) =>
            {
                var upright = Path.Combine(scratch, "phone_upright.mp4");
                await MediaFactory.ClipAsync(upright, new ClipSpec(1280, 720, "30"));
                await MediaFactory.RotateAsync(upright, path, 90);
            },
            probe => Video(probe) is { } v && v.HasDisplayMatrix && v.IsQuarterTurn && v.Width == 1280 ? null : "no 90-degree display matrix",
            Valid),
        new(Anamorphic, "720x480 MPEG-2 with SAR 32:27", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(720, 480, "30000/1001")
            {
                VideoArguments = ["-vf", "setsar=32/27", "-c:v", "mpeg2video", "-q:v", "4"],
                AudioArguments = ["-c:a", "mp2", "-b:a", "128k"],
            }),
            probe => Video(probe) is { Width: 720, Height: 480, SampleAspectRatio: "32:27" } ? null : "not 720x480 with SAR 32:27",
            Valid),
        new("odd_853x481_444.mp4", "odd 853x481 yuv444p", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(853, 481)
            {
                VideoArguments = ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv444p"],
            }),
            probe => Video(probe) is { Width: 853, Height: 481, PixelFormat: "yuv444p" } ? null : "not 853x481 yuv444p",
            Valid),
        new("vfr.mp4", "variable frame rate (frames dropped irregularly)", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(320, 240, "30", 2)
            {
                VideoArguments =
                [
                    "-vf", "select='not(between(n,5,12))*not(between(n,30,33))*not(eq(mod(n,7),0))'", "-fps_mode", "vfr",
                    .. ClipSpec.X264,
                ],
            }),
            probe => Video(probe) is { } v && v.RFrameRate != v.AvgFrameRate ? null : "r_frame_rate equals avg_frame_rate: constant rate",
            Valid),
        new("hevc_10bit.mp4", "HEVC Main 10, yuv420p10le", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(640, 360)
            {
                VideoArguments = ["-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le", "-x265-params", "log-level=error"],
            }),
            probe => Video(probe) is { CodecName: "hevc", PixelFormat: "yuv420p10le" } ? null : "not 10-bit HEVC",
            Valid),
        new("uhd_4k.mp4", "3840x2160", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(3840, 2160, "30")),
            probe => Video(probe) is { Width: 3840, Height: 2160 } ? null : "not 3840x2160",
            Valid),
        new("surround_51.mp4", "5.1 audio", (path, _) => MediaFactory.ClipAsync(path, ClipSpec.Small(audioChannels: 6)),
            probe => probe.Facts?.Audio is { Channels: 6 } ? null : "audio is not 6 channels",
            Valid),
        RotatedClip("rotated_180.mp4", 180),
        RotatedClip("rotated_270.mp4", 270),
        new("mono_audio.mp4", "mono audio", (path, _) => MediaFactory.ClipAsync(path, ClipSpec.Small(audioChannels: 1)),
            probe => probe.Facts?.Audio is { Channels: 1 } ? null : "audio is not mono",
            Valid),
        new("no_audio.mp4", "video without audio", (path, _) => MediaFactory.ClipAsync(path, ClipSpec.Small(audioChannels: 0)),
            probe => Video(probe) is not null && probe.Facts!.Audio is null ? null : "has audio or no video",
            Valid),
        Named("with spaces in name.mp4", "spaces in the name"),
        Named("single'quote.mp4", "a single quote in the name"),
        Named("double\"quote.mp4", "a double quote in the name"),
        Named("-dash.mp4", "a leading dash"),
        Named("vidéo_日本.mp4", "non-ASCII letters"),
        Named(SameStemMp4, "the same stem as a.avi"),
        new(SameStemAvi, "MPEG-4 part 2 AVI with the same stem as a.mp4", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(320, 240)
            {
                VideoArguments = ["-c:v", "mpeg4", "-q:v", "5"],
                AudioArguments = ["-c:a", "libmp3lame", "-b:a", "96k"],
            }),
            probe => Video(probe) is { CodecName: "mpeg4" } ? null : "not an MPEG-4 AVI",
            Valid),
        new(Interlaced, "interlaced, top field first", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(720, 480, "30000/1001")
            {
                VideoArguments = ["-vf", "setfield=tff", "-flags", "+ilme+ildct", "-top", "1", .. ClipSpec.X264],
            }),
            probe => Video(probe) is { FieldOrder: "tt" } ? null : "field_order is not tt",
            Valid),
        new(Hdr, "HDR10: 10-bit HEVC, BT.2020, PQ", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(640, 360)
            {
                VideoArguments =
                [
                    "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le", "-x265-params", "log-level=error",
                    "-color_primaries", "bt2020", "-color_trc", "smpte2084", "-colorspace", "bt2020nc",
                ],
            }),
            probe => Video(probe) is { ColorTransfer: "smpte2084" } ? null : "color_transfer is not smpte2084",
            Valid),
        new("audio_only.mp4", "AAC only, no video", (path, _) => MediaFactory.ClipAsync(path, new ClipSpec(320, 240)
            {
                VideoArguments = ["-vn"],
            }),
            probe => probe.Facts is { Video: null, Audio: not null } ? null : "not audio-only",
            NoVideo),
        new("truncated.mp4", "a good MP4 cut to 40 % of its bytes", async (path, scratch) =>
            {
                var whole = Path.Combine(scratch, "whole.mp4");
                await MediaFactory.ClipAsync(whole, new ClipSpec(640, 360, "25", 2));
                await MediaFactory.TruncateAsync(whole, path, 0.4);
            },
            Unreadable,
            Corrupt),
        new("garbage_frames.mp4", "an MP4 whose header is intact but whose media data is random", async (path, scratch) =>
            {
                var whole = Path.Combine(scratch, "whole_faststart.mp4");
                await MediaFactory.ClipAsync(whole, ClipSpec.Small(audioChannels: 0) with { VideoArguments = [.. ClipSpec.X264, "-movflags", "+faststart"] });
                await MediaFactory.ScrambleMediaDataAsync(whole, path);
            },
            probe => probe.Facts?.Video is { Width: 320, Height: 240 } ? null : "ffprobe no longer sees its 320x240 video header",
            Corrupt),
        new("zero_bytes.mp4", "an empty file", (path, _) => File.WriteAllBytesAsync(path, []), Unreadable, Corrupt),
        new("random_bytes.mp4", "64 KiB of random bytes", (path, _) => MediaFactory.RandomBytesAsync(path, 64 * 1024), Unreadable, Corrupt),
    ];

    public static IEnumerable<EdgeCase> ValidCases => All.Where(c => c.IsValid);

    public static IEnumerable<EdgeCase> BrokenCases => All.Where(c => !c.IsValid);

    private static EdgeCase Named(string fileName, string property) =>
        new(fileName, property, (path, _) => MediaFactory.ClipAsync(path, ClipSpec.Small()),
            probe => Video(probe) is not null && probe.Facts!.Audio is not null ? null : "not a small clip with audio",
            Valid);

    private static EdgeCase RotatedClip(string fileName, int degrees) =>
        new(fileName, $"320x240 with display rotation {degrees}", async (path, scratch) =>
            {
                var upright = Path.Combine(scratch, "upright_" + fileName);
                await MediaFactory.ClipAsync(upright, ClipSpec.Small());
                await MediaFactory.RotateAsync(upright, path, degrees);
            },
            probe => Video(probe) is { HasDisplayMatrix: true, Rotation: { } r } && Math.Abs(Math.Abs(r) - (degrees == 270 ? 90 : degrees)) < 1
                ? null
                : $"no {degrees}-degree display matrix",
            Valid);

    private static Infrastructure.StreamFacts? Video(ProbeAttempt probe) => probe.Facts?.Video;

    private static string? Unreadable(ProbeAttempt probe) =>
        probe.Facts is null ? null : string.Create(CultureInfo.InvariantCulture, $"ffprobe reads it ({probe.Facts.Streams.Count} streams)");
}
