using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>
/// `spool serve --port 0` started like a user starts it, found at the address it prints, and talked to over HTTP with
/// its token: the API is the witness here, not the store.
/// </summary>
public sealed partial class SpoolServeProcess : IAsyncDisposable
{
    private readonly RunningTool _tool;

    private SpoolServeProcess(RunningTool tool, Uri address, string? token)
    {
        _tool = tool;
        Address = address;
        Token = token;
        Client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        if (token is not null)
        {
            Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
    }

    /// <summary>http://HOST:PORT/ as the server printed it.</summary>
    public Uri Address { get; }

    /// <summary>The token given, or the one serve made and printed in its address.</summary>
    public string? Token { get; }

    /// <summary>Sends the token (when there is one) on every request.</summary>
    public HttpClient Client { get; }

    public RunningTool Tool => _tool;

    /// <summary>
    /// Starts `spool serve --port 0 --token T ...` (without --token when <paramref name="token"/> is null, so serve makes
    /// one and prints it in the address) and waits (up to 3 min: ./spool may build first) for its address.
    /// </summary>
    public static async Task<SpoolServeProcess> StartAsync(SpoolCli cli, string? token, params string[] options)
    {
        ArgumentNullException.ThrowIfNull(cli);
        string[] tokenOption = token is null ? [] : ["--token", token];
        var tool = cli.Start(["serve", "--port", "0", .. tokenOption, .. options]);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < deadline && !tool.HasExited)
        {
            if (ServingLine().Match(tool.StdoutSoFar) is { Success: true } match)
            {
                var printed = match.Groups["token"] is { Success: true } made ? made.Value : null;
                Assert.True(token is null || printed is null, "serve printed the token it was given: " + match.Value);
                return new SpoolServeProcess(tool, new Uri(match.Groups["address"].Value), token ?? printed);
            }

            await Task.Delay(50);
        }

        var ended = tool.HasExited ? SpoolCli.ThrowIfBuildFailed(await tool.WaitAsync(TimeSpan.FromSeconds(10))).Describe() : "no `Serving on` line within 3 min";
        tool.Dispose();
        throw new InvalidOperationException("spool serve did not start: " + ended);
    }

    /// <summary>POST /api/batches; the new batch's id (fails the test with the answer when it is not 201).</summary>
    public async Task<string> SubmitAsync(JsonObject request)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Client.PostAsync(new Uri("api/batches", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 201, $"POST /api/batches answered {(int)response.StatusCode}: {body}");
        return (string)JsonNode.Parse(body)!["id"]!;
    }

    public async Task<JsonNode> GetJsonAsync(string path)
    {
        using var response = await Client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET /{path} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!;
    }

    /// <summary>SIGTERM, as a service manager stops it; the run as it ended, or null when it was still running after <paramref name="limit"/>.</summary>
    public async Task<ToolResult?> TerminateAsync(TimeSpan limit)
    {
        var kill = await ToolRun.RunAsync("kill", ["-TERM", _tool.ProcessId.ToString(CultureInfo.InvariantCulture)]);
        Assert.True(kill.ExitCode == 0, kill.Describe());
        try
        {
            return await _tool.WaitAsync(limit);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    public ValueTask DisposeAsync()
    {
        Client.Dispose();
        _tool.Dispose();
        return ValueTask.CompletedTask;
    }

    [GeneratedRegex(@"^Serving on (?<address>http://[^\s?]+/)(\?token=(?<token>[0-9a-f]+))?\s*$", RegexOptions.Multiline)]
    private static partial Regex ServingLine();
}
