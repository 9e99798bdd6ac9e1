using ClimateAD.Adjoint.Verification;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.TestKit;

/// <summary>
/// The one assertion every differentiable component's test makes (DESIGN.md §3): run the shared
/// harness on a registered case, require that the dot-product, Taylor and finite-difference
/// checks were all actually made, and that every check passes. The table goes to the test output.
/// </summary>
public static class GradientAssert
{
    /// <summary>Runs every check on <paramref name="c"/> and asserts they are present and pass.</summary>
    /// <param name="c">The case to check.</param>
    /// <param name="output">Where the result table is written.</param>
    /// <param name="stateComponents">Initial-state components whose finite-difference check must be present.</param>
    /// <returns>The results, for further assertions.</returns>
    public static IReadOnlyList<GradientCheckResult> AllChecksPass(GradientCheckCase c, ITestOutputHelper output,
        params int[] stateComponents)
    {
        var results = GradientChecker.RunAll(c);
        string table = GradientCheckResult.FormatTable(results);
        output.WriteLine(table);
        Assert.Contains(results, r => r.Test == "dot-product (state)");
        Assert.Contains(results, r => r.Test == "dot-product (parameters)");
        Assert.Contains(results, r => r.Test == "taylor rate");
        var checkedParameters = c.CheckedParameters ?? Enumerable.Range(0, c.Parameters.Length).ToArray();
        foreach (int i in checkedParameters)
            Assert.Contains(results, r => r.Test == $"finite-difference θ[{i}]");
        foreach (int i in stateComponents)
            Assert.Contains(results, r => r.Test == $"finite-difference x0[{i}]");
        Assert.All(results, r => Assert.True(r.Pass, table));
        return results;
    }
}
