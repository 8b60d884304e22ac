using Spool.Core.Operations;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Audio;

/// <summary>What an audio command did: the file it wrote, or the classified reason it could not; warnings either way.</summary>
public sealed record AudioResult(string? Output, MediaError? Error, IReadOnlyList<string> Warnings, ProcessResult? Run)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Runs <see cref="AudioReplace"/> and <see cref="AudioExtract"/>: probes the inputs first (a missing stream is a
/// clear error, not an ffmpeg map failure), writes to "&lt;stem&gt;.partial.&lt;ext&gt;" beside the output and renames it
/// only after ffmpeg exits 0, so an existing output is replaced whole or not at all.
/// </summary>
public sealed class AudioTool(IProcessRunner runner, MediaTools tools)
{
    private readonly Prober prober = new(runner, tools.Ffprobe);

    /// <summary>A run that prints nothing for this long is stuck.</summary>
    public TimeSpan StallTimeout { get; init; } = RunLimits.DefaultStallTimeout;

    public async Task<AudioResult> ReplaceAsync(string video, string audio, string output, int offsetMs, CancellationToken cancellationToken)
    {
        var (videoMedia, videoError) = await ProbeAsync(video, cancellationToken);
        if (videoError is not null || videoMedia!.PrimaryVideo is null)
        {
            return Failed(videoError ?? MediaError.Of(ErrorCategory.NoVideoStream, $"'{Path.GetFileName(video)}' has no video stream to put the new audio under."));
        }

        var (audioMedia, audioError) = await ProbeAsync(audio, cancellationToken);
        if (audioError is not null || audioMedia!.PrimaryAudio is null)
        {
            return Failed(audioError ?? NoAudio(audio));
        }

        var warning = AudioReplace.DurationWarning(videoMedia.TimelineDuration, audioMedia.TimelineDuration, offsetMs);
        return await RunAsync(output, partial => AudioReplace.Arguments(video, audio, partial, offsetMs), warning is null ? [] : [warning], cancellationToken);
    }

    public Task<AudioResult> ExtractAsync(string video, string output, CancellationToken cancellationToken) =>
        ExtractAsync(video, output, AudioExtractFormat.Speech, cancellationToken);

    /// <summary>The first audio stream in <paramref name="format"/>; a copy into a container that cannot hold its codec is refused before ffmpeg runs.</summary>
    public async Task<AudioResult> ExtractAsync(string video, string output, AudioExtractFormat format, CancellationToken cancellationToken)
    {
        var (media, error) = await ProbeAsync(video, cancellationToken);
        if (error is not null || media!.PrimaryAudio is not { } stream)
        {
            return Failed(error ?? NoAudio(video));
        }

        if (format == AudioExtractFormat.Copy && AudioOriginal.CopyTargetError(stream, output) is { } wrongContainer)
        {
            return Failed(wrongContainer);
        }

        return format == AudioExtractFormat.Speech
            ? await RunAsync(output, partial => AudioExtract.Arguments(video, partial), [], cancellationToken)
            : await RunAsync(output, partial => AudioOriginal.Arguments(video, partial, format, stream), [], cancellationToken);
    }

    /// <summary>"clip.mp4" is written as "clip.partial.mp4" in the same folder: the rename stays on one file system.</summary>
    public static string PartialPath(string output) => Placement.FilePlacer.Unfenced.PartialFor(Path.GetFullPath(output));

    private async Task<AudioResult> RunAsync(
        string output, Func<string, IReadOnlyList<string>> arguments, IReadOnlyList<string> warnings, CancellationToken cancellationToken)
    {
        var final = Path.GetFullPath(output);
        var partial = PartialPath(final);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var request = new ProcessRequest(tools.Ffmpeg, arguments(partial)) { StallTimeout = StallTimeout };
        ProcessResult result;
        try
        {
            result = await runner.RunAsync(request, progress: null, cancellationToken);
        }
        catch
        {
            TryDelete(partial);
            throw;
        }

        if (!result.Succeeded)
        {
            TryDelete(partial);
            return new AudioResult(null, ErrorClassifier.Classify(result), warnings, result);
        }

        if ((await Placement.FilePlacer.Unfenced.PlaceFileAsync(partial, final, CancellationToken.None)).Error is { } unplaced)
        {
            return new AudioResult(null, unplaced with { Message = $"{final} could not be written: {unplaced.Message}" }, warnings, result);
        }

        return new AudioResult(final, null, warnings, result);
    }

    private async Task<(MediaInfo? Media, MediaError? Error)> ProbeAsync(string path, CancellationToken cancellationToken) =>
        await prober.ProbeAsync(path, cancellationToken) switch
        {
            ProbeOutcome.Probed probed => (probed.Media, null),
            ProbeOutcome.Failed failed => (null, failed.Error),
            _ => throw new InvalidOperationException("Unknown probe outcome."),
        };

    private static MediaError NoAudio(string path) => new(
        ErrorCategory.Unsupported,
        $"'{Path.GetFileName(path)}' has no audio stream.",
        "Give a file that holds an audio stream (ffprobe lists it as 'Audio:').");

    private static AudioResult Failed(MediaError error) => new(null, error, [], null);

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still named .partial: never mistaken for a finished file.
        }
    }
}
