using ClimateAD.Grid.Grids;
using ClimateAD.Hybrid.Networks;
using ClimateAD.Physics.Parameters;

namespace ClimateAD.Hybrid.Grid;

/// <summary>
/// A learned momentum closure of the C-grid shallow-water model, the network analogue of the
/// linear-drag and eddy-viscosity slots: at every open velocity face it adds
/// <code>
///   u[f] += Δt · N(u[f], h̄[f]; w),   v[f] += Δt · N(v[f], h̄[f]; w)
/// </code>
/// (m s⁻¹ per step; <c>N</c> in m s⁻²), with <c>h̄</c> the thickness averaged to the face and one
/// network <see cref="Network"/> (2 inputs, 1 output) shared by both components. A 3-input network also
/// gets the face's distance <c>d</c> from the nearest wall in cells (<see cref="WallDistance"/>), a fixed
/// feature that lets the closure act differently in the unresolved boundary layers. Applied as a
/// split (Lie) step after the dynamical step, so a linear drag <c>N = −q/τ_d</c> is the forward-Euler
/// Rayleigh friction of Stommel (1948). Learned closures of this kind: Rasp 2020 (Geosci. Model Dev.
/// 13:2185–2196), Zanna &amp; Bolton 2020 (Geophys. Res. Lett. 47, e2020GL088376).
/// </summary>
/// <remarks>
/// <para>The weights <c>w</c> are the closure's parameters (one <see cref="ParameterSpec"/> each).
/// Tangent: <c>δq' = δq + Δt (N_q δq + N_h δh̄ + N_w δw)</c>; adjoint (scatter of the face
/// average into its two cells, summed in a fixed loop order, so it is deterministic):
/// <c>q̄ += λ (1 + Δt N_q)</c>, <c>h̄_{c} += ½ Δt N_h λ</c> for the two cells of the face,
/// <c>w̄ += Δt N_wᵀ λ</c>. Wall faces (the first face of a bounded axis) are left untouched.</para>
/// <para>State layout: the flat <c>[h, u, v]</c> of <see cref="Physics.ShallowWater.ShallowWaterLayout"/>
/// with three blocks (Runge–Kutta steppers), each <c>Nx × Ny</c>, <c>i</c> fastest.</para>
/// </remarks>
public sealed class FaceMomentumClosure
{
    /// <summary>Name prefix of the weight parameters, <c>swe_closure_w0</c>, <c>swe_closure_w1</c>, …</summary>
    public const string ParameterPrefix = "swe_closure_w";

    private readonly double[] _scratch;
    private readonly OpenFace[] _faces;

    /// <summary>A closure computed by <paramref name="network"/> (2 → 1) on <paramref name="grid"/> with step <paramref name="timeStep"/> (s).</summary>
    public FaceMomentumClosure(DenseNetwork network, Grid2D grid, double timeStep)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(grid);
        if (network.InputSize is not (2 or 3) || network.OutputSize != 1)
            throw new ArgumentException($"A face momentum closure maps (q, h̄) or (q, h̄, d) to dq/dt (2 or 3 → 1), not {network.InputSize} → {network.OutputSize}.");
        if (!(timeStep > 0)) throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be positive (s).");
        Network = network;
        Nx = grid.Nx;
        Ny = grid.Ny;
        PeriodicX = grid.TopologyX == Topology.Periodic;
        PeriodicY = grid.TopologyY == Topology.Periodic;
        TimeStep = timeStep;
        _scratch = new double[network.ScratchLength];
        var faces = new List<OpenFace>();
        for (int c = 1; c <= 2; c++)
            for (int j = 0; j < Ny; j++)
                for (int i = 0; i < Nx; i++)
                    if (Face(c, i, j, out int k0, out int k1)) faces.Add(new OpenFace(c * Nx * Ny + j * Nx + i, k0, k1, WallDistance(c, i, j)));
        _faces = [.. faces];
        Parameters = new ParameterTable(Enumerable.Range(0, network.ParameterCount).Select(j => new ParameterSpec(
            ParameterPrefix + j, $"w{j}", "1", network.Weights[j], -1e6, 1e6, $"Weight {j} of the learned shallow-water momentum closure; trained, not physical.")));
    }

    /// <summary>The network N (2 or 3 → 1).</summary>
    public DenseNetwork Network { get; }

    /// <summary>Cells in x.</summary>
    public int Nx { get; }

    /// <summary>Cells in y.</summary>
    public int Ny { get; }

    /// <summary>Whether x is periodic (otherwise face 0 is a wall).</summary>
    public bool PeriodicX { get; }

    /// <summary>Whether y is periodic (otherwise face 0 is a wall).</summary>
    public bool PeriodicY { get; }

    /// <summary>Time step Δt (s).</summary>
    public double TimeStep { get; }

    /// <summary>One parameter per weight, defaults = the network's weights.</summary>
    public ParameterTable Parameters { get; }

    /// <summary>Length of the <c>[h, u, v]</c> state this closure acts on.</summary>
    public int StateLength => 3 * Nx * Ny;

    /// <summary>Writes <c>xNext = x</c> plus the closure increment. <paramref name="x"/> and <paramref name="xNext"/> may alias.</summary>
    public void Apply(ReadOnlySpan<double> x, ReadOnlySpan<double> w, Span<double> xNext)
    {
        Check(x, w);
        if (!x.Overlaps(xNext)) x.CopyTo(xNext);
        Span<double> input = stackalloc double[Network.InputSize], y = stackalloc double[1];
        foreach (var f in _faces)
        {
            Inputs(f, x, input);
            Network.Forward(w, input, y, _scratch);
            xNext[f.Q] = x[f.Q] + TimeStep * y[0];
        }
    }

    /// <summary>Tangent: writes <c>dxNext = dx + Δt (N_q δq + N_h δh̄ + N_w δw)</c> at the faces, linearised at <paramref name="x"/>.</summary>
    public void Tangent(ReadOnlySpan<double> x, ReadOnlySpan<double> w, ReadOnlySpan<double> dx, ReadOnlySpan<double> dw, Span<double> dxNext)
    {
        Check(x, w);
        dx.CopyTo(dxNext);
        Span<double> input = stackalloc double[Network.InputSize], dInput = stackalloc double[Network.InputSize], y = stackalloc double[1], dy = stackalloc double[1];
        foreach (var f in _faces)
        {
            Inputs(f, x, input);
            dInput.Clear();
            dInput[0] = dx[f.Q];
            dInput[1] = 0.5 * (dx[f.K0] + dx[f.K1]);
            Network.Tangent(w, input, dw, dInput, y, dy, _scratch);
            dxNext[f.Q] = dx[f.Q] + TimeStep * dy[0];
        }
    }

    /// <summary>Adjoint: accumulates <c>λ += (∂xNext/∂x)ᵀ λNext</c> and <c>w̄ += (∂xNext/∂w)ᵀ λNext</c>, linearised at <paramref name="x"/>.</summary>
    public void Adjoint(ReadOnlySpan<double> x, ReadOnlySpan<double> w, ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> wBar)
    {
        Check(x, w);
        for (int k = 0; k < StateLength; k++) lambda[k] += lambdaNext[k];
        Span<double> input = stackalloc double[Network.InputSize], xBar = stackalloc double[Network.InputSize], yBar = stackalloc double[1];
        foreach (var f in _faces)
        {
            Inputs(f, x, input);
            xBar.Clear();
            yBar[0] = TimeStep * lambdaNext[f.Q];
            Network.Adjoint(w, input, yBar, xBar, wBar, _scratch);
            lambda[f.Q] += xBar[0];
            lambda[f.K0] += 0.5 * xBar[1];
            lambda[f.K1] += 0.5 * xBar[1];
        }
    }

    // The network's inputs at an open face: (q, h̄ = mean of the two cells' h, [wall distance]).
    private static void Inputs(in OpenFace f, ReadOnlySpan<double> x, Span<double> input)
    {
        input[0] = x[f.Q];
        input[1] = 0.5 * (x[f.K0] + x[f.K1]);
        if (input.Length == 3) input[2] = f.WallDistance;
    }

    // An open velocity face: its state index q, the h indices of the two cells it separates, its wall distance.
    private readonly record struct OpenFace(int Q, int K0, int K1, double WallDistance);

    /// <summary>
    /// Distance (in cells) of face <c>(i, j)</c> of component <paramref name="c"/> (1 = u, 2 = v) from the nearest wall
    /// (the third input of a 3-input network; +∞ is never returned: a fully periodic grid gives <c>max(Nx, Ny)</c>).
    /// </summary>
    public double WallDistance(int c, int i, int j)
    {
        double x = c == 1 ? i : i + 0.5, y = c == 1 ? j + 0.5 : j, d = Math.Max(Nx, Ny);
        if (!PeriodicX) d = Math.Min(d, Math.Min(x, Nx - x));
        if (!PeriodicY) d = Math.Min(d, Math.Min(y, Ny - y));
        return d;
    }

    // Component c (1 = u, 2 = v) face (i, j): false at a wall; k0, k1 the h indices of the two cells it separates.
    private bool Face(int c, int i, int j, out int k0, out int k1)
    {
        k1 = j * Nx + i;
        if (c == 1)
        {
            if (i == 0 && !PeriodicX) { k0 = -1; return false; }
            k0 = j * Nx + (i == 0 ? Nx - 1 : i - 1);
        }
        else
        {
            if (j == 0 && !PeriodicY) { k0 = -1; return false; }
            k0 = (j == 0 ? Ny - 1 : j - 1) * Nx + i;
        }
        return true;
    }

    private void Check(ReadOnlySpan<double> x, ReadOnlySpan<double> w)
    {
        if (x.Length != StateLength) throw new ArgumentException($"The closure acts on [h, u, v] of {StateLength} values, not {x.Length}.");
        if (w.Length != Network.ParameterCount) throw new ArgumentException($"The closure has {Network.ParameterCount} weights, not {w.Length}.");
    }
}
