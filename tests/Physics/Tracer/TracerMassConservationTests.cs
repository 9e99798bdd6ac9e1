using ClimateAD.Grid.Grids;
using ClimateAD.Physics.Tracer;
using Xunit;
using Xunit.Abstractions;

namespace ClimateAD.Physics.Tests.Tracer;

public class TracerMassConservationTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-12;

    public static TheoryData<string, AdvectionScheme> Domains()
    {
        var data = new TheoryData<string, AdvectionScheme>();
        foreach (var domain in new[] { "closed-masked", "periodic", "sphere" })
            foreach (var scheme in new[] { AdvectionScheme.Centered, AdvectionScheme.VanLeer })
                data.Add(domain, scheme);
        return data;
    }

    [Theory]
    [MemberData(nameof(Domains))]
    public void Advance_500Steps_TotalMassConservedTo1em12(string domain, AdvectionScheme scheme)
    {
        var (model, initial, parameters) = Setup(domain, scheme);
        using var sim = new TracerSimulation(model, parameters, initial);
        double m0 = sim.Mass(), worst = 0;
        for (int k = 0; k < 10; k++)
        {
            sim.Advance(50);
            worst = Math.Max(worst, Math.Abs(sim.Mass() - m0) / Math.Abs(m0));
        }
        output.WriteLine($"{domain} {scheme}: Courant {model.CourantNumber(parameters.VelocityScale):F3}, diffusion number {model.DiffusionNumber(parameters.Diffusivity):F3}; " +
                         $"max |ΔM|/M over 500 steps = {worst:E2}; min {sim.Minimum():F4} max {sim.Maximum():F4}");
        Assert.True(worst <= Tolerance, $"relative mass change {worst:E3}");
        // The field really moved (the test would not pass trivially).
        var final = sim.Field();
        double change = 0;
        foreach (var (a, b) in initial.Cast<double>().Zip(final.Cast<double>())) change = Math.Max(change, Math.Abs(a - b));
        Assert.True(change > 0.1, $"the tracer hardly moved (max change {change})");
    }

    [Fact]
    public void Advance_LandCells_KeepTheirValues()
    {
        var (model, initial, parameters) = Setup("closed-masked", AdvectionScheme.Centered);
        using var sim = new TracerSimulation(model, parameters, initial);
        sim.Advance(20);
        var final = sim.Field();
        for (int j = 0; j < model.Grid.Ny; j++)
            for (int i = 0; i < model.Grid.Nx; i++)
                if (!model.Grid.LandSea.IsSea(i, j)) Assert.Equal(initial[i, j], final[i, j]);
    }

    private static (TracerModel, double[,], TracerParameters) Setup(string domain, AdvectionScheme scheme)
    {
        switch (domain)
        {
            case "closed-masked":
            {
                // A walled 2000 km square basin with an island and a peninsula, a gyre tangent to every coast (10 m/s).
                var mask = LandSeaMask.FromFunction(40, 40, (i, j) => !((i is >= 15 and < 20 && j is >= 18 and < 24) || (i == 30 && j < 12)));
                var grid = new CartesianGrid(40, 40, 2e6, 2e6, Topology.Bounded, Topology.Bounded, mask: mask);
                var p = new TracerParameters(1e3, 1.0);
                var velocity = VelocityField.BasinGyre(grid, 10.0);
                var scheme0 = scheme;
                double dt = TracerModel.StableTimeStep(grid, velocity, scheme0, p, 0.8);
                return (new TracerModel(grid, velocity, dt, scheme0), TracerInitialConditions.GaussianBlob(grid, 6e5, 1e6, 2e5, 1.0, 0.1), p);
            }
            case "periodic":
            {
                var grid = new CartesianGrid(48, 32, 4.8e6, 3.2e6);
                var velocity = VelocityField.Uniform(grid, 12.0, -7.0);
                var p = new TracerParameters(5e3, 1.0);
                double dt = TracerModel.StableTimeStep(grid, velocity, scheme, p, 0.8);
                return (new TracerModel(grid, velocity, dt, scheme), TracerInitialConditions.GaussianBlob(grid, 1e6, 1e6, 4e5, 1.0, 0.0), p);
            }
            default:
            {
                // Full sphere, solid-body rotation tilted by α = π/4 (across the polar rows), weak diffusion. No land:
                // solid-body flow is not tangent to a coast, and the centred scheme needs a flow that is (docs/models/tracer.md).
                var grid = new LatLonGrid(36, 18);
                var velocity = VelocityField.SolidBodyRotation(grid, TracerModel.WilliamsonSpeed(grid.Radius), Math.PI / 4);
                var p = new TracerParameters(1e4, 1.0);
                double dt = TracerModel.StableTimeStep(grid, velocity, scheme, p, 0.8);
                return (new TracerModel(grid, velocity, dt, scheme), TracerInitialConditions.GaussianBlob(grid, 270, 30, grid.Radius / 3, 1000, 10), p);
            }
        }
    }
}
