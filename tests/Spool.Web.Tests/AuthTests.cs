using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Spool.Core.Reporting;

namespace Spool.Web.Tests;

/// <summary>With a token, /api and /metrics need it; the page does not; changes must come from the page's own origin.</summary>
public sealed class AuthTests(IdleServer server) : IClassFixture<IdleServer>
{
    [Theory]
    [InlineData("/api/batches")]
    [InlineData("/api/system")]
    [InlineData("/api/presets")]
    [InlineData("/api/events")]
    [InlineData("/metrics")]
    public async Task Reads_without_the_token_answer_401(string path)
    {
        using var response = await server.Anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await TestMedia.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_wrong_token_answers_401_on_get_and_post()
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/api/batches");
        get.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ServerFixture.Token + "x");
        using var post = new HttpRequestMessage(HttpMethod.Post, "/api/batches") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        post.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong");

        using var got = await server.Anonymous.SendAsync(get);
        using var posted = await server.Anonymous.SendAsync(post);
        using var anonymousPost = await TestMedia.PostJsonAsync(server.Anonymous, "/api/batches", new { inputs = new[] { server.Folder } });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized], new[] { got.StatusCode, posted.StatusCode, anonymousPost.StatusCode });
        Assert.Empty(await server.Store.ListBatchesAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_token_opens_the_api_and_the_query_token_only_the_event_stream()
    {
        using var batches = await server.Client.GetAsync(new Uri("/api/batches", UriKind.Relative));
        using var metrics = await server.Client.GetAsync(new Uri("/metrics", UriKind.Relative));
        using var queryOnBatches = await server.Anonymous.GetAsync(new Uri("/api/batches?token=" + ServerFixture.Token, UriKind.Relative));
        using var queryOnEvents = await server.Anonymous.GetAsync(new Uri("/api/events?token=" + ServerFixture.Token, UriKind.Relative), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, batches.StatusCode);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, queryOnBatches.StatusCode);
        Assert.Equal(HttpStatusCode.OK, queryOnEvents.StatusCode);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/app.css")]
    public async Task The_page_needs_no_token(string path)
    {
        using var response = await server.Anonymous.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_change_from_another_origin_is_refused_even_with_the_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/batches/nope/cancel");
        request.Headers.Add("Origin", "http://evil.example");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_loopback_server_refuses_requests_addressed_to_another_name()
    {
        using var rebound = new HttpRequestMessage(HttpMethod.Get, "/api/batches");
        rebound.Headers.Host = "evil.example:" + server.BaseAddress.Port;
        using var local = new HttpRequestMessage(HttpMethod.Get, "/api/batches");
        local.Headers.Host = "localhost:" + server.BaseAddress.Port;

        using var refused = await server.Client.SendAsync(rebound);
        using var answered = await server.Client.SendAsync(local);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
    }

    [Fact]
    public async Task A_submission_that_is_not_json_is_refused()
    {
        using var content = new StringContent("""{"inputs":["/tmp"]}""", Encoding.UTF8, "text/plain");

        using var response = await server.Client.PostAsync(new Uri("/api/batches", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task The_report_is_sandboxed_and_opens_with_the_token_in_its_link()
    {
        var output = Path.Combine(server.Folder, "out-sandbox");
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_sandbox", 1, output), CancellationToken.None);
        Directory.CreateDirectory(BatchReportWriter.SummaryDirectory(output));
        await File.WriteAllTextAsync(Path.Combine(BatchReportWriter.SummaryDirectory(output), "report.html"), "<html><body>clip.mp4<script>alert(1)</script></body></html>");

        using var withHeader = await server.Client.GetAsync(new Uri("/api/batches/batch_sandbox/report", UriKind.Relative));
        using var withLink = await server.Anonymous.GetAsync(new Uri("/api/batches/batch_sandbox/report?token=" + ServerFixture.Token, UriKind.Relative));
        using var withWrongLink = await server.Anonymous.GetAsync(new Uri("/api/batches/batch_sandbox/report?token=nope", UriKind.Relative));
        using var withoutToken = await server.Anonymous.GetAsync(new Uri("/api/batches/batch_sandbox/report", UriKind.Relative));

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized],
            new[] { withHeader.StatusCode, withLink.StatusCode, withWrongLink.StatusCode, withoutToken.StatusCode });
        Assert.Equal("sandbox", string.Join(';', withHeader.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("sandbox", string.Join(';', withLink.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("no-referrer", string.Join(';', withLink.Headers.GetValues("Referrer-Policy")));
        Assert.Contains("clip.mp4", await withLink.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

/// <summary>A loopback server started with no token at all: it may be read, but nothing may change it.</summary>
public sealed class TokenlessAuthTests(TokenlessServer server) : IClassFixture<TokenlessServer>
{
    [Fact]
    public async Task A_change_without_a_token_answers_401_even_on_loopback_with_no_token_configured()
    {
        await server.Store.CreateBatchAsync(TestMedia.Batch("batch_tokenless", 1, Path.Combine(server.Folder, "out")), CancellationToken.None);
        var clips = Directory.CreateDirectory(Path.Combine(server.Folder, "clips")).FullName;
        File.WriteAllBytes(Path.Combine(clips, "a.mp4"), []);

        using var submit = await TestMedia.PostJsonAsync(server.Anonymous, "/api/batches", new { inputs = new[] { clips } });
        using var cancel = await server.Anonymous.PostAsync(new Uri("/api/batches/batch_tokenless/cancel", UriKind.Relative), null);
        using var read = await server.Anonymous.GetAsync(new Uri("/api/batches/batch_tokenless", UriKind.Relative));

        Assert.Equal(
            [HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.OK],
            new[] { submit.StatusCode, cancel.StatusCode, read.StatusCode });
        Assert.Equal(["batch_tokenless"], (await server.Store.ListBatchesAsync(CancellationToken.None)).Select(batch => batch.Id));
        Assert.Equal("queued", (await TestMedia.JsonAsync(read)).GetProperty("state").GetString());
    }
}
