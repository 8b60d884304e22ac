using System.Globalization;
using System.Text.Json;
using Spool.Cli.Commands;
using Spool.Core.Storage.Sqlite;
using Spool.Media.Hardware;

namespace Spool.Cli.Tests;

/// <summary>--hwaccel is stored with the batch; a word it does not know is a usage error; doctor reports each trial.</summary>
[Collection(nameof(ConsoleCapture))]
public sealed class HwaccelOptionTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "spool-hwaccel-" + Guid.NewGuid().ToString("N"));

    public HwaccelOptionTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Submit_stores_the_hwaccel_choice_with_the_batch()
    {
        var clip = Path.Combine(_folder, "clip.mp4");
        await CliMedia.ClipAsync(clip);
        var db = Path.Combine(_folder, "spool.db");

        Assert.Equal(0, await SpoolApp.RunAsync(["submit", clip, "--store", db, "--output", Path.Combine(_folder, "out"), "--hwaccel", "vaapi"]));

        await using var store = new SqliteJobStore(db);
        var batch = Assert.Single(await store.ListBatchesAsync(CancellationToken.None));
        Assert.Equal("vaapi", JsonDocument.Parse(batch.OptionsJson).RootElement.GetProperty("hwaccel").GetString());
    }

    [Fact]
    public async Task An_unknown_hwaccel_is_a_usage_error_before_anything_is_stored()
    {
        var clip = Path.Combine(_folder, "clip.mp4");
        await CliMedia.ClipAsync(clip);

        Assert.Equal(2, await SpoolApp.RunAsync(["submit", clip, "--store", Path.Combine(_folder, "spool.db"), "--output", Path.Combine(_folder, "out"), "--hwaccel", "gpu"]));
        Assert.False(File.Exists(Path.Combine(_folder, "spool.db")));
    }

    [Fact]
    public async Task Process_with_a_named_backend_encodes_on_the_gpu_only_where_this_machine_proves_it_and_reports_why_not()
    {
        var clip = Path.Combine(_folder, "clip.mp4");
        await CliMedia.ClipAsync(clip);
        var output = Path.Combine(_folder, "out");
        var runner = new Spool.Media.Processes.ProcessRunner();
        var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, CancellationToken.None);
        var proof = await WorkerSettings.ProveAsync(runner, tools, capabilities, CancellationToken.None);

        var code = await SpoolApp.RunAsync(["process", clip, "--preset", "fast_draft", "--qc", "off", "--quiet", "--hwaccel", "cuda",
            "--store", Path.Combine(_folder, "spool.db"), "--output", output]);

        Assert.Equal(0, code);
        using var report = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary", "batch_report.json")));
        var job = Assert.Single(report.RootElement.GetProperty("jobs").EnumerateArray());
        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        var warnings = job.TryGetProperty("warnings", out var list) ? list.EnumerateArray().Select(w => w.GetProperty("code").GetString()).ToList() : [];
        if (proof.IsProven(HardwareBackend.Cuda))
        {
            // A GPU machine: encoded with NVENC, or (its encode failed) on the CPU with the fallback recorded.
            Assert.True(warnings.Count == 0 || warnings.SequenceEqual(["hardware_fallback"]), string.Join(", ", warnings));
        }
        else
        {
            var warning = Assert.Single(list.EnumerateArray());
            Assert.Equal(
                ("hardware_unproven", $"--hwaccel cuda: h264_nvenc is not proven on this machine ({proof.ReasonFor(HardwareBackend.Cuda)}); encoded on the CPU with libx264."),
                (warning.GetProperty("code").GetString(), warning.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public void Doctor_says_for_each_hardware_encoder_whether_its_trial_proved_it_and_why()
    {
        var support = new HardwareSupport(
        [
            new HardwareProof(HardwareBackend.Cuda, false, "the one-frame trial failed: Cannot load libcuda.so.1"),
            new HardwareProof(HardwareBackend.Qsv, true, "a one-frame trial encoded with h264_qsv"),
            new HardwareProof(HardwareBackend.Vaapi, false, "/dev/dri/renderD128 is absent: no GPU render device"),
        ]);

        Assert.Equal(
            [
                "hardware h264_nvenc     not proven (cuda): the one-frame trial failed: Cannot load libcuda.so.1",
                "hardware h264_qsv       proven (qsv): a one-frame trial encoded with h264_qsv",
                "hardware h264_vaapi     not proven (vaapi): /dev/dri/renderD128 is absent: no GPU render device",
            ],
            DoctorCommand.HardwareLines(support));
    }

    [Fact]
    public async Task Doctor_on_this_machine_reports_one_trial_per_hardware_encoder()
    {
        var original = Console.Out;
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        Console.SetOut(output);
        int code;
        try
        {
            code = await SpoolApp.RunAsync(["doctor"]);
        }
        finally
        {
            Console.SetOut(original);
        }

        Assert.Equal(0, code);
        var lines = output.ToString().Split('\n').Where(line => line.StartsWith("hardware ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["h264_nvenc", "h264_qsv", "h264_vaapi"], lines.Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]));
        Assert.All(lines, line => Assert.Matches(@"^hardware h264_\w+ +(proven|not proven) \((cuda|qsv|vaapi)\): \S", line));
    }
}
