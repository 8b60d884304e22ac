using System.Reflection;

namespace Spool.EndToEnd.Tests.Infrastructure;

/// <summary>Where the repository is: the folder holding Spool.slnx, found by walking up from the test binaries.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Launcher => Path.Combine(Root, "spool");

    /// <summary>The real-world media the tests read, kept in the project (tests/corpus/README.md lists origin and licence).</summary>
    public static string Corpus => Path.Combine(Root, "tests", "corpus");

    // The binaries normally sit inside the repository; with --artifacts-path they do not, so the project folder
    // recorded at build time is the second place to start from.
    private static string FindRoot()
    {
        var projectDirectory = typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(attribute => attribute.Key == "SpoolProjectDirectory")?.Value;
        string?[] starts = [AppContext.BaseDirectory, projectDirectory];
        foreach (var start in starts.OfType<string>())
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "Spool.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException(
            $"No Spool.slnx above {AppContext.BaseDirectory} or {projectDirectory}: the end-to-end tests must run from the repository.");
    }
}
