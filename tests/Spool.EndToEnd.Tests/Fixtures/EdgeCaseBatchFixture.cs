using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;

namespace Spool.EndToEnd.Tests.Fixtures;

/// <summary>
/// Generates the edge-case folder once, confirms each file has the property it stands for, runs ONE batch over it
/// with two presets, and probes every output. The tests of the edge-case test classes only read what is here.
/// </summary>
public sealed class EdgeCaseBatchFixture : IAsyncLifetime, IDisposable
{
    public static readonly IReadOnlyList<string> Presets = ["web_optimized", "mobile_optimized"];

    private readonly TempFolder _temp = new("edge");
    private readonly Dictionary<string, MediaFacts> _sources = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Preset), MediaFacts> _outputs = [];

    public string InputFolder => _temp.Combine("inputs");

    public string OutputFolder => _temp.Combine("out");

    public ToolResult Run { get; private set; } = null!;

    public BatchReport Report { get; private set; } = null!;

    public MediaFacts Source(string fileName) => _sources[fileName];

    /// <summary>The probed output of a job, or null when the job made none (the tests say so by name).</summary>
    public MediaFacts? Output(string fileName, string preset) => _outputs.GetValueOrDefault((fileName, preset));

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(InputFolder);
        var scratch = _temp.NewFolder("scratch");
        await Parallel.ForEachAsync(EdgeCases.All, Limits(), async (edge, _) =>
            await edge.Generate(Path.Combine(InputFolder, edge.FileName), scratch));
        await ConfirmGeneratedMediaAsync();

        Run = await SpoolCli.In(_temp).RunAsync(
            "process", InputFolder, "--preset", string.Join(',', Presets), "--output", OutputFolder, "--max-concurrent", "2");
        if (!File.Exists(Path.Combine(OutputFolder, "summary", "batch_report.json")))
        {
            throw new InvalidOperationException("The edge-case batch wrote no batch_report.json.\n" + Run.Describe());
        }

        Report = await BatchReport.ReadAsync(OutputFolder);
        var made = Report.Jobs.Where(job => job.Status == "succeeded" && job.Output is not null && File.Exists(job.Output)).ToList();
        await Parallel.ForEachAsync(made, Limits(), async (job, _) =>
        {
            var facts = await Ffmpeg.ProbeAsync(job.Output!);
            lock (_outputs)
            {
                _outputs[(Path.GetFileName(job.Input), job.Preset)] = facts;
            }
        });
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();

    private async Task ConfirmGeneratedMediaAsync()
    {
        var wrong = new List<string>();
        foreach (var edge in EdgeCases.All)
        {
            var probe = await ProbeAttempt.OfAsync(Path.Combine(InputFolder, edge.FileName));
            if (edge.Confirm(probe) is { } problem)
            {
                wrong.Add($"{edge}: {problem}");
            }
            else if (edge.IsValid)
            {
                _sources[edge.FileName] = probe.Facts!;
            }
        }

        if (wrong.Count > 0)
        {
            throw new InvalidOperationException("Generated media lacks the property its case is about:\n  " + string.Join("\n  ", wrong));
        }
    }

    private static ParallelOptions Limits() => new() { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount) };
}
