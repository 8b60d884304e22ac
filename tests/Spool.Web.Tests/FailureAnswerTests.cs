using System.Net;
using System.Reflection;
using System.Text;
using Spool.Core.Storage;

namespace Spool.Web.Tests;

/// <summary>What the server answers when a request is too big, out of range, or meets a bug: a status that says which, and no internals.</summary>
public sealed class FailureAnswerTests(IdleServer server) : IClassFixture<IdleServer>
{
    [Fact]
    public async Task A_body_over_the_size_limit_answers_413()
    {
        var padding = new string('a', 2 * 1024 * 1024);
        using var content = new StringContent($$"""{"inputs":["{{padding}}"]}""", Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri("/api/batches", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("the request body is larger than 1 MiB", (await TestMedia.JsonAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_timeout_too_large_for_any_clock_answers_400_under_its_field()
    {
        var folder = Directory.CreateDirectory(Path.Combine(server.Folder, "huge-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        File.WriteAllBytes(Path.Combine(folder, "a.mp4"), []);
        using var content = new StringContent($$"""{"inputs":["{{folder}}"],"timeout_seconds":1e300}""", Encoding.UTF8, "application/json");

        using var response = await server.Client.PostAsync(new Uri("/api/batches", UriKind.Relative), content);

        var body = await TestMedia.JsonAsync(response);
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, body.ToString());
        Assert.Equal(["timeout_seconds"], body.GetProperty("errors").EnumerateObject().Select(field => field.Name));
    }

    [Fact]
    public async Task A_failure_answers_500_without_the_exception_message()
    {
        const string Secret = "connection to db.internal:5432 as spool_admin failed at /srv/secret/path";
        var errors = new StringWriter();
        var store = DispatchProxy.Create<IJobStore, FailingStore>();
        ((FailingStore)(object)store).Message = Secret;
        await using var failing = await RunningServer.StartAsync(new ServerOptions("127.0.0.1", 0, ServerFixture.Token) { Errors = TextWriter.Synchronized(errors) }, store);
        using var client = new HttpClient { BaseAddress = failing.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", ServerFixture.Token);

        using var response = await client.GetAsync(new Uri("/api/batches", UriKind.Relative));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("""{"error":"internal error: see the server's error output"}""", body);
        Assert.Contains(Secret, errors.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A store whose every call fails the way a broken database connection does.</summary>
    public class FailingStore : DispatchProxy
    {
        public string Message { get; set; } = "";

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) =>
            targetMethod?.Name == nameof(IAsyncDisposable.DisposeAsync) ? ValueTask.CompletedTask : throw new InvalidOperationException(Message);
    }
}
