using System.Runtime.CompilerServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Grid.Operators;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// The stages of the three-stage, third-order strong-stability-preserving Runge–Kutta scheme
/// (SSP-RK3; Shu &amp; Osher 1988, J. Comput. Phys. 77:439–471) for the tracer tendency
/// <c>L(c) = s A(c) + κ ∇²c</c> (<see cref="FluxFormAdvection"/>, <see cref="Lap_ccc"/>):
/// <code>
///   c⁽¹⁾ = c + Δt L(c)
///   c⁽²⁾ = ¾ c + ¼ (c⁽¹⁾ + Δt L(c⁽¹⁾))
///   c'   = ⅓ c + ⅔ (c⁽²⁾ + Δt L(c⁽²⁾))
/// </code>
/// each stage being <c>c_out = a c + b (c_s + Δt L(c_s))</c> with <c>(a, b) = (0, 1), (¾, ¼), (⅓, ⅔)</c>,
/// evaluated as <c>c_out = c + b ((c_s − c) + Δt L(c_s))</c> (so <c>a = 1 − b</c> exactly, and cells where
/// nothing happens, e.g. land, keep their value bit for bit).
/// </summary>
/// <remarks>
/// <para>Adjoint of one stage (L is linear in c for the centred scheme): with <c>λ</c> the cotangent of
/// <c>c_out</c>, <c>λ_c += a λ</c>, <c>λ_s = b (λ + Δt Lᵀλ)</c>, <c>s̄ += bΔt ⟨λ, A(c_s)⟩</c>,
/// <c>κ̄ += bΔt ⟨λ, ∇²c_s⟩</c>, <c>Lᵀ = s Aᵀ + κ (∇²)ᵀ</c>. The point-wise products are written to two
/// fields and summed on the host in a fixed order (no atomics: bitwise reproducible).</para>
/// <para>Each stage conserves <c>Σ A c</c> because <c>Σ A L(c) = 0</c> and <c>a + b = 1</c>.</para>
/// </remarks>
public static class TracerRk3
{
    /// <summary>Stage weights <c>a</c> (on the step's initial state).</summary>
    /// <remarks><c>a = 1 − b</c> as computed in double precision, so that the adjoint is the exact transpose of the evaluated stage.</remarks>
    public static ReadOnlySpan<double> InitialWeights => [1.0 - 1.0, 1.0 - 0.25, 1.0 - 2.0 / 3.0];

    /// <summary>Stage weights <c>b</c> (on the stage state and its tendency).</summary>
    public static ReadOnlySpan<double> StageWeights => [1.0, 0.25, 2.0 / 3.0];

    /// <summary>One centred stage: <c>next = c0 + b ((cs − c0) + Δt L(cs))</c> at every interior ccc point (written).</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="ux">Transports on u faces (m² s⁻¹, halo filled).</param>
    /// <param name="vy">Transports on v faces (m² s⁻¹, halo filled).</param>
    /// <param name="c0">The step's initial state <c>c</c>.</param>
    /// <param name="cs">The stage state (halo filled).</param>
    /// <param name="next">Receives the stage result.</param>
    /// <param name="b">Weight on the Euler step from <paramref name="cs"/>.</param>
    /// <param name="dt">Time step Δt (s).</param>
    /// <param name="scale">Velocity scale factor s.</param>
    /// <param name="diffusivity">Diffusivity κ (m² s⁻¹).</param>
    public readonly struct StageKernel<T, TView>(GridView<T, TView> grid, TView ux, TView vy, TView c0, TView cs, TView next,
        T b, T dt, T scale, T diffusivity) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            T tendency = scale * FluxFormAdvection.Apply(grid, ux, vy, cs, i, j) + diffusivity * Lap_ccc.Apply(grid, cs, i, j);
            T initial = c0.At(i, j);
            next.At(i, j) = initial + b * ((cs.At(i, j) - initial) + dt * tendency);
        }
    }

    /// <summary>One limited (MUSCL) stage: <c>next = c0 + b ((cs − c0) + Δt L(cs))</c> with the limited advection of <paramref name="scheme"/>.</summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="ux">Transports on u faces (m² s⁻¹, halo filled).</param>
    /// <param name="vy">Transports on v faces (m² s⁻¹, halo filled).</param>
    /// <param name="c0">The step's initial state <c>c</c>.</param>
    /// <param name="cs">The stage state (halo filled).</param>
    /// <param name="next">Receives the stage result.</param>
    /// <param name="b">Weight on the Euler step from <paramref name="cs"/>.</param>
    /// <param name="dt">Time step Δt (s).</param>
    /// <param name="scale">Velocity scale factor s.</param>
    /// <param name="diffusivity">Diffusivity κ (m² s⁻¹).</param>
    /// <param name="scheme">1 minmod, 2 van Leer.</param>
    public readonly struct LimitedStageKernel<T, TView>(GridView<T, TView> grid, TView ux, TView vy, TView c0, TView cs, TView next,
        T b, T dt, T scale, T diffusivity, int scheme) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            T tendency = scale * FluxFormAdvection.ApplyLimited(grid, ux, vy, cs, i, j, scheme) + diffusivity * Lap_ccc.Apply(grid, cs, i, j);
            T initial = c0.At(i, j);
            next.At(i, j) = initial + b * ((cs.At(i, j) - initial) + dt * tendency);
        }
    }

    /// <summary>
    /// Adjoint of one centred stage at every interior ccc point: <c>acc (=|+=) a λ</c>,
    /// <c>lambdaS (=|+=) b (λ + Δt (s Aᵀλ + κ (∇²)ᵀλ))</c>, and the weighted parameter products
    /// <c>advection (=|+=) bΔt λ A(cs)</c>, <c>diffusion (=|+=) bΔt λ ∇²cs</c>.
    /// </summary>
    /// <param name="grid">Grid masks and metrics.</param>
    /// <param name="ux">Transports on u faces (halo filled).</param>
    /// <param name="vy">Transports on v faces (halo filled).</param>
    /// <param name="lambda">Cotangent of the stage output (halo filled).</param>
    /// <param name="cs">The stage state of the forward sweep (halo filled).</param>
    /// <param name="lambdaS">Cotangent of the stage state: written, or accumulated when <paramref name="accumulateS"/> is 1.</param>
    /// <param name="acc">Cotangent of the step's initial state: written when <paramref name="first"/> is 1, else accumulated.</param>
    /// <param name="advection">Point-wise products for <c>s̄</c>: written when <paramref name="first"/> is 1, else accumulated.</param>
    /// <param name="diffusion">Point-wise products for <c>κ̄</c>: written when <paramref name="first"/> is 1, else accumulated.</param>
    /// <param name="a">Weight on the initial state, <c>1 − b</c>.</param>
    /// <param name="b">Weight on the stage's Euler step.</param>
    /// <param name="dt">Δt (s).</param>
    /// <param name="scale">s.</param>
    /// <param name="diffusivity">κ (m² s⁻¹).</param>
    /// <param name="first">1 for the first adjoint stage (the last forward stage): outputs written, not accumulated.</param>
    /// <param name="accumulateS">1: <c>lambdaS +=</c>; 0: <c>lambdaS =</c> (it may alias <paramref name="acc"/> when 1).</param>
    public readonly struct AdjointStageKernel<T, TView>(GridView<T, TView> grid, TView ux, TView vy, TView lambda, TView cs,
        TView lambdaS, TView acc, TView advection, TView diffusion, T a, T b, T dt, T scale, T diffusivity, int first, int accumulateS) : IKernel2D
        where T : unmanaged, IScalar<T> where TView : struct, IFieldView<T, TView>
    {
        /// <inheritdoc/>
        public void Execute(int i, int j)
        {
            T l = lambda.At(i, j);
            T transposed = scale * FluxFormAdvection.Transpose(grid, ux, vy, lambda, i, j) + diffusivity * Lap_ccc.Transpose(grid, lambda, i, j);
            T value = b * (l + dt * transposed);
            T w = b * dt * l;
            T pa = w * FluxFormAdvection.Apply(grid, ux, vy, cs, i, j);
            T pd = w * Lap_ccc.Apply(grid, cs, i, j);
            ref T ad = ref advection.At(i, j);
            ref T df = ref diffusion.At(i, j);
            ref T ac = ref acc.At(i, j);
            if (first == 1)
            {
                ad = pa;
                df = pd;
                ac = a * l;
            }
            else
            {
                ad += pa;
                df += pd;
                ac += a * l;
            }
            ref T ls = ref lambdaS.At(i, j);
            ls = accumulateS == 1 ? ls + value : value;
        }
    }
}
