namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Samples /proc every 100 ms and keeps the highest number of ffmpeg processes seen at once in the watched process
/// groups: the witness for "never more than N encodes at a time". Groups of other tests or users are not counted.
/// Jobs are counted apart from all ffmpeg processes: a job's ffmpeg names the test's media folder on its command line,
/// while start-up runs several media-less ffmpeg listings (-encoders, -filters, -hwaccels) side by side.
/// </summary>
public sealed class FfmpegWatch(string mediaFolder) : IAsyncDisposable
{
    private readonly HashSet<int> _groups = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _sampling;
    private int _max;
    private int _maxJobs;
    private int _samples;

    /// <summary>Any ffmpeg process of the watched groups.</summary>
    public int MaxAtOnce => Volatile.Read(ref _max);

    /// <summary>ffmpeg processes working on the media folder: encodes and decodes of jobs.</summary>
    public int MaxJobsAtOnce => Volatile.Read(ref _maxJobs);

    public int Samples => Volatile.Read(ref _samples);

    public void Watch(ProcessGroup group)
    {
        ArgumentNullException.ThrowIfNull(group);
        lock (_groups)
        {
            _groups.Add(group.GroupId);
        }

        _sampling ??= SampleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_sampling is not null)
        {
            await _sampling;
        }

        _stop.Dispose();
    }

    private async Task SampleAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            int[] groups;
            lock (_groups)
            {
                groups = [.. _groups];
            }

            var ffmpeg = ProcTable.All().Where(entry => entry.Comm == "ffmpeg" && entry.State != 'Z' && groups.Contains(entry.GroupId)).ToList();
            var jobs = ffmpeg.Count(entry => ProcTable.CommandLine(entry.Pid).Contains(mediaFolder, StringComparison.Ordinal));
            Volatile.Write(ref _max, Math.Max(_max, ffmpeg.Count));
            Volatile.Write(ref _maxJobs, Math.Max(_maxJobs, jobs));
            Interlocked.Increment(ref _samples);
            try
            {
                await Task.Delay(100, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
