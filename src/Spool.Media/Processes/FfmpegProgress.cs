namespace Spool.Media.Processes;

/// <summary>One "-progress" block from ffmpeg. <see cref="IsEnd"/> is set on the final block.</summary>
public sealed record FfmpegProgress(long Frame, double Fps, TimeSpan OutTime, double? Speed, long TotalSizeBytes, bool IsEnd);
