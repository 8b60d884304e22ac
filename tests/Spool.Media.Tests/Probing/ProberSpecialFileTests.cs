using System.Diagnostics;
using System.Net.Sockets;
using Spool.Media.Errors;
using Spool.Media.Probing;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Probing;

/// <summary>
/// Issue 10: a FIFO among the inputs hung the probe forever (opening it waits for a writer). FIFOs, devices and
/// sockets are refused as not_a_file from their type alone, without opening them or running ffprobe.
/// </summary>
public sealed class ProberSpecialFileTests : IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(10);

    private readonly string directory = Directory.CreateTempSubdirectory("spool-probe-special-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public async Task Fifo_is_not_a_file_at_once_without_opening_it()
    {
        var fifo = Path.Combine(directory, "pipe.mp4");
        await MakeFifoAsync(fifo);
        var runner = new RecordingRunner();

        // Run off the test thread: the bug blocks inside open(2), which no token can interrupt.
        var outcome = await Task.Run(() => new Prober(runner, "ffprobe").ProbeAsync(fifo, CancellationToken.None)).WaitAsync(Prompt);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(("not_a_file", "pipe.mp4 is a FIFO (named pipe), not a regular file."), (error.Category.ToWireName(), error.Message));
        Assert.Equal("Give Spool regular files: a FIFO, device or socket is never read as a video.", error.Hint);
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Character_device_is_not_a_file()
    {
        var runner = new RecordingRunner();

        var outcome = await Task.Run(() => new Prober(runner, "ffprobe").ProbeAsync("/dev/null", CancellationToken.None)).WaitAsync(Prompt);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(("not_a_file", "null is a character device, not a regular file."), (error.Category.ToWireName(), error.Message));
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Unix_socket_is_not_a_file()
    {
        var path = Path.Combine(directory, "listen.mp4");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        var runner = new RecordingRunner();

        var outcome = await Task.Run(() => new Prober(runner, "ffprobe").ProbeAsync(path, CancellationToken.None)).WaitAsync(Prompt);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(("not_a_file", "listen.mp4 is a socket, not a regular file."), (error.Category.ToWireName(), error.Message));
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Symlink_to_a_regular_file_is_probed_like_the_file()
    {
        var target = Path.Combine(directory, "real.mp4");
        await File.WriteAllBytesAsync(target, [0, 0, 0, 24]);
        var link = Path.Combine(directory, "link.mp4");
        File.CreateSymbolicLink(link, target);
        var runner = new RecordingRunner();

        await new Prober(runner, "ffprobe").ProbeAsync(link, CancellationToken.None);

        var request = Assert.Single(runner.Requests);
        Assert.Equal("file:" + link, request.Arguments[^1]);
    }

    [Fact]
    public async Task Symlink_to_a_fifo_is_not_a_file()
    {
        var fifo = Path.Combine(directory, "pipe");
        await MakeFifoAsync(fifo);
        var link = Path.Combine(directory, "clip.mp4");
        File.CreateSymbolicLink(link, fifo);
        var runner = new RecordingRunner();

        var outcome = await Task.Run(() => new Prober(runner, "ffprobe").ProbeAsync(link, CancellationToken.None)).WaitAsync(Prompt);

        Assert.Equal("not_a_file", Assert.IsType<ProbeOutcome.Failed>(outcome).Error.Category.ToWireName());
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Broken_symlink_is_input_missing_naming_its_target()
    {
        var link = Path.Combine(directory, "clip.mp4");
        File.CreateSymbolicLink(link, "gone.mp4");
        var runner = new RecordingRunner();

        var outcome = await new Prober(runner, "ffprobe").ProbeAsync(link, CancellationToken.None);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(("input_missing", "clip.mp4 is a symbolic link to gone.mp4, which does not exist."), (error.Category.ToWireName(), error.Message));
        Assert.Empty(runner.Requests);
    }

    [Fact]
    public async Task Symlink_loop_is_input_missing_saying_it_loops()
    {
        File.CreateSymbolicLink(Path.Combine(directory, "a.mp4"), "b.mp4");
        File.CreateSymbolicLink(Path.Combine(directory, "b.mp4"), "a.mp4");
        var runner = new RecordingRunner();

        var outcome = await new Prober(runner, "ffprobe").ProbeAsync(Path.Combine(directory, "a.mp4"), CancellationToken.None);

        var error = Assert.IsType<ProbeOutcome.Failed>(outcome).Error;
        Assert.Equal(("input_missing", "a.mp4 is a symbolic link that never reaches a file (a loop of links)."), (error.Category.ToWireName(), error.Message));
        Assert.Empty(runner.Requests);
    }

    private static async Task MakeFifoAsync(string path)
    {
        using var mkfifo = Process.Start("mkfifo", [path]);
        await mkfifo.WaitForExitAsync();
        Assert.Equal(0, mkfifo.ExitCode);
    }

    private sealed class RecordingRunner : IProcessRunner
    {
        public List<ProcessRequest> Requests { get; } = [];

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            Requests.Add(request);
            return Task.FromResult(new ProcessResult(ProcessEnd.Exited, 1, "", "file:x: Invalid data found when processing input\n", "ffprobe …", TimeSpan.Zero));
        }
    }
}
