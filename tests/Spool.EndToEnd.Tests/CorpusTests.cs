using System.Text.RegularExpressions;
using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>Issue 2: every corpus file ends as a decodable output or a classified failure; the batch never crashes or hangs.</summary>
public sealed partial class CorpusTests(CorpusBatchFixture corpus) : IClassFixture<CorpusBatchFixture>
{
    [Fact]
    public void Corpus_batch_ends_with_exit_0_or_1_and_no_crash()
    {
        Assert.True(corpus.Run.ExitCode is 0 or 1, "The corpus batch must exit 0 or 1.\n" + corpus.Run.Describe());
        Assert.False(corpus.Run.Stderr.Contains("Unhandled exception", StringComparison.OrdinalIgnoreCase), "The corpus batch crashed:\n" + corpus.Run.Stderr);
        Assert.False(StackFrame().IsMatch(corpus.Run.Stderr), "A stack trace reached stderr:\n" + corpus.Run.Stderr);
        Assert.False(corpus.Run.Stderr.Contains("internal error", StringComparison.OrdinalIgnoreCase), "Spool reports an internal error:\n" + corpus.Run.Stderr);
        Assert.True(corpus.Report is not null, "The corpus batch wrote no summary/batch_report.json.\n" + corpus.Run.Describe());
    }

    [Fact]
    public async Task Every_corpus_job_gives_a_decodable_output_or_a_classified_failure()
    {
        Assert.True(corpus.Report is not null, "The corpus batch wrote no summary/batch_report.json.\n" + corpus.Run.Describe());
        var problems = new Problems();
        foreach (var job in corpus.Report.Jobs)
        {
            var label = Path.GetRelativePath(RepoPaths.Corpus, job.Input);
            switch (job.Status)
            {
                case "succeeded" when job.Output is not null && File.Exists(job.Output):
                    var decode = await Ffmpeg.DecodeAsync(job.Output);
                    problems.Check(decode.ExitCode == 0 && decode.Stderr.Length == 0, $"{label}: output {job.Output} does not decode cleanly (exit {decode.ExitCode}): {decode.Stderr.Trim()}");
                    break;
                case "succeeded":
                    problems.Add($"{label}: succeeded but its output {job.Output ?? "(none)"} does not exist");
                    break;
                case "failed":
                    problems.Check(
                        job.ErrorCategory is not null and not "internal" && !string.IsNullOrWhiteSpace(job.ErrorMessage) && !string.IsNullOrWhiteSpace(job.ErrorHint),
                        $"{label}: failed as {job.ErrorCategory ?? "(no category)"} ({job.ErrorMessage}): expected a classified category with message and hint");
                    break;
                default:
                    problems.Add($"{label}: status {job.Status}, expected succeeded or failed");
                    break;
            }
        }

        problems.AssertNone(corpus.Report.Jobs.Count, "corpus jobs");
    }

    [Fact]
    public async Task Every_corpus_output_is_upright_even_yuv420p_and_keeps_the_source_geometry()
    {
        Assert.True(corpus.Report is not null, "The corpus batch wrote no summary/batch_report.json.\n" + corpus.Run.Describe());
        var problems = new Problems();
        var made = corpus.Report.Jobs.Where(job => job.Status == "succeeded" && job.Output is not null && File.Exists(job.Output)).ToList();
        foreach (var job in made)
        {
            var label = Path.GetRelativePath(RepoPaths.Corpus, job.Input);
            var (source, output) = (await Ffmpeg.ProbeAsync(job.Input), await Ffmpeg.ProbeAsync(job.Output!));
            if (source.Video is null || output.Video is null)
            {
                problems.Add($"{label}: no video stream in the source or in the output {job.Output}");
                continue;
            }

            OutputRules.Format(problems, label, output.Video);
            OutputRules.Geometry(problems, label, source.Video, output.Video);
            OutputRules.Audio(problems, label, source, output);
        }

        problems.AssertNone(made.Count, "corpus outputs");
    }

    // Found by this suite: the file holds one decodable 8x8 VP8 frame with no duration and no frame rate (avg 0/0).
    // The planner caps the unknown rate with fps=60, and ffmpeg 5.1's fps filter turns a zero-length one-frame stream
    // into no frame at all, so the job fails as ffmpeg_failed although `ffmpeg -i webm.webm -f null -` decodes 1 frame.
    [Fact]
    public void Single_frame_video_without_a_frame_rate_is_transcoded()
    {
        Assert.True(corpus.Report is not null, "The corpus batch wrote no summary/batch_report.json.\n" + corpus.Run.Describe());
        var job = corpus.Report.Jobs.SingleOrDefault(j => j.Input == Path.Combine(RepoPaths.Corpus, "small", "webm.webm"));
        Assert.True(job is not null, "The corpus batch has no job for small/webm.webm");
        Assert.True(job.Status == "succeeded", $"small/webm.webm (one decodable VP8 frame, frame rate 0/0): {job.Status} as {job.ErrorCategory}: {job.ErrorMessage}");
    }

    // A .NET stack frame as an unhandled exception prints it: "   at Namespace.Type.Method(...)".
    [GeneratedRegex(@"^\s+at \S+\(.*\)", RegexOptions.Multiline)]
    private static partial Regex StackFrame();
}
