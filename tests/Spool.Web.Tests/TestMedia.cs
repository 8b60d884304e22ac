using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Spool.Core.Queue;

namespace Spool.Web.Tests;

/// <summary>Tiny clips made with lavfi, and helpers for the API's answers.</summary>
internal static class TestMedia
{
    public static async Task<string> ClipsAsync(string parent, int count)
    {
        var folder = Path.Combine(parent, "clips-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        await Task.WhenAll(Enumerable.Range(1, count).Select(i => FfmpegAsync(
            "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25:duration=1", "-f", "lavfi", "-i", "sine=frequency=440:duration=1",
            "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", Path.Combine(folder, $"clip{i}.mp4"))));
        return folder;
    }

    /// <summary>A batch stored directly, without media: its jobs stay queued on a server without workers.</summary>
    public static NewBatch Batch(string id, int jobs, string output = "/tmp/spool-web-out") => new(
        id, BatchPriority.Normal, output, "{}", jobs,
        Enumerable.Range(0, jobs).Select(i => new NewJob(i, $"/in/clip{i:D5}.mp4", $"clip{i:D5}", "web_optimized", 0, 1)).ToList());

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/json", $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await JsonAsync(response);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);

    private static async Task FfmpegAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("SPOOL_FFMPEG") is { Length: > 0 } path ? path : "ffmpeg")
        {
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["-hide_banner", "-nostdin", "-v", "error", "-y", .. arguments])
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, stderr);
    }
}
