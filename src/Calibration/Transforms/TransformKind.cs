namespace ClimateAD.Calibration.Transforms;

/// <summary>
/// How a bounded parameter θ is mapped to an unbounded variable u that optimisers move freely
/// (e.g. Nocedal &amp; Wright 2006, <i>Numerical Optimization</i>, §17; Kitanidis 1997 for
/// log-transformed calibration parameters).
/// </summary>
public enum TransformKind
{
    /// <summary>θ = u; bounds are not enforced.</summary>
    Identity,

    /// <summary>θ = a + eᵘ: respects the lower bound a (θ &gt; a); the upper bound is not enforced.</summary>
    Log,

    /// <summary>θ = a + (b − a)/(1 + e⁻ᵘ): respects both bounds a &lt; θ &lt; b.</summary>
    Logit,
}
