using Spool.Media.Probing;

namespace Spool.Core.Steps;

/// <summary>
/// A media operation that runs for one input beside its encodes (thumbnails, a sprite, an HLS ladder, subtitles):
/// it reads the source and writes complete files under the input's output folder, or fails with a classified error.
/// Steps run inside the queue's work item, so a crash re-runs them; they must be idempotent and must never leave an
/// incomplete file under a final name (write under <see cref="StepContext.Placer"/>'s partial names, then place them).
/// </summary>
public interface IMediaStep
{
    /// <summary>The step's name in the queue and the reports ("thumbnails", "sprite", "hls", "subtitles").</summary>
    string Name { get; }

    Task<StepOutcome> RunAsync(StepContext context, CancellationToken cancellationToken);
}

/// <summary>What a step knows about its input.</summary>
/// <param name="Source">The probed source.</param>
/// <param name="OutputFolder">The input's folder under the batch output: &lt;output&gt;/&lt;name&gt;.</param>
/// <param name="Stem">The input's output name without folders (file names start with it).</param>
/// <param name="Threads">Thread budget for this step's ffmpeg (cores shared among the jobs that run at once).</param>
public sealed record StepContext(MediaInfo Source, string OutputFolder, string Stem, int Threads)
{
    /// <summary>Where the step may keep logs and intermediate files (&lt;name&gt;/metadata).</summary>
    public string MetadataFolder => Path.Combine(OutputFolder, "metadata");

    /// <summary>Optional: the step's progress, 0 to 1.</summary>
    public IProgress<double>? Progress { get; init; }

    /// <summary>Names the step's partial files after its job's lease and places them, fenced (unfenced outside the queue).</summary>
    public Placement.FilePlacer Placer { get; init; } = Placement.FilePlacer.Unfenced;
}
