using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>The edge cases that need more than the common checks: rotation, anamorphic pixels, fields, HDR, broken files, names.</summary>
[Collection(EdgeBatchGroup.Name)]
public sealed class EdgeCaseSpecialTests(EdgeCaseBatchFixture batch)
{
    [Fact]
    public void Rotated_phone_video_comes_out_portrait_without_rotation()
    {
        var problems = new Problems();
        foreach (var preset in EdgeCaseBatchFixture.Presets)
        {
            var label = $"{EdgeCases.Rotated} ({preset})";
            if (batch.Output(EdgeCases.Rotated, preset)?.Video is not { } video)
            {
                problems.Add($"{label}: no output");
                continue;
            }

            problems.Check(!video.HasDisplayMatrix || video.Rotation is 0, $"{label}: display matrix with rotation {video.Rotation} left in the output");
            problems.Check(video.Height > video.Width, $"{label}: {video.Width}x{video.Height} is not portrait (the source displays 720x1280)");
            if (preset == "web_optimized")
            {
                problems.Check(video is { Width: 720, Height: 1280 }, $"{label}: {video.Width}x{video.Height}, expected 720x1280 (within 720x1280 already)");
            }
        }

        problems.AssertNone(EdgeCaseBatchFixture.Presets.Count, "outputs");
    }

    [Fact]
    public void Anamorphic_source_comes_out_square_pixel_with_its_display_aspect()
    {
        var problems = new Problems();
        const double displayWidth = 720 * 32.0 / 27;
        foreach (var preset in EdgeCaseBatchFixture.Presets)
        {
            var label = $"{EdgeCases.Anamorphic} ({preset})";
            if (batch.Output(EdgeCases.Anamorphic, preset)?.Video is not { } video)
            {
                problems.Add($"{label}: no output");
                continue;
            }

            problems.Check(video.Sar == 1.0, $"{label}: sample aspect {video.SampleAspectRatio}, expected square pixels");
            problems.Check(
                Math.Abs((double)video.Width / video.Height / (displayWidth / 480) - 1) <= 0.02,
                $"{label}: {video.Width}x{video.Height} is not within 2 % of the source's 16:9 display aspect");
            problems.Check(
                video.Height == 480 && Math.Abs(video.Width - displayWidth) <= 2,
                $"{label}: {video.Width}x{video.Height}, expected about 853x480 (the display size fits both presets)");
        }

        problems.AssertNone(EdgeCaseBatchFixture.Presets.Count, "outputs");
    }

    [Fact]
    public void Interlaced_source_comes_out_progressive()
    {
        var problems = new Problems();
        foreach (var preset in EdgeCaseBatchFixture.Presets)
        {
            var label = $"{EdgeCases.Interlaced} ({preset})";
            var video = batch.Output(EdgeCases.Interlaced, preset)?.Video;
            problems.Check(video is { FieldOrder: "progressive" }, $"{label}: field_order is {video?.FieldOrder ?? "(no output)"}, expected progressive");
        }

        problems.AssertNone(EdgeCaseBatchFixture.Presets.Count, "outputs");
    }

    [Fact]
    public void Hdr_source_comes_out_tone_mapped_to_sdr()
    {
        var problems = new Problems();
        foreach (var preset in EdgeCaseBatchFixture.Presets)
        {
            var label = $"{EdgeCases.Hdr} ({preset})";
            var video = batch.Output(EdgeCases.Hdr, preset)?.Video;
            problems.Check(video is not null, $"{label}: no output");
            problems.Check(
                video?.ColorTransfer is not ("smpte2084" or "arib-std-b67"),
                $"{label}: color_transfer {video?.ColorTransfer} is still HDR, expected BT.709 SDR");
        }

        problems.AssertNone(EdgeCaseBatchFixture.Presets.Count, "outputs");
    }

    [Fact]
    public void Broken_inputs_fail_with_a_classified_error()
    {
        var problems = new Problems();
        var checkedCount = 0;
        foreach (var edge in EdgeCases.BrokenCases)
        {
            foreach (var preset in EdgeCaseBatchFixture.Presets)
            {
                checkedCount++;
                var job = batch.Report.Job(edge.FileName, preset);
                var label = $"{edge} ({preset})";
                problems.Check(job.Status == "failed", $"{label}: status {job.Status}, expected failed");
                problems.Check(
                    job.ErrorCategory is { } category && edge.FailsAs.Contains(category),
                    $"{label}: category {job.ErrorCategory ?? "(none)"}, expected one of {string.Join(", ", edge.FailsAs)}");
                problems.Check(!string.IsNullOrWhiteSpace(job.ErrorMessage), $"{label}: the error has no message");
                problems.Check(!string.IsNullOrWhiteSpace(job.ErrorHint), $"{label}: the error has no hint");
                problems.Check(job.Output is null, $"{label}: a failed job reports output {job.Output}");
            }
        }

        problems.AssertNone(checkedCount, "broken input jobs");
    }

    [Fact]
    public void Same_stem_inputs_never_share_an_output()
    {
        var problems = new Problems();
        var folders = new List<string>();
        foreach (var file in new[] { EdgeCases.SameStemMp4, EdgeCases.SameStemAvi })
        {
            foreach (var preset in EdgeCaseBatchFixture.Presets)
            {
                var job = batch.Report.Job(file, preset);
                if (job.Status != "succeeded" || job.Output is null || !File.Exists(job.Output))
                {
                    problems.Add($"{file} ({preset}): status {job.Status}, output {job.Output ?? "(none)"}: both same-stem inputs must succeed");
                    continue;
                }

                folders.Add(Path.GetDirectoryName(Path.GetDirectoryName(job.Output))!);
            }
        }

        problems.Check(folders.Distinct(StringComparer.Ordinal).Count() == 2, $"a.mp4 and a.avi should have two distinct output folders, got: {string.Join(", ", folders.Distinct(StringComparer.Ordinal))}");
        var outputs = batch.Report.Jobs.Where(job => job.Output is not null).Select(job => job.Output!).ToList();
        foreach (var shared in outputs.GroupBy(path => path, StringComparer.Ordinal).Where(group => group.Count() > 1))
        {
            problems.Add($"{shared.Count()} jobs report the same output {shared.Key}");
        }

        problems.AssertNone(outputs.Count, "reported outputs");
    }

    [Fact]
    public void No_partial_file_remains()
    {
        var entries = Directory.EnumerateFileSystemEntries(batch.OutputFolder, "*", SearchOption.AllDirectories).ToList();
        var partial = entries.Where(path => Path.GetFileName(path).Contains(".partial", StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(partial.Count == 0, "Files with .partial in their name remain after the batch:\n  " + string.Join("\n  ", partial));
        Assert.NotEmpty(entries);
    }
}
