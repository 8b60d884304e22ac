using System.CommandLine;
using System.Globalization;
using Spool.Core.Presets;

namespace Spool.Cli.Commands;

/// <summary>spool presets [NAME] [--preset-file F]: the catalog, or one preset in full.</summary>
internal static class PresetsCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "Show one preset.", Arity = ArgumentArity.ZeroOrOne };
        var file = new Option<string?>("--preset-file") { Description = "YAML file of user presets to include." };
        var command = new Command("presets", "List the presets, or show one.") { name, file };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var catalog = await PresetSource.LoadAsync(parse.GetValue(file), cancellationToken);
            var wanted = parse.GetValue(name);
            if (wanted is null)
            {
                foreach (var preset in catalog.Presets)
                {
                    Console.WriteLine($"{preset.Name,-18} {preset.Description}");
                }

                return ExitCodes.Success;
            }

            var found = catalog.Find(wanted) ?? throw new UsageException($"unknown preset '{wanted}'; known: {string.Join(", ", catalog.Names)}.");
            Show(found);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Show(Preset preset)
    {
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(preset.Name);
        Console.WriteLine("  " + preset.Description);
        Console.WriteLine(string.Create(c, $"  video     {preset.VideoCodec} crf {preset.Crf} preset {preset.X264Preset}{(preset.MaxBitrateKbps is { } max ? $" max {max}k" : "")}{(preset.IsSourceAdaptive ? " (adapts to the source)" : "")}"));
        Console.WriteLine("  size      " + preset.Size switch
        {
            SizeRule.Keep => "source (never upscaled)",
            SizeRule.Bound bound => string.Create(c, $"short side <= {bound.MaxShortSide?.ToString(c) ?? "any"}, long side <= {bound.MaxLongSide?.ToString(c) ?? "any"} (never upscaled)"),
            SizeRule.Canvas canvas => string.Create(c, $"canvas {canvas.Width}x{canvas.Height} (fit and pad)"),
            _ => preset.Size.ToString(),
        });
        Console.WriteLine("  fps       " + (preset.MaxFps is { } fps ? "<= " + fps.ToString(c) : "source"));
        Console.WriteLine(string.Create(c, $"  audio     {preset.AudioCodec} {preset.AudioBitrateKbps}k stereo"));
    }
}
