namespace ClimateAD.Calibration.Optimisers;

/// <summary>The initial inverse Hessian H₀ of <see cref="LbfgsMethod"/>.</summary>
public enum LbfgsPreconditioner
{
    /// <summary>H₀ = γI with γ = sᵀy/yᵀy of the newest pair (Nocedal &amp; Wright 2006, Eq. 7.20); the first step is scaled to unit length.</summary>
    Scaled,

    /// <summary>H₀ = inverse Gauss–Newton Hessian at the first guess (p tangent runs once), so the first step is a Gauss–Newton step.</summary>
    GaussNewton,
}
