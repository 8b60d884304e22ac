using Spool.Media.Processes;

namespace Spool.Media.Tests.Processes;

public sealed class FfmpegProgressParserTests
{
    // Real "-progress pipe:1" from ffmpeg 5.1: testsrc2=d=1 to libx264 ultrafast in MP4 (first and last blocks).
    private const string X264Run =
        "frame=1\nfps=0.00\nstream_0_0_q=0.0\nbitrate=N/A\ntotal_size=48\nout_time_us=0\nout_time_ms=0\n"
        + "out_time=00:00:00.000000\ndup_frames=0\ndrop_frames=0\nspeed=N/A\nprogress=continue\n"
        + "frame=25\nfps=0.00\nstream_0_0_q=-1.0\nbitrate= 766.4kbits/s\ntotal_size=91971\nout_time_us=960078\n"
        + "out_time_ms=960078\nout_time=00:00:00.960078\ndup_frames=0\ndrop_frames=0\nspeed=27.1x\nprogress=end\n";

    // Real: testsrc2=d=1 to "-f null -"; note total_size=N/A and the padded "speed= 167x".
    private const string NullRun =
        "frame=25\nfps=0.00\nstream_0_0_q=-0.0\nbitrate=N/A\ntotal_size=N/A\nout_time_us=1000000\n"
        + "out_time_ms=1000000\nout_time=00:00:01.000000\ndup_frames=0\ndrop_frames=0\nspeed= 167x\nprogress=end\n";

    [Fact]
    public void A_real_x264_run_gives_one_report_per_block()
    {
        var reports = FfmpegProgressParser.ParseAll(X264Run);

        Assert.Equal(
            [
                new FfmpegProgress(1, 0, TimeSpan.Zero, null, 48, IsEnd: false),
                new FfmpegProgress(25, 0, TimeSpan.FromMicroseconds(960078), 27.1, 91971, IsEnd: true),
            ],
            reports);
    }

    [Fact]
    public void Not_available_size_and_padded_speed_are_read()
    {
        var report = Assert.Single(FfmpegProgressParser.ParseAll(NullRun));

        Assert.Equal(new FfmpegProgress(25, 0, TimeSpan.FromSeconds(1), 167, 0, IsEnd: true), report);
    }

    [Fact]
    public void Unknown_times_read_as_zero()
    {
        // ffmpeg 5.1 writes N/A for all three time keys before the first timestamp is known.
        var text = "frame=0\nout_time_us=N/A\nout_time_ms=N/A\nout_time=N/A\nspeed=N/A\nprogress=continue\n";

        Assert.Equal(new FfmpegProgress(0, 0, TimeSpan.Zero, null, 0, IsEnd: false), Assert.Single(FfmpegProgressParser.ParseAll(text)));
    }

    [Fact]
    public void Out_time_ms_is_microseconds_in_ffmpeg_5()
    {
        var report = Assert.Single(FfmpegProgressParser.ParseAll("out_time_ms=1500000\nprogress=continue\n"));

        Assert.Equal(TimeSpan.FromSeconds(1.5), report.OutTime);
    }

    [Fact]
    public void Out_time_text_is_used_when_the_counters_are_missing()
    {
        var report = Assert.Single(FfmpegProgressParser.ParseAll("out_time=00:01:02.500000\nprogress=continue\n"));

        Assert.Equal(new TimeSpan(0, 0, 1, 2, 500), report.OutTime);
    }

    [Fact]
    public void A_negative_start_time_reads_as_zero()
    {
        var text = "frame=0\nout_time_us=-40000\nout_time=-00:00:00.040000\nprogress=continue\n";

        Assert.Equal(TimeSpan.Zero, Assert.Single(FfmpegProgressParser.ParseAll(text)).OutTime);
    }

    [Fact]
    public void Chunks_split_anywhere_give_the_same_reports()
    {
        var whole = FfmpegProgressParser.ParseAll(X264Run);
        foreach (var size in new[] { 1, 3, 7, 64 })
        {
            var parser = new FfmpegProgressParser();
            var reports = new List<FfmpegProgress>();
            for (var at = 0; at < X264Run.Length; at += size)
            {
                reports.AddRange(parser.Push(X264Run.AsSpan(at, Math.Min(size, X264Run.Length - at))));
            }

            Assert.Equal(whole, reports);
        }
    }

    [Fact]
    public void Crlf_lines_and_a_missing_final_newline_are_handled()
    {
        var parser = new FfmpegProgressParser();

        Assert.Empty(parser.Push("frame=7\r\nspeed=2.5x\r\nprogress=end"));
        var report = Assert.Single(parser.Push("\r\n"));

        Assert.Equal(new FfmpegProgress(7, 0, TimeSpan.Zero, 2.5, 0, IsEnd: true), report);
    }

    [Fact]
    public void Values_from_one_block_do_not_leak_into_the_next()
    {
        var reports = FfmpegProgressParser.ParseAll("frame=9\ntotal_size=100\nprogress=continue\nprogress=continue\n");

        Assert.Equal(new FfmpegProgress(0, 0, TimeSpan.Zero, null, 0, IsEnd: false), reports[1]);
    }

    [Fact]
    public void Lines_that_are_not_key_value_are_ignored()
    {
        var reports = FfmpegProgressParser.ParseAll("hello\n=x\nframe=3\nprogress=continue\n");

        Assert.Equal(3, Assert.Single(reports).Frame);
    }
}
