using System.Globalization;
using Spool.Media.Commands;

namespace Spool.Core.Steps.Cleanup;

/// <summary>
/// A picture correction with ffmpeg's eq filter, which works on 8-bit luma as
/// out = contrast·(in − 127.5) + 127.5 + 255·brightness (clipped to 0..255), then gamma; saturation scales the
/// chroma around neutral.
/// The ranges are the sane part of what eq accepts (contrast goes to ±1000 there): brightness −1..1, contrast −2..2,
/// saturation 0..3, gamma 0.1..10.
/// </summary>
public sealed record EqSettings(double Brightness = 0, double Contrast = 1, double Saturation = 1, double Gamma = 1)
{
    /// <summary>The accepted range of each key, as the flag spells it.</summary>
    public static IReadOnlyDictionary<string, (double Min, double Max)> Ranges { get; } =
        new Dictionary<string, (double Min, double Max)>(StringComparer.Ordinal)
        {
            ["brightness"] = (-1, 1),
            ["contrast"] = (-2, 2),
            ["saturation"] = (0, 3),
            ["gamma"] = (0.1, 10),
        };

    /// <summary>"eq=brightness=0.05:contrast=1.1:saturation=1", with ":gamma=…" only when it is not 1.</summary>
    public string Render()
    {
        var args = new List<FilterArg>
        {
            ("brightness", Number(Brightness)),
            ("contrast", Number(Contrast)),
            ("saturation", Number(Saturation)),
        };
        if (Gamma != 1)
        {
            args.Add(("gamma", Number(Gamma)));
        }

        return FilterText.Render(new Filter("eq", args));
    }

    private static string Number(double value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);
}
