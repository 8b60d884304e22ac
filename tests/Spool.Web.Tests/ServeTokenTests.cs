using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using Spool.Core.Storage.Sqlite;
using Spool.Web.Auth;

namespace Spool.Web.Tests;

/// <summary>
/// serve without --token makes one and keeps it in $SPOOL_HOME/serve.token, readable by its owner only, so the
/// link it prints opens the page again after a restart.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class ServeTokenTests : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private readonly string folder = Path.Combine(Path.GetTempPath(), "spool-token-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task The_generated_token_is_kept_owner_only_and_opens_the_api_again_on_the_next_start()
    {
        var home = Path.Combine(folder, "home");
        var first = ServeToken.LoadOrCreate(home);
        var file = Path.Combine(home, ServeToken.FileName);
        var firstAnswer = await GetBatchesAsync(first.Token);
        var second = ServeToken.LoadOrCreate(home);
        var secondAnswer = await GetBatchesAsync(second.Token);

        Assert.Equal((file, true, false), (first.Path, first.Created, second.Created));
        Assert.Equal(first.Token, second.Token);
        Assert.Matches("^[0-9a-f]{64}$", first.Token);
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(home));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], new[] { firstAnswer, secondAnswer });
    }

    [Fact]
    public void A_token_file_that_others_can_read_is_replaced_by_a_new_owner_only_one()
    {
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, ServeToken.FileName);
        File.WriteAllText(file, "seen-by-everyone");
        File.SetUnixFileMode(file, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var token = ServeToken.LoadOrCreate(folder);

        Assert.NotEqual("seen-by-everyone", token.Token);
        Assert.True(token.Created);
        Assert.Equal((token.Token, OwnerOnly), (File.ReadAllText(file).Trim(), File.GetUnixFileMode(file)));
        Assert.Equal([ServeToken.FileName], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    private async Task<HttpStatusCode> GetBatchesAsync(string token)
    {
        Directory.CreateDirectory(folder);
        await using var store = new SqliteJobStore(Path.Combine(folder, "spool.db"));
        await store.MigrateAsync(CancellationToken.None);
        await using var server = await RunningServer.StartAsync(new ServerOptions("127.0.0.1", 0, token), store);
        using var client = new HttpClient { BaseAddress = server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.GetAsync(new Uri("/api/batches", UriKind.Relative));
        return response.StatusCode;
    }
}
