using System.Runtime.CompilerServices;

namespace ClimateAD.TestKit;

/// <summary>
/// Locates the repository (the folder holding ClimateAD.sln) so tests can read data/, scenarios/
/// and the malformed scenario files. Walks up from the test binaries; when they are built outside
/// the tree (--artifacts-path), walks up from this source file instead.
/// </summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path under the repository root, from '/'-separated parts.</summary>
    public static string Combine(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A file under data/.</summary>
    public static string Data(string relative) => Combine("data", relative);

    private static string FindRoot() =>
        WalkUp(AppContext.BaseDirectory) ?? WalkUp(Path.GetDirectoryName(ThisFile())!)
        ?? throw new DirectoryNotFoundException("ClimateAD.sln not found above the test binaries or sources.");

    private static string? WalkUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "ClimateAD.sln"))) return dir.FullName;
        return null;
    }

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
