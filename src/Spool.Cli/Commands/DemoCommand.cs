using System.CommandLine;
using System.Globalization;
using Spool.Core.Discovery;
using Spool.Core.Operations;
using Spool.Core.Placement;
using Spool.Core.Presets;
using Spool.Media.Commands;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>
/// spool demo: makes a few short clips with lavfi (landscape, portrait phone, no audio, 1080p with 5.1 sound),
/// then runs a real batch on them into ./demo_output and prints where the report is.
/// </summary>
internal static class DemoCommand
{
    private sealed record Sample(string Name, string Video, string? Audio, IReadOnlyList<string> Extra);

    private static readonly Sample[] Samples =
    [
        new("landscape_720p.mp4", "testsrc2=size=1280x720:rate=30:duration=4", "sine=frequency=440:duration=4", []),
        new("portrait_phone.mp4", "testsrc2=size=720x1280:rate=30:duration=4", "sine=frequency=660:duration=4", []),
        new("silent_360p.mp4", "testsrc2=size=640x360:rate=25:duration=3", null, []),
        new("surround_1080p.mov", "testsrc2=size=1920x1080:rate=25:duration=3", "sine=frequency=330:duration=3", ["-ac", "6"]),
    ];

    private static readonly string[] DemoPresets = ["web_optimized", "mobile_optimized"];

    public static Command Create()
    {
        var output = new Option<string>("--output", "-o") { Description = "Where the demo writes.", DefaultValueFactory = _ => "demo_output" };
        var command = new Command("demo", "Make sample videos, run a real batch on them, and show the report.") { output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var root = Path.GetFullPath(parse.GetValue(output)!);
            var runner = new ProcessRunner();
            var tools = await Toolchain.RequireAsync(runner, cancellationToken);
            var samples = Path.Combine(root, "samples");
            Directory.CreateDirectory(samples);
            Console.WriteLine($"Making {Samples.Length} sample videos in {samples} ...");
            foreach (var sample in Samples)
            {
                await MakeAsync(runner, tools, sample, samples, cancellationToken);
            }

            var inputs = InputDiscovery.Discover(new DiscoveryRequest([samples], Recursive: false, Pattern: null, root));
            var request = new BatchRequest { OutputDirectory = root, Presets = string.Join(',', DemoPresets) };
            var built = (BatchBuild.Built)BatchSettingsBuilder.Build(request, PresetCatalog.BuiltIn, Environment.ProcessorCount, File.Exists);
            return await ProcessCommand.ExecuteAsync(new BatchInvocation(inputs, built.Settings, Quiet: false), cancellationToken);
        });
        return command;
    }

    private static async Task MakeAsync(IProcessRunner runner, MediaTools tools, Sample sample, string folder, CancellationToken cancellationToken)
    {
        var final = Path.Combine(folder, sample.Name);
        if (File.Exists(final))
        {
            return;
        }

        var placer = FilePlacer.Unfenced;
        var partial = placer.PartialFor(final);
        var arguments = new List<string> { "-hide_banner", "-y", "-f", "lavfi", "-i", sample.Video };
        if (sample.Audio is { } audio)
        {
            arguments.AddRange(["-f", "lavfi", "-i", audio]);
        }

        arguments.AddRange(["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]);
        arguments.AddRange(sample.Audio is null ? ["-an"] : ["-c:a", "aac", "-shortest"]);
        arguments.AddRange(sample.Extra);
        arguments.Add(FfmpegCommandRenderer.FilePath(partial));
        var result = await runner.RunAsync(new ProcessRequest(tools.Ffmpeg, arguments) { Timeout = TimeSpan.FromMinutes(2) }, null, cancellationToken);
        if (!result.Succeeded)
        {
            placer.Discard(partial);
            throw new EnvironmentException(string.Create(CultureInfo.InvariantCulture, $"could not make the sample {sample.Name}: {result.StderrTail(3)}"));
        }

        if ((await placer.PlaceFileAsync(partial, final, CancellationToken.None)).Error is { } unplaced)
        {
            throw new EnvironmentException($"could not write the sample {sample.Name}: {unplaced.Message}");
        }
    }
}
