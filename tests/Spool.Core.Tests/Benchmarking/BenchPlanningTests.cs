using Spool.Core.Benchmarking;
using Spool.Media.Probing;

namespace Spool.Core.Tests.Benchmarking;

public sealed class BenchPlanningTests
{
    [Fact]
    public void Two_cores_try_one_job_of_two_threads_and_two_jobs_of_one()
    {
        Assert.Equal([new BenchSetting(1, 2), new BenchSetting(2, 1)], BenchSetting.Candidates(2));
    }

    [Fact]
    public void Eight_cores_try_1_2_3_4_6_8_jobs_sharing_the_cores()
    {
        Assert.Equal(
            [new(1, 8), new(2, 4), new(3, 2), new(4, 2), new(6, 1), new BenchSetting(8, 1)],
            BenchSetting.Candidates(8));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(4, 4)]
    [InlineData(6, 3)]
    [InlineData(8, 4)]
    [InlineData(16, 8)]
    [InlineData(128, 64)]
    public void Without_a_bench_result_the_rule_runs_a_job_a_core_up_to_four_then_one_per_two_cores(int cores, int concurrency)
    {
        Assert.Equal(concurrency, ConcurrencyAdvice.Rule(cores).Concurrency);
    }

    [Fact]
    public void A_bench_result_is_advice_only_for_a_machine_of_as_many_cores()
    {
        var record = new BenchRecord(2, "5.1", new DateTimeOffset(2026, 12, 3, 0, 0, 0, TimeSpan.Zero), 1, 2, []);

        Assert.Equal(new ConcurrencyAdvice(1, "measured by spool bench on 2026-12-03"), BenchRecord.AdviceFor(record, 2));
        Assert.Equal(ConcurrencyAdvice.Rule(8), BenchRecord.AdviceFor(record, 8));
        Assert.Equal(ConcurrencyAdvice.Rule(2), BenchRecord.AdviceFor(null, 2));
    }

    [Fact]
    public async Task A_bench_result_survives_its_file_and_an_unreadable_file_is_no_result()
    {
        var home = Directory.CreateTempSubdirectory("spool-bench-record-").FullName;
        try
        {
            var record = new BenchRecord(2, "5.1", new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero), 2, 1, [new(1, 2, 28.4, 0.42), new(2, 1, 20.2, 0.59)]);
            await record.WriteAsync(home, CancellationToken.None);
            var read = BenchRecord.Read(home)!;
            Assert.Equal((2, 2, 1), (read.Cores, read.Concurrency, read.Threads));
            Assert.Equal(record.Rows, read.Rows);

            await File.WriteAllTextAsync(Path.Combine(home, BenchRecord.FileName), "{ not json");
            Assert.Null(BenchRecord.Read(home));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public void Excerpts_come_from_each_sources_middle_and_repeat_until_every_setting_has_work_for_twice_its_jobs()
    {
        var jobs = BenchRunner.Jobs([Source("/a.mov", 20), Source("/b.mov", 5)], excerptSeconds: 8, atLeast: 4);

        Assert.Equal(
            [("/a.mov", 6.0, 8.0), ("/b.mov", 0.0, 5.0), ("/a.mov", 6.0, 8.0), ("/b.mov", 0.0, 5.0)],
            jobs.Select(job => (job.Source.Path, job.Start, job.Seconds)));
    }

    [Fact]
    public void The_best_setting_is_the_fastest_without_failures_and_a_tie_goes_to_fewer_jobs()
    {
        var rows = new[]
        {
            new BenchRow(new(1, 2), 20, 1.2, 0),
            new BenchRow(new(2, 1), 20, 1.2, 0),
            new BenchRow(new(4, 1), 10, 2.4, 1),
        };

        Assert.Equal(new BenchSetting(1, 2), BenchRunner.Best(rows)!.Setting);
        Assert.Null(BenchRunner.Best([rows[2]]));
    }

    private static MediaInfo Source(string path, double seconds) =>
        new(path, "mov", seconds, 1000, 1000, [], [], 0, []);
}
