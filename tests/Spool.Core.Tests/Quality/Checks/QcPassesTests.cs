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
        const string chain = "fps=30/1,select='not(mod(pts\\,2))',scale=1920:1080:flags=bicubic,setsar=1,format=yuv420p,gblur=sigma=0.7,split=2";
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
        const string chain = "fps=25/1,select='not(mod(pts\\,3))',scale=1280:720:flags=bicubic,setsar=1,format=yuv420p,gblur=sigma=0.7";
        Assert.Equal(
            ["-hide_banner", "-nostdin", "-v", "level+info", "-stats_period", "0.25", "-i", "file:/o.mp4", "-i", "file:/s.mp4",
                "-filter_complex", $"[0:v:0]split=2[whole][sample];[sample]{chain}[d0];[1:v:0]{chain}[r0];[d0][r0]ssim=shortest=1[m0];[0:a:0]volumedetect[meters]",
                "-map", "[whole]", "-map", "[meters]", "-f", "null", "-", "-map", "[m0]", "-f", "null", "-"],
            args);
    }

    [Fact]
    public void Comparison_is_at_half_the_reference_display_size_sampling_about_45_frames()
    {
        var (comparison, error) = QcPasses.PlanComparison(Media(1280, 720, 300, Rational.One), Media(720, 480, 300, new Rational(32, 27)));
        Assert.Equal(new QcComparison(426, 240, new Rational(30, 1), 7), comparison);
        Assert.Null(comparison!.ActivePicture);
        Assert.Null(error);
    }

    [Fact]
    public void A_portrait_canvas_of_a_landscape_source_compares_its_active_picture()
    {
        var (comparison, error) = QcPasses.PlanComparison(Media(1080, 1920, 60, Rational.One), Media(1920, 1080, 60, Rational.One));
        Assert.Null(error);
        Assert.Equal(new QcComparison(540, 304, new Rational(30, 1), 1) { ActivePicture = new QcCrop(1080, 1920, 1080, 608, 0, 656) }, comparison);
    }

    [Fact]
    public void A_small_source_on_a_big_canvas_is_compared_at_half_the_source_size()
    {
        var (comparison, _) = QcPasses.PlanComparison(Media(1080, 1920, 60, Rational.One), Media(320, 240, 60, Rational.One));
        Assert.Equal(new QcComparison(160, 120, new Rational(30, 1), 1) { ActivePicture = new QcCrop(1080, 1920, 1080, 810, 0, 555) }, comparison);
    }

    [Fact]
    public void Canvas_check_crops_the_output_and_runs_the_encode_filters_on_the_reference()
    {
        var comparison = new QcComparison(160, 120, new Rational(30, 1), 1)
        {
            ActivePicture = new QcCrop(1080, 1920, 1080, 810, 0, 555),
            ReferenceFilters = ["eq=contrast=1.2"],
        };
        var args = QcPasses.CheckArguments("/o.mp4", hasAudio: false, "/s.mp4", comparison, QcMode.Quick, withVmaf: false);
        const string tail = "scale=160:120:flags=bicubic,setsar=1,format=yuv420p,gblur=sigma=0.7";
        Assert.Equal(
            "[0:v:0]split=2[whole][sample];"
            + $"[sample]fps=30/1,select='not(mod(pts\\,1))',scale=1080:1920,setsar=1,crop=1080:810:0:555,{tail}[d0];"
            + $"[1:v:0]eq=contrast=1.2,fps=30/1,select='not(mod(pts\\,1))',{tail}[r0];[d0][r0]ssim=shortest=1[m0]",
            args[args.ToList().IndexOf("-filter_complex") + 1]);
    }

    private static MediaInfo Media(int width, int height, long frames, Rational sar) => new(
        "/x.mp4", "mov,mp4", frames / 30.0, 1000, null,
        [new VideoStreamInfo(0, "h264", width, height, sar, "yuv420p", 8, new Rational(30, 1), false, 0, false, null, null, false, frames / 30.0, frames)],
        [], 0, []);
}
