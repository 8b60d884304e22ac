using Spool.Cli;

namespace Spool.Web.Tests;

/// <summary>spool serve refuses what it must before it opens the store or binds anything: exit 2.</summary>
[Collection(nameof(ProcessEnvironment))]
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Binding_every_address_without_a_token_or_a_root_exits_2_before_anything_is_opened_or_made()
    {
        var home = Path.Combine(Path.GetTempPath(), "spool-serve-" + Guid.NewGuid().ToString("N"));
        var before = Environment.GetEnvironmentVariable("SPOOL_HOME");
        Environment.SetEnvironmentVariable("SPOOL_TOKEN", null);
        Environment.SetEnvironmentVariable("SPOOL_HOME", home);
        try
        {
            Assert.Equal(2, await SpoolApp.RunAsync(["serve", "--bind", "0.0.0.0", "--port", "0", "--store", Path.Combine(home, "spool.db")]));
            Assert.False(Directory.Exists(home));
        }
        finally
        {
            Environment.SetEnvironmentVariable("SPOOL_HOME", before);
        }
    }

    [Fact]
    public async Task Binding_every_address_without_a_root_exits_2_before_anything_is_opened()
    {
        var store = Path.Combine(Path.GetTempPath(), "spool-serve-" + Guid.NewGuid().ToString("N"), "spool.db");

        Assert.Equal(2, await SpoolApp.RunAsync(["serve", "--bind", "0.0.0.0", "--port", "0", "--token", "t", "--store", store]));
        Assert.False(File.Exists(store));
    }

    [Theory]
    [InlineData("--root", "/nonexistent/spool-root")]
    [InlineData("--bind", "example.com")]
    [InlineData("--port", "70000")]
    [InlineData("--max-concurrent", "0")]
    public async Task Bad_values_exit_2(string flag, string value)
    {
        Assert.Equal(2, await SpoolApp.RunAsync(["serve", "--store", "/nonexistent/spool.db", flag, value]));
    }
}

/// <summary>Tests that change this process's environment run alone.</summary>
[CollectionDefinition(nameof(ProcessEnvironment), DisableParallelization = true)]
public sealed class ProcessEnvironment;
