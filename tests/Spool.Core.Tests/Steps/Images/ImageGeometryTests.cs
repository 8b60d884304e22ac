using Spool.Core.Steps.Images;

namespace Spool.Core.Tests.Steps.Images;

public sealed class ImageGeometryTests
{
    [Theory]
    [InlineData(1920, 1080, 640, 640, 640, 360)]
    [InlineData(1080, 1920, 640, 640, 360, 640)]
    [InlineData(320, 240, 640, 640, 320, 240)]
    [InlineData(853, 480, 853, 480, 852, 480)]
    [InlineData(1920, 1080, 100, 100, 100, 56)]
    [InlineData(1280, 720, 400, 1000, 400, 226)]
    public void Pictures_fit_the_box_with_the_display_aspect_and_even_sizes_never_upscaled(
        int displayWidth, int displayHeight, int maxWidth, int maxHeight, int width, int height)
    {
        Assert.Equal((width, height), StillImages.FitWithin(displayWidth, displayHeight, maxWidth, maxHeight));
    }

    [Theory]
    [InlineData(160, 1920, 1080, 90)]
    [InlineData(160, 1080, 1920, 284)]
    [InlineData(160, 320, 240, 120)]
    [InlineData(160, 720, 576, 128)]
    public void Tile_height_follows_the_display_aspect_and_is_even(int width, int displayWidth, int displayHeight, int height)
    {
        Assert.Equal(height, StillImages.HeightFor(width, displayWidth, displayHeight));
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1.5, "1.5")]
    [InlineData(12.0004, "12")]
    [InlineData(599.99951, "600")]
    public void Seek_times_are_invariant_milliseconds(double seconds, string text)
    {
        Assert.Equal(text, StillImages.Seconds(seconds));
    }

    [Fact]
    public void The_last_seekable_time_is_two_frames_before_the_end()
    {
        Assert.Equal(11.92, StillImages.LastSeekable(12, 0.04), 6);
        Assert.Equal(0, StillImages.LastSeekable(0.05, 0.04));
    }
}
