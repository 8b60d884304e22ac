namespace Spool.Core.Queue;

/// <summary>
/// An output Spool made and placed, and what it was made from: the store's record that lets a later run, of any batch,
/// skip the job as up to date. One per (input path, preset, output path); a later success replaces it.
/// </summary>
/// <param name="InputPath">The input, absolute.</param>
/// <param name="Preset">The preset (job name) it was made for.</param>
/// <param name="OutputPath">The placed output, absolute.</param>
/// <param name="PlanHash">SHA-256 of Spool's version, the QC settings and the output's own ffmpeg command (partial path as a placeholder).</param>
/// <param name="Input">The input's size, modification time and content fingerprint when it was read.</param>
/// <param name="Output">The output's size and modification time right after it was placed.</param>
public sealed record DoneOutput(string InputPath, string Preset, string OutputPath, string PlanHash, FileStamp Input, FileStamp Output);

/// <summary>
/// What identifies a file's content cheaply: its size, its modification time (UTC ticks) and, for inputs, a fingerprint
/// (SHA-256 of the size and the first and last MiB); null for outputs, whose size and time are enough to show they
/// were not rewritten.
/// </summary>
public sealed record FileStamp(long Bytes, long ModifiedTicks, string? Fingerprint);
