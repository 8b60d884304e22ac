using Spool.Core.Steps.Hls;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Steps.Hls;

public sealed class HlsPlannerTests
{
    private const string Folder = "/out/clip/hls.partial";

    private static readonly HlsVariant[] TwoRungs = [new("480p", 854, 480, 1400, 96), new("360p", 640, 360, 800, 96)];

    [Fact]
    public void A_source_with_audio_gets_one_command_with_a_video_and_an_aac_stream_per_rung()
    {
        var source = Source(Video(), new AudioStreamInfo(1, "aac", 6, 48000, "5.1", 4));
        Assert.Equal(
        [
            "-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-filter_complex_threads", "2",
            "-i", "file:/in/clip.mp4",
            "-filter_complex",
            "[0:0]split=2[s0][s1];[s0]scale=854:480,setsar=1,format=yuv420p[v0];[s1]scale=640:360,setsar=1,format=yuv420p[v1]",
            "-map", "[v0]", "-map", "0:1", "-map", "[v1]", "-map", "0:1",
            "-c:v", "libx264", "-preset", "veryfast", "-profile:v", "high", "-sc_threshold", "0",
            "-force_key_frames", "expr:gte(t,n_forced*6)", "-g", "150",
            "-b:v:0", "1400k", "-maxrate:v:0", "1498k", "-bufsize:v:0", "2100k",
            "-b:v:1", "800k", "-maxrate:v:1", "856k", "-bufsize:v:1", "1200k",
            "-threads", "2",
            "-c:a", "aac", "-ac", "2", "-b:a:0", "96k", "-b:a:1", "96k",
            "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "mpegts",
            "-hls_flags", "independent_segments",
            "-hls_segment_filename", Folder + "/%v/seg_%03d.ts",
            "-master_pl_name", "master.m3u8", "-var_stream_map", "v:0,a:0,name:480p v:1,a:1,name:360p",
            Folder + "/%v/index.m3u8",
        ],
        HlsPlanner.Arguments(source, TwoRungs, Folder, 2, new HlsEncoding()));
    }

    [Fact]
    public void A_silent_source_maps_video_only()
    {
        var source = Source(Video(index: 1, rate: new Rational(30000, 1001)), audio: null);
        Assert.Equal(
        [
            "-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-filter_complex_threads", "1",
            "-i", "file:/in/clip.mp4",
            "-filter_complex",
            "[0:1]split=2[s0][s1];[s0]scale=854:480,setsar=1,format=yuv420p[v0];[s1]scale=640:360,setsar=1,format=yuv420p[v1]",
            "-map", "[v0]", "-map", "[v1]",
            "-c:v", "libx264", "-preset", "ultrafast", "-profile:v", "high", "-sc_threshold", "0",
            "-force_key_frames", "expr:gte(t,n_forced*6)", "-g", "180",
            "-b:v:0", "1400k", "-maxrate:v:0", "1498k", "-bufsize:v:0", "2100k",
            "-b:v:1", "800k", "-maxrate:v:1", "856k", "-bufsize:v:1", "1200k",
            "-threads", "1",
            "-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "mpegts",
            "-hls_flags", "independent_segments",
            "-hls_segment_filename", Folder + "/%v/seg_%03d.ts",
            "-master_pl_name", "master.m3u8", "-var_stream_map", "v:0,name:480p v:1,name:360p",
            Folder + "/%v/index.m3u8",
        ],
        HlsPlanner.Arguments(source, TwoRungs, Folder, 1, new HlsEncoding { X264Preset = "ultrafast" }));
    }

    [Fact]
    public void One_rung_needs_no_split_and_mono_stays_mono()
    {
        var source = Source(Video(), new AudioStreamInfo(1, "mp3", 1, 96000, "mono", 4));
        var arguments = HlsPlanner.Arguments(source, [new HlsVariant("240p", 320, 240, 356, 96)], Folder, 2, new HlsEncoding());
        Assert.Equal("[0:0]scale=320:240,setsar=1,format=yuv420p[v0]", After(arguments, "-filter_complex"));
        Assert.Equal("1", After(arguments, "-ac"));
        Assert.Equal("48000", After(arguments, "-ar"));
        Assert.Equal("v:0,a:0,name:240p", After(arguments, "-var_stream_map"));
    }

    [Fact]
    public void A_variable_frame_rate_source_keeps_its_timestamps_and_keyframes_come_by_time()
    {
        var source = Source(Video(vfr: true), audio: null);
        var arguments = HlsPlanner.Arguments(source, TwoRungs, Folder, 2, new HlsEncoding());
        Assert.DoesNotContain("-g", arguments);
        Assert.Equal("vfr", After(arguments, "-fps_mode"));
        Assert.Equal("expr:gte(t,n_forced*6)", After(arguments, "-force_key_frames"));
    }

    [Fact]
    public void An_interlaced_source_is_deinterlaced_once_before_the_split()
    {
        var source = Source(Video(interlaced: true), audio: null);
        var graph = After(HlsPlanner.Arguments(source, TwoRungs, Folder, 2, new HlsEncoding()), "-filter_complex");
        Assert.StartsWith("[0:0]bwdif=mode=send_frame,split=2[s0][s1];", graph, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/out/100% done/hls.partial", false)]
    [InlineData("/out/clip/hls.partial", true)]
    public void A_percent_sign_in_the_folder_is_refused(string folder, bool allowed)
    {
        Assert.Equal(allowed, HlsPlanner.CanWriteUnder(folder));
    }

    private static string After(IReadOnlyList<string> arguments, string flag) => arguments[arguments.ToList().IndexOf(flag) + 1];

    private static VideoStreamInfo Video(int index = 0, Rational? rate = null, bool vfr = false, bool interlaced = false) =>
        new(index, "h264", 854, 480, Rational.One, "yuv420p", 8, rate ?? new Rational(25, 1), vfr, 0, interlaced, null, null, false, 4, 100);

    private static MediaInfo Source(VideoStreamInfo video, AudioStreamInfo? audio) =>
        new("/in/clip.mp4", "mov,mp4,m4a,3gp,3g2,mj2", 4, 1000, 2000, [video], audio is null ? [] : [audio], 0, []);
}
