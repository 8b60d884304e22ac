using System.Globalization;
using System.Text;
using Spool.Media.Processes;

namespace Spool.Core.Operations;

/// <summary>
/// The evidence a job leaves: one log file per (input, preset) under metadata/, each ffmpeg run it took part in
/// written as its command line first, then ffmpeg's full stderr, then how it ended.
/// </summary>
internal sealed class JobLog(string metadataDirectory, string name)
{
    public string PathFor(string preset) => Path.Combine(metadataDirectory, $"{name}_{preset}.log");

    public Task AppendRunAsync(IEnumerable<string> presets, string title, ProcessResult result)
    {
        var text = new StringBuilder();
        text.Append(result.CommandLine).Append('\n');
        text.Append("# ").Append(title).Append('\n');
        text.Append(result.Stderr);
        if (!result.Stderr.EndsWith('\n'))
        {
            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"# ended: {result.End}, exit code {result.ExitCode}, {result.Elapsed.TotalSeconds:0.00} s\n\n");
        return AppendAsync(presets, text.ToString());
    }

    // Not cancellable on purpose: a cancelled job still leaves its evidence. Best effort on purpose too: a log that
    // cannot be written (the output disk is full) must not stop the job's cleanup or hide its real error.
    public async Task AppendAsync(IEnumerable<string> presets, string text)
    {
        try
        {
            Directory.CreateDirectory(metadataDirectory);
            foreach (var preset in presets)
            {
                await File.AppendAllTextAsync(PathFor(preset), text, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The job's outcome still carries the error and stderr tail, and reaches the store.
        }
    }
}
