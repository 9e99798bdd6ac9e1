using ClimateAD.Grid.Latitude;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// The normalised annual-mean insolation <c>s(x)</c> of each cell of a <see cref="LatitudeGrid"/>:
/// annual-mean top-of-atmosphere insolation at <c>x = sin φ</c> divided by its global mean
/// <c>Q = S₀/4</c>, so that <c>∫₀¹ s dx = 1</c>. The model's incoming sunlight is <c>Q s(x)</c>.
/// Configuration, not a parameter: it is fixed when the model is built.
/// </summary>
/// <remarks>
/// <para><b>From orbital geometry</b> (<see cref="FromOrbit"/>, the default): the daily-mean insolation
/// of a circular orbit (Berger 1978, J. Atmos. Sci. 35, 2362–2367; Hartmann, <i>Global Physical
/// Climatology</i>, 2nd ed. 2016, ch. 2),
/// <code>
///   Q_day(φ, δ) = (S₀/π) (h₀ sin φ sin δ + cos φ cos δ sin h₀),   cos h₀ = −tan φ tan δ (clamped: polar night h₀ = 0, polar day h₀ = π)
///   sin δ = sin β sin λ   (β obliquity, λ true solar longitude)
/// </code>
/// averaged over the year with the midpoint rule in λ (uniform in time for a circular orbit) at
/// <see cref="OrbitQuadraturePoints"/> points; <c>s = 4 ⟨Q_day⟩ / S₀</c> at the cell centre. The
/// kinks at the polar-day and polar-night onsets make the rule second order; with 7,200 points
/// it reproduces the closed forms at zero obliquity (4 cos φ/π) to 10⁻¹² and at the pole (4 sin β/π)
/// to 10⁻⁶ (tested). The global mean of the cell values is 1 to O(Δx²).</para>
/// <para><b>Legendre approximation</b> (<see cref="Legendre"/>): <c>s(x) = 1 + s₂P₂(x)</c>,
/// <c>P₂ = (3x² − 1)/2</c>, with North's (1975) <c>s₂ = −0.482</c>. The P₂ projection of the geometric
/// distribution at β = 23.44° is −0.477 (tested), so the two agree to about 1 % of the equator-to-pole
/// contrast; the geometric one is flatter in the tropics and has the correct polar value
/// <c>s(±1) = 4 sin β / π = 0.506</c>.</para>
/// </remarks>
public sealed class AnnualInsolation
{
    /// <summary>Present-day obliquity, 23.44° (J2000; Berger 1978).</summary>
    public const double PresentObliquity = 23.44;

    /// <summary>North's (1975) P₂ coefficient of annual-mean insolation, −0.482.</summary>
    public const double NorthS2 = -0.482;

    /// <summary>Solar-longitude points of the annual average in <see cref="FromOrbit"/>.</summary>
    public const int OrbitQuadraturePoints = 7200;

    private readonly double[] _values;

    private AnnualInsolation(LatitudeGrid grid, double[] values, string description)
    {
        Grid = grid;
        _values = values;
        Description = description;
    }

    /// <summary>The grid the values belong to.</summary>
    public LatitudeGrid Grid { get; }

    /// <summary>Normalised annual-mean insolation s(x_j) at each cell centre (dimensionless, global mean ≈ 1).</summary>
    public ReadOnlySpan<double> Values => _values;

    /// <summary>A one-line description for output attributes and <c>describe</c>, e.g. <c>orbit, obliquity 23.44°</c>.</summary>
    public string Description { get; }

    /// <summary>s(x) from the annual average of daily-mean insolation on a circular orbit with obliquity <paramref name="obliquityDegrees"/>.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="obliquityDegrees">Obliquity β in degrees, 0 ≤ β ≤ 90 (default the present 23.44°).</param>
    public static AnnualInsolation FromOrbit(LatitudeGrid grid, double obliquityDegrees = PresentObliquity)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (!(obliquityDegrees >= 0.0 && obliquityDegrees <= 90.0))
            throw new ArgumentOutOfRangeException(nameof(obliquityDegrees), obliquityDegrees, "The obliquity must be within [0, 90] degrees.");
        var values = new double[grid.CellCount];
        for (int j = 0; j < values.Length; j++) values[j] = AnnualMean(grid.Centres[j], obliquityDegrees);
        return new AnnualInsolation(grid, values, FormattableString.Invariant($"orbit, obliquity {obliquityDegrees:G6}°"));
    }

    /// <summary>s(x) = 1 + s₂P₂(x) (North 1975), sampled at the cell centres.</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="s2">The P₂ coefficient s₂, −1 ≤ s₂ ≤ 2 so that s ≥ 0 on [−1, 1] (default North's −0.482).</param>
    public static AnnualInsolation Legendre(LatitudeGrid grid, double s2 = NorthS2)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (!(s2 >= -1.0 && s2 <= 2.0))
            throw new ArgumentOutOfRangeException(nameof(s2), s2, "s2 must be within [-1, 2] so that the insolation is non-negative.");
        var values = new double[grid.CellCount];
        for (int j = 0; j < values.Length; j++) values[j] = 1.0 + s2 * P2(grid.Centres[j]);
        return new AnnualInsolation(grid, values, FormattableString.Invariant($"legendre, s2 {s2:G6}"));
    }

    /// <summary>The second Legendre polynomial P₂(x) = (3x² − 1)/2.</summary>
    public static double P2(double x) => 0.5 * (3.0 * x * x - 1.0);

    /// <summary>
    /// Normalised annual-mean insolation <c>s(x) = 4⟨Q_day⟩/S₀</c> at <c>x = sin φ</c> for a circular orbit
    /// with obliquity <paramref name="obliquityDegrees"/> (midpoint rule in solar longitude,
    /// <see cref="OrbitQuadraturePoints"/> points).
    /// </summary>
    public static double AnnualMean(double x, double obliquityDegrees)
    {
        double sinBeta = Math.Sin(obliquityDegrees * (Math.PI / 180.0));
        double sum = 0.0;
        const int points = OrbitQuadraturePoints;
        for (int k = 0; k < points; k++)
        {
            double lambda = 2.0 * Math.PI * (k + 0.5) / points;
            sum += DailyMean(x, Math.Asin(sinBeta * Math.Sin(lambda)));
        }
        return 4.0 * sum / points;
    }

    /// <summary>
    /// Daily-mean insolation divided by S₀, <c>(h₀ sin φ sin δ + cos φ cos δ sin h₀)/π</c>, at
    /// <c>x = sin φ</c> and solar declination <paramref name="declination"/> (radians).
    /// </summary>
    public static double DailyMean(double x, double declination)
    {
        x = Math.Clamp(x, -1.0, 1.0);
        double cosPhi = Math.Sqrt((1.0 - x) * (1.0 + x));
        double sinDelta = Math.Sin(declination), cosDelta = Math.Cos(declination);
        // cos h₀ = −tan φ tan δ = −x sin δ / (cos φ cos δ); compare without dividing (cos φ = 0 at the poles).
        double num = -x * sinDelta, den = cosPhi * cosDelta;
        double h0 = num >= den ? 0.0 : num <= -den ? Math.PI : Math.Acos(num / den);
        return (h0 * x * sinDelta + cosPhi * cosDelta * Math.Sin(h0)) / Math.PI;
    }
}
