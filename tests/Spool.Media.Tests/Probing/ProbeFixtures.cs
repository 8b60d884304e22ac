using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Media.Tests.Probing;

/// <summary>Real ffprobe 5.1 captures from the corpus (tests/corpus, from ../shared/corpus), one file per quirk, copied beside the test assembly.</summary>
internal static class ProbeFixtures
{
    public static FfprobeOutput Raw(string quirk)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Probing", "Fixtures", quirk + ".json");
        return FfprobeJson.Parse(File.ReadAllText(file)) ?? throw new InvalidOperationException($"{file} does not parse.");
    }

    public static ProbeOutcome Normalize(string quirk) => ProbeNormalizer.Normalize(Raw(quirk), PathOf(quirk));

    public static MediaInfo Media(string quirk) =>
        Assert.IsType<ProbeOutcome.Probed>(Normalize(quirk)).Media;

    public static MediaError Error(string quirk) =>
        Assert.IsType<ProbeOutcome.Failed>(Normalize(quirk)).Error;

    public static string PathOf(string quirk) => "/in/" + quirk + ".media";
}
