using Spool.Core.Steps.Audio;

namespace Spool.Core.Tests.Steps.Audio;

public sealed class AudioArgumentsTests
{
    [Fact]
    public void Replace_copies_the_video_and_delays_the_new_audio_by_a_positive_offset()
    {
        Assert.Equal(
        [
            "-hide_banner", "-nostdin", "-y", "-i", "file:/in/video.mp4", "-i", "file:/in/voice.wav",
            "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-af", "adelay=delays=500:all=1",
            "-c:a", "aac", "-b:a", "192k", "-ac", "2", "-map_metadata", "0", "-shortest",
            "-movflags", "+faststart", "-f", "mp4", "file:/out/new.partial.mp4",
        ],
        AudioReplace.Arguments("/in/video.mp4", "/in/voice.wav", "/out/new.partial.mp4", 500));
    }

    [Fact]
    public void Replace_cuts_the_start_of_the_new_audio_for_a_negative_offset_and_mkv_has_no_faststart()
    {
        Assert.Equal(
        [
            "-hide_banner", "-nostdin", "-y", "-i", "file:/in/video.mp4", "-i", "file:/in/voice.wav",
            "-map", "0:v:0", "-map", "1:a:0", "-c:v", "copy", "-af", "atrim=start=1.25,asetpts=PTS-STARTPTS",
            "-c:a", "aac", "-b:a", "192k", "-ac", "2", "-map_metadata", "0", "-shortest",
            "-f", "matroska", "file:/out/new.partial.mkv",
        ],
        AudioReplace.Arguments("/in/video.mp4", "/in/voice.wav", "/out/new.partial.mkv", -1250));
    }

    [Fact]
    public void Replace_without_an_offset_has_no_audio_filter()
    {
        var arguments = AudioReplace.Arguments("/in/video.mov", "/in/voice.wav", "/out/new.partial.mov", 0);
        Assert.DoesNotContain("-af", arguments);
        Assert.Equal(["-movflags", "+faststart", "-f", "mov"], arguments.Skip(arguments.Count - 5).Take(4));
    }

    [Theory]
    [InlineData("/out/new.webm")]
    [InlineData("/out/new")]
    public void Replace_refuses_containers_that_cannot_hold_h264_and_aac(string output)
    {
        Assert.Null(AudioReplace.Muxer(output));
        Assert.Throws<ArgumentException>(() => AudioReplace.Arguments("/in/v.mp4", "/in/a.wav", output, 0));
    }

    [Theory]
    [InlineData(10.0, 10.5, 0, null)]
    [InlineData(10.0, 9.2, 0, null)]
    [InlineData(10.0, 12.0, 0, "The new audio lasts 12.0 s and the video 10.0 s: the output stops at the shorter, 10.0 s.")]
    [InlineData(10.0, 9.5, 1000, null)]
    [InlineData(10.0, 10.0, -1500, "The new audio with its -1500 ms offset lasts 8.5 s and the video 10.0 s: the output stops at the shorter, 8.5 s.")]
    [InlineData(null, 3.0, 0, null)]
    public void Durations_more_than_a_second_apart_after_the_offset_give_a_warning(double? video, double? audio, int offsetMs, string? warning)
    {
        Assert.Equal(warning, AudioReplace.DurationWarning(video, audio, offsetMs));
    }

    [Fact]
    public void Extract_writes_16_khz_mono_pcm_wav_aligned_with_the_video()
    {
        Assert.Equal(
        [
            "-hide_banner", "-nostdin", "-y", "-v", "error", "-progress", "pipe:1", "-nostats", "-i", "file:/in/-talk.mp4",
            "-vn", "-map", "0:a:0", "-af", "aresample=async=1:first_pts=0", "-ac", "1", "-ar", "16000", "-c:a", "pcm_s16le",
            "-map_metadata", "-1", "-fflags", "+bitexact", "-f", "wav", "file:/out/talk.partial.wav",
        ],
        AudioExtract.Arguments("/in/-talk.mp4", "/out/talk.partial.wav"));
    }

    [Fact]
    public void Extract_can_take_a_chosen_audio_stream()
    {
        Assert.Contains("0:3", AudioExtract.Arguments("/in/talk.mp4", "/out/talk.wav", audioStreamIndex: 3));
        Assert.DoesNotContain("0:a:0", AudioExtract.Arguments("/in/talk.mp4", "/out/talk.wav", audioStreamIndex: 3));
    }

    [Fact]
    public void Partial_names_keep_the_extension_last()
    {
        Assert.Equal("/out/talk.partial.wav", AudioTool.PartialPath("/out/talk.wav"));
        Assert.Equal("/out/a.b.partial.mp4", AudioTool.PartialPath("/out/a.b.mp4"));
    }
}
