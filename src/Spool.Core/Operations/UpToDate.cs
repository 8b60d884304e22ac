using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Spool.Core.Planning;
using Spool.Core.Quality;
using Spool.Core.Queue;
using Spool.Media.Commands;
using Spool.Media.Files;
using Spool.Media.Probing;

namespace Spool.Core.Operations;

/// <summary>
/// Skip what is done: an output is up to date when the store recorded making it at its path for this input and preset,
/// from an input of the same size, modification time and fingerprint, by the same plan (Spool's version, the QC
/// settings and the output's own ffmpeg command), and the file there still has the size and modification time it had
/// when it was placed and probes as a video of the planned size and duration. Anything else, or --force, redoes it.
/// </summary>
internal sealed class UpToDate(Prober prober, IWorkFence fence, BatchSettings settings)
{
    public const string Reason = "up to date";

    /// <summary>The bytes read at each end of an input for its fingerprint: enough to tell a re-encode or an edit, cheap on a 50 GB file.</summary>
    public const int FingerprintEdge = 1 << 20;

    private static readonly string SpoolVersion =
        typeof(UpToDate).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Per output of <paramref name="plan"/>, the record its success will leave (its output stamp still empty), and which
    /// of them are already up to date. Nothing is up to date under --force, and an input that cannot be read has none.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, DoneOutput> Pending, IReadOnlySet<string> Done)> CheckAsync(
        string inputPath, WorkPlan plan, double? expectedDuration, CancellationToken cancellationToken)
    {
        var pending = new Dictionary<string, DoneOutput>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (await StampInputAsync(inputPath, cancellationToken) is not { } input)
        {
            return (pending, done);
        }

        for (var i = 0; i < plan.Outputs.Count; i++)
        {
            var output = plan.Outputs[i];
            var entry = new DoneOutput(inputPath, output.PresetName, output.FinalPath, PlanHash(plan.Separate[i]), input, new FileStamp(0, 0, null));
            pending[output.PresetName] = entry;
            if (!settings.Force && await IsDoneAsync(entry, output, expectedDuration, cancellationToken))
            {
                done.Add(output.PresetName);
            }
        }

        return (pending, done);
    }

    /// <summary>
    /// Whether the output of <paramref name="plan"/> (its one output) is up to date, with the record its success will
    /// leave: for a chunked output, whose chunk jobs and join each ask before doing any work. Media operations that
    /// change the encode are never up to date (their plan is known only after analysis passes).
    /// </summary>
    public async Task<(DoneOutput? Pending, bool Done)> CheckOneAsync(string inputPath, WorkPlan plan, double? expectedDuration, CancellationToken cancellationToken)
    {
        if (settings.Operations.ChangesEncode)
        {
            return (null, false);
        }

        var (pending, done) = await CheckAsync(inputPath, plan, expectedDuration, cancellationToken);
        var name = plan.Outputs[0].PresetName;
        return (pending.GetValueOrDefault(name), done.Contains(name));
    }

    /// <summary>The log line of a job that ends at once because <paramref name="output"/> is up to date.</summary>
    public static string SkipLine(string output, string? what = null) =>
        $"# up to date: {output} is unchanged since it was made from an unchanged input by the same plan; {what ?? "nothing to do"} (--force redoes it)\n";

    /// <summary>The result of an output's job that ends at once because the output is up to date: skipped, its file kept.</summary>
    public static JobResult Skipped(string inputPath, OutputPlan output, MediaInfo source, JobLog log, DateTimeOffset started, DateTimeOffset ended) =>
        new(inputPath, output.PresetName, JobStatus.Skipped, output.FinalPath, 1, started, ended, null, null)
        {
            LogPath = log.PathFor(output.PresetName),
            InputBytes = FileSizes.Of(inputPath),
            OutputBytes = FileSizes.Of(output.FinalPath),
            SourceDurationSeconds = source.EffectiveDuration,
            Method = OutputMethods.WireName(output.Method),
            Reason = Reason,
        };

    /// <summary>The record of a placed output: the pending record with the file's size and time as placed.</summary>
    public static DoneOutput? Made(IReadOnlyDictionary<string, DoneOutput> pending, string preset, string placedPath) =>
        pending.TryGetValue(preset, out var entry) && StampOutput(placedPath) is { } stamp && placedPath == entry.OutputPath
            ? entry with { Output = stamp }
            : null;

    /// <summary>
    /// SHA-256 over Spool's version, the QC settings and the output's own command with the paths it writes (its partial
    /// and its report thumbnail, which carry the lease token) as a placeholder: what decides the output's bytes and whether it was judged good. Thread counts
    /// are left out: they follow how many jobs share the cores at the time (the tail of a batch gets more), not what
    /// the output is.
    /// </summary>
    public string PlanHash(FfmpegCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var threadless = command with { FilterThreads = null, Outputs = [.. command.Outputs.Select(output => output with { Threads = null })] };
        var tokens = WorkPlanner.PathlessTokens(threadless);
        var qc = settings.QcBars;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{SpoolVersion}\nqc={settings.Qc?.ToString() ?? "off"} warn={settings.QcWarnOnly} retry={settings.QcRetry} ssim={qc.MinSsim} psnr={qc.MinPsnr} duration={qc.MaxDurationDeltaSeconds} peak={qc.MaxPeakDb} ratio={qc.MaxCompressionRatio}\n")
            + string.Join('\0', tokens);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Size, modification time and SHA-256 of the size and the first and last <see cref="FingerprintEdge"/> bytes.</summary>
    public static async Task<FileStamp?> StampInputAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            // Symbolic links are followed: the input is what the link points at, and so are its size and time.
            var info = ResolvedFile.Of(path);
            await using var stream = new FileStream(info.FullName, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, useAsync: true);
            var length = stream.Length;
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(BitConverter.GetBytes(length));
            var buffer = new byte[FingerprintEdge];
            hash.AppendData(buffer, 0, await stream.ReadAtLeastAsync(buffer, FingerprintEdge, throwOnEndOfStream: false, cancellationToken));
            if (length > FingerprintEdge)
            {
                stream.Seek(Math.Max(FingerprintEdge, length - FingerprintEdge), SeekOrigin.Begin);
                hash.AppendData(buffer, 0, await stream.ReadAtLeastAsync(buffer, FingerprintEdge, throwOnEndOfStream: false, cancellationToken));
            }

            return new FileStamp(length, info.LastWriteTimeUtc.Ticks, Convert.ToHexStringLower(hash.GetHashAndReset()));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static FileStamp? StampOutput(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? new FileStamp(info.Length, info.LastWriteTimeUtc.Ticks, null) : null;
    }

    private async Task<bool> IsDoneAsync(DoneOutput entry, OutputPlan output, double? expectedDuration, CancellationToken cancellationToken)
    {
        var recorded = await fence.FindDoneOutputAsync(entry.InputPath, entry.Preset, entry.OutputPath, cancellationToken);
        if (recorded is null || recorded.PlanHash != entry.PlanHash || recorded.Input != entry.Input || StampOutput(entry.OutputPath) != recorded.Output)
        {
            return false;
        }

        // The bytes could still have been damaged in place (same size, time put back): the output must read as the video it was.
        if (await prober.ProbeAsync(entry.OutputPath, cancellationToken) is not ProbeOutcome.Probed probed)
        {
            return false;
        }

        return OutputCheckRules.Evaluate(probed.Media, new OutputExpectation(output.Width, output.Height, output.HasAudio, expectedDuration)).Passed;
    }
}
