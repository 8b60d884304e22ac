using System.Net;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using Spool.EndToEnd.Tests.Infrastructure;
using Spool.EndToEnd.Tests.Media;
using Xunit.Abstractions;

namespace Spool.EndToEnd.Tests.Web;

/// <summary>
/// Issue 6: the dashboard in a real browser (Debian's headless chromium). A batch submitted through the API shows up on
/// the open page and progresses there from queued to done; the page keeps the token out of what it shows, and without
/// the token it shows no batch data at all. The first test starts serve without --token and opens the link it prints;
/// the page's report link opens the sandboxed report with the token. The screenshot is kept as a test artefact: TestResults/artifacts/dashboard.png.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class DashboardTests(ITestOutputHelper log)
{
    private const string Token = "e2e-dashboard-token-7f3a9c41";
    private static readonly string[] Names = ["alpha clip.mp4", "beta.mp4", "gamma.mp4"];

    [Fact]
    public async Task Open_page_shows_a_submitted_batch_progress_from_queued_to_done()
    {
        Assert.True(HeadlessChromium.FindBinary() is not null, HeadlessChromium.Missing);
        using var temp = new TempFolder("dashboard");
        var cli = SpoolCli.In(temp);
        var inputs = await ClipsAsync(temp);

        // The server only serves; a separate worker runs the batch once the page has shown it queued. So the page
        // must follow work done by another process (the events poll the store), and the progress it shows is certain.
        // No --token: serve makes one, keeps it owner-only in $SPOOL_HOME, and prints the page's link with it.
        await using var server = await SpoolServeProcess.StartAsync(cli, null, "--no-workers");
        var token = server.Token!;
        var kept = Path.Combine(cli.Environment["SPOOL_HOME"]!, "serve.token");
        Assert.Equal((token, UnixFileMode.UserRead | UnixFileMode.UserWrite), ((await File.ReadAllTextAsync(kept)).Trim(), File.GetUnixFileMode(kept)));
        await using var browser = await HeadlessChromium.StartAsync(temp.Combine("profile"));
        await browser.NavigateAsync(new Uri(server.Address, "/?token=" + token).ToString());
        Assert.True(await browser.WaitUntilAsync("document.querySelector('#queue-status') !== null", TimeSpan.FromSeconds(30)), "The page has no #queue-status:\n" + await browser.HtmlAsync());

        var id = await server.SubmitAsync(Request(inputs, temp.Combine("out")));
        var queued = await WatchAsync(browser, id, "queued", TimeSpan.FromSeconds(30));
        var worker = await cli.RunAsync("worker", "--drain", "--max-concurrent", "2", "--quiet");
        Assert.True(worker.ExitCode == 0, worker.Describe());
        var done = await WatchAsync(browser, id, "succeeded", TimeSpan.FromMinutes(1));
        log.WriteLine("What the page showed, in order:\n" + string.Join('\n', queued.Concat(done)));
        var batch = await server.GetJsonAsync($"api/batches/{id}");
        Assert.True((string?)batch["state"] == "completed" && (int?)batch["counts"]?["succeeded"] == 3, "The API says: " + batch.ToJsonString());

        var text = await browser.TextAsync();
        var html = await browser.HtmlAsync();
        var problems = new Problems();
        problems.Check(text.Contains(id, StringComparison.Ordinal), $"the page does not show the batch id {id}:\n{text}");
        foreach (var name in Names)
        {
            problems.Check(text.Contains(name, StringComparison.Ordinal), $"the page does not show the file name {name}:\n{text}");
        }

        problems.Check(!html.Contains(token, StringComparison.Ordinal), "the token appears in the page's DOM:\n" + html);
        var address = (await browser.EvaluateAsync("location.href"))?.ToString() ?? "";
        problems.Check(!address.Contains(token, StringComparison.Ordinal), $"the token stays in the address bar: {address}");
        var report = await OpenReportAsync(browser);
        var reportLink = new Uri(server.Address, $"/api/batches/{id}/report?token=").ToString();
        problems.Check(report.StartsWith(reportLink, StringComparison.Ordinal), $"the report link opened '{report}', not {reportLink}…");
        using (var anonymous = new HttpClient())
        using (var opened = await anonymous.GetAsync(new Uri(report.Length > 0 ? report : reportLink)))
        {
            var body = await opened.Content.ReadAsStringAsync();
            var policy = opened.Headers.TryGetValues("Content-Security-Policy", out var values) ? string.Join(';', values) : "";
            problems.Check(opened.StatusCode == HttpStatusCode.OK && policy == "sandbox" && body.Contains(Names[1], StringComparison.Ordinal), $"the report link answered {(int)opened.StatusCode} with CSP '{policy}':\n{body[..Math.Min(body.Length, 300)]}");
        }

        var screenshot = await SaveScreenshotAsync(browser);
        problems.Check(screenshot.Length > 10_000 && screenshot.AsSpan(0, 8).SequenceEqual(PngSignature), $"the screenshot is not a PNG over 10 kB ({screenshot.Length} bytes)");
        problems.AssertNone(Names.Length + 6, "checks of the page");
        await StopAsync(server);
    }

    [Fact]
    public async Task Page_without_the_token_shows_no_batch_data_while_the_server_runs_it()
    {
        Assert.True(HeadlessChromium.FindBinary() is not null, HeadlessChromium.Missing);
        using var temp = new TempFolder("dashboard-no-token");
        var inputs = await ClipsAsync(temp);
        await using var server = await SpoolServeProcess.StartAsync(SpoolCli.In(temp), Token, "--max-concurrent", "2");
        var id = await server.SubmitAsync(Request(inputs, temp.Combine("out")));
        using (var anonymous = new HttpClient())
        using (var answer = await anonymous.GetAsync(new Uri(server.Address, "/api/batches")))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        }

        await using var browser = await HeadlessChromium.StartAsync(temp.Combine("profile"));
        await browser.NavigateAsync(server.Address.ToString());
        var asked = await browser.WaitUntilAsync("document.body !== null && /token/i.test(document.body.innerText)", TimeSpan.FromSeconds(30));
        Assert.True(asked, "Without a token the page does not say that it needs one:\n" + await browser.TextAsync());

        // serve's own workers run the batch meanwhile; the page learns nothing of it.
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        var batch = await server.GetJsonAsync($"api/batches/{id}");
        while ((string?)batch["state"] != "completed" && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
            batch = await server.GetJsonAsync($"api/batches/{id}");
        }

        Assert.True((string?)batch["state"] == "completed" && (int?)batch["counts"]?["succeeded"] == 3, "serve's workers did not finish the batch: " + batch.ToJsonString());
        Assert.DoesNotContain(id, await browser.HtmlAsync(), StringComparison.Ordinal);
        Assert.Equal(0, (int?)await browser.EvaluateAsync("document.querySelectorAll('#batches [data-batch-id], #jobs [data-state]').length"));
        await StopAsync(server);
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static JsonObject Request(string inputs, string output) => new()
    {
        ["inputs"] = new JsonArray(inputs),
        ["presets"] = new JsonArray("fast_draft"),
        ["output"] = output,
        ["qc"] = "off",
        ["max_concurrent"] = 2,
    };

    /// <summary>
    /// Polls the live page until the batch is listed (as completed, when waiting for <c>succeeded</c>) and each file's
    /// job row carries <paramref name="jobState"/>; returns each distinct thing the page showed on the way, for the log.
    /// </summary>
    private static async Task<List<string>> WatchAsync(HeadlessChromium browser, string id, string jobState, TimeSpan limit)
    {
        var names = new JsonArray([.. Names.Select(name => JsonValue.Create(name))]).ToJsonString();
        var batchDone = jobState == "succeeded" ? "/completed/i.test(batch.innerText)" : "true";
        var probe = $$"""
            (() => {
              const batch = document.querySelector('#batches [data-batch-id="{{id}}"]');
              const rows = [...document.querySelectorAll('#jobs [data-state]')];
              const done = batch !== null && {{batchDone}}
                && {{names}}.every(name => rows.some(row => row.innerText.includes(name) && row.getAttribute('data-state') === '{{jobState}}'));
              const shown = (batch ? batch.innerText : 'batch not listed') + ' | jobs: ' + rows.map(row => row.getAttribute('data-state')).join(',');
              return JSON.stringify({ done, shown: shown.replace(/\s+/g, ' ') });
            })()
            """;
        var seen = new List<string>();
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await browser.EvaluateAsync(probe) is JsonValue value && JsonNode.Parse(value.ToString()) is { } state)
            {
                var shown = (string?)state["shown"] ?? "";
                if (seen.Count == 0 || seen[^1] != shown)
                {
                    seen.Add(shown);
                }

                if ((bool?)state["done"] == true)
                {
                    return seen;
                }
            }

            await Task.Delay(200);
        }

        Assert.Fail($"Within {limit.TotalSeconds} s the page did not show batch {id} with every job {jobState}. It showed:\n{string.Join('\n', seen)}\n{await browser.TextAsync()}");
        return seen;
    }

    /// <summary>Clicks the page's report link and returns the address it opens (window.open is watched, not followed).</summary>
    private static async Task<string> OpenReportAsync(HeadlessChromium browser)
    {
        await browser.EvaluateAsync("window.open = url => { window.openedReport = url; return null; }; document.getElementById('report-link').click(); 0");
        return (await browser.EvaluateAsync("window.openedReport || ''"))?.ToString() ?? "";
    }

    private static async Task<byte[]> SaveScreenshotAsync(HeadlessChromium browser)
    {
        var png = await browser.ScreenshotAsync();
        var folder = Path.Combine(RepoPaths.Root, "TestResults", "artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, "dashboard.png"), png);
        return png;
    }

    private static async Task StopAsync(SpoolServeProcess server)
    {
        var ended = await server.TerminateAsync(TimeSpan.FromSeconds(20));
        Assert.True(ended is not null, "spool serve was still running 20 s after SIGTERM.");
        Assert.True(ended.ExitCode is 0 or 130, "spool serve did not stop cleanly on SIGTERM: " + ended.Describe());
    }

    /// <summary>Three tiny clips (160x120, 1 s), one with a space in its name.</summary>
    private static async Task<string> ClipsAsync(TempFolder temp)
    {
        var folder = temp.NewFolder("in");
        foreach (var name in Names)
        {
            await MediaFactory.ClipAsync(Path.Combine(folder, name), new ClipSpec(160, 120));
        }

        return folder;
    }
}
