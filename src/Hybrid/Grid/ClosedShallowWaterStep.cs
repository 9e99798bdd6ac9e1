using ClimateAD.Adjoint;
using ClimateAD.Physics.ShallowWater;

namespace ClimateAD.Hybrid.Grid;

/// <summary>
/// A shallow-water step followed by a learned momentum closure (Lie splitting):
/// <code>
///   x[n+1] = C(M(x[n]; θ_p); w),   θ = (θ_p, w)
/// </code>
/// with <c>M</c> the <see cref="ShallowWaterStep"/> of the configuration (its parameters <c>θ_p</c> first, in
/// slot order) and <c>C</c> the <see cref="FaceMomentumClosure"/> (its weights <c>w</c> after). Tangent and
/// adjoint are the chain rule of the two: <c>δx' = C_x (M_x δx + M_θ δθ_p) + C_w δw</c>;
/// <c>λ = M_xᵀ C_xᵀ λ'</c>, <c>θ̄_p += M_θᵀ C_xᵀ λ'</c>, <c>w̄ += C_wᵀ λ'</c>. The adjoint recomputes
/// <c>M(x[n])</c> (the taping forward of a Revolve reverse step).
/// </summary>
/// <remarks>Needs a Runge–Kutta stepper (a three-block state). Not thread-safe: one step per thread. CPU.</remarks>
public sealed class ClosedShallowWaterStep : IDifferentiableStep, IDisposable
{
    private readonly ShallowWaterStep _physics;
    private readonly double[] _mid, _dMid, _lambdaMid;
    private readonly int _physicsParameters;

    /// <summary>The step of <paramref name="configuration"/> with <paramref name="closure"/> after it (no closure when <c>null</c>).</summary>
    public ClosedShallowWaterStep(ShallowWaterConfiguration configuration, FaceMomentumClosure? closure)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.Stepper == ShallowWaterTimeStepper.AdamsBashforth3)
            throw new ArgumentException("The learned closure is split after a Runge–Kutta step; Adams–Bashforth history is not supported.");
        _physics = new ShallowWaterStep(configuration);
        if (closure is not null && closure.StateLength != _physics.StateLength)
            throw new ArgumentException($"The closure is for a state of {closure.StateLength} values, the model's has {_physics.StateLength}.");
        Closure = closure;
        _physicsParameters = _physics.ParameterLength;
        _mid = new double[StateLength];
        _dMid = new double[StateLength];
        _lambdaMid = new double[StateLength];
    }

    /// <summary>The closure, or <c>null</c>.</summary>
    public FaceMomentumClosure? Closure { get; }

    /// <summary>Number of physics parameters <c>θ_p</c> (the closure's weights start here).</summary>
    public int PhysicsParameterLength => _physicsParameters;

    /// <inheritdoc/>
    public int StateLength => _physics.StateLength;

    /// <inheritdoc/>
    public int ParameterLength => _physicsParameters + (Closure?.Network.ParameterCount ?? 0);

    /// <inheritdoc/>
    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        if (Closure is null) { _physics.Forward(n, x, theta, xNext); return; }
        _physics.Forward(n, x, theta[.._physicsParameters], _mid);
        Closure.Apply(_mid, theta[_physicsParameters..], xNext);
    }

    /// <inheritdoc/>
    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        if (Closure is null) { _physics.Tangent(n, x, theta, dx, dTheta, dxNext); return; }
        _physics.Forward(n, x, theta[.._physicsParameters], _mid);
        _physics.Tangent(n, x, theta[.._physicsParameters], dx, dTheta[.._physicsParameters], _dMid);
        Closure.Tangent(_mid, theta[_physicsParameters..], _dMid, dTheta[_physicsParameters..], dxNext);
    }

    /// <inheritdoc/>
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        if (Closure is null) { _physics.Adjoint(n, x, theta, lambdaNext, lambda, thetaBar); return; }
        _physics.Forward(n, x, theta[.._physicsParameters], _mid);
        Array.Clear(_lambdaMid);
        Closure.Adjoint(_mid, theta[_physicsParameters..], lambdaNext, _lambdaMid, thetaBar[_physicsParameters..]);
        _physics.Adjoint(n, x, theta[.._physicsParameters], _lambdaMid, lambda, thetaBar[.._physicsParameters]);
    }

    /// <summary>Frees the physics step.</summary>
    public void Dispose() => _physics.Dispose();
}
