using Spool.Core.Planning;
using Spool.Core.Presets;
using Spool.Media.Commands;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Planning;

/// <summary>Plans and renders the way tests need it, and builds the exact token lists they expect.</summary>
internal static class Expected
{
    public static readonly OutputTarget Target = new("/out/clip", "clip");

    public static string[] Head(string graph) =>
        ["-hide_banner", "-y", "-progress", "pipe:1", "-nostats", "-i", "file:" + Sources.InputPath, "-filter_complex", graph];

    public static string[] X264(string preset, int crf) =>
        ["-c:v", "libx264", "-preset", preset, "-crf", crf.ToString(System.Globalization.CultureInfo.InvariantCulture), "-profile:v", "high", "-pix_fmt", "yuv420p"];

    public static string[] Aac(int kbps, int channels = 2) =>
        ["-c:a", "aac", "-b:a", $"{kbps}k", "-ac", channels.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    public static string[] Tail(string preset) =>
        ["-movflags", "+faststart", "-f", "mp4", $"file:/out/clip/video/clip_{preset}.partial.mp4"];

    public static Preset Preset(string name) => PresetCatalog.BuiltIn.Find(name) ?? throw new ArgumentException(name);

    public static WorkPlan Plan(MediaInfo source, params string[] presets) => Plan(source, PlanOptions.Default, presets);

    public static WorkPlan Plan(MediaInfo source, PlanOptions options, params string[] presets)
    {
        var outcome = WorkPlanner.Plan(source, presets.Select(Preset).ToList(), options, Target);
        return Assert.IsType<PlanOutcome.Planned>(outcome).Plan;
    }

    public static IReadOnlyList<string> Tokens(FfmpegCommand command) => FfmpegCommandRenderer.Render(command);

    /// <summary>The fused command's -filter_complex value.</summary>
    public static string Graph(WorkPlan plan) => FfmpegCommandRenderer.RenderGraph(plan.Fused.Graph!);
}
