namespace ClimateAD.Adjoint.Tests.TestModels;

/// <summary>
/// Forward-Euler step of Lorenz (1963): x' = σ(y − x), y' = x(ρ − z) − y, z' = xy − βz;
/// θ = (σ, ρ, β). x[n+1] = x + Δt f(x, θ). Hand-written tangent and adjoint.
/// </summary>
public class Lorenz63Step(double dt = 0.01) : IDifferentiableStep
{
    public int StateLength => 3;
    public int ParameterLength => 3;
    public double TimeStep { get; } = dt;

    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        double sigma = theta[0], rho = theta[1], beta = theta[2];
        xNext[0] = x[0] + TimeStep * sigma * (x[1] - x[0]);
        xNext[1] = x[1] + TimeStep * (x[0] * (rho - x[2]) - x[1]);
        xNext[2] = x[2] + TimeStep * (x[0] * x[1] - beta * x[2]);
    }

    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        double sigma = theta[0], rho = theta[1], beta = theta[2];
        dxNext[0] = dx[0] + TimeStep * (sigma * (dx[1] - dx[0]) + dTheta[0] * (x[1] - x[0]));
        dxNext[1] = dx[1] + TimeStep * (dx[0] * (rho - x[2]) - x[0] * dx[2] - dx[1] + x[0] * dTheta[1]);
        dxNext[2] = dx[2] + TimeStep * (dx[0] * x[1] + x[0] * dx[1] - beta * dx[2] - x[2] * dTheta[2]);
    }

    public virtual void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        double sigma = theta[0], rho = theta[1], beta = theta[2], dt = TimeStep;
        double l0 = lambdaNext[0], l1 = lambdaNext[1], l2 = lambdaNext[2];
        lambda[0] += l0 * (1 - dt * sigma) + l1 * dt * (rho - x[2]) + l2 * dt * x[1];
        lambda[1] += l0 * dt * sigma + l1 * (1 - dt) + l2 * dt * x[0];
        lambda[2] += -l1 * dt * x[0] + l2 * (1 - dt * beta);
        thetaBar[0] += l0 * dt * (x[1] - x[0]);
        thetaBar[1] += l1 * dt * x[0];
        thetaBar[2] += -l2 * dt * x[2];
    }
}

/// <summary>Lorenz-63 step whose adjoint has one sign flipped (∂z'/∂x[0] term): a deliberately wrong adjoint.</summary>
public sealed class SignFlippedLorenz63Step : Lorenz63Step
{
    public override void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        base.Adjoint(n, x, theta, lambdaNext, lambda, thetaBar);
        lambda[0] -= 2 * lambdaNext[2] * TimeStep * x[1]; // + l2 Δt y becomes − l2 Δt y
    }
}

/// <summary>Lorenz-63 step whose adjoint assigns λ instead of accumulating: breaks the output convention.</summary>
public sealed class AssigningLorenz63Step : Lorenz63Step
{
    public override void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        lambda.Clear();
        base.Adjoint(n, x, theta, lambdaNext, lambda, thetaBar);
    }
}
