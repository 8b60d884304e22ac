namespace Spool.Media.Processes;

/// <summary>
/// A terminal's Ctrl+C reaches the whole foreground process group: ffmpeg and ffprobe can exit from the signal a
/// moment before Spool's own handler cancels the run. Such an exit is the stop the user asked for, not a verdict on
/// the input (an ffprobe cut short must not read as a corrupt file), so the run ends as cancelled.
/// </summary>
internal static class SignalledExit
{
    // Long enough for the same signal to reach our handler, short enough not to hold up a real failure.
    private static readonly TimeSpan HandlerGrace = TimeSpan.FromMilliseconds(500);

    public static async Task<bool> WasStoppedAsync(int exitCode, string stderr, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (exitCode == 0)
        {
            return false;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return true;
        }

        // 130 and 143: killed by SIGINT or SIGTERM (128 + signal); ffmpeg catches both and says so before it exits 255.
        if (exitCode is not (130 or 143) && !stderr.Contains("received signal", StringComparison.Ordinal))
        {
            return false;
        }

        try
        {
            await Task.Delay(HandlerGrace, clock, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        return cancellationToken.IsCancellationRequested;
    }
}
