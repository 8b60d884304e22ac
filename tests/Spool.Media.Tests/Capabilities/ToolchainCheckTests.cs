using Spool.Media.Capabilities;
using Spool.Media.Processes;

namespace Spool.Media.Tests.Capabilities;

/// <summary>The capability cache: asked once per pair of binaries, asked again when either changes or the file is bad.</summary>
public sealed class ToolchainCheckTests : IDisposable
{
    private const string Encoders = "Encoders:\n ------\n V....D libx264              libx264 H.264 / AVC / MPEG-4 AVC (codec h264)\n";

    private readonly string folder = Directory.CreateTempSubdirectory("spool-toolchain-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task A_second_check_of_the_same_binaries_runs_nothing_and_gives_the_same_capabilities()
    {
        var (ffmpeg, ffprobe) = Binaries();
        var runner = new CountingRunner();

        var first = await Check(runner).CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);
        var second = await Check(runner).CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);

        Assert.Equal(5, runner.Runs);
        var (a, b) = (Assert.IsType<ToolchainOutcome.Ready>(first), Assert.IsType<ToolchainOutcome.Ready>(second));
        Assert.Equal((false, true), (a.FromCache, b.FromCache));
        Assert.Equal("7.0", b.Capabilities.Version);
        Assert.Equal(["libx264"], b.Capabilities.Encoders);
    }

    [Fact]
    public async Task A_replaced_ffprobe_or_a_fresh_check_asks_ffmpeg_again()
    {
        var (ffmpeg, ffprobe) = Binaries();
        var runner = new CountingRunner();
        await Check(runner).CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);

        File.SetLastWriteTimeUtc(ffprobe, DateTime.UtcNow.AddMinutes(5));
        var replaced = await Check(runner).CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);
        var fresh = await Check(runner).CheckAsync(ffmpeg, ffprobe, fresh: true, CancellationToken.None);

        Assert.False(Assert.IsType<ToolchainOutcome.Ready>(replaced).FromCache);
        Assert.False(Assert.IsType<ToolchainOutcome.Ready>(fresh).FromCache);
        Assert.Equal(15, runner.Runs);
    }

    [Fact]
    public async Task A_garbled_cache_file_is_a_miss_and_is_rewritten()
    {
        var (ffmpeg, ffprobe) = Binaries();
        await File.WriteAllTextAsync(CacheFile, "{ not json");
        var runner = new CountingRunner();

        var outcome = await Check(runner).CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);
        var again = await Check(runner).CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);

        Assert.False(Assert.IsType<ToolchainOutcome.Ready>(outcome).FromCache);
        Assert.True(Assert.IsType<ToolchainOutcome.Ready>(again).FromCache);
        Assert.Equal(5, runner.Runs);
    }

    [Fact]
    public async Task A_missing_ffmpeg_is_unusable_and_never_served_from_the_cache()
    {
        var (ffmpeg, ffprobe) = Binaries();
        await Check(new CountingRunner()).CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);
        File.Delete(ffmpeg);

        var outcome = await Check(new CountingRunner(ffmpegRuns: false)).CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);

        Assert.IsType<ToolchainOutcome.FfmpegUnusable>(outcome);
    }

    [Fact]
    public async Task A_cache_that_cannot_be_written_costs_nothing_but_the_listings()
    {
        var (ffmpeg, ffprobe) = Binaries();
        var blocker = Path.Combine(folder, "not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the cache's folder should be");
        var runner = new CountingRunner();
        var check = new ToolchainCheck(runner, new CapabilityCache(Path.Combine(blocker, "home", CapabilityCache.FileName)), searchPath: null);

        var outcome = await check.CheckAsync(ffmpeg, ffprobe, fresh: false, CancellationToken.None);

        Assert.IsType<ToolchainOutcome.Ready>(outcome);
        Assert.Equal(5, runner.Runs);
    }

    [Fact]
    public void A_bare_name_is_found_on_the_search_path_in_order()
    {
        Directory.CreateDirectory(Path.Combine(folder, "a"));
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        File.WriteAllText(Path.Combine(folder, "b", "ffmpeg"), "b");

        var found = ToolFingerprint.Identify("ffmpeg", $"{Path.Combine(folder, "a")}:{Path.Combine(folder, "b")}");

        Assert.StartsWith(Path.Combine(folder, "b", "ffmpeg") + "|1|", found, StringComparison.Ordinal);
        Assert.Null(ToolFingerprint.Identify("ffmpeg", Path.Combine(folder, "a")));
    }

    private string CacheFile => Path.Combine(folder, CapabilityCache.FileName);

    private ToolchainCheck Check(IProcessRunner runner) => new(runner, new CapabilityCache(CacheFile), searchPath: null);

    private (string Ffmpeg, string Ffprobe) Binaries()
    {
        var ffmpeg = Path.Combine(folder, "ffmpeg");
        var ffprobe = Path.Combine(folder, "ffprobe");
        File.WriteAllText(ffmpeg, "ffmpeg");
        File.WriteAllText(ffprobe, "ffprobe");
        return (ffmpeg, ffprobe);
    }

    /// <summary>Answers like ffmpeg 7.0 with libx264 (or fails every run), counting the runs.</summary>
    private sealed class CountingRunner(bool ffmpegRuns = true) : IProcessRunner
    {
        private int runs;

        public int Runs => runs;

        public Task<ProcessResult> RunAsync(ProcessRequest request, IProgress<FfmpegProgress>? progress, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref runs);
            var stdout = request.Arguments[^1] switch
            {
                "-version" => "ffmpeg version 7.0 Copyright (c) 2000-2024 the FFmpeg developers\n",
                "-encoders" => Encoders,
                _ => "",
            };
            return Task.FromResult(new ProcessResult(
                ProcessEnd.Exited, ffmpegRuns ? 0 : 1, stdout, "", request.FileName, TimeSpan.FromMilliseconds(5)));
        }
    }
}
