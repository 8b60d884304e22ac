using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Queue;

/// <summary>Issue 3: retry runs a batch's failed jobs again, and only those.</summary>
public sealed class RetryTests
{
    private const string Preset = "web_optimized";

    [Fact]
    public async Task Retry_redoes_only_the_failed_job_after_its_input_is_fixed()
    {
        using var temp = new TempFolder("retry");
        var cli = SpoolCli.In(temp);
        var inputs = temp.NewFolder("in");
        var good = Path.Combine(inputs, "good1.mp4");
        await MediaFactory.ClipAsync(good, ClipSpec.Small());
        File.Copy(good, Path.Combine(inputs, "good2.mp4"));
        var bad = Path.Combine(inputs, "bad.mp4");
        await MediaFactory.RandomBytesAsync(bad, 4096);
        var output = temp.Combine("out");

        var first = await cli.RunAsync("process", inputs, "--preset", Preset, "--output", output);
        Assert.True(first.ExitCode == 1, "A batch with a corrupt input ends with exit 1.\n" + first.Describe());
        var batchId = StoredBatch.IdPrintedIn(first.Stdout) ?? throw new InvalidOperationException("process printed no batch id.\n" + first.Describe());
        var report = await BatchReport.ReadAsync(output);
        Assert.Equal("failed", report.Job("bad.mp4", Preset).Status);
        var untouched = new List<FileIdentity>();
        foreach (var name in new[] { "good1.mp4", "good2.mp4" })
        {
            var job = report.Job(name, Preset);
            Assert.True(job is { Status: "succeeded", Output: not null }, $"{job.Describe}: {job.Status}");
            untouched.Add(await FileIdentity.OfAsync(job.Output!));
        }

        File.Delete(bad);
        await MediaFactory.ClipAsync(bad, ClipSpec.Small());
        var retry = await cli.RunAsync("retry", "--job-id", batchId);
        Assert.True(retry.ExitCode == 0, "retry after the input was fixed succeeds.\n" + retry.Describe());

        var problems = new Problems();
        var after = await BatchReport.ReadAsync(output);
        foreach (var job in after.Jobs)
        {
            problems.Check(job.Status == "succeeded", $"{job.Describe}: status {job.Status} after retry ({job.ErrorCategory}: {job.ErrorMessage})");
        }

        problems.Check(after.SummaryCount("succeeded") == 3 && after.SummaryCount("failed") == 0, $"summary: {after.Summary}");
        foreach (var before in untouched)
        {
            var now = await FileIdentity.OfAsync(before.Path);
            problems.Check(now == before, $"retry redid a job that had succeeded: was {before}, now {now}");
        }

        var fixedOutput = after.Job("bad.mp4", Preset).Output;
        var decode = fixedOutput is null ? null : await Ffmpeg.DecodeAsync(fixedOutput);
        problems.Check(decode is { ExitCode: 0, Stderr.Length: 0 }, $"the retried output {fixedOutput} does not decode: {decode?.Describe()}");
        problems.AssertNone(after.Jobs.Count, "jobs");
    }
}
