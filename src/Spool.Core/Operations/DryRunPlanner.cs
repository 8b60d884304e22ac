using Spool.Core.Planning;
using Spool.Core.Quality.Checks;
using Spool.Core.Steps.Audio;
using Spool.Core.Steps.Cleanup;
using Spool.Core.Steps.Hls;
using Spool.Core.Steps.Images;
using Spool.Core.Steps.Subtitles;
using Spool.Media.Errors;
using Spool.Media.Probing;

namespace Spool.Core.Operations;

/// <summary>One command of a dry run: what it is for, and ffmpeg's arguments (none for a step that runs no ffmpeg).</summary>
public sealed record PlannedRun(string Title, IReadOnlyList<string> Arguments);

/// <summary>A dry run of one input: its outputs, and every command in the order a batch runs them; or why it would fail.</summary>
public sealed record DryRun(WorkPlan? Encode, IReadOnlyList<PlannedRun> Runs, MediaError? Error);

/// <summary>
/// <c>spool plan</c>: the commands a batch would run for one input, in the order <see cref="InputProcessor"/> runs
/// them (subtitles, the analysis passes, the encode, thumbnails, sprite, HLS), from the same pure functions the steps
/// call. Pure: nothing runs. A value only a first pass can measure is shown as a placeholder
/// (<c>measured_I=&lt;from pass 1&gt;</c>, <c>eq=&lt;from colour analysis&gt;</c>).
/// </summary>
public static class DryRunPlanner
{
    public const string ColorPlaceholder = "eq=<from colour analysis>";

    public static DryRun Plan(MediaInfo source, BatchSettings settings, string folder, string stem)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(settings);
        var operations = settings.Operations;
        var metadata = Path.Combine(folder, "metadata");
        var options = settings.PlanOptions with { ThreadsPerJob = settings.ThreadsPerJob, EncoderQc = settings.Qc == QcMode.Quick, ReportThumbnails = true };
        var runs = new List<PlannedRun>();
        if (operations.Subtitles is not null)
        {
            runs.AddRange(Subtitles(source, operations, metadata, stem));
        }

        var (analysis, adjustments) = Cleanup(source, operations, options.CanToneMap, metadata, stem);
        runs.AddRange(analysis);
        if (operations.Subtitles is SubtitleMode.Soft or SubtitleMode.Burn)
        {
            var srt = SubtitlesStep.SrtPath(folder, stem);
            adjustments = adjustments.Then(operations.Subtitles == SubtitleMode.Soft
                ? new EncodeAdjustments { SubtitleTrackPath = srt, SubtitleLanguage = SubtitleFilters.MovTextLanguage(operations.Language) }
                : new EncodeAdjustments { VideoFilters = [SubtitleFilters.Burn(srt)] });
        }

        WorkPlan? encode = null;
        if (settings.Presets.Count > 0)
        {
            var planned = WorkPlanner.Plan(source, settings.Presets, options with { Adjustments = adjustments }, new OutputTarget(folder, stem));
            if (planned is PlanOutcome.Rejected rejected)
            {
                return new DryRun(null, runs, rejected.Error);
            }

            encode = ((PlanOutcome.Planned)planned).Plan;
            // The first output is always encoded (a copy is of an earlier one): alone, it runs its own command.
            var command = encode.Encoded.Count > 1 ? encode.Fused : encode.Separate[0];
            runs.Add(new PlannedRun("encode", Media.Commands.FfmpegCommandRenderer.Render(command)));
            runs.AddRange(encode.Outputs
                .Where(output => output.DuplicateOf is not null)
                .Select(output => new PlannedRun($"{output.PresetName}: copy of {output.DuplicateOf}'s output", [])));
        }

        if (source.PrimaryVideo is { } video)
        {
            runs.AddRange(Pictures(source, video, operations, settings.ThreadsPerJob, folder, stem));
            if (operations.Hls)
            {
                runs.Add(Hls(source, video, operations, options.CanToneMap, settings.ThreadsPerJob, folder));
            }
        }

        return new DryRun(encode, runs, null);
    }

    private static IEnumerable<PlannedRun> Subtitles(MediaInfo source, OperationSettings operations, string metadata, string stem)
    {
        if (source.PrimaryAudio is not { } audio)
        {
            yield return new PlannedRun("subtitles: the source has no audio to transcribe; the step fails", []);
            yield break;
        }

        var wav = SubtitlesStep.SpeechPath(metadata, stem);
        yield return new PlannedRun("subtitles: speech audio", AudioExtract.Arguments(source.Path, wav, audio.Index));
        yield return (operations.Transcriber ?? "pocketsphinx") switch
        {
            "pocketsphinx" => new PlannedRun(
                "subtitles: speech recognition (pocketsphinx)",
                PocketsphinxTranscriber.Arguments(wav, PocketsphinxTranscriber.MetadataFileFor(wav), PocketsphinxTranscriber.DebianModelFolder)),
            "whisper" => new PlannedRun($"subtitles: speech recognition by whisper-cli with {operations.WhisperModel} on {wav}", []),
            var engine => new PlannedRun($"subtitles: speech recognition by {engine} ({operations.TranscriberUrl ?? "its endpoint"}) on {wav}", []),
        };
    }

    // The analysis passes CleanupAnalyzer runs, in its order, and the encode filters they lead to with placeholders
    // for what only the passes can measure.
    private static (List<PlannedRun> Runs, EncodeAdjustments Adjustments) Cleanup(MediaInfo source, OperationSettings operations, bool canToneMap, string metadata, string stem)
    {
        var runs = new List<PlannedRun>();
        IReadOnlyList<string> audioFilters = [];
        if (source.PrimaryAudio is { } audio)
        {
            if (operations.NormalizeAudio)
            {
                var target = new LoudnessTarget(operations.Loudness, operations.TruePeak, operations.LoudnessRange);
                runs.Add(new PlannedRun("loudness analysis (pass 1)", LoudnessPasses.AnalysisArguments(source.Path, audio, operations.DenoiseAudio, target)));
                audioFilters = LoudnessPasses.PlannedEncodeFilters(audio, operations.DenoiseAudio, target);
            }
            else if (operations.DenoiseAudio)
            {
                audioFilters = [AudioCleanup.Denoise(audio.SampleRate)];
            }
        }

        IReadOnlyList<string> videoFilters = [];
        var color = operations.Color is { } text ? ColorRequest.Parse(text).Request : null;
        if (source.PrimaryVideo is { } video)
        {
            var common = VideoFilters.Common(video, canToneMap);
            string? transform = null;
            if (operations.Stabilize)
            {
                var transforms = Stabilization.TransformsPath(metadata, stem);
                runs.Add(new PlannedRun("stabilisation analysis (vidstabdetect)", Stabilization.DetectArguments(source.Path, video, common, transforms)));
                transform = Stabilization.TransformFilter(transforms);
            }

            if (color is ColorRequest.Auto)
            {
                runs.Add(new PlannedRun("colour analysis", ColorLevels.AnalysisArguments(source.Path, video, common, source.EffectiveDuration)));
            }

            videoFilters = VideoCleanup.Chain(operations.DenoiseVideo, transform, color switch
            {
                ColorRequest.Manual manual => manual.Eq.Render(),
                ColorRequest.Auto => ColorPlaceholder,
                _ => null,
            });
        }

        return (runs, new EncodeAdjustments { VideoFilters = videoFilters, AudioFilters = audioFilters });
    }

    private static IEnumerable<PlannedRun> Pictures(MediaInfo source, VideoStreamInfo video, OperationSettings operations, int threads, string folder, string stem)
    {
        if (operations.Thumbnails > 0)
        {
            var (points, size) = ThumbnailPlanner.ForSource(source, video, operations.Thumbnails);
            for (var i = 0; i < points.Count; i++)
            {
                // The first window of each picture; a blank picture is taken again from the next windows.
                var arguments = ThumbnailPlanner.Arguments(source.Path, video.Index, points[i][0], size, threads, ThumbnailPlanner.PicturePath(folder, stem, i));
                yield return new PlannedRun($"thumbnail {i + 1} of {points.Count}", arguments);
            }
        }

        if (operations.Sprite && StillImages.VideoDuration(source) is { } duration)
        {
            var layout = SpriteLayout.Plan(duration, video.DisplayWidth, video.DisplayHeight, SpriteOptions.Default);
            yield return new PlannedRun("sprite", SpriteStep.Arguments(source.Path, video.Index, layout, SpriteOptions.Default, threads, SpriteStep.SheetPath(folder, stem)));
        }
    }

    private static PlannedRun Hls(MediaInfo source, VideoStreamInfo video, OperationSettings operations, bool canToneMap, int threads, string folder)
    {
        var ladder = HlsLadder.Parse(operations.HlsLadder) is HlsLadderParse.Parsed parsed ? parsed.Ladder : HlsLadder.Default;
        var final = Path.GetFullPath(Path.Combine(folder, HlsStep.FolderName));
        if (!HlsPlanner.CanWriteUnder(final))
        {
            return new PlannedRun($"hls: fails, ffmpeg's HLS muxer cannot write under '{final}' ('%')", []);
        }

        var variants = ladder.ForSource(video.DisplayWidth, video.DisplayHeight);
        return new PlannedRun("hls", HlsPlanner.Arguments(source, variants, final, Math.Max(1, threads), new HlsEncoding { CanToneMap = canToneMap }));
    }
}
