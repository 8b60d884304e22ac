using System.Globalization;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Seams;

/// <summary>
/// Issue 10.1, file-side fencing: a worker frozen past its lease (SIGSTOP, as a swapped-out laptop or a stuck NFS
/// write would) while a second worker claims the job, finishes it and places the output. When the first one wakes,
/// its lease is gone: it must neither rename nor delete anything of the second holder's, so the final file is the
/// second holder's, decodes, and keeps its inode and mtime.
/// </summary>
public sealed class LiveHoldersTests
{
    private const string Lease = "3";

    [Fact]
    public async Task A_worker_woken_after_losing_its_lease_leaves_the_new_holders_output_alone()
    {
        using var temp = new TempFolder("holders");
        var cli = SpoolCli.In(temp);
        var source = temp.Combine("clip.mp4");
        await MediaFactory.ClipAsync(source, new ClipSpec(1920, 1080, "30", 12));
        var output = temp.Combine("out");
        var final = Path.Combine(output, "clip", "video", "clip_web_optimized.mp4");
        var submit = await cli.RunAsync("submit", source, "--preset", "web_optimized", "--output", output, "--qc", "off");
        Assert.True(submit.ExitCode == 0, submit.Describe());
        var batchId = StoredBatch.IdPrintedIn(submit.Stdout)!;

        using var first = await cli.StartGroupAsync("worker", "--drain", "--quiet", "--max-concurrent", "1", "--lease", Lease);
        if (!await Partials.AppearAsync(output, first.Tool, TimeSpan.FromMinutes(2)) || first.HasExited)
        {
            Assert.Fail("The first worker ended before it could be stopped mid-encode.\n" + (await first.WaitAsync(ToolRun.DefaultLimit)).Describe());
        }

        await Signal("STOP", first.GroupId);
        try
        {
            // Past the first holder's lease (database clock), so the second worker's rescue takes the job.
            await Task.Delay(TimeSpan.FromSeconds(double.Parse(Lease, CultureInfo.InvariantCulture) + 1.5));
            var second = await cli.RunAsync("worker", "--drain", "--quiet", "--max-concurrent", "1", "--lease", Lease);
            Assert.True(second.ExitCode == 0, "The second worker did not finish the job.\n" + second.Describe());
            Assert.True(File.Exists(final), "The second holder placed no output.\n" + second.Describe());
        }
        finally
        {
            await Signal("CONT", first.GroupId);
        }

        var placed = await FileIdentity.OfAsync(final);
        var woken = await first.WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(woken.ExitCode is 0 or 1, "The woken worker did not end cleanly.\n" + woken.Describe());

        Assert.Equal(placed, await FileIdentity.OfAsync(final));
        var decode = await Ffmpeg.DecodeAsync(final);
        Assert.True(decode.ExitCode == 0 && decode.Stderr.Length == 0, "The placed output does not decode cleanly.\n" + decode.Describe());
        Assert.Empty(Partials.In(output));
        var job = (await StoredBatch.ReadAsync(cli, batchId)).Job("clip.mp4", "web_optimized");
        Assert.True(job.State == "succeeded" && job.Output == final, $"The job is {job.State} with output {job.Output}, expected succeeded with {final}");
    }

    private static async Task Signal(string signal, int group)
    {
        var kill = await ToolRun.RunAsync("kill", ["-s", signal, "--", "-" + group.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(kill.ExitCode == 0, kill.Describe());
    }
}
