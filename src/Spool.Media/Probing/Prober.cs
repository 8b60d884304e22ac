using Spool.Media.Errors;
using Spool.Media.Files;
using Spool.Media.Processes;

namespace Spool.Media.Probing;

/// <summary>The probe stage's edge: checks the file, runs ffprobe through the process runner, normalises what it says.</summary>
public sealed class Prober
{
    /// <summary>ffprobe reads headers only; a minute means a hung mount or a pathological file.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    // ffprobe's stderr at -v error is short; a few lines are enough evidence beside the warnings.
    private const int MaxStderrWarnings = 5;

    private readonly IProcessRunner runner;
    private readonly string ffprobePath;

    public Prober(IProcessRunner runner, string ffprobePath)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffprobePath);
        this.runner = runner;
        this.ffprobePath = ffprobePath;
    }

    /// <summary>
    /// The exact ffprobe arguments for <paramref name="path"/>. "file:" keeps names that start with '-' or hold ':'
    /// from being read as options or protocols.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string path) =>
        ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "file:" + path];

    /// <summary>
    /// The arguments of a probe that also reads every packet of the file (-count_packets): a file cut short or with
    /// damaged packets makes the demuxer and the bitstream parsers log errors ("partial file"), at level error with
    /// the level named, and each stream says how many packets were really there.
    /// </summary>
    public static IReadOnlyList<string> PacketArguments(string path) =>
        ["-v", "level+error", "-count_packets", "-print_format", "json", "-show_format", "-show_streams", "file:" + path];

    /// <summary>Reading every packet takes as long as reading the file: a minute, or longer at 20 MB/s.</summary>
    public static TimeSpan PacketTimeout(long bytes) => TimeSpan.FromSeconds(Math.Max(Timeout.TotalSeconds, bytes / 20e6));

    /// <summary>The probe of <see cref="PacketArguments"/>: the media, what each stream held, and ffprobe's complaints.</summary>
    public async Task<PacketProbe> ProbePacketsAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (CheckReadable(fullPath) is { } problem)
        {
            return new PacketProbe(new ProbeOutcome.Failed(problem), [], "");
        }

        var request = new ProcessRequest(ffprobePath, PacketArguments(fullPath)) { Timeout = PacketTimeout(new FileInfo(fullPath).Length) };
        var result = await runner.RunAsync(request, progress: null, cancellationToken);
        if (!result.Succeeded)
        {
            return new PacketProbe(new ProbeOutcome.Failed(ErrorClassifier.Classify(result)), [], result.Stderr);
        }

        var streams = (FfprobeJson.Parse(result.Stdout)?.Streams ?? [])
            .Select(stream => new StreamPackets(
                stream.Index,
                stream.CodecType,
                ProbeValues.ParseLong(stream.NbFrames) is { } declared and >= 0 ? declared : null,
                ProbeValues.ParseLong(stream.NbReadPackets) is { } read and >= 0 ? read : null))
            .ToList();
        return new PacketProbe(Read(result.Stdout, result.Stderr, fullPath), streams, result.Stderr);
    }

    public async Task<ProbeOutcome> ProbeAsync(string path, CancellationToken cancellationToken) =>
        (await CaptureAsync(path, cancellationToken)).Outcome;

    /// <summary>
    /// Probes <paramref name="path"/> and keeps what ffprobe said, to be stored and read again later: the capture is
    /// null when the probe failed, so a later probe meets the same failure for real and classifies it then.
    /// </summary>
    public async Task<(ProbeOutcome Outcome, ProbeCapture? Capture)> CaptureAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (CheckReadable(fullPath) is { } problem)
        {
            return (new ProbeOutcome.Failed(problem), null);
        }

        // Taken before ffprobe reads: a file that changes while it runs no longer matches, and is probed again.
        var stamp = ProbeCapture.StampOf(fullPath);
        var request = new ProcessRequest(ffprobePath, Arguments(fullPath)) { Timeout = Timeout };
        var result = await runner.RunAsync(request, progress: null, cancellationToken);
        if (!result.Succeeded)
        {
            return (new ProbeOutcome.Failed(ErrorClassifier.Classify(result)), null);
        }

        var kept = string.Join('\n', result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxStderrWarnings));
        var outcome = Read(result.Stdout, kept, fullPath);
        return (outcome, outcome is ProbeOutcome.Probed && stamp is { } facts ? new ProbeCapture(facts.Bytes, facts.ModifiedTicks, result.Stdout, kept) : null);
    }

    /// <summary>
    /// The probe of <paramref name="path"/> read from <paramref name="earlier"/> when the file still has the size and
    /// modification time it had then (no ffprobe runs); otherwise, or without one, a probe as <see cref="ProbeAsync(string, CancellationToken)"/>.
    /// The file is checked as for any probe either way: one that became unreadable fails now, not in the encode.
    /// </summary>
    public async Task<ProbeOutcome> ProbeAsync(string path, ProbeCapture? earlier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (earlier is null || !earlier.Matches(fullPath))
        {
            return await ProbeAsync(fullPath, cancellationToken);
        }

        return CheckReadable(fullPath) is { } problem ? new ProbeOutcome.Failed(problem) : Read(earlier.Json, earlier.Stderr, fullPath);
    }

    private static ProbeOutcome Read(string json, string stderr, string fullPath)
    {
        if (FfprobeJson.Parse(json) is not { } raw)
        {
            return Fail(ErrorCategory.InputCorrupt, $"ffprobe's output for {Path.GetFileName(fullPath)} is not valid JSON.");
        }

        var outcome = ProbeNormalizer.Normalize(raw, fullPath);
        return outcome is ProbeOutcome.Probed probed ? WithStderr(probed, stderr) : outcome;
    }

    private static MediaError? CheckReadable(string path)
    {
        var name = Path.GetFileName(path);
        if (Directory.Exists(path))
        {
            return MediaError.Of(ErrorCategory.InputMissing, $"{path} is a directory, not a media file.");
        }

        // Before any open: opening a FIFO waits for a writer that never comes, and a device or socket is no video.
        var kind = FileFacts.Of(path).Kind;
        if (kind is FileKind.Fifo or FileKind.CharacterDevice or FileKind.BlockDevice or FileKind.Socket)
        {
            return MediaError.Of(ErrorCategory.NotAFile, $"{name} is {FileFacts.Describe(kind)}, not a regular file.");
        }

        if (LinkProblem(path, name) is { } link)
        {
            return link;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
            return stream.Length == 0
                ? MediaError.Of(ErrorCategory.InputCorrupt, $"{name} is an empty file (0 bytes).")
                : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return MediaError.Of(ErrorCategory.InputMissing, $"{path} does not exist.");
        }
        catch (UnauthorizedAccessException)
        {
            return MediaError.Of(ErrorCategory.PermissionDenied, $"{name} cannot be read (permission denied).");
        }
        catch (IOException e)
        {
            return MediaError.Of(ErrorCategory.InputCorrupt, $"{name} cannot be read: {e.Message}");
        }
    }

    // A symbolic link is the file it names; one that names nothing, or only other links in a circle, is a missing input.
    private static MediaError? LinkProblem(string path, string name)
    {
        var link = new FileInfo(path);
        if (link.LinkTarget is not { } target)
        {
            return null;
        }

        try
        {
            return link.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true }
                ? null
                : MediaError.Of(ErrorCategory.InputMissing, $"{name} is a symbolic link to {target}, which does not exist.");
        }
        catch (IOException)
        {
            // "Too many levels of symbolic links" (ELOOP): following it never ends at a file.
            return MediaError.Of(ErrorCategory.InputMissing, $"{name} is a symbolic link that never reaches a file (a loop of links).");
        }
    }

    // ffprobe exits 0 yet complains on damaged files ("chunk too big", "No JPEG data found"): keep that as evidence.
    private static ProbeOutcome.Probed WithStderr(ProbeOutcome.Probed probed, string stderr)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
        {
            return probed;
        }

        var warnings = probed.Media.Warnings.Concat(lines.Select(line => "ffprobe: " + line)).ToList();
        return new ProbeOutcome.Probed(probed.Media with { Warnings = warnings });
    }

    private static ProbeOutcome.Failed Fail(ErrorCategory category, string message) =>
        new(MediaError.Of(category, message));
}
