namespace ClimateAD.Physics.ShallowWater;

/// <summary>A ready-to-run shallow-water experiment: the model, its initial state (flat layout) and a one-line description.</summary>
/// <param name="Configuration">The model.</param>
/// <param name="InitialState">Initial state <c>[h, u, v]</c> (plus zero Adams–Bashforth history when that stepper is chosen).</param>
/// <param name="Description">What the experiment shows, with its reference.</param>
public sealed record ShallowWaterSetup(ShallowWaterConfiguration Configuration, double[] InitialState, string Description)
{
    /// <summary>A simulation of this setup (on a private CPU device when <paramref name="device"/> is <c>null</c>).</summary>
    public ShallowWaterSimulation CreateSimulation(Grid.Execution.ComputeDevice? device = null) => new(Configuration, InitialState, null, device);
}
