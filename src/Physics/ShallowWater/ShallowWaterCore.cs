using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// The parts of the shallow-water tendency that are always on: the diagnostics every term shares
/// (face volume fluxes, potential vorticity, kinetic energy) and the continuity equation in flux form
/// <c>∂h/∂t = −∇·(h u) ≈ −m_c/A_c (U[i+1,j] − U[i,j] + V[i,j+1] − V[i,j])</c>, which conserves the
/// total volume <c>Σ A_c h</c> to round-off; plus the small field-algebra kernels of the time steppers.
/// </summary>
/// <remarks>
/// Finite-volume C-grid continuity (Arakawa &amp; Lamb 1981, Mon. Wea. Rev. 109:18–36; Sadourny 1975,
/// J. Atmos. Sci. 32:680–689). The adjoint of the continuity term is in gather form:
/// with <c>a = m_c Ḡ_h / A_c</c>, <c>Ū[i,j] = m_u (a[i,j] − a[i−1,j])</c>, then
/// <c>ū += Δy h̄ˣ Ū</c>, <c>h̄[i,j] += ½ Δy (Ū u)[i,j] + ½ Δy (Ū u)[i+1,j] + …</c> (no atomics).
/// </remarks>
public static class ShallowWaterCore
{
    /// <summary>Writes the shared diagnostics at point <c>(i, j)</c>: <c>TransportU</c>, <c>TransportV</c>, <c>Pv</c>, <c>Kinetic</c>. Inputs' halos filled.</summary>
    /// <param name="w">Views.</param>
    /// <param name="relative">1 to include relative vorticity in <c>q</c> (advection), 0 for <c>q = f/h</c>.</param>
    public readonly struct DiagnosticsKernel<T, TView>(ShallowWaterViews<T, TView> w, T relative) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            w.TransportU.At(i, j) = ShallowWaterStencils.FluxU(w, i, j);
            w.TransportV.At(i, j) = ShallowWaterStencils.FluxV(w, i, j);
            w.Pv.At(i, j) = ShallowWaterStencils.PotentialVorticity(w, relative, i, j);
            w.Kinetic.At(i, j) = ShallowWaterStencils.KineticEnergy(w, i, j);
        }
    }

    /// <summary><c>Gh += −m_c/A_c (U[i+1,j] − U[i,j] + V[i,j+1] − V[i,j])</c> (m s⁻¹). Transports' halos filled.</summary>
    /// <param name="w">Views.</param>
    public readonly struct ContinuityKernel<T, TView>(ShallowWaterViews<T, TView> w) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            ref T o = ref w.Gh.At(i, j);
            o -= g.Mask_ccc(i, j) * g.InvArea_ccc(j) * (w.TransportU.At(i + 1, j) - w.TransportU.At(i, j) + w.TransportV.At(i, j + 1) - w.TransportV.At(i, j));
        }
    }

    /// <summary>Adjoint of <see cref="ContinuityKernel{T, TView}"/>: accumulates into <c>Xh, Xu, Xv</c> from <c>Ah</c> (halo filled).</summary>
    /// <param name="w">Views.</param>
    public readonly struct ContinuityAdjointKernel<T, TView>(ShallowWaterViews<T, TView> w) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        private T A(int i, int j) => w.G.Mask_ccc(i, j) * w.Ah.At(i, j) * w.G.InvArea_ccc(j);

        private T BarU(int i, int j) => w.G.Mask_fcc(i, j) * (A(i, j) - A(i - 1, j));

        private T BarV(int i, int j) => w.G.Mask_cfc(i, j) * (A(i, j) - A(i, j - 1));

        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            var g = w.G;
            T bu = BarU(i, j), bv = BarV(i, j);
            ref T xu = ref w.Xu.At(i, j);
            xu += bu * g.Dy_ccc(j) * ShallowWaterStencils.ThicknessU(w, i, j);
            ref T xv = ref w.Xv.At(i, j);
            xv += bv * g.Dx_cfc(j) * ShallowWaterStencils.ThicknessV(w, i, j);
            ref T xh = ref w.Xh.At(i, j);
            xh += T.FromDouble(0.5) * (g.Dy_ccc(j) * (bu * w.U.At(i, j) + BarU(i + 1, j) * w.U.At(i + 1, j))
                + g.Dx_cfc(j) * bv * w.V.At(i, j) + g.Dx_cfc(j + 1) * BarV(i, j + 1) * w.V.At(i, j + 1));
        }
    }

    /// <summary>Sets interior point <c>(i, j)</c> of <paramref name="target"/> to zero.</summary>
    public readonly struct ZeroKernel<T, TView>(TView target) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j) => target.At(i, j) = T.Zero;
    }

    /// <summary><c>target = source</c> at interior point <c>(i, j)</c>.</summary>
    public readonly struct CopyKernel<T, TView>(TView source, TView target) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j) => target.At(i, j) = source.At(i, j);
    }

    /// <summary><c>target += a · source</c> at interior point <c>(i, j)</c>.</summary>
    public readonly struct AxpyKernel<T, TView>(TView source, T a, TView target) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T o = ref target.At(i, j);
            o += a * source.At(i, j);
        }
    }

    /// <summary><c>target += a·x + b·y</c> at interior point <c>(i, j)</c>: the parameter-gradient density <c>θ̄(i, j)</c> of a term, e.g. <c>(∂G_u/∂θ) Ḡ_u + (∂G_v/∂θ) Ḡ_v</c>.</summary>
    public readonly struct DotKernel<T, TView>(TView x, TView a, TView y, TView b, T scale, TView target) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            ref T o = ref target.At(i, j);
            o += scale * (a.At(i, j) * x.At(i, j) + b.At(i, j) * y.At(i, j));
        }
    }
}
