namespace ClimateAD.Adjoint.Tests.TestModels;

/// <summary>
/// Forced, damped Duffing oscillator q'' + γ q' + k q + α q³ = F cos(ω t), semi-implicit Euler:
/// p[n+1] = p + Δt(−γ p − k q − α q³ + F cos(ω n Δt)), q[n+1] = q + Δt p[n+1].
/// State (q, p); θ = (γ, k, α). The forcing depends on the step index n.
/// </summary>
public sealed class DuffingStep(double dt = 0.05, double amplitude = 0.3, double frequency = 1.2) : IDifferentiableStep
{
    public int StateLength => 2;
    public int ParameterLength => 3;

    private double Forcing(int n) => amplitude * Math.Cos(frequency * n * dt);

    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        double q = x[0], p = x[1];
        double p1 = p + dt * (-theta[0] * p - theta[1] * q - theta[2] * q * q * q + Forcing(n));
        xNext[0] = q + dt * p1;
        xNext[1] = p1;
    }

    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        double q = x[0], p = x[1];
        double dp1 = dx[1] + dt * (-theta[0] * dx[1] - (theta[1] + 3 * theta[2] * q * q) * dx[0]
                                   - p * dTheta[0] - q * dTheta[1] - q * q * q * dTheta[2]);
        dxNext[0] = dx[0] + dt * dp1;
        dxNext[1] = dp1;
    }

    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        double q = x[0], p = x[1];
        double p1Bar = lambdaNext[1] + dt * lambdaNext[0];
        lambda[0] += lambdaNext[0] - p1Bar * dt * (theta[1] + 3 * theta[2] * q * q);
        lambda[1] += p1Bar * (1 - dt * theta[0]);
        thetaBar[0] -= p1Bar * dt * p;
        thetaBar[1] -= p1Bar * dt * q;
        thetaBar[2] -= p1Bar * dt * q * q * q;
    }
}
