using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spool.Core.Quality.Checks;
using Spool.Core.Reporting;
using Spool.Media.Processes;

namespace Spool.Cli.Commands;

/// <summary>
/// spool qc OUTPUT --reference SOURCE: verifies one output against its source. Exit 0 when every check passed,
/// 1 when one failed, 2 for usage errors, 3 when ffmpeg is missing.
/// </summary>
internal static class QcCommand
{
    public static Command Create()
    {
        var output = new Argument<string>("output") { Description = "The encoded file to check." };
        var reference = new Option<string>("--reference") { Description = "The source it was encoded from.", Required = true };
        var json = new Option<bool>("--json") { Description = "Print {\"passed\", \"checks\":[...]} as JSON." };
        var minSsim = new Option<double?>("--min-ssim") { Description = "Lowest SSIM (0-1) on the sampled frames. [default: 0.90]" };
        var minPsnr = new Option<double?>("--min-psnr") { Description = "Lowest PSNR average in dB (reported, not enforced, by default)." };
        var maxDelta = new Option<double?>("--max-duration-delta") { Description = "Largest duration difference in seconds. [default: 0.1]" };
        var expect = new Option<string?>("--expect-resolution") { Description = "The size the output must have, WxH (e.g. 1920x1080)." };
        var maxPeak = new Option<double?>("--max-peak-db") { Description = "Highest audio peak in dBFS. [default: -0.1]" };
        var maxRatio = new Option<double?>("--max-compression-ratio") { Description = "Largest output/source size ratio. [default: 1.5]" };
        var mode = new Option<string>("--mode") { Description = "quick | full (adds psnr, loudness, vmaf, compression_ratio).", DefaultValueFactory = _ => "full" };
        mode.AcceptOnlyFromAmong("quick", "full");
        var command = new Command("qc", "Verify an output against its source: integrity, duration, resolution, audio, SSIM/PSNR, size.")
        {
            output, reference, json, minSsim, minPsnr, maxDelta, expect, maxPeak, maxRatio, mode,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var defaults = QcThresholds.Default;
            var thresholds = defaults with
            {
                MinSsim = Fraction(parse.GetValue(minSsim), "--min-ssim") ?? defaults.MinSsim,
                MinPsnr = parse.GetValue(minPsnr) ?? defaults.MinPsnr,
                MaxDurationDeltaSeconds = NonNegative(parse.GetValue(maxDelta), "--max-duration-delta") ?? defaults.MaxDurationDeltaSeconds,
                ExpectResolution = ParseSize(parse.GetValue(expect)),
                MaxPeakDb = parse.GetValue(maxPeak) ?? defaults.MaxPeakDb,
                MaxCompressionRatio = NonNegative(parse.GetValue(maxRatio), "--max-compression-ratio") ?? defaults.MaxCompressionRatio,
            };
            var outputPath = RequireFile(parse.GetValue(output)!, "output");
            var referencePath = RequireFile(parse.GetValue(reference)!, "--reference");
            var qcMode = parse.GetValue(mode) == "quick" ? QcMode.Quick : QcMode.Full;
            var runner = new ProcessRunner();
            var (tools, capabilities) = await Toolchain.RequireWithCapabilitiesAsync(runner, cancellationToken);
            var checker = new QualityChecker(new LimitedProcessRunner(runner, RunLimits.Default), tools.Ffmpeg, tools.Ffprobe, capabilities);
            var report = await checker.CheckAsync(outputPath, referencePath, thresholds, qcMode, cancellationToken);
            Print(report, parse.GetValue(json));
            return report.Passed ? ExitCodes.Success : ExitCodes.JobsFailed;
        });
        return command;
    }

    /// <summary>"1920x1080" to (1920, 1080); anything else is a usage error.</summary>
    internal static (int Width, int Height)? ParseSize(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0)
        {
            return (width, height);
        }

        throw new UsageException($"--expect-resolution '{text}' is not WxH (for example 1920x1080).");
    }

    private static double? Fraction(double? value, string flag) => value is < 0 or > 1
        ? throw new UsageException($"{flag} must be between 0 and 1.")
        : value;

    private static double? NonNegative(double? value, string flag) => value is < 0
        ? throw new UsageException($"{flag} cannot be negative.")
        : value;

    private static string RequireFile(string path, string what) => File.Exists(path)
        ? path
        : throw new UsageException($"{what} '{path}' does not exist.");

    private static void Print(QcReport report, bool json)
    {
        if (json)
        {
            var wire = new
            {
                report.Passed,
                Checks = report.Checks.Select(check => new { check.Name, check.Passed, check.Value, check.Threshold, check.Detail }),
            };
            Console.WriteLine(JsonSerializer.Serialize(wire, ReportJson.Options));
            return;
        }

        var c = CultureInfo.InvariantCulture;
        foreach (var check in report.Checks)
        {
            Console.WriteLine(string.Create(c,
                $"{(check.Passed ? "ok  " : "FAIL")}  {check.Name,-18} {Number(check.Value),10} {Number(check.Threshold),10}  {check.Detail}"));
        }

        Console.WriteLine(report.Passed ? "passed" : "FAILED: " + string.Join(", ", report.Checks.Where(check => !check.Passed).Select(check => check.Name)));
    }

    private static string Number(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "-";
}
