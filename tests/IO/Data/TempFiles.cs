namespace ClimateAD.IO.Tests.Data;

/// <summary>A temporary folder for small hand-written files, deleted on dispose.</summary>
public sealed class TempFiles : IDisposable
{
    /// <summary>The folder.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("climatead-io-").FullName;

    /// <summary>Writes <paramref name="lines"/> (joined with LF) to a file in the folder and returns its path.</summary>
    public string Write(string name, params string[] lines)
    {
        string path = Path.Combine(Folder, name);
        File.WriteAllText(path, string.Join("\n", lines) + "\n");
        return path;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); }
        catch (IOException) { }
    }
}
