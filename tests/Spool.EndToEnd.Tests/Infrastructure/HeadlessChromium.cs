using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Debian's chromium in headless mode, driven over its own DevTools protocol (a WebSocket, no Playwright). Not
/// <c>--dump-dom</c>: that dumps at the load event, before the page's fetches answer, and with
/// <c>--virtual-time-budget</c> it never returns while the page holds its event stream open. Over the protocol a test
/// polls the live DOM until what it waits for is there, as a user watching the page would.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Missing =
        "chromium is not installed, so the dashboard's browser tests cannot run. ./test.sh installs it (scripts/deps.sh, " +
        "spool_ensure_chromium); by hand: apt-get install chromium";

    private readonly RunningTool _browser;
    private readonly ClientWebSocket _socket;
    private int _nextId;

    private HeadlessChromium(RunningTool browser, ClientWebSocket socket)
    {
        _browser = browser;
        _socket = socket;
    }

    /// <summary>chromium or chromium-browser on PATH; null when neither is.</summary>
    public static string? FindBinary() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(folder => new[] { "chromium", "chromium-browser" }.Select(name => Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Starts a browser with a fresh profile in <paramref name="profile"/> (so no stored token carries over) on a blank page.</summary>
    public static async Task<HeadlessChromium> StartAsync(string profile, int width = 1280, int height = 900)
    {
        var binary = FindBinary() ?? throw new InvalidOperationException(Missing);
        Directory.CreateDirectory(profile);
        var browser = RunningTool.Start(binary, [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--user-data-dir=" + profile, "--remote-debugging-port=0", $"--window-size={width},{height}", "about:blank",
        ], workingDirectory: profile);
        try
        {
            var port = await DevToolsPortAsync(browser, Path.Combine(profile, "DevToolsActivePort"));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var targets = JsonNode.Parse(await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/json/list")))!.AsArray();
            var page = targets.First(target => (string?)target!["type"] == "page")!;
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
            return new HeadlessChromium(browser, socket);
        }
        catch
        {
            browser.Dispose();
            throw;
        }
    }

    public Task NavigateAsync(string url) => CommandAsync("Page.navigate", new JsonObject { ["url"] = url });

    /// <summary>
    /// A JavaScript expression's value, as JSON; null when it threw or had no page to run in (a navigation replacing the
    /// page): a poll simply tries again.
    /// </summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var message = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true });
        return message["result"] is { } answer && answer["exceptionDetails"] is null ? answer["result"]?["value"]?.DeepClone() : null;
    }

    /// <summary>Polls <paramref name="expression"/> until it is true; false when <paramref name="limit"/> passes first.</summary>
    public async Task<bool> WaitUntilAsync(string expression, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < deadline)
        {
            if (await EvaluateAsync(expression) is JsonValue value && value.TryGetValue<bool>(out var done) && done)
            {
                return true;
            }

            await Task.Delay(150);
        }

        return false;
    }

    public async Task<string> TextAsync() => (await EvaluateAsync("document.body ? document.body.innerText : ''"))?.ToString() ?? "";

    public async Task<string> HtmlAsync() => (await EvaluateAsync("document.documentElement.outerHTML"))?.ToString() ?? "";

    public async Task<byte[]> ScreenshotAsync()
    {
        var answer = await CommandAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String((string)answer["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // The browser is killed next anyway.
            }
        }

        _socket.Dispose();
        _browser.Dispose();
    }

    /// <summary>Chromium writes the port it picked into the profile; waits for it (or for the browser to die).</summary>
    private static async Task<int> DevToolsPortAsync(RunningTool browser, string portFile)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline && !browser.HasExited)
        {
            if (File.Exists(portFile) && (await File.ReadAllLinesAsync(portFile)) is [var first, ..] && int.TryParse(first, out var port) && port > 0)
            {
                return port;
            }

            await Task.Delay(50);
        }

        var ended = browser.HasExited ? (await browser.WaitAsync(TimeSpan.FromSeconds(5))).Describe() : "still running, no port after 30 s";
        throw new InvalidOperationException("Headless chromium did not open its DevTools port: " + ended);
    }

    private async Task<JsonNode> CommandAsync(string method, JsonObject parameters)
    {
        var message = await SendAsync(method, parameters);
        return message["error"] is { } error
            ? throw new InvalidOperationException($"chromium refused {method}: {error.ToJsonString()}")
            : message["result"] ?? new JsonObject();
    }

    /// <summary>One protocol command and its answer message; events that arrive in between are skipped (none is enabled).</summary>
    private async Task<JsonNode> SendAsync(string method, JsonObject parameters)
    {
        var id = ++_nextId;
        var command = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _socket.SendAsync(Encoding.UTF8.GetBytes(command.ToJsonString()), WebSocketMessageType.Text, true, timeout.Token);
        while (true)
        {
            var message = JsonNode.Parse(await ReceiveAsync(timeout.Token))!;
            if ((int?)message["id"] == id)
            {
                return message;
            }
        }
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        using var message = new MemoryStream();
        var buffer = new byte[64 * 1024];
        WebSocketReceiveResult part;
        do
        {
            part = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (part.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("chromium closed the DevTools connection.");
            }

            message.Write(buffer, 0, part.Count);
        }
        while (!part.EndOfMessage);
        return Encoding.UTF8.GetString(message.ToArray());
    }
}
