using Spool.Core.Operations;
using Spool.Media.Processes;

namespace Spool.Cli;

/// <summary>Finds ffmpeg and ffprobe ($SPOOL_FFMPEG / $SPOOL_FFPROBE, else PATH) and checks that they run.</summary>
internal static class Toolchain
{
    public static MediaTools Locate() => new(
        Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } ffmpeg ? ffmpeg : "ffmpeg",
        Environment.GetEnvironmentVariable("SPOOL_FFPROBE") is { Length: > 0 } ffprobe ? ffprobe : "ffprobe");

    public static async Task<MediaTools> RequireAsync(IProcessRunner runner, CancellationToken cancellationToken)
    {
        var tools = Locate();
        foreach (var program in new[] { tools.Ffmpeg, tools.Ffprobe })
        {
            var result = await runner.RunAsync(new ProcessRequest(program, ["-hide_banner", "-version"]) { Timeout = TimeSpan.FromSeconds(30) }, null, cancellationToken);
            if (!result.Succeeded)
            {
                throw new EnvironmentException($"'{program}' cannot run ({result.End}). Install ffmpeg (Debian: apt-get install ffmpeg) or run ./spool, which installs it.");
            }
        }

        return tools;
    }
}
