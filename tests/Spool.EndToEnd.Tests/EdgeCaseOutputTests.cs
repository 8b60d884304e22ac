using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests;

/// <summary>What every output of the edge-case batch must be (DESIGN.md: "Every video output: ..."), file by file.</summary>
[Collection(EdgeBatchGroup.Name)]
public sealed class EdgeCaseOutputTests(EdgeCaseBatchFixture batch)
{
    [Fact]
    public async Task Every_valid_input_gets_a_decodable_output()
    {
        var problems = new Problems();
        var checkedCount = 0;
        foreach (var (edge, preset) in ValidJobs())
        {
            checkedCount++;
            var job = batch.Report.Job(edge.FileName, preset);
            var label = $"{edge.FileName} ({preset})";
            if (job.Status != "succeeded" || job.Output is null)
            {
                problems.Add($"{label}: status {job.Status}, error {job.ErrorCategory}: {job.ErrorMessage}");
                continue;
            }

            if (!File.Exists(job.Output))
            {
                problems.Add($"{label}: reported output {job.Output} does not exist");
                continue;
            }

            var stem = Path.GetFileNameWithoutExtension(edge.FileName);
            var name = Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(job.Output)));
            var layout = Path.Combine(batch.OutputFolder, name!, "video", $"{name}_{preset}.mp4");
            problems.Check(job.Output == layout, $"{label}: output {job.Output} is not at <out>/<name>/video/<name>_{preset}.mp4");
            var sharesStem = EdgeCases.All.Count(other => Path.GetFileNameWithoutExtension(other.FileName) == stem) > 1;
            problems.Check(sharesStem || name == stem, $"{label}: output folder '{name}' is not the input's stem '{stem}'");

            var decode = await Ffmpeg.DecodeAsync(job.Output);
            problems.Check(decode.ExitCode == 0 && decode.Stderr.Length == 0, $"{label}: decoding {job.Output} exited {decode.ExitCode} with errors: {decode.Stderr.Trim()}");
        }

        problems.AssertNone(checkedCount, "valid input jobs");
    }

    [Fact]
    public void Every_output_has_even_dimensions_yuv420p_and_no_rotation()
    {
        var problems = new Problems();
        var outputs = Outputs(problems).ToList();
        foreach (var (label, _, output) in outputs)
        {
            OutputRules.Format(problems, label, output.Video!);
        }

        problems.AssertNone(outputs.Count, "outputs");
    }

    [Fact]
    public void Every_output_keeps_orientation_and_display_aspect_without_upscaling()
    {
        var problems = new Problems();
        var outputs = Outputs(problems).ToList();
        foreach (var (label, source, output) in outputs)
        {
            OutputRules.Geometry(problems, label, source.Video!, output.Video!);
        }

        problems.AssertNone(outputs.Count, "outputs");
    }

    [Fact]
    public void Every_output_keeps_the_source_duration()
    {
        var problems = new Problems();
        var outputs = Outputs(problems).ToList();
        foreach (var (label, source, output) in outputs)
        {
            OutputRules.Duration(problems, label, source, output);
        }

        problems.AssertNone(outputs.Count, "outputs");
    }

    [Fact]
    public void Every_output_has_stereo_audio_exactly_when_the_source_had_audio()
    {
        var problems = new Problems();
        var outputs = Outputs(problems).ToList();
        foreach (var (label, source, output) in outputs)
        {
            OutputRules.Audio(problems, label, source, output);
        }

        problems.AssertNone(outputs.Count, "outputs");
    }

    private static IEnumerable<(EdgeCase Case, string Preset)> ValidJobs() =>
        EdgeCases.ValidCases.SelectMany(edge => EdgeCaseBatchFixture.Presets.Select(preset => (edge, preset)));

    /// <summary>Every (source, output) pair to judge; a missing output is itself a problem, named once here.</summary>
    private IEnumerable<(string Label, MediaFacts Source, MediaFacts Output)> Outputs(Problems problems)
    {
        foreach (var (edge, preset) in ValidJobs())
        {
            var label = $"{edge.FileName} [{edge.Property}] ({preset})";
            var output = batch.Output(edge.FileName, preset);
            if (output?.Video is null)
            {
                problems.Add($"{label}: no output video to check");
                continue;
            }

            yield return (label, batch.Source(edge.FileName), output);
        }
    }
}
