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

    public async Task<ProbeOutcome> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return (await RunAsync(Path.GetFullPath(path), packets: false, cancellationToken)).Outcome;
    }

    /// <summary>The probe of <see cref="PacketArguments"/>: the media, what each stream held, and ffprobe's complaints.</summary>
    public async Task<PacketProbe> ProbePacketsAsync(string path, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var (outcome, raw, stderr) = await RunAsync(Path.GetFullPath(path), packets: true, cancellationToken);
        var streams = (raw?.Streams ?? [])
            .Select(stream => new StreamPackets(
                stream.Index,
                stream.CodecType,
                ProbeValues.ParseLong(stream.NbFrames) is { } declared and >= 0 ? declared : null,
                ProbeValues.ParseLong(stream.NbReadPackets) is { } read and >= 0 ? read : null))
            .ToList();
        return new PacketProbe(outcome, streams, stderr);
    }

    private async Task<(ProbeOutcome Outcome, FfprobeOutput? Raw, string Stderr)> RunAsync(string fullPath, bool packets, CancellationToken cancellationToken)
    {
        if (CheckReadable(fullPath) is { } problem)
        {
            return (new ProbeOutcome.Failed(problem), null, "");
        }

        var request = packets
            ? new ProcessRequest(ffprobePath, PacketArguments(fullPath)) { Timeout = PacketTimeout(new FileInfo(fullPath).Length) }
            : new ProcessRequest(ffprobePath, Arguments(fullPath)) { Timeout = Timeout };
        var result = await runner.RunAsync(request, progress: null, cancellationToken);
        if (!result.Succeeded)
        {
            return (new ProbeOutcome.Failed(ErrorClassifier.Classify(result)), null, result.Stderr);
        }

        if (FfprobeJson.Parse(result.Stdout) is not { } raw)
        {
            return (Fail(ErrorCategory.InputCorrupt, $"ffprobe's output for {Path.GetFileName(fullPath)} is not valid JSON."), null, result.Stderr);
        }

        var outcome = ProbeNormalizer.Normalize(raw, fullPath);
        return (outcome is ProbeOutcome.Probed probed ? WithStderr(probed, result.Stderr) : outcome, raw, result.Stderr);
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
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0)
        {
            return probed;
        }

        var warnings = probed.Media.Warnings.Concat(lines.Take(MaxStderrWarnings).Select(line => "ffprobe: " + line)).ToList();
        return new ProbeOutcome.Probed(probed.Media with { Warnings = warnings });
    }

    private static ProbeOutcome.Failed Fail(ErrorCategory category, string message) =>
        new(MediaError.Of(category, message));
}
