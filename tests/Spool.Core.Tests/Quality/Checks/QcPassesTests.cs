using Spool.Core.Quality.Checks;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Quality.Checks;

public sealed class QcPassesTests
{
    [Fact]
    public void Quick_decode_pass_meters_the_first_audio_stream_with_volumedetect()
    {
        Assert.Equal(
            ["-hide_banner", "-nostdin", "-v", "level+info", "-stats_period", "0.25", "-i", "file:/o.mp4",
                "-filter_complex", "[0:a:0]volumedetect[meters]", "-map", "0:v?", "-map", "[meters]", "-f", "null", "-"],
            QcPasses.DecodeArguments("/o.mp4", hasAudio: true, QcMode.Quick));
    }

    [Fact]
    public void Full_check_pass_decodes_the_whole_output_and_samples_both_inputs_the_same_way()
    {
        var args = QcPasses.CheckArguments("/o.mp4", hasAudio: false, "/s.mp4", new QcComparison(1920, 1080, new Rational(30, 1), 2), QcMode.Full, withVmaf: false);
        const string chain = "fps=30/1,select='not(mod(n\\,2))',scale=1920:1080:flags=bicubic,setsar=1,format=yuv420p,setpts=N/FRAME_RATE/TB,split=2";
        Assert.Equal(
            ["-hide_banner", "-nostdin", "-v", "level+info", "-stats_period", "0.25", "-i", "file:/o.mp4", "-i", "file:/s.mp4",
                "-filter_complex", $"[0:v:0]split=2[whole][sample];[sample]{chain}[d0][d1];[1:v:0]{chain}[r0][r1];[d0][r0]ssim=shortest=1[m0];[d1][r1]psnr=shortest=1[m1]",
                "-map", "[whole]", "-f", "null", "-", "-map", "[m0]", "-f", "null", "-", "-map", "[m1]", "-f", "null", "-"],
            args);
    }

    [Fact]
    public void Quick_check_pass_meters_the_output_audio_in_the_same_run()
    {
        var args = QcPasses.CheckArguments("/o.mp4", hasAudio: true, "/s.mp4", new QcComparison(1280, 720, new Rational(25, 1), 3), QcMode.Quick, withVmaf: true);
        const string chain = "fps=25/1,select='not(mod(n\\,3))',scale=1280:720:flags=bicubic,setsar=1,format=yuv420p,setpts=N/FRAME_RATE/TB";
        Assert.Equal(
            ["-hide_banner", "-nostdin", "-v", "level+info", "-stats_period", "0.25", "-i", "file:/o.mp4", "-i", "file:/s.mp4",
                "-filter_complex", $"[0:v:0]split=2[whole][sample];[sample]{chain}[d0];[1:v:0]{chain}[r0];[d0][r0]ssim=shortest=1[m0];[0:a:0]volumedetect[meters]",
                "-map", "[whole]", "-map", "[meters]", "-f", "null", "-", "-map", "[m0]", "-f", "null", "-"],
            args);
    }

    [Fact]
    public void Comparison_is_at_the_reference_display_size_sampling_about_45_frames()
    {
        var (comparison, skipped, error) = QcPasses.PlanComparison(Media(1280, 720, 300, Rational.One), Media(720, 480, 300, new Rational(32, 27)));
        Assert.Equal(new QcComparison(852, 480, new Rational(30, 1), 7), comparison);
        Assert.Null(skipped);
        Assert.Null(error);
    }

    [Fact]
    public void A_portrait_canvas_of_a_landscape_source_is_not_compared()
    {
        var (comparison, skipped, _) = QcPasses.PlanComparison(Media(1080, 1920, 60, Rational.One), Media(1920, 1080, 60, Rational.One));
        Assert.Null(comparison);
        Assert.Equal("canvas output: not comparable", skipped);
    }

    private static MediaInfo Media(int width, int height, long frames, Rational sar) => new(
        "/x.mp4", "mov,mp4", frames / 30.0, 1000, null,
        [new VideoStreamInfo(0, "h264", width, height, sar, "yuv420p", 8, new Rational(30, 1), false, 0, false, null, null, false, frames / 30.0, frames)],
        [], 0, []);
}
