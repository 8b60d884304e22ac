using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Spool.Core.Presets;

/// <summary>A value a YAML preset may set, may set to "no limit" (null), or may leave to its base.</summary>
internal readonly record struct Setting<T>(bool IsSet, T Value)
{
    public T Or(T inherited) => IsSet ? Value : inherited;
}

/// <summary>The keys one YAML preset sets, read and range-checked but not yet applied to its base.</summary>
internal sealed record PresetOverrides
{
    public string? Base { get; init; }

    public string? Description { get; init; }

    public int? Crf { get; init; }

    public string? X264Preset { get; init; }

    public Setting<int?> MaxShortSide { get; init; }

    public Setting<int?> MaxLongSide { get; init; }

    public Setting<SizeRule.Canvas?> Canvas { get; init; }

    public Setting<int?> MaxFps { get; init; }

    public int? AudioBitrateKbps { get; init; }

    public Setting<int?> MaxBitrateKbps { get; init; }

    /// <summary>"tracks: all" keeps every audio and text subtitle track (as archival does); "main" the main audio only.</summary>
    public bool? KeepsEveryTrack { get; init; }

    /// <summary>Where each key was, for errors found when the base is applied.</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    public bool SetsBounds => MaxShortSide.IsSet || MaxLongSide.IsSet;

    public bool SetsEncodingOrSize => Crf is not null || X264Preset is not null || SetsBounds || Canvas.IsSet;

    /// <summary>Reads one preset's mapping; the first bad key or value is returned as an error instead.</summary>
    public static (PresetOverrides? Overrides, PresetFileError? Error) Read(string file, string name, YamlMappingNode node)
    {
        var overrides = new PresetOverrides();
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in node.Children)
        {
            var line = (int)valueNode.Start.Line;
            PresetFileError Fail(string key, string problem) => new(file, line, name, key, problem);
            if (keyNode is not YamlScalarNode { Value: { } key })
            {
                return (null, new PresetFileError(file, (int)keyNode.Start.Line, name, null, "keys must be plain names"));
            }

            if (valueNode is not YamlScalarNode scalar)
            {
                return (null, Fail(key, "expected a single value, not a list or mapping"));
            }

            lines[key] = line;
            var text = scalar.Value ?? string.Empty;
            var isNull = scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && text is "" or "~" or "null" or "Null" or "NULL";
            switch (key)
            {
                case "base":
                    if (isNull || !PresetNames.IsValid(text))
                    {
                        return (null, Fail(key, $"'{text}' is not a preset name (lowercase letters, digits, '_' and '-')"));
                    }

                    overrides = overrides with { Base = text };
                    break;
                case "description":
                    overrides = overrides with { Description = text };
                    break;
                case "crf":
                    if (Whole(text, 0, 51) is not { } crf)
                    {
                        return (null, Fail(key, $"'{text}' is not a whole number from 0 to 51"));
                    }

                    overrides = overrides with { Crf = crf };
                    break;
                case "x264_preset":
                    if (!X264Presets.IsKnown(text))
                    {
                        return (null, Fail(key, $"'{text}' is not an x264 preset ({string.Join(", ", X264Presets.FastestFirst)})"));
                    }

                    overrides = overrides with { X264Preset = text };
                    break;
                case "max_short_side" or "max_long_side":
                    var side = isNull ? null : Whole(text, 2, 16384);
                    if (!isNull && side is null)
                    {
                        return (null, Fail(key, $"'{text}' is not a size in pixels from 2 to 16384 (or null for no limit)"));
                    }

                    overrides = key == "max_short_side"
                        ? overrides with { MaxShortSide = new(true, side) }
                        : overrides with { MaxLongSide = new(true, side) };
                    break;
                case "canvas":
                    var canvas = isNull ? null : ParseCanvas(text);
                    if (!isNull && canvas is null)
                    {
                        return (null, Fail(key, $"'{text}' is not WIDTHxHEIGHT with even sizes from 2 to 8192, e.g. 1080x1920"));
                    }

                    overrides = overrides with { Canvas = new(true, canvas) };
                    break;
                case "max_fps":
                    var fps = isNull ? null : Whole(text, 1, 240);
                    if (!isNull && fps is null)
                    {
                        return (null, Fail(key, $"'{text}' is not a frame rate from 1 to 240 (or null for no limit)"));
                    }

                    overrides = overrides with { MaxFps = new(true, fps) };
                    break;
                case "audio_bitrate":
                    if (Kbps(text, 8, 512) is not { } audio)
                    {
                        return (null, Fail(key, $"'{text}' is not an AAC bitrate from 8 to 512 kbit/s"));
                    }

                    overrides = overrides with { AudioBitrateKbps = audio };
                    break;
                case "max_bitrate":
                    var cap = isNull ? null : Kbps(text, 100, 200_000);
                    if (!isNull && cap is null)
                    {
                        return (null, Fail(key, $"'{text}' is not a bitrate from 100 to 200000 kbit/s, e.g. 2500 or 8M (or null for no cap)"));
                    }

                    overrides = overrides with { MaxBitrateKbps = new(true, cap) };
                    break;
                case "tracks":
                    if (text is not ("all" or "main"))
                    {
                        return (null, Fail(key, $"'{text}' is not 'all' (every audio and subtitle track) or 'main' (the main audio track)"));
                    }

                    overrides = overrides with { KeepsEveryTrack = text == "all" };
                    break;
                default:
                    return (null, Fail(key, $"unknown key; known keys: {string.Join(", ", KnownKeys)}"));
            }
        }

        return (overrides with { KeyLines = lines }, null);
    }

    private static readonly string[] KnownKeys =
        ["base", "description", "crf", "x264_preset", "max_short_side", "max_long_side", "canvas", "max_fps", "audio_bitrate", "max_bitrate", "tracks"];

    private static int? Whole(string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : null;

    // Bitrates are kbit/s; "2500k" and "8M" are accepted because that is how people write them.
    private static int? Kbps(string text, int min, int max)
    {
        var multiplier = 1;
        if (text.EndsWith('k') || text.EndsWith('K'))
        {
            text = text[..^1];
        }
        else if (text.EndsWith('M') || text.EndsWith('m'))
        {
            (text, multiplier) = (text[..^1], 1000);
        }

        return Whole(text, 0, int.MaxValue / 1000) is { } value && value * multiplier >= min && value * multiplier <= max
            ? value * multiplier
            : null;
    }

    private static SizeRule.Canvas? ParseCanvas(string text)
    {
        var parts = text.Split('x');
        return parts.Length == 2
            && Whole(parts[0], 2, 8192) is { } width && width % 2 == 0
            && Whole(parts[1], 2, 8192) is { } height && height % 2 == 0
            ? new SizeRule.Canvas(width, height)
            : null;
    }
}
