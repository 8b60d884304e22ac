using Spool.Core.Quality.Checks;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>Lines captured from ffmpeg 5.1 run with "-v level+info" (pointers as printed).</summary>
public sealed class QcLogParserTests
{
    [Fact]
    public void Ssim_all_is_read_from_the_summary_line()
    {
        const string log = "[Parsed_ssim_14 @ 0x55e03611d000] [info] SSIM Y:0.944275 (12.539475) U:0.953235 (13.300828) V:0.958333 (13.802054) All:0.948111 (12.849260)\n";
        Assert.Equal(0.948111, QcLogParser.ParseSsim(log));
    }

    [Fact]
    public void Psnr_average_is_read_and_inf_reads_as_100()
    {
        const string log = "[Parsed_psnr_15 @ 0x55a268f2f900] [info] PSNR y:36.820325 u:35.871414 v:31.842846 average:35.364154 min:35.144785 max:35.774992\n";
        Assert.Equal(35.364154, QcLogParser.ParsePsnr(log));
        Assert.Equal(100, QcLogParser.ParsePsnr("[Parsed_psnr_3 @ 0x1] [info] PSNR y:inf u:inf v:inf average:inf min:inf max:inf\n"));
    }

    [Fact]
    public void Max_volume_is_read_from_volumedetect()
    {
        const string log = "[Parsed_volumedetect_0 @ 0x55caf07eb3c0] [info] n_samples: 83968\n"
            + "[Parsed_volumedetect_0 @ 0x55caf07eb3c0] [info] mean_volume: -21.1 dB\n"
            + "[Parsed_volumedetect_0 @ 0x55caf07eb3c0] [info] max_volume: -14.6 dB\n"
            + "[Parsed_volumedetect_0 @ 0x55caf07eb3c0] [info] histogram_14db: 25\n";
        Assert.Equal(-14.6, QcLogParser.ParseMaxVolume(log));
    }

    [Fact]
    public void Ebur128_reads_the_last_summary_not_the_empty_first_one()
    {
        const string log = "[Parsed_ebur128_1 @ 0x565008212ec0] [info] Summary:\n\n  Integrated loudness:\n    I:         -70.0 LUFS\n    Threshold:   0.0 LUFS\n\n"
            + "  Loudness range:\n    LRA:         0.0 LU\n\n  True peak:\n    Peak:       -inf dBFS\n"
            + "[Parsed_ebur128_1 @ 0x565008212ec0] [info] t: 1.9       TARGET:-23 LUFS    M: -21.8 S:-120.7     I: -21.8 LUFS       LRA:   0.0 LU  FTPK: -14.6 dBFS  TPK: -14.6 dBFS\n"
            + "[Parsed_ebur128_1 @ 0x562ca1a86940] [info] Summary:\n\n  Integrated loudness:\n    I:         -21.8 LUFS\n    Threshold: -31.8 LUFS\n\n"
            + "  Loudness range:\n    LRA:         0.0 LU\n    Threshold:   0.0 LUFS\n    LRA low:     0.0 LUFS\n    LRA high:    0.0 LUFS\n\n  True peak:\n    Peak:      -14.6 dBFS\n";
        Assert.Equal((-21.8, -14.6), QcLogParser.ParseEbur128(log));
    }

    [Fact]
    public void Silent_true_peak_reads_as_the_silence_floor()
    {
        const string log = "[Parsed_ebur128_0 @ 0x1] [info] Summary:\n\n  Integrated loudness:\n    I:         -70.0 LUFS\n\n  True peak:\n    Peak:       -inf dBFS\n";
        Assert.Equal((-70.0, QcLogParser.SilenceDb), QcLogParser.ParseEbur128(log));
    }

    [Fact]
    public void Vmaf_score_is_read()
    {
        Assert.Equal(95.123456, QcLogParser.ParseVmaf("[Parsed_libvmaf_5 @ 0x5597] [info] VMAF score: 95.123456\n"));
    }

    [Fact]
    public void Missing_summaries_read_as_null()
    {
        Assert.Null(QcLogParser.ParseSsim("[info] Output #0, null, to 'pipe:':\n"));
        Assert.Null(QcLogParser.ParsePsnr(""));
        Assert.Null(QcLogParser.ParseMaxVolume(""));
        Assert.Equal((null, null), QcLogParser.ParseEbur128(""));
    }

    [Fact]
    public void Decode_errors_are_counted_and_placed_after_the_last_progress_time()
    {
        const string log = "[info] frame=   15 fps=0.0 q=-0.0 size=N/A time=00:00:00.55 bitrate=N/A speed=8.09x    \r"
            + "[aac @ 0x55caf0331a80] [error] Reserved bit set.\n"
            + "[error] Error while decoding stream #0:1: Invalid data found when processing input\n"
            + "[aac @ 0x55caf0331a80] [warning] Multiple frames in a packet.\n"
            + "[h264 @ 0x55caf038bc80] [info] concealing 3134 DC, 3134 AC, 3134 MV errors in P frame\n"
            + "[info] frame=   28 fps=0.0 q=-0.0 size=N/A time=00:00:01.09 bitrate=N/A speed=9.12x    \r"
            + "[h264 @ 0x55caf038bc80] [error] error while decoding MB 35 6, bytestream 6949\n";
        var (errors, count) = QcLogParser.ParseDecodeErrors(log);
        Assert.Equal(4, count);
        Assert.Equal(
            [
                "near 0.55 s: [aac @ 0x55caf0331a80] Reserved bit set.",
                "near 0.55 s: Error while decoding stream #0:1: Invalid data found when processing input",
                "near 0.55 s: [h264 @ 0x55caf038bc80] concealing 3134 DC, 3134 AC, 3134 MV errors in P frame",
                "near 1.09 s: [h264 @ 0x55caf038bc80] error while decoding MB 35 6, bytestream 6949",
            ],
            errors);
    }

    [Fact]
    public void Concealment_and_corrupt_frame_notes_count_as_decode_errors()
    {
        // A threaded h264 decode of a damaged P frame says nothing at error level.
        const string log = "[h264 @ 0x56343ebe4600] [info] concealing 2517 DC, 2517 AC, 2517 MV errors in P frame\n"
            + "[warning] fx_corrupt.mp4: corrupt decoded frame in stream 0\n"
            + "[h264 @ 0x55853e2a2dc0] [verbose] Reinit context to 1920x1088, pix_fmt: yuv420p\n";
        var (errors, count) = QcLogParser.ParseDecodeErrors(log);
        Assert.Equal(2, count);
        Assert.Equal(
            ["[h264 @ 0x56343ebe4600] concealing 2517 DC, 2517 AC, 2517 MV errors in P frame", "fx_corrupt.mp4: corrupt decoded frame in stream 0"],
            errors);
    }

    [Fact]
    public void A_clean_decode_has_no_errors()
    {
        const string log = "[info] Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'out.mp4':\n[info] frame=   60 fps=0.0 q=-0.0 Lsize=N/A time=00:00:02.02 bitrate=N/A speed=9.74x    \n";
        Assert.Equal(0, QcLogParser.ParseDecodeErrors(log).Count);
    }
}
