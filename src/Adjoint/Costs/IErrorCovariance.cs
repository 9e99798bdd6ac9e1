namespace ClimateAD.Adjoint.Costs;

/// <summary>
/// A symmetric positive-definite error covariance (observation error <c>R</c> or background
/// error <c>B</c>), used only through its inverse: <c>w = C⁻¹ d</c>.
/// </summary>
public interface IErrorCovariance
{
    /// <summary>Dimension of the covariance matrix.</summary>
    int Dimension { get; }

    /// <summary>Writes <c>w = C⁻¹ d</c>.</summary>
    void ApplyInverse(ReadOnlySpan<double> d, Span<double> w);
}
