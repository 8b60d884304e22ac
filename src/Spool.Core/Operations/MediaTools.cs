namespace Spool.Core.Operations;

/// <summary>Where ffmpeg and ffprobe are. Passed in, never looked up from globals.</summary>
public sealed record MediaTools(string Ffmpeg, string Ffprobe)
{
    public static MediaTools FromPath { get; } = new("ffmpeg", "ffprobe");
}
