using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>
/// Issue 12 (no per-batch tax): ffmpeg's capability listings are asked for once per ffmpeg binary, not on every
/// command. A wrapper in front of the real ffmpeg logs each start, so the test sees which processes a command ran.
/// </summary>
public sealed class ToolchainCacheTests(SmallClipsFixture clips) : IClassFixture<SmallClipsFixture>
{
    [Fact]
    public async Task A_second_command_with_the_same_ffmpeg_runs_no_listing_and_a_changed_binary_is_asked_again()
    {
        using var temp = new TempFolder("toolchain-cache");
        var cli = SpoolCli.In(temp);
        var log = temp.Combine("ffmpeg-starts.log");
        var wrapper = temp.Combine("bin", "ffmpeg");
        Directory.CreateDirectory(Path.GetDirectoryName(wrapper)!);
        await File.WriteAllTextAsync(wrapper, $"#!/bin/sh\necho \"$*\" >> '{log}'\nexec ffmpeg \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var environment = new Dictionary<string, string?>(cli.Environment, StringComparer.Ordinal) { ["SPOOL_FFMPEG"] = wrapper };

        var first = await ToolRun.RunAsync(RepoPaths.Launcher, ["probe", clips.Clip], RepoPaths.Root, environment: environment);
        var firstStarts = await File.ReadAllLinesAsync(log);
        File.Delete(log);
        var second = await ToolRun.RunAsync(RepoPaths.Launcher, ["probe", clips.Clip], RepoPaths.Root, environment: environment);
        var secondStarts = File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];
        File.SetLastWriteTimeUtc(wrapper, DateTime.UtcNow.AddMinutes(1));
        var third = await ToolRun.RunAsync(RepoPaths.Launcher, ["probe", clips.Clip], RepoPaths.Root, environment: environment);
        var thirdStarts = File.Exists(log) ? await File.ReadAllLinesAsync(log) : [];

        Assert.True(first.ExitCode == 0 && second.ExitCode == 0 && third.ExitCode == 0, first.Describe() + second.Describe() + third.Describe());
        Assert.Equal(["-hide_banner -nostdin -version", "-hide_banner -nostdin -encoders", "-hide_banner -nostdin -filters", "-hide_banner -nostdin -hwaccels"], firstStarts);
        Assert.Empty(secondStarts);
        Assert.Equal(firstStarts, thirdStarts);
        Assert.Equal(second.Stdout, first.Stdout);
    }
}
