using Xunit;

namespace ClimateAD.TestKit;

/// <summary>
/// A fact that runs only when the environment variable <c>CLIMATEAD_LONG_TESTS=1</c> is set: validations that take about a
/// minute on the 2-core CI machine (full-size gradient checks, many-realisation twin experiments), kept out of the default suite.
/// </summary>
public sealed class LongFactAttribute : FactAttribute
{
    public LongFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("CLIMATEAD_LONG_TESTS") != "1")
            Skip = "Long validation (about a minute): set CLIMATEAD_LONG_TESTS=1 to run it.";
    }
}
