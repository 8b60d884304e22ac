using System.Diagnostics;
using System.Globalization;

namespace Spool.Cli.Tests;

/// <summary>Captures Console.Error, so nothing else may run beside it.</summary>
[CollectionDefinition(nameof(ConsoleCapture), DisableParallelization = true)]
public sealed class ConsoleCapture;

/// <summary>spool audio replace|extract: exit 0 done, 1 an input that cannot be used, 2 usage (before ffmpeg runs).</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class AudioCommandTests(AudioCommandTests.Media media) : IClassFixture<AudioCommandTests.Media>
{
    private readonly string _folder = media.Folder;

    private readonly string _output = Path.Combine(media.Folder, Guid.NewGuid().ToString("N"), "new.mp4");

    private string Video => media.Video;

    private string Voice => media.Voice;

    private string Output => _output;

    [Fact]
    public async Task Replace_with_a_delay_copies_the_video_and_puts_silence_before_the_one_new_aac_track()
    {
        Assert.Equal(0, await SpoolApp.RunAsync(["audio", "replace", Video, Voice, "--output", Output, "--offset-ms", "500"]));

        var streams = await StreamsAsync(Output);
        Assert.Equal(["video,h264", "audio,aac,2"], streams.Select(s => s.Describe));
        Assert.Equal(await VideoHashAsync(Video), await VideoHashAsync(Output));
        Assert.True(await PeakDbAsync(Output, 0, 0.45) < -60, "the first 0.45 s are silent");
        Assert.True(await PeakDbAsync(Output, 0.55, 1.5) > -30, "the tone starts after the delay");
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(Output)!, "*.partial.*"));
    }

    [Fact]
    public async Task Replace_with_a_negative_offset_cuts_the_new_audio_start()
    {
        Assert.Equal(0, await SpoolApp.RunAsync(["audio", "replace", Video, Voice, "--output", Output, "--offset-ms", "-500"]));

        var streams = await StreamsAsync(Output);
        Assert.Equal(["video,h264", "audio,aac,2"], streams.Select(s => s.Describe));
        Assert.True(await PeakDbAsync(Output, 0, 0.4) > -30, "the tone plays from the start");
    }

    [Fact]
    public async Task Extract_gives_16_khz_mono_pcm()
    {
        var wav = Path.Combine(_folder, "speech.wav");
        Assert.Equal(0, await SpoolApp.RunAsync(["audio", "extract", Video, "--output", wav]));

        Assert.Equal(["audio,pcm_s16le,1,16000"], (await StreamsAsync(wav)).Select(s => s.Describe + "," + s.SampleRate));
    }

    [Fact]
    public async Task Extract_as_flac_keeps_the_source_sample_rate_and_channels()
    {
        var flac = Path.Combine(_folder, "original.flac");
        Assert.Equal(0, await SpoolApp.RunAsync(["audio", "extract", Video, "--format", "flac", "--output", flac]));

        Assert.Equal(["audio,flac,2,48000"], (await StreamsAsync(flac)).Select(s => s.Describe + "," + s.SampleRate));
    }

    [Fact]
    public async Task Extract_as_wav_keeps_the_source_sample_rate_and_channels()
    {
        var wav = Path.Combine(_folder, "original.wav");
        Assert.Equal(0, await SpoolApp.RunAsync(["audio", "extract", Video, "--format", "wav", "--output", wav]));

        var stream = Assert.Single(await StreamsAsync(wav));
        Assert.Equal(("audio", 2, "48000"), (stream.Type, stream.Channels, stream.SampleRate));
        Assert.StartsWith("pcm_s", stream.Codec, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_as_copy_is_a_bit_exact_stream_copy_in_m4a()
    {
        var m4a = Path.Combine(_folder, "original.m4a");
        Assert.Equal(0, await SpoolApp.RunAsync(["audio", "extract", Video, "--format", "copy", "--output", m4a]));

        Assert.Equal(["audio,aac,2"], (await StreamsAsync(m4a)).Select(s => s.Describe));
        Assert.Equal(await AudioHashAsync(Video), await AudioHashAsync(m4a));
    }

    [Fact]
    public async Task Extract_as_copy_to_a_container_that_cannot_hold_the_codec_exits_1_naming_the_right_ones()
    {
        var (code, errors) = await CaptureAsync(["audio", "extract", Video, "--format", "copy", "--output", Path.Combine(_folder, "x.flac")]);

        Assert.Equal(1, code);
        Assert.Contains(".m4a or .mka", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extract_format_and_extension_must_agree()
    {
        var (code, errors) = await CaptureAsync(["audio", "extract", Video, "--format", "flac", "--output", Path.Combine(_folder, "x.wav")]);

        Assert.Equal(2, code);
        Assert.Contains(".flac", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_audio_file_exits_2_naming_it()
    {
        var missing = Path.Combine(_folder, "none.wav");
        var (code, errors) = await CaptureAsync(["audio", "replace", Video, missing, "--output", Output]);
        Assert.Equal(2, code);
        Assert.Contains($"audio '{missing}' does not exist", errors, StringComparison.Ordinal);
        Assert.False(File.Exists(Output));
    }

    [Fact]
    public async Task An_audio_file_without_audio_exits_1_with_its_category_and_hint()
    {
        var silent = Path.Combine(_folder, "silent.mp4");
        await FfmpegAsync("-i", Video, "-an", "-c:v", "copy", silent);
        var (code, errors) = await CaptureAsync(["audio", "replace", Video, silent, "--output", Output]);
        Assert.Equal(1, code);
        Assert.Contains("spool: unsupported: 'silent.mp4' has no audio stream.", errors, StringComparison.Ordinal);
        Assert.Contains("hint:", errors, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Spool.", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Durations_apart_by_more_than_a_second_warn_on_stderr_and_still_succeed()
    {
        var (code, errors) = await CaptureAsync(["audio", "replace", Video, Voice, "--output", Output, "--offset-ms", "1000"]);
        Assert.Equal(0, code);
        Assert.Contains("spool: warning: The new audio with its 1000 ms offset lasts 4.0 s and the video 2.0 s", errors, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("replace", "same-as-video")]
    [InlineData("replace", "new.webm")]
    [InlineData("extract", "speech.mp3")]
    [InlineData("extract", "same-as-video")]
    public async Task Bad_outputs_exit_2_before_ffmpeg_runs(string verb, string output)
    {
        var path = output == "same-as-video" ? Video : Path.Combine(_folder, output);
        string[] args = verb == "replace" ? ["audio", verb, Video, Voice, "--output", path] : ["audio", verb, Video, "--output", path];
        Assert.Equal(2, await SpoolApp.RunAsync(args));
        Assert.False(File.Exists(Path.Combine(_folder, output)));
    }

    [Fact]
    public async Task A_missing_output_option_exits_2()
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["audio", "extract", Video]));
        Assert.Equal(2, await SpoolApp.RunAsync(["audio", "replace", Video, Voice]));
    }

    private static async Task<(int Code, string Errors)> CaptureAsync(string[] args)
    {
        var original = Console.Error;
        using var errors = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetError(errors);
        try
        {
            return (await SpoolApp.RunAsync(args), errors.ToString());
        }
        finally
        {
            Console.SetError(original);
        }
    }

    private static async Task<List<MediaStream>> StreamsAsync(string path)
    {
        var text = await RunAsync("ffprobe", "-v", "error", "-show_entries", "stream=codec_type,codec_name,channels,sample_rate", "-of", "json", path);
        using var json = System.Text.Json.JsonDocument.Parse(text);
        return json.RootElement.GetProperty("streams").EnumerateArray().Select(s => new MediaStream(
            s.GetProperty("codec_type").GetString()!,
            s.GetProperty("codec_name").GetString()!,
            s.TryGetProperty("channels", out var channels) ? channels.GetInt32() : null,
            s.TryGetProperty("sample_rate", out var rate) ? rate.GetString() : null)).ToList();
    }

    /// <summary>MD5 of the first video stream's packets as stored: equal only when the stream was copied, not re-encoded.</summary>
    private static Task<string> VideoHashAsync(string path) =>
        RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-i", path, "-map", "0:v:0", "-c", "copy", "-f", "md5", "-");

    /// <summary>MD5 of the first audio stream's packets as stored: equal only for a bit-exact copy.</summary>
    private static Task<string> AudioHashAsync(string path) =>
        RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-v", "error", "-i", path, "-map", "0:a:0", "-c", "copy", "-f", "md5", "-");

    /// <summary>volumedetect's max_volume over [from, to) seconds of the first audio stream.</summary>
    private static async Task<double> PeakDbAsync(string path, double from, double to)
    {
        var c = CultureInfo.InvariantCulture;
        var log = await RunAsync("ffmpeg", "-hide_banner", "-nostdin", "-i", path, "-map", "0:a:0",
            "-af", string.Create(c, $"atrim={from}:{to},volumedetect"), "-f", "null", "-");
        var line = log.Split('\n').Single(l => l.Contains("max_volume:", StringComparison.Ordinal));
        var text = line[(line.IndexOf("max_volume:", StringComparison.Ordinal) + 11)..].Replace("dB", "", StringComparison.Ordinal).Trim();
        return double.Parse(text, c);
    }

    private static Task FfmpegAsync(params string[] arguments) =>
        RunAsync("ffmpeg", ["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments]);

    /// <summary>Runs a tool; returns stdout when there is any, else stderr (ffmpeg's filters log there).</summary>
    private static async Task<string> RunAsync(string program, params string[] arguments)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await stderr);
        return (await stdout).Length > 0 ? await stdout : await stderr;
    }

    /// <summary>The inputs, made once for the class: a 2 s 160x120 H.264 + AAC video and a 3 s 440 Hz tone as WAV.</summary>
    public sealed class Media : IAsyncLifetime
    {
        public string Folder { get; } = Path.Combine(Path.GetTempPath(), "spool-audio-cli-" + Guid.NewGuid().ToString("N"));

        public string Video => Path.Combine(Folder, "video.mp4");

        public string Voice => Path.Combine(Folder, "voice.wav");

        public async Task InitializeAsync()
        {
            Directory.CreateDirectory(Folder);
            await FfmpegAsync("-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=2", "-f", "lavfi", "-i", "anoisesrc=d=2:a=0.1",
                "-c:v", "libx264", "-preset", "ultrafast", "-c:a", "aac", "-ac", "2", "-ar", "48000", "-shortest", Video);
            await FfmpegAsync("-f", "lavfi", "-i", "sine=frequency=440:duration=3:sample_rate=44100", Voice);
        }

        public Task DisposeAsync()
        {
            Directory.Delete(Folder, recursive: true);
            return Task.CompletedTask;
        }
    }

    private sealed record MediaStream(string Type, string Codec, int? Channels, string? SampleRate)
    {
        public string Describe => Channels is { } n ? $"{Type},{Codec},{n}" : $"{Type},{Codec}";
    }
}
