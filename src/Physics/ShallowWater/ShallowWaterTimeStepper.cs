namespace ClimateAD.Physics.ShallowWater;

/// <summary>The explicit time steppers of the shallow-water model (all differentiable, selectable in <see cref="ShallowWaterConfiguration.Stepper"/>).</summary>
public enum ShallowWaterTimeStepper
{
    /// <summary>Strong-stability-preserving third-order Runge–Kutta (Shu &amp; Osher 1988, J. Comput. Phys. 77:439–471); 3 tendency evaluations per step.</summary>
    SspRk3,

    /// <summary>Wicker–Skamarock three-stage Runge–Kutta (Wicker &amp; Skamarock 2002, Mon. Wea. Rev. 130:2088–2097): third order for linear problems, second for nonlinear.</summary>
    WickerSkamarockRk3,

    /// <summary>Classical fourth-order Runge–Kutta; 4 evaluations per step.</summary>
    Rk4,

    /// <summary>
    /// Third-order Adams–Bashforth <c>x[n+1] = x[n] + Δt (23 G[n] − 16 G[n−1] + 5 G[n−2])/12</c> (Durran 1991, Mon.
    /// Wea. Rev. 119:702–720); one evaluation per step. The first two steps are SSP-RK3; the two previous
    /// tendencies are part of the state (<see cref="ShallowWaterLayout"/>).
    /// </summary>
    AdamsBashforth3,
}
