using Spool.EndToEnd.Tests.Infrastructure;

namespace Spool.EndToEnd.Tests;

/// <summary>Presets keep their word: archival keeps everything, the audio rule is the README's.</summary>
public sealed class PresetPromiseTests
{
    [Fact]
    public async Task Archival_keeps_every_audio_track_with_its_channels_every_subtitle_track_and_the_chapters()
    {
        using var temp = new TempFolder("archival-tracks");
        var source = await MultiTrackAsync(temp);

        var run = await SpoolCli.In(temp).RunAsync("process", source, "--preset", "archival", "--output", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.Describe());
        var output = temp.Combine("out", "talk", "video", "talk_archival.mp4");
        Assert.Equal(
            [
                "video h264 0 und",
                "audio aac 2 eng",
                "audio aac 6 fra",
                "subtitle mov_text 0 eng",
                "subtitle mov_text 0 fre",
            ],
            await TracksAsync(output));
        Assert.Equal(["One", "Two"], await ChaptersAsync(output));
    }

    [Fact]
    public async Task Other_presets_keep_the_main_audio_track_mono_stays_mono_and_surround_becomes_stereo_as_the_readme_says()
    {
        using var temp = new TempFolder("audio-rule");
        var mono = temp.Combine("mono.mp4");
        await Ffmpeg.RunAsync("-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=1", "-f", "lavfi", "-i", "sine=d=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-ac", "1", mono);
        var source = await MultiTrackAsync(temp);

        var run = await SpoolCli.In(temp).RunAsync("process", temp.Path, "--preset", "web_optimized", "--output", temp.Combine("out"));

        Assert.True(run.ExitCode == 0, run.Describe());
        Assert.Equal(["video h264 0 und", "audio aac 1 und"], await TracksAsync(temp.Combine("out", "mono", "video", "mono_web_optimized.mp4")));
        Assert.Equal(["video h264 0 und", "audio aac 2 eng"], await TracksAsync(temp.Combine("out", "talk", "video", "talk_web_optimized.mp4")));
        var readme = string.Join(' ', (await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "README.md"))).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("first audio track as AAC, stereo at most: mono stays mono, more channels are downmixed to stereo", readme, StringComparison.Ordinal);
        Assert.DoesNotContain("(AAC stereo)", readme, StringComparison.Ordinal);
        Assert.True(File.Exists(source));
    }

    // A talk recorded as Matroska: stereo English programme, a 5.1 French commentary, English and French SRT
    // subtitles, two chapters.
    private static async Task<string> MultiTrackAsync(TempFolder temp)
    {
        var english = temp.Combine("en.srt");
        await File.WriteAllTextAsync(english, "1\n00:00:00,000 --> 00:00:01,000\nHello\n\n2\n00:00:01,000 --> 00:00:02,000\nWorld\n");
        var french = temp.Combine("fr.srt");
        await File.WriteAllTextAsync(french, "1\n00:00:00,000 --> 00:00:01,500\nBonjour\n");
        var chapters = temp.Combine("chapters.txt");
        await File.WriteAllTextAsync(chapters, ";FFMETADATA1\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=0\nEND=1000\ntitle=One\n[CHAPTER]\nTIMEBASE=1/1000\nSTART=1000\nEND=2000\ntitle=Two\n");
        var source = temp.Combine("talk.mkv");
        await Ffmpeg.RunAsync(
            "-f", "lavfi", "-i", "testsrc2=s=320x240:r=25:d=2", "-f", "lavfi", "-i", "sine=f=440:d=2", "-f", "lavfi", "-i", "sine=f=220:d=2",
            "-i", english, "-i", french, "-i", chapters,
            "-map", "0:v", "-map", "1:a", "-map", "2:a", "-map", "3", "-map", "4", "-map_metadata", "5", "-map_chapters", "5",
            "-c:v", "libx264", "-preset", "ultrafast", "-crf", "10", "-c:a", "aac", "-ac:a:0", "2", "-ac:a:1", "6", "-c:s", "srt",
            "-metadata:s:a:0", "language=eng", "-metadata:s:a:1", "language=fra",
            "-metadata:s:s:0", "language=eng", "-metadata:s:s:1", "language=fre", source);
        foreach (var helper in new[] { english, french, chapters })
        {
            File.Delete(helper);
        }

        return source;
    }

    // "kind codec channels language" per stream; MP4's chapter text track (codec_type data) is left out.
    private static async Task<IReadOnlyList<string>> TracksAsync(string path)
    {
        var probe = await ToolRun.RunAsync("ffprobe", ["-v", "error", "-show_entries", "stream=codec_type,codec_name,channels:stream_tags=language", "-of", "compact=p=0:nk=0", "file:" + path]);
        Assert.True(probe.ExitCode == 0, probe.Describe());
        return probe.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split('|').Select(field => field.Split('=', 2)).ToDictionary(pair => pair[0], pair => pair[1]))
            .Where(fields => fields["codec_type"] != "data")
            .Select(fields => string.Join(' ', fields["codec_type"], fields["codec_name"], fields.GetValueOrDefault("channels", "0"),
                fields.GetValueOrDefault("tag:language", "und")))
            .ToList();
    }

    private static async Task<IReadOnlyList<string>> ChaptersAsync(string path)
    {
        var probe = await ToolRun.RunAsync("ffprobe", ["-v", "error", "-show_entries", "chapter_tags=title", "-of", "csv=p=0", "file:" + path]);
        Assert.True(probe.ExitCode == 0, probe.Describe());
        return probe.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
