using Spool.Core.Presets;
using Spool.Media.Commands;
using Spool.Media.Hardware;

namespace Spool.Core.Planning;

/// <summary>
/// Which backend a batch encodes on, and each backend's settings for a preset's intent. The preset's CRF becomes the
/// backend's constant-quality number on the same 0-51 scale; its bitrate cap stays -maxrate (bufsize twice it); the
/// profile stays high. The x264 speed maps to the backend's own:
/// <code>
/// x264        nvenc  qsv        vaapi -compression_level (1 best … 7 fastest)
/// ultrafast   p1     veryfast   7
/// superfast   p1     veryfast   7
/// veryfast    p2     veryfast   6
/// faster      p3     faster     5
/// fast        p4     fast       5
/// medium      p5     medium     4
/// slow        p6     slow       2
/// slower      p7     slower     1
/// veryslow    p7     veryslow   1
/// placebo     p7     veryslow   1
/// </code>
/// Quality modes: nvenc "-rc vbr -cq N -b:v 0"; qsv "-global_quality N" (ICQ); vaapi "-rc_mode CQP -qp N", or for a
/// capped preset "-rc_mode QVBR -global_quality N -b:v CAP" (CQP would ignore the cap). NVENC takes yuv420p frames
/// from memory; VA-API and QSV take nv12 frames uploaded to their device, so they have no -pix_fmt.
/// </summary>
internal static class HardwareEncoders
{
    /// <summary>The backend to encode on (null: the CPU), and a note when the batch named one this machine has not proved.</summary>
    public static (HardwareBackend? Backend, string? Note) Choose(PlanOptions options)
    {
        var proven = options.ProvenHardware;
        if (options.Hardware == HardwareChoice.Auto)
        {
            return (HardwareSetup.Preference.Cast<HardwareBackend?>().FirstOrDefault(backend => proven.IsProven(backend!.Value)), null);
        }

        if (Named(options.Hardware) is not { } named)
        {
            return (null, null);
        }

        return proven.IsProven(named)
            ? (named, null)
            : (null, $"--hwaccel {HardwareSetup.WireName(named)}: {HardwareSetup.Encoder(named)} is not proven on this machine ({proven.ReasonFor(named)}); encoded on the CPU with libx264.");
    }

    public static VideoEncoding Video(Preset preset, PlanOptions options, HardwareBackend backend)
    {
        var speed = Encoders.X264Preset(preset.X264Preset, options.Mode);
        var quality = Math.Clamp(Encoders.Crf(preset.Crf, options.Quality), 1, 51);
        var encoding = new VideoEncoding(HardwareSetup.Encoder(backend))
        {
            Profile = "high",
            MaxRateKbps = preset.MaxBitrateKbps,
        };
        return backend switch
        {
            HardwareBackend.Cuda => encoding with { Preset = NvencPreset(speed), RateControl = new VideoRateControl.NvencConstantQuality(quality), PixelFormat = "yuv420p" },
            HardwareBackend.Qsv => encoding with { Preset = QsvPreset(speed), RateControl = new VideoRateControl.QsvGlobalQuality(quality) },
            HardwareBackend.Vaapi => encoding with
            {
                CompressionLevel = VaapiLevel(speed),
                RateControl = preset.MaxBitrateKbps is { } cap
                    ? new VideoRateControl.VaapiQualityVbr(quality, cap)
                    : new VideoRateControl.VaapiConstantQp(quality),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
        };
    }

    private static HardwareBackend? Named(HardwareChoice choice) => choice switch
    {
        HardwareChoice.Cuda => HardwareBackend.Cuda,
        HardwareChoice.Qsv => HardwareBackend.Qsv,
        HardwareChoice.Vaapi => HardwareBackend.Vaapi,
        _ => null,
    };

    private static string NvencPreset(string x264) => x264 switch
    {
        "ultrafast" or "superfast" => "p1",
        "veryfast" => "p2",
        "faster" => "p3",
        "fast" => "p4",
        "slow" => "p6",
        "slower" or "veryslow" or "placebo" => "p7",
        _ => "p5",
    };

    private static string QsvPreset(string x264) => x264 switch
    {
        "ultrafast" or "superfast" or "veryfast" => "veryfast",
        "faster" or "fast" or "slow" or "slower" or "veryslow" => x264,
        "placebo" => "veryslow",
        _ => "medium",
    };

    private static int VaapiLevel(string x264) => x264 switch
    {
        "ultrafast" or "superfast" => 7,
        "veryfast" => 6,
        "faster" or "fast" => 5,
        "slow" => 2,
        "slower" or "veryslow" or "placebo" => 1,
        _ => 4,
    };
}
