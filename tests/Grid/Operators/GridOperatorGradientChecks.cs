using ClimateAD.Adjoint.Verification;

namespace ClimateAD.Grid.Tests.Operators;

/// <summary>
/// Registers every staggered operator's transpose with the shared gradient harness (DESIGN.md §3)
/// on the masked latitude–longitude grid. It lives in the test assembly because Grid must not
/// reference Adjoint (DESIGN.md §1).
/// </summary>
public sealed class GridOperatorGradientChecks : IGradientCheckProvider
{
    public void Register(GradientCheckRegistry registry)
    {
        foreach (var op in OperatorCase.All)
        {
            string name = $"Grid.{op.Name}";
            registry.Register(name, () =>
            {
                var grid = TestGrids.Get("latlon-masked", 10, 8);
                var step = new LinearOperatorStep(op, grid);
                var state = OperatorHarness.Random(new Random(1), step.StateLength);
                return new GradientCheckCase(name, step, state, []);
            });
        }
    }
}
