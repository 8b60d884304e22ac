using System.Text.Json;
using Spool.Core.Reporting;
using Spool.Core.Validation;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Validation;

/// <summary>The real ffprobe and ffmpeg through the real runner.</summary>
public sealed class InputValidatorTests : IDisposable
{
    private readonly string folder = TestMedia.TempFolder();
    private readonly InputValidator validator = new(new ProcessRunner(), "ffmpeg", "ffprobe");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Generated_good_clip_is_ok(bool thorough)
    {
        var clip = await TestMedia.GoodClipAsync(folder);

        var result = await validator.ValidateAsync(clip, thorough, CancellationToken.None);

        Assert.Equal(ValidationStatus.Ok, result.Status);
        Assert.Empty(result.Problems);
        Assert.Equal(320, result.Probe!.PrimaryVideo!.Width);
        Assert.Null(result.Result.AsError());
    }

    [Fact]
    public async Task File_that_probes_fine_but_does_not_decode_is_corrupt_only_when_thorough()
    {
        var clip = await TestMedia.ScrambledPayloadClipAsync(folder);

        var quick = await validator.ValidateAsync(clip, thorough: false, CancellationToken.None);
        var thorough = await validator.ValidateAsync(clip, thorough: true, CancellationToken.None);

        Assert.Equal(ValidationStatus.Ok, quick.Status);
        Assert.Equal(ValidationStatus.Corrupt, thorough.Status);
        Assert.NotNull(thorough.Probe);
        Assert.All(thorough.Problems.SkipLast(1), problem => Assert.Matches(@"^decode error (after \d+(\.\d+)? s|before the first decoded frame): ", problem));
        Assert.Equal(ErrorCategory.InputCorrupt, thorough.Result.AsError()!.Category);
    }

    [Fact]
    public async Task Thorough_check_places_damage_at_five_seconds_where_it_is()
    {
        var clip = await TestMedia.DamagedAtFiveSecondsClipAsync(folder);

        var result = await validator.ValidateAsync(clip, thorough: true, CancellationToken.None);

        Assert.Equal(ValidationStatus.Corrupt, result.Status);
        var first = System.Text.RegularExpressions.Regex.Match(result.Problems[0], @"^decode error after (\d+(?:\.\d+)?) s: ");
        Assert.True(first.Success, result.Problems[0]);
        var seconds = double.Parse(first.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(seconds is >= 4.0 and <= 6.0, string.Join('\n', result.Problems));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Corpus_file_claiming_231_s_in_135_kB_is_corrupt(bool thorough)
    {
        var path = Path.Combine(TestMedia.Corpus(), "mp4parse-rust", "mp4parse", "tests", "invalid_userdata.mp4");

        var result = await validator.ValidateAsync(path, thorough, CancellationToken.None);

        Assert.Equal(ValidationStatus.Corrupt, result.Status);
        Assert.StartsWith("truncated: 135418 bytes for a claimed 231.338 s; ffprobe reports damage: ", result.Problems[0]);
        Assert.Contains("partial file", result.Problems[0]);
    }

    [Fact]
    public async Task Missing_file_fails_with_null_probe()
    {
        var result = await validator.ValidateAsync(Path.Combine(folder, "nope.mp4"), thorough: true, CancellationToken.None);

        Assert.Equal(ValidationStatus.Missing, result.Status);
        Assert.Null(result.Probe);
        Assert.Equal(ErrorCategory.InputMissing, result.Result.AsError()!.Category);
    }

    [Fact]
    public async Task Json_has_exactly_path_status_problems_probe()
    {
        var clip = await TestMedia.GoodClipAsync(folder);
        var report = new ValidationReport([await validator.ValidateAsync(clip, false, CancellationToken.None)]);

        var json = JsonSerializer.SerializeToElement(report, ReportJson.Options);

        Assert.Equal(["files"], json.EnumerateObject().Select(p => p.Name));
        var file = json.GetProperty("files")[0];
        Assert.Equal(["path", "status", "problems", "probe"], file.EnumerateObject().Select(p => p.Name));
        Assert.Equal("ok", file.GetProperty("status").GetString());
        Assert.Equal(4.0, file.GetProperty("probe").GetProperty("duration_seconds").GetDouble(), 1);
    }
}
