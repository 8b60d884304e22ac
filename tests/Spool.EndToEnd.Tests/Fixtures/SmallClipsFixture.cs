using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Fixtures;

/// <summary>A few tiny clips and one broken file for the CLI contract tests, generated once.</summary>
public sealed class SmallClipsFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp;

    public SmallClipsFixture()
    {
        _temp = new TempFolder("cli");
        Cli = SpoolCli.In(_temp);
    }

    /// <summary>spool with this fixture's own store.</summary>
    public SpoolCli Cli { get; }

    public string Clip => _temp.Combine("clips", "clip.mp4");

    public IReadOnlyList<string> MoreClips => [_temp.Combine("clips", "clip2.mp4"), _temp.Combine("clips", "clip3.mp4")];

    public string Broken => _temp.Combine("clips", "broken.mp4");

    public async Task InitializeAsync()
    {
        _temp.NewFolder("clips");
        await MediaFactory.ClipAsync(Clip, ClipSpec.Small());
        foreach (var copy in MoreClips)
        {
            File.Copy(Clip, copy);
        }

        await MediaFactory.RandomBytesAsync(Broken, 4096);
        var probe = await ProbeAttempt.OfAsync(Clip);
        if (probe.Facts?.Video is not { Width: 320, Height: 240 })
        {
            throw new InvalidOperationException("The generated clip is not 320x240 video: " + probe.Run.Describe());
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();
}
