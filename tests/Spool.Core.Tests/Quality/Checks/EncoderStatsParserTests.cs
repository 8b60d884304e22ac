using Spool.Core.Quality.Checks;

namespace Spool.Core.Tests.Quality.Checks;

/// <summary>libx264's end-of-encode summaries, captured from ffmpeg 5.1 with "-x264-params ssim=1:psnr=1" (pointers as printed).</summary>
public sealed class EncoderStatsParserTests
{
    // A fused run of two outputs (CRF 28 at 160x120, CRF 40 at 320x240), trimmed to the lines that matter and the
    // lines between them; the final progress line and an aac summary sit among them as they do in a real log.
    private const string FusedRun =
        "[libx264 @ 0x56377f02a700] --psnr used with psy on: results will be invalid!\n"
        + "[libx264 @ 0x56377f02a700] profile High, level 1.1, 4:2:0, 8-bit\n"
        + "[libx264 @ 0x56377f03b0c0] --psnr used with psy on: results will be invalid!\n"
        + "[libx264 @ 0x56377f03b0c0] profile High, level 1.3, 4:2:0, 8-bit\n"
        + "frame=   50 fps=0.0 q=-1.0 Lq=-1.0 size=      33kB time=00:00:02.02 bitrate= 135.3kbits/s speed=9.05x    \n"
        + "[libx264 @ 0x56377f02a700] frame I:1     Avg QP:29.49  size:  1337  PSNR Mean Y:37.09 U:37.79 V:37.07 Avg:37.20 Global:37.20\n"
        + "[libx264 @ 0x56377f02a700] frame P:22    Avg QP:31.55  size:   360  PSNR Mean Y:36.55 U:36.32 V:35.49 Avg:36.31 Global:36.29\n"
        + "[libx264 @ 0x56377f02a700] frame B:27    Avg QP:37.00  size:   124  PSNR Mean Y:36.18 U:35.73 V:34.60 Avg:35.80 Global:35.79\n"
        + "[libx264 @ 0x56377f02a700] consecutive B-frames: 20.0% 16.0% 24.0% 40.0%\n"
        + "[libx264 @ 0x56377f02a700] ref B L1: 96.6%  3.4%\n"
        + "[libx264 @ 0x56377f02a700] SSIM Mean Y:0.9725679 (15.617db)\n"
        + "[libx264 @ 0x56377f02a700] PSNR Mean Y:36.362 U:36.032 V:35.042 Avg:36.052 Global:36.025 kb/s:50.42\n"
        + "[libx264 @ 0x56377f03b0c0] frame I:1     Avg QP:36.96  size:  1749  PSNR Mean Y:31.07 U:34.65 V:33.49 Avg:31.85 Global:31.85\n"
        + "[libx264 @ 0x56377f03b0c0] frame P:14    Avg QP:42.90  size:   532  PSNR Mean Y:30.95 U:32.80 V:31.74 Avg:31.33 Global:31.32\n"
        + "[libx264 @ 0x56377f03b0c0] frame B:35    Avg QP:48.39  size:   314  PSNR Mean Y:30.69 U:32.40 V:30.50 Avg:30.89 Global:30.89\n"
        + "[libx264 @ 0x56377f03b0c0] SSIM Mean Y:0.9199591 (10.967db)\n"
        + "[libx264 @ 0x56377f03b0c0] PSNR Mean Y:30.770 U:32.558 V:30.908 Avg:31.034 Global:31.023 kb/s:80.82\n"
        + "[aac @ 0x56377f04c100] Qavg: 65536.000\n";

    [Fact]
    public void Each_libx264_instance_gives_its_ssim_global_psnr_frame_count_and_bitrate()
    {
        var stats = EncoderStatsParser.ParseX264(FusedRun);

        Assert.Equal(
            [
                new EncoderStats("0x56377f02a700", 0.9725679, 36.025, 50, 50.42),
                new EncoderStats("0x56377f03b0c0", 0.9199591, 31.023, 50, 80.82),
            ],
            stats);
    }

    [Fact]
    public void A_summary_without_ssim_gives_a_null_ssim_and_keeps_its_place()
    {
        const string log =
            "[libx264 @ 0x1] frame I:2     Avg QP:20.00  size:  1000\n"
            + "[libx264 @ 0x1] frame P:8     Avg QP:22.00  size:   100\n"
            + "[libx264 @ 0x1] kb/s:12.50\n"
            + "[libx264 @ 0x2] frame I:1     Avg QP:20.00  size:  1000\n"
            + "[libx264 @ 0x2] SSIM Mean Y:0.5000000 (3.010db)\n";

        Assert.Equal([new EncoderStats("0x1", null, null, 10, 12.5), new EncoderStats("0x2", 0.5, null, 1, null)], EncoderStatsParser.ParseX264(log));
    }

    [Fact]
    public void A_log_with_level_prefixes_and_crlf_is_read_alike()
    {
        const string log =
            "[libx264 @ 0x55d0c0e1a2c0] [info] frame I:1     Avg QP:15.00  size: 30000\r\n"
            + "[libx264 @ 0x55d0c0e1a2c0] [info] SSIM Mean Y:0.9990000 (30.000db)\r\n"
            + "[libx264 @ 0x55d0c0e1a2c0] [info] PSNR Mean Y:50.000 U:50.000 V:50.000 Avg:50.000 Global:49.500 kb/s:100.00\r\n";

        Assert.Equal([new EncoderStats("0x55d0c0e1a2c0", 0.999, 49.5, 1, 100)], EncoderStatsParser.ParseX264(log));
    }

    [Fact]
    public void No_x264_summary_gives_no_stats()
    {
        Assert.Empty(EncoderStatsParser.ParseX264("[aac @ 0x1] Qavg: 100.0\nframe=   50 fps=0.0 q=-1.0\n"));
    }
}
