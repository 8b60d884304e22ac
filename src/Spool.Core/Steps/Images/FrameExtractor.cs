using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Core.Steps.Images;

/// <summary>What "spool frames" got from one video.</summary>
/// <param name="Files">The complete frames, in time order.</param>
/// <param name="Planned">How many frames were planned.</param>
/// <param name="Error">Why it stopped early; null when every chunk ran.</param>
/// <param name="Runs">The ffmpeg runs, for logs.</param>
/// <param name="DurationUnknown">The video has no known duration, so only its first frame was taken.</param>
public sealed record FramesResult(IReadOnlyList<string> Files, int Planned, MediaError? Error, IReadOnlyList<ProcessResult> Runs, bool DurationUnknown)
{
    public bool Succeeded => Error is null;

    /// <summary>Planned frames ffmpeg had no picture for (a time past the last decodable frame).</summary>
    public int Missing => Error is null ? Planned - Files.Count : 0;
}

/// <summary>
/// Runs <see cref="FramePlanner"/>'s chunks one after another (several videos run side by side at the caller's level)
/// and renames each frame into place once its ffmpeg exited 0. A failed chunk deletes its partial files and stops:
/// the frames already placed stay, complete.
/// </summary>
public sealed class FrameExtractor
{
    /// <summary>A chunk is ten short decodes; minutes mean a hung mount or a pathological file.</summary>
    public static readonly TimeSpan ChunkTimeout = TimeSpan.FromMinutes(10);

    private readonly IProcessRunner runner;
    private readonly string ffmpegPath;

    public FrameExtractor(IProcessRunner runner, string ffmpegPath)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrWhiteSpace(ffmpegPath);
        this.runner = runner;
        this.ffmpegPath = ffmpegPath;
    }

    public async Task<FramesResult> ExtractAsync(MediaInfo source, string stem, FrameRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(request);
        var unknown = StillImages.VideoDuration(source) is null;
        if (source.PrimaryVideo is not { } video)
        {
            return new FramesResult([], 0, MediaError.Of(ErrorCategory.NoVideoStream, $"{Path.GetFileName(source.Path)} has no video stream to take frames from."), [], unknown);
        }

        Directory.CreateDirectory(request.OutputFolder);
        var frames = FramePlanner.Plan(source, stem, request);
        var size = FramePlanner.Size(video, request.MaxSize);
        var files = new List<string>();
        var runs = new List<ProcessResult>();
        foreach (var chunk in frames.Chunk(FramePlanner.FramesPerProcess))
        {
            var placer = Placement.FilePlacer.Unfenced;
            var partials = chunk.Select(frame => placer.PartialFor(frame.Path)).ToList();
            try
            {
                var arguments = FramePlanner.Arguments(source.Path, video.Index, chunk, size, request);
                var result = await runner.RunAsync(new ProcessRequest(ffmpegPath, arguments) { Timeout = ChunkTimeout }, null, cancellationToken);
                runs.Add(result);
                if (!result.Succeeded)
                {
                    return new FramesResult(files, frames.Count, ErrorClassifier.Classify(result), runs, unknown);
                }

                foreach (var (frame, partial) in chunk.Zip(partials).Where(pair => File.Exists(pair.Second)))
                {
                    if ((await placer.PlaceFileAsync(partial, frame.Path, CancellationToken.None)).Error is { } unplaced)
                    {
                        return new FramesResult(files, frames.Count, unplaced, runs, unknown);
                    }

                    files.Add(frame.Path);
                }
            }
            finally
            {
                placer.Discard(partials);
            }
        }

        var error = files.Count == 0
            ? MediaError.Of(ErrorCategory.InputCorrupt, $"No frame of {Path.GetFileName(source.Path)} could be decoded.")
            : null;
        return new FramesResult(files, frames.Count, error, runs, unknown);
    }
}
