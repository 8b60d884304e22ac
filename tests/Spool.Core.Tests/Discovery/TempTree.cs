namespace Spool.Core.Tests.Discovery;

/// <summary>A throwaway folder of empty files for discovery tests.</summary>
internal sealed class TempTree : IDisposable
{
    public TempTree(params string[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "spool-discovery-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var file in files)
        {
            var path = Path.Combine(Root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, []);
        }
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
