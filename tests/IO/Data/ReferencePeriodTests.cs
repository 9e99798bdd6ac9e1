using ClimateAD.IO.Data;
using Xunit;

namespace ClimateAD.IO.Tests.Data;

public sealed class ReferencePeriodTests
{
    [Fact]
    public void MeanOf_AnnualSeries_AveragesInclusiveYears()
    {
        // Years 2000..2004 hold 1..5; the mean over 2001-2003 is (2+3+4)/3 = 3.
        double[] values = [1, 2, 3, 4, 5];
        Assert.Equal(3.0, new ReferencePeriod(2001, 2003).MeanOf(values, 2000));
    }

    [Fact]
    public void Rebase_AnnualSeries_SubtractsPeriodMean()
    {
        double[] values = [1, 2, 3, 4, 5];
        Assert.Equal([-2.0, -1.0, 0.0, 1.0, 2.0], new ReferencePeriod(2001, 2003).Rebase(values, 2000));
    }

    [Fact]
    public void MeanOf_SubAnnualSamples_UsesSamplesInsidePeriod()
    {
        // Quarterly samples at mid-points; 2001 has 10, 20, 30, 40 (mean 25), 2000 and 2002 are excluded.
        double[] times = [2000.875, 2001.125, 2001.375, 2001.625, 2001.875, 2002.125];
        double[] values = [1000, 10, 20, 30, 40, 1000];
        Assert.Equal(25.0, new ReferencePeriod(2001, 2001).MeanOf(times, values));
    }

    [Fact]
    public void MeanOf_PeriodOutsideSeries_Throws()
    {
        double[] values = [1, 2, 3];
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReferencePeriod(1999, 2001).MeanOf(values, 2000));
    }

    [Fact]
    public void ObservedSeriesRebase_KeepsSigmaAndShiftsLimits()
    {
        var s = new ObservedSeries("t", "file", "K", "raw", 2000, [1.0, 3.0], sigma: [0.1, 0.2], lower: [0.5, 2.5], upper: [1.5, 3.5]);
        var r = s.Rebase(new ReferencePeriod(2000, 2001));
        Assert.Equal([-1.0, 1.0], r.Values.ToArray());
        Assert.Equal([0.1, 0.2], r.Sigma.ToArray());
        Assert.Equal([-1.5, 0.5], r.Lower.ToArray());
        Assert.Equal("2000-2001 mean", r.Reference);
    }
}
