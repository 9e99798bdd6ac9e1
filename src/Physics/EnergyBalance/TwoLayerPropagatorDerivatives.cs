namespace ClimateAD.Physics.EnergyBalance;

/// <summary>
/// Parameter derivatives ∂Φ/∂θⱼ and ∂Γ/∂θⱼ of the exact two-layer step
/// x[n+1] = Φ x[n] + Γ F[n] (<see cref="TwoLayerExactPropagator"/>) for the six physical
/// parameters θ₀..θ₅ = (F₄ₓ, λ, C, C₀, γ, ε), from the Fréchet derivative of the matrix exponential
/// of the augmented (input-column) matrix:
/// <code>
///   Ã = [ A  b ]     exp(ÃΔt) = [ Φ  Γ ]     ∂/∂θⱼ [ Φ  Γ ] = L(ÃΔt, ẼⱼΔt),   Ẽⱼ = ∂Ã/∂θⱼ
///       [ 0  0 ],                [ 0  1 ],          [ 0  0 ]
///
///   L(X, E) = ∫₀¹ e^(X(1−s)) E e^(Xs) ds,   exp([[X, E],[0, X]]) = [[e^X, L(X, E)],[0, e^X]]
/// </code>
/// (Van Loan 1978, IEEE Trans. Autom. Control 23, 395–404; Najfeld &amp; Havel 1995, Adv. Appl.
/// Math. 16, 321–375; Al-Mohy &amp; Higham 2009, SIAM J. Matrix Anal. Appl. 30, 1639–1657).
/// The directions are, with a₁ = λ + εγ:
/// <code>
///   ∂/∂λ : Ẽ₁₁ = −1/C
///   ∂/∂C : Ẽ₁₁ = a₁/C²,  Ẽ₁₂ = −εγ/C²,  Ẽ₁₃ = −1/C²          (= −(row 1 of Ã)/C)
///   ∂/∂C₀: Ẽ₂₁ = −γ/C₀², Ẽ₂₂ = γ/C₀²                         (= −(row 2 of Ã)/C₀)
///   ∂/∂γ : Ẽ₁₁ = −ε/C,  Ẽ₁₂ = ε/C,  Ẽ₂₁ = 1/C₀,  Ẽ₂₂ = −1/C₀
///   ∂/∂ε : Ẽ₁₁ = −γ/C,  Ẽ₁₂ = γ/C
///   ∂/∂F₄ₓ = 0 (F₄ₓ only scales forcing bases)
/// </code>
/// Method: scaling and squaring of the block-triangular exponential, written as the coupled
/// Taylor recurrences of its two distinct blocks. With X = ÃΔt/2ˢ, E = ẼΔt/2ˢ, s the least
/// integer with ‖X‖₁ ≤ ½:
/// <code>
///   Tₖ = X Tₖ₋₁ / k,  Lₖ = (E Tₖ₋₁ + X Lₖ₋₁) / k,  T₀ = I, L₀ = 0,   e^X ≈ Σₖ Tₖ,  L ≈ Σₖ Lₖ   (k ≤ 20)
///   then s times:  L ← e^X L + L e^X,  e^X ← e^X e^X          (the product rule for (e^X)²)
/// </code>
/// With ‖X‖₁ ≤ ½ the 20-term truncation error is below 0.5²¹/21! ≈ 10⁻²⁶ of ‖L‖ (the series is a
/// Taylor series of an entire function with no cancellation at this norm), so the derivatives are
/// accurate to round-off: tests compare them with a 28-digit <c>decimal</c> reference to 10⁻¹³.
/// For Δt ≪ τ_f no squaring is needed and every entry is produced by its leading Taylor terms, so
/// the small entries (∂Γ₂/∂θ = O(Δt²)) keep their relative accuracy, as Φ and Γ themselves do in
/// the closed form. Cost: a few thousand flops, once per parameter vector, never per step.
/// </summary>
public sealed class TwoLayerPropagatorDerivatives
{
    /// <summary>Number of Taylor terms of the scaled series.</summary>
    public const int TaylorTerms = 20;

    private const int EntriesPerParameter = 6; // ∂Φ₁₁, ∂Φ₁₂, ∂Φ₂₁, ∂Φ₂₂, ∂Γ₁, ∂Γ₂
    private readonly double[] _values = new double[TwoLayerParameters.Count * EntriesPerParameter];

    /// <summary>Computes the derivatives for parameters <paramref name="parameters"/> and step <paramref name="timeStep"/> (years, &gt; 0).</summary>
    public TwoLayerPropagatorDerivatives(in TwoLayerParameters parameters, double timeStep)
    {
        if (!(timeStep > 0.0 && double.IsFinite(timeStep)))
            throw new ArgumentOutOfRangeException(nameof(timeStep), timeStep, "The time step must be positive and finite.");
        var p = parameters.Validated();
        double lambda = p.ClimateFeedback, c = p.UpperHeatCapacity, c0 = p.DeepHeatCapacity;
        double gamma = p.HeatExchangeCoefficient, eps = p.DeepOceanEfficacy;

        // Augmented 3×3 matrices, row-major; the third row is zero throughout.
        double[] a =
        [
            -(lambda + eps * gamma) / c, eps * gamma / c, 1.0 / c,
            gamma / c0, -gamma / c0, 0.0,
            0.0, 0.0, 0.0,
        ];
        var directions = new double[TwoLayerParameters.Count][];
        directions[0] = new double[9];
        directions[1] = [-1.0 / c, 0, 0, 0, 0, 0, 0, 0, 0];
        directions[2] = [(lambda + eps * gamma) / (c * c), -eps * gamma / (c * c), -1.0 / (c * c), 0, 0, 0, 0, 0, 0];
        directions[3] = [0, 0, 0, -gamma / (c0 * c0), gamma / (c0 * c0), 0, 0, 0, 0];
        directions[4] = [-eps / c, eps / c, 0, 1.0 / c0, -1.0 / c0, 0, 0, 0, 0];
        directions[5] = [-gamma / c, gamma / c, 0, 0, 0, 0, 0, 0, 0];

        double norm = 0.0;
        for (int col = 0; col < 3; col++)
            norm = Math.Max(norm, Math.Abs(a[col]) + Math.Abs(a[3 + col]) + Math.Abs(a[6 + col]));
        norm *= timeStep;
        int s = norm <= 0.5 ? 0 : (int)Math.Ceiling(Math.Log2(norm / 0.5));
        double scale = Math.ScaleB(timeStep, -s); // exact: Δt / 2ˢ
        Squarings = s;

        var x = new double[9];
        for (int i = 0; i < 9; i++) x[i] = a[i] * scale;
        var e = new double[TwoLayerParameters.Count][];
        for (int j = 0; j < e.Length; j++)
        {
            e[j] = new double[9];
            for (int i = 0; i < 9; i++) e[j][i] = directions[j][i] * scale;
        }

        // Coupled Taylor recurrences.
        double[] expX = Identity(), term = Identity(), nextTerm = new double[9], tmp = new double[9];
        var l = new double[e.Length][];
        var lTerm = new double[e.Length][];
        for (int j = 0; j < e.Length; j++) { l[j] = new double[9]; lTerm[j] = new double[9]; }
        for (int k = 1; k <= TaylorTerms; k++)
        {
            double inv = 1.0 / k;
            for (int j = 0; j < e.Length; j++)
            {
                Multiply(e[j], term, tmp);
                Multiply(x, lTerm[j], nextTerm);
                for (int i = 0; i < 9; i++)
                {
                    lTerm[j][i] = (tmp[i] + nextTerm[i]) * inv;
                    l[j][i] += lTerm[j][i];
                }
            }
            Multiply(x, term, nextTerm);
            for (int i = 0; i < 9; i++)
            {
                term[i] = nextTerm[i] * inv;
                expX[i] += term[i];
            }
        }

        // Squaring phase: d(P²) = P L + L P.
        var product = new double[9];
        for (int r = 0; r < s; r++)
        {
            for (int j = 0; j < e.Length; j++)
            {
                Multiply(expX, l[j], tmp);
                Multiply(l[j], expX, product);
                for (int i = 0; i < 9; i++) l[j][i] = tmp[i] + product[i];
            }
            Multiply(expX, expX, product);
            Array.Copy(product, expX, 9);
        }

        for (int j = 0; j < e.Length; j++)
        {
            int o = j * EntriesPerParameter;
            _values[o + 0] = l[j][0];
            _values[o + 1] = l[j][1];
            _values[o + 2] = l[j][3];
            _values[o + 3] = l[j][4];
            _values[o + 4] = l[j][2];
            _values[o + 5] = l[j][5];
        }
        TimeStep = timeStep;
    }

    /// <summary>Δt, years.</summary>
    public double TimeStep { get; }

    /// <summary>Number of squarings s used (0 when ‖ÃΔt‖₁ ≤ ½, e.g. annual steps with the default parameters).</summary>
    public int Squarings { get; }

    /// <summary>
    /// ∂Φ_(row,column)/∂θ_parameter, parameter in 0..5 (<see cref="TwoLayerParameterTable.All"/> order),
    /// row and column in 0..1; units of Φ per unit of the parameter.
    /// </summary>
    public double Transition(int parameter, int row, int column)
    {
        CheckIndex(parameter, row);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)column, 1u, nameof(column));
        return _values[parameter * EntriesPerParameter + 2 * row + column];
    }

    /// <summary>∂Γ_row/∂θ_parameter, parameter in 0..5, row in 0..1; K per W m⁻² per unit of the parameter.</summary>
    public double Input(int parameter, int row)
    {
        CheckIndex(parameter, row);
        return _values[parameter * EntriesPerParameter + 4 + row];
    }

    /// <summary>
    /// Derivatives of one parameter as (∂Φ₁₁, ∂Φ₁₂, ∂Φ₂₁, ∂Φ₂₂, ∂Γ₁, ∂Γ₂): a view for the step's
    /// tangent and adjoint loops, parameter in 0..5.
    /// </summary>
    internal ReadOnlySpan<double> Of(int parameter) => _values.AsSpan(parameter * EntriesPerParameter, EntriesPerParameter);

    private static void CheckIndex(int parameter, int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)parameter, (uint)TwoLayerParameters.Count, nameof(parameter));
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)row, 1u, nameof(row));
    }

    private static double[] Identity() => [1, 0, 0, 0, 1, 0, 0, 0, 1];

    // c = a·b for row-major 3×3 matrices; c must not alias a or b.
    private static void Multiply(double[] a, double[] b, double[] c)
    {
        for (int r = 0; r < 3; r++)
            for (int col = 0; col < 3; col++)
                c[3 * r + col] = a[3 * r] * b[col] + a[3 * r + 1] * b[3 + col] + a[3 * r + 2] * b[6 + col];
    }
}
