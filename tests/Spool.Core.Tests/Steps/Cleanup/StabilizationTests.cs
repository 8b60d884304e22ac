using Spool.Core.Placement;
using Spool.Core.Steps.Cleanup;
using Spool.Core.Tests.Placement;
using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Steps.Cleanup;

public sealed class StabilizationTests
{
    private const string AwkwardPath = @"/out/it's a [test], 1;2/meta:data\x.trf";

    private static readonly VideoStreamInfo Video = new(
        0, "h264", 160, 120, Rational.One, "yuv420p", 8, new Rational(15, 1), false, 0, false, null, null, false, 3, 45);

    [Fact]
    public void Escape_protects_every_character_the_option_and_graph_parsers_split_on()
    {
        // Level 1 (options): \ ' : get a backslash. Level 2 (graph): \ ' [ ] , ; get one more, so the level-1
        // backslashes double and a quote ends up as \\\'.
        Assert.Equal(@"/out/it\\\'s a \[test\]\, 1\;2/meta\\:data\\\\x.trf", FilterText.Escape(AwkwardPath));
        Assert.Equal("/plain/path.trf", FilterText.Escape("/plain/path.trf"));
    }

    [Fact]
    public void Transforms_live_in_the_metadata_folder_under_the_stem()
    {
        Assert.Equal("/out/clip/metadata/clip.trf", Stabilization.TransformsPath("/out/clip/metadata", "clip"));
        Assert.Equal("/out/clip/metadata/clip.partial-7.trf", new FilePlacer(new TaggedFence(7)).PartialFor(Stabilization.TransformsPath("/out/clip/metadata", "clip")));
    }

    [Fact]
    public void Detect_pass_reads_the_video_through_the_common_filters_to_null()
    {
        var arguments = Stabilization.DetectArguments("/in/clip.mp4", Video, [new Filter("bwdif", ("mode", "send_frame"))], "/m/clip.partial.trf");

        string[] expected =
        [
            "-hide_banner", "-nostdin", "-progress", "pipe:1", "-nostats", "-i", "file:/in/clip.mp4", "-map", "0:0", "-an",
            "-vf", "bwdif=mode=send_frame,vidstabdetect=shakiness=5:accuracy=15:result=/m/clip.partial.trf", "-f", "null", "-",
        ];
        Assert.Equal(expected, arguments);
    }

    [Fact]
    public void Transform_filter_escapes_its_path_and_sharpens_after()
    {
        Assert.Equal(
            @"vidstabtransform=input=/out/it\\\'s a \[test\]\, 1\;2/meta\\:data\\\\x.trf:smoothing=10:zoom=0:optzoom=1,unsharp=5:5:0.8:3:3:0.4",
            Stabilization.TransformFilter(AwkwardPath));
    }

    [Fact]
    public void Video_denoise_is_hqdn3d_at_its_default_strengths() => Assert.Equal("hqdn3d=4:3:6:4.5", VideoCleanup.Denoise);
}
