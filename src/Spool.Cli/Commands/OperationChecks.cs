using Spool.Core.Operations;
using Spool.Core.Steps.Cleanup;
using Spool.Core.Steps.Hls;

namespace Spool.Cli.Commands;

/// <summary>Checks that need more than one flag, or the flag's own grammar, before anything is queued.</summary>
internal static class OperationChecks
{
    public static void Validate(OperationSettings settings)
    {
        if (settings.Color is { } color && ColorRequest.Parse(color).Error is { } colorError)
        {
            throw new UsageException("--color: " + colorError);
        }

        if (settings.HlsLadder is { } ladder && HlsLadder.Parse(ladder) is HlsLadderParse.Invalid invalid)
        {
            throw new UsageException("--hls-ladder: " + invalid.Message);
        }

        if (settings.Subtitles is null && (settings.Transcriber is not null || settings.WhisperModel is not null || settings.TranscriberUrl is not null))
        {
            throw new UsageException("--transcriber, --whisper-model and --transcriber-url need --subtitles sidecar|soft|burn.");
        }

        if (settings.Transcriber == "whisper" && settings.WhisperModel is null)
        {
            throw new UsageException("--transcriber whisper needs --whisper-model PATH (a whisper.cpp model file).");
        }

        if (settings.WhisperModel is { } model && !File.Exists(model))
        {
            throw new UsageException($"--whisper-model: '{model}' does not exist.");
        }

        if (settings.Transcriber == "openai" && !Uri.TryCreate(settings.TranscriberUrl, UriKind.Absolute, out _))
        {
            throw new UsageException("--transcriber openai needs --transcriber-url, e.g. https://api.openai.com (the key comes from SPOOL_TRANSCRIBER_KEY).");
        }
    }
}
