using System.Globalization;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Queue;

/// <summary>Issue 3: priority goes first, whatever the order of submission.</summary>
public sealed class PriorityTests
{
    [Fact]
    public async Task Urgent_batch_submitted_second_runs_before_the_normal_one()
    {
        using var temp = new TempFolder("priority");
        var cli = SpoolCli.In(temp);
        var clip = temp.Combine("clip.mp4");
        await MediaFactory.ClipAsync(clip, ClipSpec.Small());
        var normal = Folder(temp, "normal", clip);
        var urgent = Folder(temp, "urgent", clip);

        var submitNormal = await cli.RunAsync("submit", normal, "--preset", "web_optimized", "--output", temp.Combine("out-normal"));
        Assert.True(submitNormal.ExitCode == 0, submitNormal.Describe());
        var submitUrgent = await cli.RunAsync("submit", urgent, "--preset", "web_optimized", "--priority", "urgent", "--output", temp.Combine("out-urgent"));
        Assert.True(submitUrgent.ExitCode == 0, submitUrgent.Describe());
        Assert.NotEqual(StoredBatch.IdPrintedIn(submitNormal.Stdout), StoredBatch.IdPrintedIn(submitUrgent.Stdout));

        var worker = await cli.RunAsync("worker", "--drain", "--max-concurrent", "1");
        Assert.True(worker.ExitCode == 0, worker.Describe());

        var normalJobs = (await BatchReport.ReadAsync(temp.Combine("out-normal"))).Jobs;
        var urgentJobs = (await BatchReport.ReadAsync(temp.Combine("out-urgent"))).Jobs;
        var problems = new Problems();
        foreach (var job in normalJobs.Concat(urgentJobs))
        {
            problems.Check(job.Status == "succeeded" && job.StartedAt is not null, $"{job.Describe}: status {job.Status}, started_at {job.StartedAt}");
        }

        problems.AssertNone(normalJobs.Count + urgentJobs.Count, "jobs");
        Assert.Equal(3, normalJobs.Count);
        Assert.Equal(3, urgentJobs.Count);
        var lastUrgent = urgentJobs.Max(job => Instant(job.StartedAt!));
        var firstNormal = normalJobs.Min(job => Instant(job.StartedAt!));
        Assert.True(
            lastUrgent < firstNormal,
            "An urgent job started after a normal one:\n  " + string.Join("\n  ", urgentJobs.Select(job => $"urgent {job.Describe} {job.StartedAt}")
                .Concat(normalJobs.Select(job => $"normal {job.Describe} {job.StartedAt}"))));
    }

    private static string Folder(TempFolder temp, string name, string clip)
    {
        var folder = temp.NewFolder(name);
        for (var i = 1; i <= 3; i++)
        {
            File.Copy(clip, Path.Combine(folder, $"{name}{i}.mp4"));
        }

        return folder;
    }

    private static DateTimeOffset Instant(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
