using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Probing;

public sealed class ProberTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("spool-probe-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Missing_file_is_input_missing_without_running_ffprobe()
    {
        var runner = new FakeRunner(Exited(0, "{}"));
        var path = Path.Combine(directory, "gone.mp4");

        var outcome = await new Prober(runner, "ffprobe").ProbeAsync(path, CancellationToken.None);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(ErrorCategory.InputMissing, error.Category);
        Assert.Equal($"{path} does not exist.", error.Message);
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Empty_file_is_input_corrupt_without_running_ffprobe()
    {
        var runner = new FakeRunner(Exited(0, "{}"));
        var path = Path.Combine(directory, "typescript.ts");
        await File.WriteAllBytesAsync(path, []);

        var outcome = await new Prober(runner, "ffprobe").ProbeAsync(path, CancellationToken.None);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(ErrorCategory.InputCorrupt, error.Category);
        Assert.Equal("typescript.ts is an empty file (0 bytes).", error.Message);
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Directory_is_input_missing()
    {
        var runner = new FakeRunner(Exited(0, "{}"));

        var outcome = await new Prober(runner, "ffprobe").ProbeAsync(directory, CancellationToken.None);

        Assert.Equal(ErrorCategory.InputMissing, Assert.IsType<ProbeOutcome.Failed>(outcome).Error.Category);
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Runs_ffprobe_with_exact_arguments_file_prefix_and_a_minute_limit()
    {
        var path = await WriteAsync("-rf.mp4");
        var runner = new FakeRunner(Exited(0, Fixture("surround_5_1")));

        var outcome = await new Prober(runner, "/usr/bin/ffprobe").ProbeAsync(path, CancellationToken.None);

        var request = Assert.Single(runner.Requests);
        Assert.Equal("/usr/bin/ffprobe", request.FileName);
        Assert.Equal(["-v", "error", "-print_format", "json", "-show_format", "-show_streams", "file:" + path], request.Arguments);
        Assert.Equal(TimeSpan.FromSeconds(60), request.Timeout);
        var media = Assert.IsType<ProbeOutcome.Probed>(outcome).Media;
        Assert.Equal(path, media.Path);
        Assert.Equal(1280, media.PrimaryVideo!.Width);
    }

    [Fact]
    public async Task A_packet_probe_counts_packets_names_error_levels_and_reads_each_streams_counts()
    {
        var path = await WriteAsync("out.partial.mp4");
        const string json = """
            {"streams":[{"index":0,"codec_type":"video","codec_name":"h264","width":320,"height":240,"nb_frames":"100","nb_read_packets":"60"},
                        {"index":1,"codec_type":"audio","codec_name":"aac","channels":2,"sample_rate":"48000","nb_read_packets":"101"}],
             "format":{"duration":"4.0","size":"1000"}}
            """;
        var runner = new FakeRunner(Exited(0, json));

        var probe = await new Prober(runner, "ffprobe").ProbePacketsAsync(path, CancellationToken.None);

        var request = Assert.Single(runner.Requests);
        Assert.Equal(["-v", "level+error", "-count_packets", "-print_format", "json", "-show_format", "-show_streams", "file:" + path], request.Arguments);
        Assert.Equal(Prober.Timeout, request.Timeout);
        Assert.Equal([new StreamPackets(0, "video", 100, 60), new StreamPackets(1, "audio", null, 101)], probe.Streams);
        Assert.IsType<ProbeOutcome.Probed>(probe.Outcome);
    }

    [Fact]
    public void Reading_every_packet_of_a_large_file_gets_time_for_its_bytes()
    {
        Assert.Equal(TimeSpan.FromSeconds(60), Prober.PacketTimeout(500_000_000));
        Assert.Equal(TimeSpan.FromSeconds(1000), Prober.PacketTimeout(20_000_000_000));
    }

    [Fact]
    public async Task Relative_path_is_probed_and_reported_absolute()
    {
        var path = await WriteAsync("clip.mp4");
        var runner = new FakeRunner(Exited(0, Fixture("surround_5_1")));
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);

        var outcome = await new Prober(runner, "ffprobe").ProbeAsync(relative, CancellationToken.None);

        Assert.Equal("file:" + path, runner.Requests[0].Arguments[^1]);
        Assert.Equal(path, Assert.IsType<ProbeOutcome.Probed>(outcome).Media.Path);
    }

    [Fact]
    public async Task Ffprobe_failure_passes_through_the_classifier()
    {
        var path = await WriteAsync("broken.mp4");
        var failure = new ProcessResult(ProcessEnd.TimedOut, -1, "", "", "ffprobe …", TimeSpan.FromSeconds(60));
        var runner = new FakeRunner(failure);

        var outcome = await new Prober(runner, "ffprobe").ProbeAsync(path, CancellationToken.None);

        Assert.Equal(ErrorClassifier.Classify(failure), Assert.IsType<ProbeOutcome.Failed>(outcome).Error);
    }

    [Fact]
    public async Task Nonzero_exit_passes_through_the_classifier()
    {
        var path = await WriteAsync("flash.flv");
        var failure = Exited(1, "", "file:flash.flv: End of file\n");

        var outcome = await new Prober(new FakeRunner(failure), "ffprobe").ProbeAsync(path, CancellationToken.None);

        Assert.Equal(ErrorClassifier.Classify(failure), Assert.IsType<ProbeOutcome.Failed>(outcome).Error);
    }

    [Fact]
    public async Task Unparseable_output_is_input_corrupt()
    {
        var path = await WriteAsync("odd.mkv");

        var outcome = await new Prober(new FakeRunner(Exited(0, "{\"streams\": [")), "ffprobe").ProbeAsync(path, CancellationToken.None);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(ErrorCategory.InputCorrupt, error.Category);
        Assert.Equal("ffprobe's output for odd.mkv is not valid JSON.", error.Message);
    }

    [Fact]
    public async Task Ffprobe_complaints_on_success_become_warnings()
    {
        var path = await WriteAsync("png-truncated.png");
        var result = Exited(0, Fixture("png_truncated_zero_dimensions"), "[png @ 0x556138353980] chunk too big\n");

        var outcome = await new Prober(new FakeRunner(result), "ffprobe").ProbeAsync(path, CancellationToken.None);

        Assert.Equal(
            ["video stream 0 has no picture size (0x0); dropped.", "ffprobe: [png @ 0x556138353980] chunk too big"],
            Assert.IsType<ProbeOutcome.Probed>(outcome).Media.Warnings);
    }

    [Fact]
    public async Task Zero_streams_from_ffprobe_is_input_corrupt()
    {
        var path = await WriteAsync("Mpeg4.mp4");

        var outcome = await new Prober(new FakeRunner(Exited(0, Fixture("zero_streams"))), "ffprobe").ProbeAsync(path, CancellationToken.None);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(ErrorCategory.InputCorrupt, error.Category);
        Assert.Equal("Mpeg4.mp4 has no audio or video streams.", error.Message);
    }

    [Fact]
    public async Task Cancellation_token_reaches_the_runner()
    {
        var path = await WriteAsync("a.mp4");
        var runner = new FakeRunner(Exited(0, Fixture("surround_5_1")));
        using var cancellation = new CancellationTokenSource();

        await new Prober(runner, "ffprobe").ProbeAsync(path, cancellation.Token);

        Assert.Equal(cancellation.Token, runner.Tokens[0]);
    }

    private static ProcessResult Exited(int code, string stdout, string stderr = "") =>
        new(ProcessEnd.Exited, code, stdout, stderr, "ffprobe …", TimeSpan.FromMilliseconds(30));

    private static string Fixture(string quirk) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Probing", "Fixtures", quirk + ".json"));

    private async Task<string> WriteAsync(string name)
    {
        var path = Path.Combine(directory, name);
        await File.WriteAllBytesAsync(path, [0, 0, 0, 24]);
        return path;
    }

    private sealed class FakeRunner(ProcessResult result) : IProcessRunner
    {
        public List<ProcessRequest> Requests { get; } = [];

        public List<CancellationToken> Tokens { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            Tokens.Add(cancellationToken);
            return Task.FromResult(result);
        }
    }
}
