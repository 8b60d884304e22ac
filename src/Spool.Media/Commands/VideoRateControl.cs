using System.Globalization;

namespace Spool.Media.Commands;

/// <summary>
/// A hardware encoder's constant-quality mode, the counterpart of x264's CRF: each backend names its rate control and
/// quality scale differently, so each is its own case and renders its own tokens (placed after "-preset").
/// </summary>
public abstract record VideoRateControl
{
    private VideoRateControl()
    {
    }

    public abstract IReadOnlyList<string> Tokens();

    /// <summary>NVENC constant quality: "-rc vbr -cq N -b:v 0" (no target bitrate, so CQ alone decides; -maxrate still caps).</summary>
    public sealed record NvencConstantQuality(int Cq) : VideoRateControl
    {
        public override IReadOnlyList<string> Tokens() => ["-rc", "vbr", "-cq", Invariant(Cq), "-b:v", "0"];
    }

    /// <summary>VA-API constant QP: "-rc_mode CQP -qp N", which every VA-API driver offers.</summary>
    public sealed record VaapiConstantQp(int Qp) : VideoRateControl
    {
        public override IReadOnlyList<string> Tokens() => ["-rc_mode", "CQP", "-qp", Invariant(Qp)];
    }

    /// <summary>
    /// VA-API quality-defined VBR for a capped preset: "-rc_mode QVBR -global_quality N -b:v CAPk" (CQP would ignore
    /// the cap; QVBR needs a target, which is the cap, with -maxrate at it).
    /// </summary>
    public sealed record VaapiQualityVbr(int Quality, int TargetKbps) : VideoRateControl
    {
        public override IReadOnlyList<string> Tokens() => ["-rc_mode", "QVBR", "-global_quality", Invariant(Quality), "-b:v", Invariant(TargetKbps) + "k"];
    }

    /// <summary>Quick Sync intelligent constant quality: "-global_quality N" (ICQ; with -maxrate, QSV holds the cap).</summary>
    public sealed record QsvGlobalQuality(int Quality) : VideoRateControl
    {
        public override IReadOnlyList<string> Tokens() => ["-global_quality", Invariant(Quality)];
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
