namespace ClimateAD.IO.Hdf5;

/// <summary>
/// Thrown when none of the HDF5 native libraries in <see cref="Hdf5Library.ProbeList"/> can be loaded.
/// The message is a single line that names the install command (Debian/Ubuntu packages
/// <c>libhdf5-103-1</c> and <c>libhdf5-hl-100</c>, the HDF5 1.10 runtime and its high-level library).
/// </summary>
public sealed class Hdf5NotFoundException : DllNotFoundException
{
    /// <summary>The command that installs the HDF5 runtime on Debian and Ubuntu.</summary>
    public const string InstallCommand = "sudo apt-get install libhdf5-103-1 libhdf5-hl-100";

    /// <summary>Creates the exception listing the library file names that were tried.</summary>
    /// <param name="tried">Library names or paths tried, in order.</param>
    public Hdf5NotFoundException(IReadOnlyList<string> tried)
        : base(BuildMessage(tried))
    {
        Tried = tried;
    }

    /// <summary>Library names or paths that were tried, in probe order.</summary>
    public IReadOnlyList<string> Tried { get; }

    /// <summary>
    /// Builds the one-line message: what is missing, the install command, what was tried, and the
    /// environment variable that points at a library elsewhere.
    /// </summary>
    /// <param name="tried">Library names or paths tried, in order.</param>
    /// <returns>A message without line breaks.</returns>
    public static string BuildMessage(IReadOnlyList<string> tried) =>
        $"The HDF5 native library was not found; install it with: {InstallCommand} (Debian/Ubuntu; " +
        $"macOS: brew install hdf5). Tried: {string.Join(", ", tried)}. To use a library elsewhere set " +
        $"{Hdf5Library.LibraryPathVariable} and {Hdf5Library.HighLevelLibraryPathVariable} to its full paths.";
}
