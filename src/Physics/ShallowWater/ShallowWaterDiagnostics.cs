using ClimateAD.Grid.Grids;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Integral diagnostics of a shallow-water state, computed on the host from the flat state in a fixed
/// order (bitwise reproducible):
/// <list type="bullet">
/// <item><see cref="Mass"/> <c>= Σ_c m A_c h</c> (m³; the volume, conserved to round-off without relaxation);</item>
/// <item><see cref="Energy"/> <c>= Σ_c m A_c (½ g h² + g h b) + Σ_u m ½ A_u h̄ˣ u² + Σ_v m ½ A_v h̄ʸ v²</c>
/// (m⁵ s⁻²; energy per unit density, conserved in space by the inviscid unforced scheme);</item>
/// <item><see cref="Enstrophy"/> <c>= Σ_z ½ A_z h̄ˣʸ q²</c> (m s⁻²; potential enstrophy);</item>
/// <item><see cref="MaxCfl"/> <c>= max (|u| + √(g h̄)) Δt / Δx</c> over open faces (and likewise in y);</item>
/// <item><see cref="MaxSpeed"/> <c>= max |u|, |v|</c> over open faces (m s⁻¹).</item>
/// </list>
/// </summary>
/// <param name="Step">Step index <c>n</c>.</param>
/// <param name="Time">Model time <c>n Δt</c> (s).</param>
/// <param name="Mass">Volume <c>Σ A h</c> (m³).</param>
/// <param name="Energy">Total energy per unit density (m⁵ s⁻²).</param>
/// <param name="Enstrophy">Potential enstrophy (m s⁻²).</param>
/// <param name="MaxCfl">Largest advective-plus-gravity-wave CFL number.</param>
/// <param name="MaxSpeed">Largest face speed (m s⁻¹).</param>
public readonly record struct ShallowWaterDiagnostics(int Step, double Time, double Mass, double Energy, double Enstrophy, double MaxCfl, double MaxSpeed)
{
    /// <summary>Computes the diagnostics of <paramref name="state"/> (flat layout) at step <paramref name="step"/>.</summary>
    /// <param name="configuration">The model (grid, topography, time step).</param>
    /// <param name="state">The state, at least the <c>[h, u, v]</c> blocks.</param>
    /// <param name="gravity">Gravity <c>g</c> (m s⁻²) for the energy and the CFL number.</param>
    /// <param name="step">Step index.</param>
    public static ShallowWaterDiagnostics Compute(ShallowWaterConfiguration configuration, ReadOnlySpan<double> state, double gravity, int step = 0)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var grid = configuration.Grid;
        int nx = grid.Nx, ny = grid.Ny, n = nx * ny;
        if (state.Length < 3 * n) throw new ArgumentException($"The state has {state.Length} values; [h, u, v] needs {3 * n}.", nameof(state));
        double[] s = state[..(3 * n)].ToArray();
        var b = configuration.Topography;
        double dt = configuration.TimeStep;
        double mass = 0, pe = 0, ke = 0, ens = 0, cfl = 0, speed = 0;
        for (int j = 0; j < ny; j++)
        {
            double ac = grid.Area(Stagger.Center, j), au = grid.Dx(Stagger.Center, j) * grid.Dy(Stagger.Center, j);
            double av = grid.Dx(Stagger.Face, j) * grid.Dy(Stagger.Face, j), az = grid.Area(Stagger.Face, j);
            for (int i = 0; i < nx; i++)
            {
                double h = s[j * nx + i];
                if (grid.Mask(Location.Ccc, i, j) != 0)
                {
                    mass += ac * h;
                    pe += ac * gravity * h * (0.5 * h + (b?[i, j] ?? 0.0));
                }
                if (grid.Mask(Location.Fcc, i, j) != 0)
                {
                    double u = s[n + j * nx + i], hu = 0.5 * (H(i - 1, j) + h);
                    ke += 0.5 * au * hu * u * u;
                    cfl = Math.Max(cfl, (Math.Abs(u) + Math.Sqrt(Math.Max(gravity * hu, 0))) * dt / grid.Dx(Stagger.Center, j));
                    speed = Math.Max(speed, Math.Abs(u));
                }
                if (grid.Mask(Location.Cfc, i, j) != 0)
                {
                    double v = s[2 * n + j * nx + i], hv = 0.5 * (H(i, j - 1) + h);
                    ke += 0.5 * av * hv * v * v;
                    cfl = Math.Max(cfl, (Math.Abs(v) + Math.Sqrt(Math.Max(gravity * hv, 0))) * dt / grid.Dy(Stagger.Face, j));
                    speed = Math.Max(speed, Math.Abs(v));
                }
                int wet = 0;
                double hz = 0;
                for (int dj = -1; dj <= 0; dj++)
                    for (int di = -1; di <= 0; di++)
                        if (grid.IsWet(i + di, j + dj))
                        {
                            wet++;
                            hz += H(i + di, j + dj);
                        }
                if (wet > 0 && az > 0)
                {
                    hz /= wet;
                    double zeta = grid.Mask(Location.Ffc, i, j) / az * (grid.Dy(Stagger.Face, j) * (Vm(i, j) - Vm(i - 1, j))
                        - grid.Dx(Stagger.Center, j) * Um(i, j) + grid.Dx(Stagger.Center, j - 1) * Um(i, j - 1));
                    double q = (zeta + grid.Coriolis(Stagger.Face, j)) / hz;
                    ens += 0.5 * az * hz * q * q;
                }
            }
        }
        return new ShallowWaterDiagnostics(step, step * dt, mass, pe + ke, ens, cfl, speed);

        int Wi(int i) => grid.TopologyX == Topology.Periodic ? ((i % nx) + nx) % nx : Math.Clamp(i, 0, nx - 1);
        int Wj(int j) => grid.TopologyY == Topology.Periodic ? ((j % ny) + ny) % ny : Math.Clamp(j, 0, ny - 1);
        double H(int i, int j) => s[Wj(j) * nx + Wi(i)];
        double Um(int i, int j) => grid.Mask(Location.Fcc, i, j) * s[n + Wj(j) * nx + Wi(i)];
        double Vm(int i, int j) => grid.Mask(Location.Cfc, i, j) * s[2 * n + Wj(j) * nx + Wi(i)];
    }
}
