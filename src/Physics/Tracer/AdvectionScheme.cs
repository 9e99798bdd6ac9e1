namespace ClimateAD.Physics.Tracer;

/// <summary>
/// How the tracer value on a cell face is reconstructed from the cell means for the advective flux
/// <c>F = U c_face</c> (<see cref="FluxFormAdvection"/>).
/// </summary>
/// <remarks>
/// <see cref="Centered"/> is linear in the tracer, smooth and second-order accurate: the default, and
/// the only scheme registered with the gradient harness. The two limited schemes are MUSCL
/// reconstructions with a TVD slope limiter (van Leer 1974, J. Comput. Phys. 14:361–370; Sweby 1984,
/// SIAM J. Numer. Anal. 21:995–1011; LeVeque 2002, <i>Finite Volume Methods for Hyperbolic Problems</i>,
/// ch. 6): they keep the tracer monotone and non-negative for a total Courant number ≤ ½, but they are
/// non-linear and only piecewise differentiable, so their tangent is that of the active branch and
/// a Taylor test is not expected to converge at the limiter's kinks.
/// </remarks>
public enum AdvectionScheme
{
    /// <summary>Second-order centred: <c>c_face = (c_up + c_down)/2</c> (linear, smooth, non-dissipative).</summary>
    Centered,

    /// <summary>MUSCL with the minmod limiter (most dissipative TVD limiter): <c>c_face = c_up ± ½ minmod(a, b)</c>.</summary>
    Minmod,

    /// <summary>MUSCL with van Leer's harmonic limiter: <c>c_face = c_up ± ½ · 2ab/(a + b)</c> when <c>ab &gt; 0</c>, else <c>c_up</c>.</summary>
    VanLeer,
}
