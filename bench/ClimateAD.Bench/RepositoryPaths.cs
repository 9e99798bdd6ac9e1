namespace ClimateAD.Bench;

/// <summary>Locates files relative to the repository root (the folder holding ClimateAD.sln).</summary>
public static class RepositoryPaths
{
    /// <summary>
    /// The repository root, found by walking up from the current directory and then from the
    /// program's own folder until a directory contains <c>ClimateAD.sln</c>.
    /// </summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Absolute path of a repository-relative path.</summary>
    public static string Resolve(string relativePath) => Path.GetFullPath(Path.Combine(Root, relativePath));

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ClimateAD.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("ClimateAD.sln not found above the current directory or the program; run from inside the repository.");
    }
}
