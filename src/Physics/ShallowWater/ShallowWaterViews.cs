using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// Everything a shallow-water kernel reads or writes, as views on one device: the grid, the constant
/// fields (topography, wind pattern, relaxation target, corner weights), the state being
/// differentiated or stepped, the tendency it accumulates into, the diagnostics shared by the terms,
/// and the adjoint inputs, accumulators and scratch of the reverse sweep. Built by
/// <see cref="ShallowWaterWorkspace{T}.Views{TView}"/>; passed by value inside kernel structs.
/// </summary>
/// <remarks>
/// Names: <c>H, U, V</c> the state (m, m s⁻¹); <c>Gh, Gu, Gv</c> the tendency (m s⁻¹, m s⁻²);
/// <c>TransportU = m_u Δy h̄ˣ u</c> and <c>TransportV = m_v Δx h̄ʸ v</c> the volume fluxes through
/// faces (m³ s⁻¹); <c>Pv</c> the potential vorticity <c>q = (ζ + f)/h̄ˣʸ</c> (m⁻¹ s⁻¹);
/// <c>Kinetic</c> the kinetic energy per unit mass <c>K</c> (m² s⁻²); <c>Ah, Au, Av</c> the adjoint
/// of the tendency (read); <c>Xh, Xu, Xv</c> the adjoint of the state (accumulated).
/// </remarks>
/// <typeparam name="T">Scalar type.</typeparam>
/// <typeparam name="TView">View type of the device.</typeparam>
public readonly struct ShallowWaterViews<T, TView> where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
{
    /// <summary>Grid masks and row metrics.</summary>
    public GridView<T, TView> G { get; init; }

    /// <summary><c>1/Δx</c> on face rows (m⁻¹), 0 where <c>Δx = 0</c> (poles); a profile read at <c>i = 0</c>.</summary>
    public TView InvDxCfc { get; init; }

    /// <summary>Corner weights <c>1/n</c>, <c>n</c> the wet cells around a corner (0 when none) (ffc).</summary>
    public TView CornerWeight { get; init; }

    /// <summary>Bottom topography <c>b</c> (ccc, m).</summary>
    public TView Topography { get; init; }

    /// <summary>Zonal wind-stress pattern (fcc, dimensionless; multiplied by the amplitude τ₀).</summary>
    public TView WindX { get; init; }

    /// <summary>Meridional wind-stress pattern (cfc, dimensionless).</summary>
    public TView WindY { get; init; }

    /// <summary>Relaxation target thickness <c>h*</c> (ccc, m).</summary>
    public TView HTarget { get; init; }

    /// <summary>Thickness <c>h</c> of the state (ccc, m).</summary>
    public TView H { get; init; }

    /// <summary>Zonal velocity <c>u</c> of the state (fcc, m s⁻¹).</summary>
    public TView U { get; init; }

    /// <summary>Meridional velocity <c>v</c> of the state (cfc, m s⁻¹).</summary>
    public TView V { get; init; }

    /// <summary>Tendency of <c>h</c> (accumulated, m s⁻¹).</summary>
    public TView Gh { get; init; }

    /// <summary>Tendency of <c>u</c> (accumulated, m s⁻²).</summary>
    public TView Gu { get; init; }

    /// <summary>Tendency of <c>v</c> (accumulated, m s⁻²).</summary>
    public TView Gv { get; init; }

    /// <summary>Volume flux through u faces, <c>m_u Δy h̄ˣ u</c> (fcc, m³ s⁻¹).</summary>
    public TView TransportU { get; init; }

    /// <summary>Volume flux through v faces, <c>m_v Δx h̄ʸ v</c> (cfc, m³ s⁻¹).</summary>
    public TView TransportV { get; init; }

    /// <summary>Potential vorticity <c>q = (ζ + f)/h̄ˣʸ</c> (ffc, m⁻¹ s⁻¹).</summary>
    public TView Pv { get; init; }

    /// <summary>Kinetic energy per unit mass <c>K</c> (ccc, m² s⁻²).</summary>
    public TView Kinetic { get; init; }

    /// <summary>Scratch: divergence (ccc) for the vector Laplacian, or its adjoint.</summary>
    public TView Divergence { get; init; }

    /// <summary>Scratch: relative vorticity (ffc) for the vector Laplacian, or its adjoint.</summary>
    public TView Vorticity { get; init; }

    /// <summary>Scratch at u points (fcc).</summary>
    public TView ScratchU { get; init; }

    /// <summary>Scratch at v points (cfc).</summary>
    public TView ScratchV { get; init; }

    /// <summary>Second scratch at u points (fcc).</summary>
    public TView ScratchU2 { get; init; }

    /// <summary>Second scratch at v points (cfc).</summary>
    public TView ScratchV2 { get; init; }

    /// <summary>Scratch at centres (ccc).</summary>
    public TView ScratchC { get; init; }

    /// <summary>Scratch at corners (ffc), 1 of 4.</summary>
    public TView ScratchZ1 { get; init; }

    /// <summary>Scratch at corners (ffc), 2 of 4.</summary>
    public TView ScratchZ2 { get; init; }

    /// <summary>Scratch at corners (ffc), 3 of 4.</summary>
    public TView ScratchZ3 { get; init; }

    /// <summary>Scratch at corners (ffc), 4 of 4.</summary>
    public TView ScratchZ4 { get; init; }

    /// <summary>Adjoint of the <c>h</c> tendency (read, halo filled).</summary>
    public TView Ah { get; init; }

    /// <summary>Adjoint of the <c>u</c> tendency (read, halo filled).</summary>
    public TView Au { get; init; }

    /// <summary>Adjoint of the <c>v</c> tendency (read, halo filled).</summary>
    public TView Av { get; init; }

    /// <summary>Adjoint of <c>h</c> (accumulated).</summary>
    public TView Xh { get; init; }

    /// <summary>Adjoint of <c>u</c> (accumulated).</summary>
    public TView Xu { get; init; }

    /// <summary>Adjoint of <c>v</c> (accumulated).</summary>
    public TView Xv { get; init; }
}
