using Spool.Core.Operations;
using Spool.Core.Quality;
using Spool.Core.Quality.Checks;
using Spool.Core.Reporting;
using Spool.Media.Errors;

namespace Spool.Core.Tests.Reporting;

public sealed class HtmlReportWriterTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);

    private static BatchResult Batch()
    {
        var qc = new OutputCheck(true, 1280, 720, 60.02, 0.02, true, 0, []);
        var ok = new JobResult("/in/a.mp4", "web_optimized", JobStatus.Succeeded, "/out/a/video/a_web_optimized.mp4", 1, Start, Start.AddSeconds(4), null, qc);
        var odd = new JobResult("/in/odd/a\"<b>&c.mp4", "web_optimized", JobStatus.Succeeded, "/out/a\"<b>&c/video/a\"<b>&c_web optimized.mp4", 2, Start, Start.AddSeconds(7), null, qc with { Passed = false, Problems = ["duration off by 3 s"] });
        var bad = new JobResult("/in/cam/b.mp4", "web_optimized", JobStatus.Failed, null, 1, Start, Start.AddSeconds(1), MediaError.Of(ErrorCategory.InputCorrupt, "moov atom not found; see https://example.org"), null);
        var bad2 = bad with { Input = "/in/cam/d.mp4" };
        var skipped = new JobResult("/in/e.mkv", "archival", JobStatus.Skipped, null, 0, null, null, null, null);
        return new BatchResult("batch_20261122_100000", "/out", 5, [ok, odd, bad, bad2, skipped], Start, Start.AddSeconds(10), Interrupted: false);
    }

    private static string Html(ReportExtras? extras = null) => HtmlReportWriter.Build(Batch(), extras ?? new ReportExtras());

    [Fact]
    public void Report_names_every_input()
    {
        var html = Html();

        Assert.All(["a.mp4", "a&quot;&lt;b&gt;&amp;c.mp4", "b.mp4", "d.mp4", "e.mkv"], name => Assert.Contains(name, html));
    }

    [Fact]
    public void Report_holds_svg_charts_and_loads_nothing_from_the_network()
    {
        var html = Html(new ReportExtras { Thumbnails = new Dictionary<JobKey, byte[]> { [new("/in/a.mp4", "web_optimized")] = [0xFF, 0xD8, 0xFF] } });

        Assert.Equal(2, html.Split("<svg").Length - 1);
        Assert.Contains("aria-label=\"Jobs finished over time\"", html);
        Assert.DoesNotContain("http://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void User_strings_are_escaped_in_text_and_links()
    {
        var html = Html();

        Assert.DoesNotContain("a\"<b>&c", html);
        Assert.Contains("title=\"/in/odd/a&quot;&lt;b&gt;&amp;c.mp4\"", html);
        Assert.Contains("href=\"../a%22%3Cb%3E%26c/video/a%22%3Cb%3E%26c_web%20optimized.mp4\"", html);
    }

    [Fact]
    public void Output_links_are_relative_to_the_summary_folder()
    {
        Assert.Contains("<a href=\"../a/video/a_web_optimized.mp4\">a_web_optimized.mp4</a>", Html());
    }

    [Fact]
    public void Error_groups_show_hint_note_files_and_messages()
    {
        var html = Html();

        Assert.Contains("<b class=\"bad\">input_corrupt</b> · 2 jobs", html);
        Assert.Contains(Spool.Core.Reporting.Html.Text(ErrorCategory.InputCorrupt.DefaultHint()), html);
        Assert.Contains("All 2 failures of this kind come from one folder, /in/cam", html);
        Assert.Contains("<li>/in/cam/d.mp4 — <span class=\"small\">moov atom not found; see https:&#47;&#47;example.org</span></li>", html);
    }

    [Fact]
    public void Qc_cell_shows_passed_and_numeric_values_generically()
    {
        var html = Html();

        Assert.Contains("<span class=\"ok\">passed</span><div class=\"qc\">width 1280 · height 720 · duration_seconds 60.02 · duration_delta_seconds 0.02 · rotation 0</div>", html);
        Assert.Contains("<span class=\"bad\">failed</span>", html);
        Assert.Contains("<div class=\"bad small\">duration off by 3 s</div>", html);
    }

    [Fact]
    public void Qc_with_named_checks_shows_each_value_and_marks_the_failed_ones()
    {
        var qc = new { Passed = false, Checks = new object[] { new { Name = "ssim", Passed = true, Value = 0.9812, Threshold = 0.95 }, new { Name = "integrity", Passed = false, Value = (double?)null, Threshold = (double?)null } } };

        var cell = HtmlQc.Cell(qc);

        Assert.Equal("<span class=\"bad\">failed</span><div class=\"qc\">ssim 0.9812 · <span class=\"bad\">integrity failed</span></div>", cell);
    }

    [Fact]
    public void Qc_cell_of_an_output_check_with_qc_checks_shows_each_check_once()
    {
        var qc = new OutputCheck(false, 1280, 720, 4, 0, true, 0, ["ssim 0.91 < 0.95"])
        {
            Checks = [new QcCheck("integrity", true, null, null, null), new QcCheck("ssim", false, 0.91, 0.95, null)],
        };

        var cell = HtmlQc.Cell(qc);

        Assert.Equal(
            "<span class=\"bad\">failed</span><div class=\"qc\">integrity ok · <span class=\"bad\">ssim 0.91</span> · width 1280 · height 720 · duration_seconds 4 · duration_delta_seconds 0 · rotation 0</div><div class=\"bad small\">ssim 0.91 &lt; 0.95</div>",
            cell);
    }

    [Fact]
    public void Thumbnails_are_embedded_as_jpeg_data_uris()
    {
        var html = Html(new ReportExtras { Thumbnails = new Dictionary<JobKey, byte[]> { [new("/in/a.mp4", "web_optimized")] = [0xFF, 0xD8, 0xFF] } });

        Assert.Contains("<img class=\"thumb\" alt=\"\" src=\"data:image/jpeg;base64,/9j/\">", html);
    }
}
