namespace ClimateAD.Grid.Latitude;

/// <summary>
/// A pole-to-pole grid on the sphere in the variable <c>x = sin φ</c> (φ latitude): <see cref="CellCount"/>
/// cells of equal width <c>Δx = 2/N</c> on <c>[−1, 1]</c>, hence of equal area (the area element of
/// the sphere is <c>2πR² dx</c>; Archimedes' hat-box theorem). This is the coordinate of North (1975,
/// J. Atmos. Sci. 32, 2033–2043) and North, Cahalan &amp; Coakley (1981, Rev. Geophys. Space Phys. 19,
/// 91–121), in which meridional diffusion on the sphere is <c>∂/∂x[(1 − x²) ∂T/∂x]</c>.
/// </summary>
/// <remarks>
/// <para>Cell <c>j = 0…N−1</c> (south to north) has centre <c>x_j = −1 + (j + ½)Δx</c> and faces
/// <c>x_(j−½) = −1 + jΔx</c>, <c>x_(j+½) = −1 + (j+1)Δx</c>; face <c>f = 0…N</c> is at
/// <c>x_f = −1 + fΔx</c>, so faces 0 and N are the poles. The area weight of every cell, as a fraction of
/// the sphere, is <c>w_j = Δx/2 = 1/N</c>; the global mean of a cell field is <c>Σ_j w_j T_j</c>.</para>
/// <para>Why uniform in x rather than in φ: cells of equal area make the flux-form diffusion operator
/// a symmetric matrix under the plain Euclidean inner product (its transpose is itself) and make the
/// area-weighted sum of the divergence telescope exactly to zero, and the metric factor <c>1 − x²</c>
/// vanishes exactly at the pole faces, so the no-flux pole condition is built in. The price is coarse
/// resolution near the poles: with N = 90 the polar cells span 78.3°–90°.</para>
/// </remarks>
public sealed class LatitudeGrid
{
    private readonly double[] _centres, _faces, _faceMetric, _latitudes;

    /// <summary>A grid of <paramref name="cellCount"/> equal-area cells from the South to the North Pole.</summary>
    /// <param name="cellCount">Number of cells N ≥ 2.</param>
    public LatitudeGrid(int cellCount)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellCount, 2);
        CellCount = cellCount;
        Spacing = 2.0 / cellCount;
        _centres = new double[cellCount];
        _latitudes = new double[cellCount];
        _faces = new double[cellCount + 1];
        _faceMetric = new double[cellCount + 1];
        for (int f = 0; f <= cellCount; f++)
        {
            _faces[f] = -1.0 + 2.0 * f / cellCount;
            _faceMetric[f] = f == 0 || f == cellCount ? 0.0 : (1.0 - _faces[f]) * (1.0 + _faces[f]);
        }
        for (int j = 0; j < cellCount; j++)
        {
            _centres[j] = -1.0 + (2.0 * j + 1.0) / cellCount;
            _latitudes[j] = Math.Asin(_centres[j]) * (180.0 / Math.PI);
        }
    }

    /// <summary>Number of cells N.</summary>
    public int CellCount { get; }

    /// <summary>Number of faces N + 1 (faces 0 and N are the South and North Poles).</summary>
    public int FaceCount => CellCount + 1;

    /// <summary>Cell width Δx = 2/N in <c>x = sin φ</c> (dimensionless).</summary>
    public double Spacing { get; }

    /// <summary>Cell centres <c>x_j = −1 + (j + ½)Δx</c>, south to north.</summary>
    public ReadOnlySpan<double> Centres => _centres;

    /// <summary>Faces <c>x_f = −1 + fΔx</c>, <c>f = 0…N</c>.</summary>
    public ReadOnlySpan<double> Faces => _faces;

    /// <summary>
    /// The metric factor of meridional diffusion at each face, <c>1 − x_f²</c>, computed as
    /// <c>(1 − x_f)(1 + x_f)</c> and exactly zero at the poles (no flux through them).
    /// </summary>
    public ReadOnlySpan<double> FaceMetric => _faceMetric;

    /// <summary>Latitude of each cell centre, <c>φ_j = asin x_j</c>, degrees north.</summary>
    public ReadOnlySpan<double> CentreLatitudes => _latitudes;

    /// <summary>Area weight of every cell as a fraction of the sphere, <c>w = Δx/2 = 1/N</c>.</summary>
    public double AreaWeight => 0.5 * Spacing;

    /// <summary>Area-weighted global mean <c>Σ_j w_j a_j</c> of a cell field (in the field's units).</summary>
    /// <param name="field">One value per cell.</param>
    public double GlobalMean(ReadOnlySpan<double> field)
    {
        CheckCells(field.Length, nameof(field));
        double sum = 0.0;
        for (int j = 0; j < field.Length; j++) sum += field[j];
        return sum * AreaWeight;
    }

    /// <summary>Latitude of <c>x = sin φ</c>, degrees north; <paramref name="x"/> is clamped to [−1, 1].</summary>
    public static double LatitudeOf(double x) => Math.Asin(Math.Clamp(x, -1.0, 1.0)) * (180.0 / Math.PI);

    internal void CheckCells(int length, string name)
    {
        if (length != CellCount)
            throw new ArgumentException($"The field has {length} values; the latitude grid has {CellCount} cells.", name);
    }

    internal void CheckFaces(int length, string name)
    {
        if (length != FaceCount)
            throw new ArgumentException($"The face field has {length} values; the latitude grid has {FaceCount} faces.", name);
    }
}
