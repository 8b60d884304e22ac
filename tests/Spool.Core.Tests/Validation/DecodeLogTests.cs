using Spool.Core.Validation;

namespace Spool.Core.Tests.Validation;

public sealed class DecodeLogTests
{
    // Real ffmpeg 5.1 stderr (-v error -progress pipe:2) on an MP4 whose mdat was overwritten, cut short.
    private const string Stderr = """
        frame=2
        fps=0.00
        stream_0_0_q=-0.0
        out_time_us=92880
        out_time_ms=92880
        out_time=00:00:00.092880
        speed=N/A
        progress=continue
        [aac @ 0x557ab2bf4940] Reserved bit set.
        Error while decoding stream #0:1: Invalid data found when processing input
        frame=40
        out_time_us=1600000
        progress=continue
        [h264 @ 0x557ab2c82800] error while decoding MB 0 3, bytestream 3376
        [h264 @ 0x557ab2c82800] error while decoding MB 0 3, bytestream 3376
        Error marking filters as finished
        progress=end
        """;

    [Fact]
    public void Each_error_line_carries_the_last_decoded_time_before_it()
    {
        Assert.Equal(
            [
                "decode error after 0.093 s: [aac] Reserved bit set.",
                "decode error after 0.093 s: Error while decoding stream #0:1: Invalid data found when processing input",
                "decode error after 1.6 s: [h264] error while decoding MB 0 3, bytestream 3376",
                "… and 1 more decode error line(s)",
            ],
            DecodeLog.Errors(Stderr));
    }

    [Fact]
    public void An_error_before_any_progress_says_so()
    {
        var errors = DecodeLog.Errors("[mov,mp4,m4a,3gp,3g2,mj2 @ 0x55] stream 0, offset 0x2110a: partial file\nCannot determine format of input stream 0:0 after EOF\n");

        Assert.Equal(
            [
                "decode error before the first decoded frame: [mov,mp4,m4a,3gp,3g2,mj2] stream 0, offset 0x2110a: partial file",
                "decode error before the first decoded frame: Cannot determine format of input stream 0:0 after EOF",
            ],
            errors);
    }

    [Fact]
    public void Progress_alone_is_no_error()
    {
        Assert.Empty(DecodeLog.Errors("frame=100\nout_time_us=4000000\nprogress=end\n"));
    }

    [Fact]
    public void A_file_broken_everywhere_lists_twenty_errors_and_counts_the_rest()
    {
        var stderr = string.Join('\n', Enumerable.Range(0, 50).Select(i => $"[h264 @ 0x1] error while decoding MB {i} 0"));

        var errors = DecodeLog.Errors(stderr);

        Assert.Equal(DecodeLog.MaxListedErrors + 1, errors.Count);
        Assert.Equal("… and 30 more decode error line(s)", errors[^1]);
    }

    // Real ffmpeg 5.1 stderr of the thorough decode (-loglevel level+info, sparse showinfo markers) on a 10 s clip
    // damaged at its middle, cut short. Progress came once, at 0.093 s: the whole file decoded within its first period.
    private const string MarkedStderr = """
        out_time_us=92880
        progress=continue
        [Parsed_showinfo_1 @ 0x564e7a4306c0] [info] n:  17 pts:  60928 pts_time:4.76    pos:   495732 fmt:yuv420p sar:1/1 s:320x240 i:P iskey:0 type:P checksum:0374A
        [Parsed_showinfo_1 @ 0x564e7a4306c0] [info]
        [Parsed_ashowinfo_1 @ 0x564e7a04c480] [info] n:19 pts:214016 pts_time:4.85297 pos:507162 fmt:fltp channels:1 chlayout:mono rate:44100 nb_samples:1024
        [aac @ 0x564e79ff6a80] [error] skip_data_stream_element: Input buffer exhausted before END element found
        [error] Error while decoding stream #0:1: Invalid data found when processing input
        [h264 @ 0x564e7a0c1000] [warning] concealing 12 DC errors
        """;

    [Fact]
    public void Marked_decode_dates_each_error_by_the_last_frame_time_not_the_progress_period()
    {
        Assert.Equal(
            [
                "decode error after 4.853 s: [aac] skip_data_stream_element: Input buffer exhausted before END element found",
                "decode error after 4.853 s: Error while decoding stream #0:1: Invalid data found when processing input",
            ],
            DecodeLog.Errors(MarkedStderr));
    }
}
