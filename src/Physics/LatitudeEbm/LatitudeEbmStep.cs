using ClimateAD.Adjoint;
using ClimateAD.Grid.Latitude;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// One time step of the latitude energy-balance model (<see cref="LatitudeEbmModel"/>) as an
/// <see cref="IDifferentiableStep"/>: semi-implicit (IMEX) Euler, with everything linear in the
/// temperatures (diffusion, the B T part of the OLR, the deep-ocean exchange and both heat-storage
/// terms) backward Euler and the absorbed sunlight R(T) forward Euler:
/// <code>
///   C (T' − T)/Δt     = R(T) − A − B T' + D ℒT' − γ(T' − T_d')
///   C_d (T_d' − T_d)/Δt = γ(T' − T_d')
/// </code>
/// ℒ the flux-form diffusion (<see cref="MeridionalOperators.DiffuseX_c"/>). Eliminating T_d' per cell
/// with a = C/Δt, c = C_d/Δt, e = c + γ, k = γc/e leaves one symmetric tridiagonal system:
/// <code>
///   M T' = r,   M = diag(a + B + k) − Dℒ,   r = a T + R(T) − A + k T_d,   T_d' = (c T_d + γ T')/e
/// </code>
/// (without the deep ocean k = 0 and there is no T_d). M is symmetric positive definite (a + B &gt; 0,
/// −ℒ positive semi-definite), so the Thomas algorithm is stable.
/// </summary>
/// <remarks>
/// <para><b>Stability.</b> The implicit part is unconditionally stable. The explicit R(T) is the only
/// destabilising term, and its derivative G_j = ∂R/∂T_j = Q s_j (α_i − α_f(x_j)) sech²(u)/(2w) is ≥ 0
/// whenever ice is brighter than the ice-free surface (α_i ≥ α₀ + α₂P₂(x), true for the defaults). The
/// Jacobian of the (surface-only) step is then (aI + K)⁻¹(aI + G), K = B I − Dℒ symmetric positive definite,
/// G = diag(G_j) ≥ 0; its eigenvalues solve the symmetric-definite problem (aI + G)v = μ(aI + K)v, so they
/// are real, μ &gt; 0, and μ &lt; 1 exactly when vᵀ(G − K)v &lt; 0 for the eigenvector, which holds for all of
/// them exactly when the equilibrium of the continuous model is linearly stable. So the scheme neither
/// creates nor destroys stable equilibria for any Δt, it never oscillates, and steady states do not depend
/// on Δt. Transients are first-order accurate in Δt.</para>
/// <para><b>Tangent</b> (differentiating the scheme, so the adjoint is exact for the discrete map):
/// <code>
///   δr = a δT + δa T + ∂R/∂T δT + ∂R/∂θ δθ − δA + k δT_d + δk T_d
///   δT' = M⁻¹[δr − (δa + δB + δk) T' + δD ℒT']
///   δT_d' = (δc T_d + c δT_d + δγ T' + γ δT' − (δc + δγ) T_d')/e
///   δa = δC/Δt, δc = δC_d/Δt, δk = (c²δγ + γ²δc)/e²
/// </code>
/// with ∂R/∂(T, S₀, α₀, α₂, α_i, T_i, w) from one <see cref="Dual{T}"/> pass of <see cref="AbsorbedShortwave"/>.</para>
/// <para><b>Adjoint</b> (λ', μ' the cotangents of T', T_d'):
/// <code>
///   T̄' = λ' + (γ/e) μ',   T̄_d += (c/e) μ',   c̄ = Σ μ'(T_d − T_d')/e,   γ̄ += Σ μ'(T' − T_d')/e
///   ρ = M⁻ᵀ T̄' = M⁻¹ T̄'   (M symmetric)
///   T̄ += (a + ∂R/∂T) ρ,   θ̄_R += (∂R/∂θ)ᵀ ρ,   T̄_d += k ρ,   Ā −= Σρ,   B̄ −= Σ ρT'
///   ā = Σ ρ(T − T'),   k̄ = Σ ρ(T_d − T'),   D̄ += Σ ρ (ℒT'),   γ̄ += k̄ c²/e²,   c̄ += k̄ γ²/e²
///   C̄ += ā/Δt,   C̄_d += c̄/Δt
/// </code>
/// with (∂R/∂·)ᵀρ from the local Jacobian (<see cref="LocalJacobian.Adjoint"/>). The adjoint recomputes
/// T' and T_d' from x[n] (one forward solve) and makes one more tridiagonal solve.</para>
/// <para><b>Correction slot.</b> With <see cref="LatitudeEbmModel.Correction"/> S(T; φ) the right-hand side
/// gains S(T_j; φ) explicitly: r += S(T), δr += S'(T) δT + (∂S/∂φ) δφ, T̄ += S'(T) ρ, φ̄ += (∂S/∂φ)ᵀ ρ.</para>
/// <para>Work arrays are allocated once here, so one instance must not be used by two threads at the
/// same time. Deterministic: no reductions in parallel.</para>
/// </remarks>
public sealed class LatitudeEbmStep : IDifferentiableStep
{
    private readonly AbsorbedShortwave[] _cells;
    private readonly double[] _diagonal, _offDiagonal, _rhs, _scratch, _next, _nextDeep, _work, _diffused;

    /// <summary>The step of <paramref name="model"/>.</summary>
    public LatitudeEbmStep(LatitudeEbmModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        int n = model.CellCount;
        _cells = new AbsorbedShortwave[n];
        for (int j = 0; j < n; j++) _cells[j] = new AbsorbedShortwave(model.Insolation.Values[j], AnnualInsolation.P2(model.Grid.Centres[j]));
        _diagonal = new double[n];
        _offDiagonal = new double[n - 1];
        _rhs = new double[n];
        _scratch = new double[n];
        _next = new double[n];
        _nextDeep = new double[n];
        _work = new double[n];
        _diffused = new double[n];
    }

    /// <summary>The model.</summary>
    public LatitudeEbmModel Model { get; }

    /// <summary>The per-cell absorbed-sunlight functions (s(x_j), P₂(x_j)).</summary>
    public ReadOnlySpan<AbsorbedShortwave> Cells => _cells;

    /// <inheritdoc />
    public int StateLength => Model.StateLength;

    /// <inheritdoc />
    public int ParameterLength => Model.Parameters.Count;

    /// <inheritdoc />
    public void Forward(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta, Span<double> xNext)
    {
        var p = Read(x, theta);
        Solve(x, p, Phi(theta));
        int cells = Model.CellCount;
        _next.CopyTo(xNext);
        if (Model.DeepOcean) _nextDeep.CopyTo(xNext[cells..]);
    }

    /// <inheritdoc />
    public void Tangent(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> dx, ReadOnlySpan<double> dTheta, Span<double> dxNext)
    {
        var p = Read(x, theta);
        if (dx.Length != StateLength || dTheta.Length != ParameterLength || dxNext.Length != StateLength)
            throw new ArgumentException("Tangent vectors must have the state and parameter lengths.");
        var phi = Phi(theta);
        Solve(x, p, phi);
        var correction = Model.Correction;
        var dPhi = dTheta[Model.PhysicalParameterCount..];
        int cells = Model.CellCount;
        bool deep = Model.DeepOcean;
        var c = Coefficients.Of(p, Model.TimeStep, deep);
        double dA = dTheta[1], dB = dTheta[2], dD = dTheta[3], da = dTheta[9] / Model.TimeStep;
        double dGamma = deep ? dTheta[10] : 0.0, dc = deep ? dTheta[11] / Model.TimeStep : 0.0;
        double dk = deep ? (c.DeepStorage * c.DeepStorage * dGamma + c.Gamma * c.Gamma * dc) / (c.E * c.E) : 0.0;

        Span<double> inputs = stackalloc double[7], dInputs = stackalloc double[7], y = stackalloc double[1], dy = stackalloc double[1];
        Fill(dInputs, dTheta);
        var t = x[..cells];
        Span<double> v = _work;
        v.Clear();
        MeridionalOperators.DiffuseX_c(Model.Grid, _next, v); // ℒT'
        for (int j = 0; j < cells; j++)
        {
            Fill(inputs, theta);
            inputs[0] = t[j];
            dInputs[0] = dx[j];
            LocalJacobian.Tangent(_cells[j], inputs, dInputs, y, dy);
            double dr = c.Storage * dx[j] + da * t[j] + dy[0] - dA;
            if (correction is not null) dr += correction.Derivative(t[j], phi) * dx[j] + correction.ParameterTangent(t[j], phi, dPhi);
            if (deep) dr += c.K * dx[cells + j] + dk * x[cells + j];
            v[j] = dr - (da + dB + dk) * _next[j] + dD * v[j];
        }
        var dNext = dxNext[..cells];
        SymmetricTridiagonalSolver.Solve(_diagonal, _offDiagonal, v, dNext, _scratch);
        if (deep)
            for (int j = 0; j < cells; j++)
                dxNext[cells + j] = (dc * x[cells + j] + c.DeepStorage * dx[cells + j] + dGamma * _next[j] + c.Gamma * dNext[j]
                                     - (dc + dGamma) * _nextDeep[j]) / c.E;
    }

    /// <inheritdoc />
    public void Adjoint(int n, ReadOnlySpan<double> x, ReadOnlySpan<double> theta,
        ReadOnlySpan<double> lambdaNext, Span<double> lambda, Span<double> thetaBar)
    {
        var p = Read(x, theta);
        if (lambdaNext.Length != StateLength || lambda.Length != StateLength || thetaBar.Length != ParameterLength)
            throw new ArgumentException("Adjoint vectors must have the state and parameter lengths.");
        var phi = Phi(theta);
        Solve(x, p, phi);
        var correction = Model.Correction;
        var phiBar = thetaBar[Model.PhysicalParameterCount..];
        int cells = Model.CellCount;
        bool deep = Model.DeepOcean;
        var c = Coefficients.Of(p, Model.TimeStep, deep);

        // T_d' = (c T_d + γ T')/e, reversed.
        Span<double> nextBar = _work;
        double cBar = 0.0, gammaBar = 0.0;
        for (int j = 0; j < cells; j++)
        {
            nextBar[j] = lambdaNext[j];
            if (!deep) continue;
            double mu = lambdaNext[cells + j];
            nextBar[j] += c.Gamma / c.E * mu;
            lambda[cells + j] += c.DeepStorage / c.E * mu;
            cBar += mu * (x[cells + j] - _nextDeep[j]) / c.E;
            gammaBar += mu * (_next[j] - _nextDeep[j]) / c.E;
        }

        // ρ = M⁻ᵀ T̄' (M symmetric).
        Span<double> rho = _rhs;
        SymmetricTridiagonalSolver.Solve(_diagonal, _offDiagonal, nextBar, rho, _scratch);
        Span<double> diffused = _diffused;
        diffused.Clear();
        MeridionalOperators.DiffuseX_c(Model.Grid, _next, diffused);

        Span<double> inputs = stackalloc double[7], inputsBar = stackalloc double[7], yBar = stackalloc double[1];
        inputsBar.Clear();
        double aBar = 0.0, kBar = 0.0, intercept = 0.0, slope = 0.0, diffusivity = 0.0;
        for (int j = 0; j < cells; j++)
        {
            double r = rho[j], t = x[j];
            Fill(inputs, theta);
            inputs[0] = t;
            yBar[0] = r;
            double before = inputsBar[0];
            LocalJacobian.Adjoint(_cells[j], inputs, yBar, inputsBar); // accumulates ∂R/∂(T, θ)ᵀ ρ_j
            lambda[j] += c.Storage * r + (inputsBar[0] - before);
            inputsBar[0] = 0.0;
            if (correction is not null)
            {
                lambda[j] += correction.Derivative(t, phi) * r;
                correction.AddParameterAdjoint(t, phi, r, phiBar);
            }
            intercept -= r;
            slope -= r * _next[j];
            diffusivity += r * diffused[j];
            aBar += r * (t - _next[j]);
            if (deep)
            {
                lambda[cells + j] += c.K * r;
                kBar += r * (x[cells + j] - _next[j]);
            }
        }
        var indices = AbsorbedShortwave.ParameterIndices;
        for (int k = 0; k < indices.Length; k++) thetaBar[indices[k]] += inputsBar[k + 1];
        thetaBar[1] += intercept;
        thetaBar[2] += slope;
        thetaBar[3] += diffusivity;
        thetaBar[9] += aBar / Model.TimeStep;
        if (deep)
        {
            gammaBar += kBar * c.DeepStorage * c.DeepStorage / (c.E * c.E);
            cBar += kBar * c.Gamma * c.Gamma / (c.E * c.E);
            thetaBar[10] += gammaBar;
            thetaBar[11] += cBar / Model.TimeStep;
        }
    }

    /// <summary>
    /// Absorbed sunlight R(T_j) = (S₀/4) s_j (1 − α(x_j, T_j)) of every cell for surface temperatures
    /// <paramref name="temperature"/> (N values, °C), written into <paramref name="absorbed"/> (W m⁻²).
    /// </summary>
    public void AbsorbedSunlight(ReadOnlySpan<double> temperature, in LatitudeEbmParameters p, Span<double> absorbed)
    {
        for (int j = 0; j < _cells.Length; j++) absorbed[j] = _cells[j].Evaluate(temperature[j], p);
    }

    // Writes T' into _next and T_d' into _nextDeep; leaves M in _diagonal/_offDiagonal.
    private void Solve(ReadOnlySpan<double> x, in LatitudeEbmParameters p, ReadOnlySpan<double> phi)
    {
        var correction = Model.Correction;
        int cells = Model.CellCount;
        bool deep = Model.DeepOcean;
        var c = Coefficients.Of(p, Model.TimeStep, deep);
        var grid = Model.Grid;
        var m = grid.FaceMetric;
        double d = p.Diffusivity / (grid.Spacing * grid.Spacing);
        double centre = c.Storage + p.OlrSlope + c.K;
        for (int j = 0; j < cells; j++)
        {
            _diagonal[j] = centre + d * (m[j] + m[j + 1]);
            if (j + 1 < cells) _offDiagonal[j] = -d * m[j + 1];
            double r = c.Storage * x[j] + _cells[j].Evaluate(x[j], p) - p.OlrIntercept;
            if (correction is not null) r += correction.Evaluate(x[j], phi);
            if (deep) r += c.K * x[cells + j];
            _rhs[j] = r;
        }
        SymmetricTridiagonalSolver.Solve(_diagonal, _offDiagonal, _rhs, _next, _scratch);
        if (deep)
            for (int j = 0; j < cells; j++) _nextDeep[j] = (c.DeepStorage * x[cells + j] + c.Gamma * _next[j]) / c.E;
    }

    private LatitudeEbmParameters Read(ReadOnlySpan<double> x, ReadOnlySpan<double> theta)
    {
        if (x.Length != StateLength)
            throw new ArgumentException($"The state has {x.Length} values; the latitude EBM needs {StateLength}.", nameof(x));
        if (theta.Length != ParameterLength)
            throw new ArgumentException($"θ has {theta.Length} entries; this latitude EBM needs {ParameterLength}.", nameof(theta));
        return LatitudeEbmParameters.FromTheta(theta[..Model.PhysicalParameterCount], Model.DeepOcean);
    }

    // φ of the correction slot (empty without one).
    private ReadOnlySpan<double> Phi(ReadOnlySpan<double> theta) => theta[Model.PhysicalParameterCount..];

    // Inputs 1..6 of AbsorbedShortwave from θ (input 0, the temperature, is set by the caller).
    private static void Fill(Span<double> inputs, ReadOnlySpan<double> theta)
    {
        var indices = AbsorbedShortwave.ParameterIndices;
        for (int k = 0; k < indices.Length; k++) inputs[k + 1] = theta[indices[k]];
    }

    // a = C/Δt, c = C_d/Δt, e = c + γ, k = γc/e (zero without the deep ocean).
    private readonly record struct Coefficients(double Storage, double DeepStorage, double Gamma, double E, double K)
    {
        public static Coefficients Of(in LatitudeEbmParameters p, double dt, bool deep)
        {
            double a = p.HeatCapacity / dt;
            if (!deep) return new Coefficients(a, 0.0, 0.0, 1.0, 0.0);
            double c = p.DeepHeatCapacity / dt, gamma = p.DeepExchange, e = c + gamma;
            return new Coefficients(a, c, gamma, e, gamma * c / e);
        }
    }
}
