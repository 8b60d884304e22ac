namespace Spool.Media.Probing;

/// <summary>
/// A probe that read every packet (<see cref="Prober.ProbePacketsAsync"/>): the media as a probe sees it, each
/// stream's declared and read packet counts, and ffprobe's stderr (its error lines name the damage).
/// </summary>
public sealed record PacketProbe(ProbeOutcome Outcome, IReadOnlyList<StreamPackets> Streams, string Stderr);

/// <summary>
/// One stream's packets: <paramref name="Declared"/> is what the container's index promises (MP4's sample count;
/// null where the container keeps none, as Matroska), <paramref name="Read"/> what was really there.
/// </summary>
public sealed record StreamPackets(int Index, string? Type, long? Declared, long? Read);
