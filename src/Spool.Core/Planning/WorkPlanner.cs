using Spool.Core.Presets;
using Spool.Media.Commands;
using Spool.Media.Errors;
using Spool.Media.Hardware;
using Spool.Media.Probing;

namespace Spool.Core.Planning;

/// <summary>
/// Plans the work for one probed input: a pure function of the source, the presets, the batch options and where
/// outputs go. No file, process or clock is touched here.
/// </summary>
public static class WorkPlanner
{
    private const string OutputPlaceholder = "<output>";

    // Last in the audio chain, before the asplit: it measures once what every output's encoder is fed, and passes
    // the audio through unchanged.
    private const string AudioMeter = "volumedetect";

    public static PlanOutcome Plan(MediaInfo source, IReadOnlyList<Preset> presets, PlanOptions options, OutputTarget target)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(presets);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(target);
        if (presets.Count == 0)
        {
            throw new ArgumentException("At least one preset is needed.", nameof(presets));
        }

        if (presets.Select(preset => preset.Name).Distinct(StringComparer.Ordinal).Count() != presets.Count)
        {
            throw new ArgumentException("Preset names repeat, so outputs would share a path.", nameof(presets));
        }

        var fileName = Path.GetFileName(source.Path);
        if (source.IsStillImage)
        {
            return Reject(ErrorCategory.NotAVideo, $"'{fileName}' is a still image, not a video.");
        }

        if (source.PrimaryVideo is not { } video)
        {
            return Reject(ErrorCategory.NoVideoStream, $"'{fileName}' has no video stream.");
        }

        var audio = source.PrimaryAudio;
        var common = VideoFilters.Common(video, options.CanToneMap);
        var adjustments = options.EncoderQc && audio is not null
            ? options.Adjustments with { AudioFilters = [.. options.Adjustments.AudioFilters, AudioMeter] }
            : options.Adjustments;
        var (backend, hardwareNote) = HardwareEncoders.Choose(options);
        var hardware = backend is { } chosen ? HardwareSetup.For(chosen) : null;
        var planned = presets.Select(preset => PlanOutput(source, video, audio, preset, options, target, backend)).ToList();
        var separate = planned
            .Select(output => CommandAssembly.Build(source.Path, video.Index, common, [output], adjustments, options.ThreadsPerJob, hardware))
            .ToList();
        var outputs = MarkDuplicates(planned, separate);
        var encoded = outputs.Where(output => output.Plan.DuplicateOf is null).ToList();
        var fused = CommandAssembly.Build(source.Path, video.Index, common, encoded, adjustments, options.ThreadsPerJob, hardware);
        var warnings = new List<string>();
        if (video.IsHdr && !options.CanToneMap)
        {
            warnings.Add("HDR source but this ffmpeg has no zscale filter: outputs are not tone-mapped and will look washed out.");
        }

        if (presets.Any(preset => preset.KeepsEveryTrack))
        {
            warnings.AddRange(source.SubtitleStreams.Where(stream => !stream.IsText).Select(stream =>
                $"Subtitle stream {stream.Index} ({stream.Codec}{(stream.Language is { } language ? ", " + language : "")}) is a picture subtitle, which an MP4 cannot hold: it is not kept."));
        }

        var plan = new WorkPlan(source.Path, outputs.Select(output => output.Plan).ToList(), fused, separate)
        {
            Warnings = warnings,
            HardwareNote = hardwareNote,
        };
        if (backend is { } used)
        {
            // The same work on the CPU, planned now (planning is pure and cheap) so a failed GPU encode can fall back at once.
            var cpu = (PlanOutcome.Planned)Plan(source, presets, options with { Hardware = HardwareChoice.None }, target);
            plan = plan with { Hardware = new HardwareFallback(HardwareSetup.Encoder(used), cpu.Plan) };
        }

        return new PlanOutcome.Planned(plan);
    }

    private static PlannedOutput PlanOutput(
        MediaInfo source, VideoStreamInfo video, AudioStreamInfo? audio, Preset preset, PlanOptions options, OutputTarget target, HardwareBackend? backend)
    {
        var concrete = AutoPreset.ForSource(preset, video.DisplayWidth, video.DisplayHeight);
        var size = FrameSizes.For(video.DisplayWidth, video.DisplayHeight, concrete.Size);
        var fps = VideoFilters.FpsCap(video, concrete.MaxFps);

        // A variable- or unknown-frame-rate source keeps its timestamps unless an fps filter makes it constant;
        // left to the mp4 default, ffmpeg would duplicate and drop frames to force a rate it can only guess.
        var fpsMode = (video.IsVariableFrameRate || video.FrameRate is null) && fps is null ? "vfr" : null;
        var plan = new OutputPlan(
            preset.Name,
            target.FinalPath(preset.Name),
            target.PartialPath(preset.Name),
            size.FrameWidth,
            size.FrameHeight,
            audio is not null,
            source.EffectiveDuration);
        if (options.AllowsStreamCopy && StreamCopy.VideoFits(source, video, concrete, size, options.Adjustments))
        {
            return Copy(plan, audio, concrete);
        }

        IReadOnlyList<AudioStreamInfo> tracks = audio is null ? [] : preset.KeepsEveryTrack ? source.AudioStreams : [audio];
        IReadOnlyList<int> subtitles = preset.KeepsEveryTrack
            ? [.. source.SubtitleStreams.Where(stream => stream.IsText).Select(stream => stream.Index)]
            : [];
        // The report's thumbnail rides on a CPU encode; a GPU plan's frames may live on the device, so its report makes its own.
        var thumbnail = options.ReportThumbnails && backend is null && source.EffectiveDuration is { } duration && duration > 0
            ? new EncodedThumbnail(target.ThumbnailPartialPath(preset.Name), Math.Round(duration / 2, 3))
            : null;
        return new PlannedOutput(
            plan with { Thumbnail = thumbnail },
            // A GPU encoder that takes device frames gets them uploaded at the end of the output's own chain.
            [.. VideoFilters.ForOutput(size, fps), .. backend is { } gpu ? HardwareSetup.For(gpu).Upload : []],
            Encoders.Video(concrete, options, backend) with { ReportsQuality = options.EncoderQc },
            [.. tracks.Select(track => new PlannedAudio(track.Index, Encoders.Audio(track, concrete), track.Language))],
            subtitles,
            fpsMode);
    }

    // The video is remuxed as it is; the audio too when it already is what the preset makes, else it is encoded.
    private static PlannedOutput Copy(OutputPlan plan, AudioStreamInfo? audio, Preset preset)
    {
        var copiesAudio = audio is null || StreamCopy.AudioFits(audio, preset);
        IReadOnlyList<PlannedAudio> tracks = audio is null ? [] : [new PlannedAudio(audio.Index, copiesAudio ? AudioEncoding.Copy : Encoders.Audio(audio, preset), audio.Language)];
        return new PlannedOutput(plan with { Method = copiesAudio ? OutputMethod.Copy : OutputMethod.CopyVideo }, [], VideoEncoding.Copy, tracks, [], null);
    }

    // Two outputs are the same file when their own commands are the same tokens but for the output path (names alone
    // would miss a user preset that repeats a built-in one): the first of each such group is encoded, the others copied.
    private static List<PlannedOutput> MarkDuplicates(IReadOnlyList<PlannedOutput> outputs, IReadOnlyList<FfmpegCommand> separate)
    {
        var firstByCommand = new Dictionary<string, string>(StringComparer.Ordinal);
        var marked = new List<PlannedOutput>(outputs.Count);
        for (var i = 0; i < outputs.Count; i++)
        {
            var key = string.Join('\0', PathlessTokens(separate[i]));
            if (firstByCommand.TryGetValue(key, out var first))
            {
                marked.Add(outputs[i] with { Plan = outputs[i].Plan with { DuplicateOf = first } });
            }
            else
            {
                firstByCommand[key] = outputs[i].Plan.PresetName;
                marked.Add(outputs[i]);
            }
        }

        return marked;
    }

    /// <summary>
    /// A command's tokens with the path of every file it writes (the output's partial and its thumbnail, both named
    /// after the job's lease) as a placeholder: what the files are, not what they are called this time.
    /// </summary>
    public static IEnumerable<string> PathlessTokens(FfmpegCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var paths = command.Outputs.Select(output => FfmpegCommandRenderer.FilePath(output.Path)).ToHashSet(StringComparer.Ordinal);
        return FfmpegCommandRenderer.Render(command).Select(token => paths.Contains(token) ? OutputPlaceholder : token);
    }

    private static PlanOutcome.Rejected Reject(ErrorCategory category, string message) =>
        new(MediaError.Of(category, message));
}
