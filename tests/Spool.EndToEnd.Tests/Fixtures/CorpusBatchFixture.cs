using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests.Fixtures;

/// <summary>
/// Runs every file of tests/corpus (read-only, real-world files) through one recursive web_optimized batch.
/// A missing corpus fails the fixture with a message that says where it was looked for.
/// </summary>
public sealed class CorpusBatchFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _temp = new("corpus");

    public string OutputFolder => _temp.Combine("out");

    public ToolResult Run { get; private set; } = null!;

    public BatchReport? Report { get; private set; }

    public async Task InitializeAsync()
    {
        if (!Directory.Exists(RepoPaths.Corpus))
        {
            throw new InvalidOperationException(
                $"The corpus is missing: expected real-world media at {RepoPaths.Corpus} (tests/corpus in the repository).");
        }

        Run = await SpoolCli.In(_temp).RunAsync("process", RepoPaths.Corpus, "--recursive", "--preset", "web_optimized", "--output", OutputFolder);
        if (File.Exists(Path.Combine(OutputFolder, "summary", "batch_report.json")))
        {
            Report = await BatchReport.ReadAsync(OutputFolder);
        }
    }

    public Task DisposeAsync()
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose() => _temp.Dispose();
}
