using Spool.Media.Commands;

namespace Spool.Media.Hardware;

/// <summary>A GPU H.264 encoder family ffmpeg can drive; its wire name is what --hwaccel takes (cuda, vaapi, qsv).</summary>
public enum HardwareBackend
{
    /// <summary>NVIDIA NVENC (h264_nvenc), fed system-memory frames: no device or upload is needed.</summary>
    Cuda,

    /// <summary>Intel Quick Sync (h264_qsv), fed frames uploaded to a QSV device.</summary>
    Qsv,

    /// <summary>VA-API (h264_vaapi: Intel, AMD), fed frames uploaded to the render node.</summary>
    Vaapi,
}

/// <summary>
/// What a backend needs around its encoder: devices opened before the inputs, the device filters upload to, and the
/// filters that end each output's chain (after its format=yuv420p). The one-frame trial and the planner both use it,
/// so what doctor proves is what a batch runs.
/// </summary>
public sealed record HardwareSetup(IReadOnlyList<HardwareDevice> Devices, string? FilterDevice, IReadOnlyList<Filter> Upload)
{
    /// <summary>The render node VA-API and QSV open (the first GPU); its absence means neither can work.</summary>
    public const string RenderNode = "/dev/dri/renderD128";

    /// <summary>The order --hwaccel auto tries proven backends in: NVENC, then Quick Sync (better than generic VA-API on Intel).</summary>
    public static IReadOnlyList<HardwareBackend> Preference { get; } = [HardwareBackend.Cuda, HardwareBackend.Qsv, HardwareBackend.Vaapi];

    public static HardwareSetup For(HardwareBackend backend) => backend switch
    {
        HardwareBackend.Cuda => new([], null, []),
        HardwareBackend.Qsv => new(
            [new HardwareDevice("qsv", "hw")],
            "hw",
            [new Filter("format", FilterArg.Positional("nv12")), new Filter("hwupload", ("extra_hw_frames", "64")), new Filter("format", FilterArg.Positional("qsv"))]),
        HardwareBackend.Vaapi => new(
            [new HardwareDevice("vaapi", "va", RenderNode)],
            "va",
            [new Filter("format", FilterArg.Positional("nv12")), new Filter("hwupload")]),
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    /// <summary>The encoder's name as "-c:v" takes it.</summary>
    public static string Encoder(HardwareBackend backend) => backend switch
    {
        HardwareBackend.Cuda => "h264_nvenc",
        HardwareBackend.Qsv => "h264_qsv",
        HardwareBackend.Vaapi => "h264_vaapi",
        _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, null),
    };

    /// <summary>
    /// Device files of which one must exist before a trial is worth running: NVIDIA's control node (or WSL's GPU
    /// bridge, where there is none), else the render node.
    /// </summary>
    public static IReadOnlyList<string> DeviceFiles(HardwareBackend backend) =>
        backend == HardwareBackend.Cuda ? ["/dev/nvidiactl", "/dev/dxg"] : [RenderNode];

    /// <summary>cuda | qsv | vaapi: the --hwaccel word.</summary>
    public static string WireName(HardwareBackend backend) => backend.ToString().ToLowerInvariant();
}
