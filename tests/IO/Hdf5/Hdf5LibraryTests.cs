using ClimateAD.IO.Hdf5;
using ClimateAD.IO.Netcdf;
using ClimateAD.IO.Tests.Netcdf;
using Xunit;

namespace ClimateAD.IO.Tests.Hdf5;

public sealed class Hdf5LibraryTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Version_OfLoadedLibrary_IsAtLeast1_10()
    {
        Assert.True(Hdf5Library.Version >= new Version(1, 10), $"HDF5 {Hdf5Library.Version}");
        Assert.True(Hdf5Library.IsLoaded);
    }

    [Fact]
    public void Open_MissingFile_ThrowsHdf5ExceptionWithCallFileAndHdf5Reason()
    {
        var path = _dir.File("missing.h5");

        var error = Assert.Throws<Hdf5Exception>(() => H5F.open(path, H5F.ACC_RDONLY, H5P.DEFAULT));

        Assert.Equal("H5Fopen", error.Function);
        Assert.Equal(path, error.FilePath);
        Assert.Contains("No such file or directory", error.Detail);
        Assert.StartsWith($"HDF5 call H5Fopen failed on '{path}'", error.Message);
    }

    [Fact]
    public void Failure_AfterAFailedCall_DoesNotLeakErrorStackIntoNextCall()
    {
        Assert.Throws<Hdf5Exception>(() => H5F.open(_dir.File("a.h5"), H5F.ACC_RDONLY, H5P.DEFAULT));
        var error = Assert.Throws<Hdf5Exception>(() => H5G.open(-1, "/", H5P.DEFAULT));

        Assert.Equal("H5Gopen2", error.Function);
        Assert.DoesNotContain("No such file", error.Detail);
    }

    [Fact]
    public async Task Writers_OnFourThreadsAtOnce_AllProduceCorrectFiles()
    {
        // The Debian library is not thread-safe; without the global lock this corrupts or crashes.
        var paths = Enumerable.Range(0, 4).Select(i => _dir.File($"parallel{i}.nc")).ToArray();

        await Task.WhenAll(paths.Select(path => Task.Run(() => SampleFile.Write(path, 20))));

        foreach (var path in paths)
        {
            using var reader = NetcdfReader.Open(path);
            Assert.Equal(20, reader.RecordCount);
            NetcdfWriterRoundTripTests.AssertBitwiseEqual(SampleFile.Ta(19), reader.ReadRecord("ta", 19));
        }
    }
}
