using System.Text.Json;
using Spool.EndToEnd.Tests.Fixtures;
using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>The command-line contracts of DESIGN.md: exit codes, probe, plan, process-list, recursive layout, presets, stop.</summary>
public sealed class CliContractTests(SmallClipsFixture clips) : IClassFixture<SmallClipsFixture>
{
    [Fact]
    public async Task Unknown_preset_exits_2_and_names_it()
    {
        using var temp = new TempFolder("unknown-preset");
        var run = await clips.Cli.RunAsync("process", clips.Clip, "--preset", "no_such_preset_xyz", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 2, "An unknown preset is a usage error (exit 2).\n" + run.Describe());
        Assert.True((run.Stdout + run.Stderr).Contains("no_such_preset_xyz", StringComparison.Ordinal), "The message does not name the unknown preset.\n" + run.Describe());
    }

    [Theory]
    [InlineData("--max-concurrent", "lots")]
    [InlineData("--max-concurrent", "99999999999")]
    [InlineData("--retry-count", "x")]
    [InlineData("--timeout", "1e300")]
    public async Task A_number_flag_given_junk_exits_2_with_one_line_naming_it(string flag, string value)
    {
        using var temp = new TempFolder("bad-number");
        var run = await clips.Cli.RunAsync("process", clips.Clip, flag, value, "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 2, $"{flag} {value} is a usage error (exit 2).\n" + run.Describe());
        var lines = run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length <= 2 && lines[0].StartsWith("spool: ", StringComparison.Ordinal) && lines[0].Contains(flag, StringComparison.Ordinal),
            "Expected one line naming the flag (and the pointer to --help), no stack trace.\n" + run.Describe());
        Assert.False(Directory.Exists(temp.Combine("out")), "a usage error started work");
    }

    [Fact]
    public async Task Process_on_a_folder_without_videos_exits_2()
    {
        using var temp = new TempFolder("no-videos");
        var folder = temp.NewFolder("notes");
        await File.WriteAllTextAsync(Path.Combine(folder, "readme.txt"), "no videos here");
        var run = await clips.Cli.RunAsync("process", folder, "--preset", "web_optimized", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 2, "A folder with no videos is a usage error (exit 2).\n" + run.Describe());
    }

    [Fact]
    public async Task Missing_input_named_explicitly_fails_as_input_missing()
    {
        using var temp = new TempFolder("missing");
        var missing = temp.Combine("not_here.mp4");
        var run = await clips.Cli.RunAsync("process", missing, "--preset", "web_optimized", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 1, "A batch whose only input is missing ends with a failed job (exit 1).\n" + run.Describe());
        var job = (await BatchReport.ReadAsync(temp.Combine("out"))).Job("not_here.mp4", "web_optimized");
        Assert.True(job is { Status: "failed", ErrorCategory: "input_missing" }, $"not_here.mp4: status {job.Status}, category {job.ErrorCategory}; expected failed as input_missing");
    }

    [Fact]
    public async Task Probe_json_prints_the_video_width()
    {
        var run = await clips.Cli.RunAsync("probe", clips.Clip, "--json");
        Assert.True(run.ExitCode == 0, run.Describe());
        using var json = JsonDocument.Parse(run.Stdout);
        var widths = Objects(json.RootElement)
            .Where(o => o.TryGetProperty("width", out var w) && w.ValueKind == JsonValueKind.Number)
            .Select(o => o.GetProperty("width").GetInt32())
            .ToList();
        Assert.True(widths.Contains(320), $"probe --json shows no width 320 for the 320x240 clip (widths: {string.Join(", ", widths)}):\n{run.Stdout}");
    }

    [Fact]
    public async Task Plan_prints_an_ffmpeg_command_with_file_paths_and_writes_nothing()
    {
        using var temp = new TempFolder("plan");
        var output = temp.Combine("out");
        var run = await clips.Cli.RunAsync("plan", clips.Clip, "--preset", "web_optimized", "--output", output);
        Assert.True(run.ExitCode == 0, run.Describe());
        var commands = run.Stdout.Split('\n').Where(line => line.Split(' ')[0].EndsWith("ffmpeg", StringComparison.Ordinal)).ToList();
        Assert.True(commands.Count == 1, "plan prints no ffmpeg command line (or several for one input):\n" + run.Stdout);
        Assert.Contains("file:" + clips.Clip, commands[0], StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), $"plan created {output}; a dry run must write nothing");
    }

    [Fact]
    public async Task Process_list_takes_relative_paths()
    {
        using var temp = new TempFolder("list");
        var media = temp.NewFolder("media");
        File.Copy(clips.Clip, Path.Combine(media, "listed.mp4"));
        await File.WriteAllTextAsync(temp.Combine("inputs.txt"), "# one input per line\nmedia/listed.mp4\n");
        var run = await clips.Cli.RunInAsync(temp.Path, "process-list", "inputs.txt", "--preset", "web_optimized", "--output", "out");
        Assert.True(run.ExitCode == 0, run.Describe());
        var expected = temp.Combine("out", "listed", "video", "listed_web_optimized.mp4");
        Assert.True(File.Exists(expected), $"process-list made no {expected}.\n" + run.Describe());
    }

    [Fact]
    public async Task Recursive_scan_keeps_relative_folders()
    {
        using var temp = new TempFolder("recursive");
        var sub = temp.NewFolder(Path.Combine("tree", "sub"));
        File.Copy(clips.Clip, Path.Combine(sub, "clip.mp4"));
        var run = await clips.Cli.RunAsync("process", temp.Combine("tree"), "--recursive", "--preset", "web_optimized", "--output", temp.Combine("out"));
        Assert.True(run.ExitCode == 0, run.Describe());
        var expected = temp.Combine("out", "sub", "clip", "video", "clip_web_optimized.mp4");
        var made = Directory.GetFiles(temp.Combine("out"), "*.mp4", SearchOption.AllDirectories);
        Assert.True(File.Exists(expected), $"expected {expected}; the batch made: {string.Join(", ", made)}");
    }

    [Fact]
    public async Task Presets_lists_web_optimized()
    {
        var run = await clips.Cli.RunAsync("presets");
        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Contains(run.Stdout.Split('\n'), line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() == "web_optimized");
    }

    [Fact]
    public async Task Error_handling_stop_leaves_the_later_jobs_cancelled()
    {
        using var temp = new TempFolder("stop");
        string[] inputs = [clips.Broken, clips.Clip, .. clips.MoreClips];
        var run = await clips.Cli.RunAsync(
            ["process", .. inputs, "--preset", "web_optimized", "--output", temp.Combine("out"), "--max-concurrent", "1", "--error-handling", "stop",

            // The queue runs the longest work first; the broken input (no work at all) must come first to stop the rest.
            "--parallel-strategy", "sequential"]);
        Assert.True(run.ExitCode == 1, "A stopped batch with a failed job exits 1.\n" + run.Describe());
        var report = await BatchReport.ReadAsync(temp.Combine("out"));
        Assert.Equal("failed", report.Job("broken.mp4", "web_optimized").Status);
        var problems = new Problems();
        foreach (var later in inputs.Skip(1))
        {
            var job = report.Job(Path.GetFileName(later), "web_optimized");
            problems.Check(job.Status == "cancelled", $"{job.Describe}: status {job.Status}, expected cancelled after the first failure");
            problems.Check(job.Output is null || !File.Exists(job.Output), $"{job.Describe}: a cancelled job left output {job.Output}");
        }

        problems.Check(report.SummaryCount("cancelled") == 3, $"summary.cancelled is {report.SummaryCount("cancelled")}, expected 3");
        problems.AssertNone(inputs.Length - 1, "later inputs");
    }

    private static IEnumerable<JsonElement> Objects(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Objects(p.Value)).Prepend(element),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Objects),
        _ => [],
    };
}
