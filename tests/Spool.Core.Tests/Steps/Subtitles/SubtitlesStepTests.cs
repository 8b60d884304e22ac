using Spool.Core.Steps;
using Spool.Core.Steps.Subtitles;
using Spool.Media.Errors;
using Spool.Media.Processes;

namespace Spool.Core.Tests.Steps.Subtitles;

/// <summary>The done-when, offline: synthesized speech gives an SRT with timed cues, a track, a burned picture.</summary>
public sealed class SubtitlesStepTests(SpeechClipFixture clip) : IClassFixture<SpeechClipFixture>
{
    [Fact]
    public async Task Speech_becomes_an_srt_and_a_vtt_with_timed_cues_holding_text()
    {
        Assert.True(clip.Outcome.Succeeded, clip.Outcome.Error?.Message);
        var srt = Path.Combine(clip.OutputFolder, "subtitles", "clip.srt");
        var vtt = Path.Combine(clip.OutputFolder, "subtitles", "clip.vtt");
        Assert.Equal([srt, vtt], clip.Outcome.Files);

        var parsed = SrtParser.Parse(await File.ReadAllTextAsync(srt));
        Assert.True(parsed.Succeeded, parsed.Error);
        Assert.NotEmpty(parsed.Cues);
        Assert.All(parsed.Cues, cue =>
        {
            Assert.NotEmpty(cue.Text.Trim());
            Assert.True(cue.End > cue.Start, $"{cue.Start} --> {cue.End}");
            Assert.InRange(cue.End.TotalSeconds, 0.1, clip.Media.EffectiveDuration!.Value + 0.5);
        });
        Assert.Equal(SubtitleWriter.ToVtt(parsed.Cues), await File.ReadAllTextAsync(vtt));
        Assert.Equal("pocketsphinx", clip.Outcome.Details["engine"]);
        Assert.Equal(parsed.Cues.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), clip.Outcome.Details["cues"]);
        Assert.Empty(Directory.GetFiles(clip.OutputFolder, "*partial*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Burned_subtitles_change_the_picture_where_they_show_and_leave_no_subtitle_stream()
    {
        var srt = clip.Outcome.Files[0];
        var burned = Path.Combine(clip.Folder, "burned.mp4");
        var result = await clip.Runner.RunAsync(new ProcessRequest("ffmpeg", SubtitleEncodes.BurnArguments(clip.Clip, srt, burned)), null, CancellationToken.None);
        Assert.True(result.Succeeded, result.Stderr);

        var cue = SrtParser.Parse(await File.ReadAllTextAsync(srt)).Cues[0];
        var at = (cue.Start + cue.End).TotalSeconds / 2;
        var before = await clip.GrayFrameAsync(clip.Clip, at);
        var after = await clip.GrayFrameAsync(burned, at);

        // Text is white with a black outline: many pixels near the bottom change a lot; the top half barely moves.
        const int width = 320;
        var changed = Enumerable.Range(0, before.Length).Where(i => Math.Abs(before[i] - after[i]) > 80).ToList();
        var bottom = changed.Count(i => i / width >= 160);
        var top = changed.Count(i => i / width < 120);
        Assert.True(bottom >= 100 && bottom > 5 * top, $"changed pixels: {bottom} in the bottom third, {top} in the top half");
        Assert.Equal("", await clip.SubtitleStreamsAsync(burned));
    }

    [Fact]
    public async Task Muxed_subtitles_are_a_mov_text_stream_with_the_language()
    {
        var muxed = Path.Combine(clip.Folder, "muxed.mp4");
        var arguments = SubtitleEncodes.MuxArguments(clip.Clip, clip.Outcome.Files[0], muxed, "en");
        var result = await clip.Runner.RunAsync(new ProcessRequest("ffmpeg", arguments), null, CancellationToken.None);

        Assert.True(result.Succeeded, result.Stderr);
        Assert.Equal("mov_text,eng", await clip.SubtitleStreamsAsync(muxed));
    }

    [Fact]
    public async Task A_source_without_audio_fails_as_unsupported_before_running_anything()
    {
        var silent = clip.Media with { Path = "/videos/silent.mp4", AudioStreams = [] };
        var step = new SubtitlesStep(clip.Runner, "ffmpeg", new PocketsphinxTranscriber(clip.Runner, "ffmpeg", "/none"), "en");

        var outcome = await step.RunAsync(new StepContext(silent, Path.Combine(clip.Folder, "silent"), "silent", 1), CancellationToken.None);

        Assert.Equal(ErrorCategory.Unsupported, outcome.Error?.Category);
        Assert.Equal("'silent.mp4' has no audio to transcribe.", outcome.Error!.Message);
        Assert.Empty(outcome.Runs);
    }

    [Fact]
    public async Task Pocketsphinx_refuses_other_languages_with_the_engines_that_can()
    {
        var transcriber = new PocketsphinxTranscriber(clip.Runner, "ffmpeg", PocketsphinxTranscriber.DebianModelFolder);

        var outcome = await transcriber.TranscribeAsync(Path.Combine(clip.Folder, "none.wav"), "fr", null, CancellationToken.None);

        Assert.Equal(ErrorCategory.Unsupported, outcome.Error?.Category);
        Assert.Contains("--transcriber whisper", outcome.Error!.Hint, StringComparison.Ordinal);
    }
}
