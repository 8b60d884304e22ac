namespace Spool.Media.Hardware;

/// <summary>Whether one backend encoded a frame on this machine, and why not when it did not.</summary>
public sealed record HardwareProof(HardwareBackend Backend, bool Proven, string Reason);

/// <summary>
/// The hardware encoders this machine has proved, one proof per backend tried. Proved once per process (spool doctor,
/// or a worker at start) and passed in: planning never asks the machine itself.
/// </summary>
public sealed record HardwareSupport(IReadOnlyList<HardwareProof> Proofs)
{
    /// <summary>Nothing proved: every encode is planned on the CPU.</summary>
    public static HardwareSupport None { get; } = new([]);

    public bool IsProven(HardwareBackend backend) => Proofs.Any(proof => proof.Backend == backend && proof.Proven);

    /// <summary>Why a backend is not proven ("not tried" when it never was).</summary>
    public string ReasonFor(HardwareBackend backend) =>
        Proofs.FirstOrDefault(proof => proof.Backend == backend)?.Reason ?? "not tried on this machine";
}
