using ClimateAD.IO.Hdf5;
using Xunit;

namespace ClimateAD.IO.Tests.Hdf5;

public sealed class Hdf5NotFoundExceptionTests
{
    [Fact]
    public void BuildMessage_AnyProbeList_IsOneLineWithTheAptGetCommandAndWhatWasTried()
    {
        var message = Hdf5NotFoundException.BuildMessage(["libhdf5_serial.so.103", "libhdf5.so.310"]);

        Assert.DoesNotContain('\n', message);
        Assert.Contains("sudo apt-get install libhdf5-103-1 libhdf5-hl-100", message);
        Assert.Contains("Tried: libhdf5_serial.so.103, libhdf5.so.310.", message);
        Assert.Contains(Hdf5Library.LibraryPathVariable, message);
    }

    [Fact]
    public void ProbeList_StartsWithDebianSerialSonamesAndCoversNewerHdf5()
    {
        Assert.Equal(("libhdf5_serial.so.103", "libhdf5_serial_hl.so.100"), Hdf5Library.ProbeList[0]);
        Assert.Contains(Hdf5Library.ProbeList, p => p.Main == "libhdf5.so.310" && p.HighLevel == "libhdf5_hl.so.310");
        Assert.Contains(Hdf5Library.ProbeList, p => p.Main == "libhdf5.so" && p.HighLevel == "libhdf5_hl.so");
    }
}
