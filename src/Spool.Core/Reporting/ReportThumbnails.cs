using System.Globalization;
using Spool.Core.Operations;
using Spool.Core.Planning;
using Spool.Media.Processes;

namespace Spool.Core.Reporting;

/// <summary>
/// The report's thumbnail edge: one small JPEG from the middle of each succeeded output. A plain encode made its own
/// (<see cref="EncodedThumbnail"/>): it is read and deleted. Only the others (remuxes, chunked and hardware encodes,
/// an encode whose middle frame never came) cost an ffmpeg here, through the process runner. The runner returns stdout
/// as text, which would mangle JPEG bytes, so ffmpeg writes a "*.partial.jpg" under summary/ (the name says it is
/// incomplete), the bytes are read, and the file is deleted: the output tree keeps nothing.
/// </summary>
public sealed class ReportThumbnails
{
    /// <summary>Thumbnails per report, so a farm-sized batch still gives a page a browser opens (~5 KB each).</summary>
    public const int MaxThumbnails = 500;

    public const int Width = EncodedThumbnail.Width;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly IProcessRunner runner;
    private readonly string ffmpeg;

    public ReportThumbnails(IProcessRunner runner, string ffmpeg)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpeg);
        this.runner = runner;
        this.ffmpeg = ffmpeg;
    }

    public static IReadOnlyList<string> Arguments(string video, double seconds, string jpeg) =>
    [
        "-hide_banner", "-nostdin", "-v", "error", "-y", "-ss", seconds.ToString("0.###", CultureInfo.InvariantCulture),
        "-i", "file:" + video, "-frames:v", "1", "-vf", $"scale={Width}:-2", "-q:v", "5", "-f", "image2", "-update", "1", "file:" + jpeg,
    ];

    /// <summary>
    /// Thumbnails of the batch's succeeded outputs that exist, keyed by job; a failed thumbnail is left out. Every
    /// thumbnail an encode handed over is deleted, used or not (past <see cref="MaxThumbnails"/>).
    /// </summary>
    public async Task<IReadOnlyDictionary<JobKey, byte[]>> ForBatchAsync(BatchResult batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var jobs = batch.Jobs
            .Where(job => job.Status == JobStatus.Succeeded && !StepNamesOf.All.Contains(job.Preset) && job.Output is not null && File.Exists(job.Output))
            .Take(MaxThumbnails)
            .ToList();
        var summary = BatchReportWriter.SummaryDirectory(batch.OutputDirectory);
        var found = new byte[]?[jobs.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, jobs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, Environment.ProcessorCount / 2), CancellationToken = cancellationToken },
            async (i, ct) => found[i] = await HandedOverAsync(jobs[i].Output!, ct)
                ?? await MakeAsync(jobs[i].Output!, jobs[i].SourceDurationSeconds, Path.Combine(summary, $"thumbnail_{i}.partial.jpg"), ct));
        foreach (var job in batch.Jobs.Where(job => job.Output is not null))
        {
            DeleteHandedOver(job.Output!);
        }

        return Enumerable.Range(0, jobs.Count)
            .Where(i => found[i] is not null)
            .ToDictionary(i => new JobKey(jobs[i].Input, jobs[i].Preset), i => found[i]!);
    }

    // The JPEG the output's encode wrote, read and deleted; null when there is none or it is empty (no frame was selected).
    private static async Task<byte[]?> HandedOverAsync(string output, CancellationToken cancellationToken)
    {
        var path = EncodedThumbnail.HandedOverPath(output);
        try
        {
            var bytes = File.Exists(path) ? await File.ReadAllBytesAsync(path, cancellationToken) : [];
            return bytes.Length > 0 ? bytes : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            DeleteHandedOver(output);
        }
    }

    private static void DeleteHandedOver(string output)
    {
        try
        {
            File.Delete(EncodedThumbnail.HandedOverPath(output));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left hidden beside the output, never taken for one: the next report of the batch deletes it.
        }
    }

    /// <summary>
    /// A JPEG of the frame at the middle of <paramref name="video"/> (from its start when the middle gives nothing, a
    /// clip shorter than its source says), or null. <paramref name="scratch"/> is the temporary file, deleted after.
    /// </summary>
    public async Task<byte[]?> MakeAsync(string video, double? durationSeconds, string scratch, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(video);
        ArgumentException.ThrowIfNullOrWhiteSpace(scratch);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(scratch))!);
        try
        {
            double[] positions = durationSeconds is > 0 ? [durationSeconds.Value / 2, 0] : [0];
            foreach (var seconds in positions)
            {
                var request = new ProcessRequest(ffmpeg, Arguments(video, seconds, scratch)) { Timeout = Timeout };
                var run = await runner.RunAsync(request, progress: null, cancellationToken);
                cancellationToken.ThrowIfCancellationRequested();
                if (run.Succeeded && File.Exists(scratch) && new FileInfo(scratch).Length > 0)
                {
                    return await File.ReadAllBytesAsync(scratch, cancellationToken);
                }
            }

            return null;
        }
        finally
        {
            File.Delete(scratch);
        }
    }
}
