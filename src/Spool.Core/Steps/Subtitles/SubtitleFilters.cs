using System.Collections.Frozen;
using Spool.Media.Commands;

namespace Spool.Core.Steps.Subtitles;

/// <summary>
/// The ffmpeg pieces that put subtitles into a video. Burning uses libass's "subtitles" filter with a forced style
/// that reads on any picture: DejaVu Sans (Debian's default font, always present with fontconfig), white with a black
/// outline and a slight shadow, lifted off the bottom edge. Sizes are in libass's script units (ffmpeg converts SRT
/// to a 384x288 script), so they scale with the picture.
/// </summary>
public static class SubtitleFilters
{
    public const string BurnStyle = "FontName=DejaVu Sans,FontSize=20,PrimaryColour=&H00FFFFFF,OutlineColour=&H00000000,BorderStyle=1,Outline=2,Shadow=1,MarginV=20";

    // ISO 639-1 → 639-2/T for the languages subtitles are commonly made in.
    private static readonly FrozenDictionary<string, string> Iso639 =
        ("ar ara bg bul bn ben ca cat cs ces cy cym da dan de deu el ell en eng es spa et est eu eus fa fas fi fin fr fra "
        + "ga gle gl glg he heb hi hin hr hrv hu hun id ind is isl it ita ja jpn ko kor lt lit lv lav ms msa nb nob nl nld "
        + "nn nno no nor pl pol pt por ro ron ru rus sk slk sl slv sr srp sv swe sw swa ta tam th tha tl tgl tr tur uk ukr "
        + "ur urd vi vie zh zho")
        .Split(' ').Chunk(2).ToFrozenDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);

    /// <summary>The typed filter, for a plan that renders its own graph (the renderer escapes the values).</summary>
    public static Filter BurnFilter(string srtPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(srtPath);

        // libass reads the file through ffmpeg's I/O, which takes URLs: "file:" keeps a name with ":" a path.
        return new Filter("subtitles", ("filename", "file:" + Path.GetFullPath(srtPath)), ("force_style", BurnStyle));
    }

    /// <summary>
    /// The complete filter as text, escaped for a filter graph (-vf or -filter_complex): a path with spaces, quotes,
    /// colons, commas, brackets or semicolons stays one value.
    /// </summary>
    public static string Burn(string srtPath) =>
        FfmpegCommandRenderer.RenderGraph(new FilterGraph([new FilterChain([], [BurnFilter(srtPath)], [])]));

    /// <summary>
    /// The ISO 639-2 code an MP4 subtitle track carries ("en" → "eng"); three-letter codes pass through, and anything
    /// unknown is "und" (undetermined), which players show as the track's language rather than failing.
    /// </summary>
    public static string MovTextLanguage(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        var code = language.Trim().ToLowerInvariant().Split('-', '_')[0];
        return code.Length == 3 && code.All(char.IsAsciiLetterLower) ? code : Iso639.GetValueOrDefault(code, "und");
    }
}
