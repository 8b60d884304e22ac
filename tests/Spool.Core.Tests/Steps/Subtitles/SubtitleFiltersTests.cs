using Spool.Core.Steps.Subtitles;

namespace Spool.Core.Tests.Steps.Subtitles;

public sealed class SubtitleFiltersTests
{
    [Fact]
    public void The_burn_filter_escapes_the_path_and_style_for_a_filter_graph()
    {
        var filter = SubtitleFilters.Burn("/media/my clip's: part 1, [final];.srt");

        Assert.Equal(
            @"subtitles=filename=file\\:/media/my clip\\\'s\\: part 1\, \[final\]\;.srt:force_style=FontName=DejaVu Sans\,FontSize=20\,PrimaryColour=&H00FFFFFF\,OutlineColour=&H00000000\,BorderStyle=1\,Outline=2\,Shadow=1\,MarginV=20",
            filter);
    }

    [Theory]
    [InlineData("en", "eng")]
    [InlineData("de", "deu")]
    [InlineData("pt-BR", "por")]
    [InlineData("zh_CN", "zho")]
    [InlineData("FR", "fra")]
    [InlineData("ger", "ger")]
    [InlineData("xx", "und")]
    [InlineData("", "und")]
    public void Languages_become_iso_639_2_codes(string language, string expected)
    {
        Assert.Equal(expected, SubtitleFilters.MovTextLanguage(language));
    }

    [Fact]
    public void Burning_and_muxing_are_plain_token_lists()
    {
        Assert.Equal(
            [
                "-hide_banner", "-y", "-v", "error", "-progress", "pipe:1", "-nostats", "-i", "file:/in/a.mkv",
                "-map", "0:v:0", "-map", "0:a?", "-vf", SubtitleFilters.Burn("/in/a.srt"),
                "-c:v", "libx264", "-crf", "20", "-pix_fmt", "yuv420p", "-c:a", "copy", "-movflags", "+faststart", "file:/out/a.partial.mp4",
            ],
            SubtitleEncodes.BurnArguments("/in/a.mkv", "/in/a.srt", "/out/a.partial.mp4"));
        Assert.Equal(
            [
                "-hide_banner", "-y", "-v", "error", "-progress", "pipe:1", "-nostats", "-i", "file:/in/a.mp4", "-i", "file:/in/a.srt",
                "-map", "0:v", "-map", "0:a?", "-map", "1:0", "-c", "copy", "-c:s", "srt", "-metadata:s:s:0", "language=spa",
                "file:/out/a.partial.mkv",
            ],
            SubtitleEncodes.MuxArguments("/in/a.mp4", "/in/a.srt", "/out/a.partial.mkv", "es"));
    }

    [Theory]
    [InlineData("out.mp4", "mov_text")]
    [InlineData("OUT.MOV", "mov_text")]
    [InlineData("out.mkv", "srt")]
    [InlineData("out.webm", null)]
    public void Text_tracks_go_only_where_the_container_takes_them(string output, string? codec)
    {
        Assert.Equal(codec, SubtitleEncodes.TextCodecFor(output));
    }
}
