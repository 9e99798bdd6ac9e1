namespace ClimateAD.Grid.Grids;

/// <summary>
/// A 2-D latitude–longitude grid on a sphere of radius <c>a</c> rotating at <c>Ω</c>: <c>Nλ × Nφ</c>
/// cells of <c>Δλ × Δφ</c>, longitude periodic (a full circle) or bounded, latitude bounded.
/// </summary>
/// <remarks>
/// <para>With <c>φ_j = φ_S + (j + ½)Δφ</c> on centre rows and <c>φ_{j−½} = φ_S + jΔφ</c> on face rows,
/// the finite-volume metric terms are (e.g. Marshall et al. 1997, J. Geophys. Res. 102:5753–5766,
/// MITgcm spherical-polar grid; Williamson 2007, Tellus 59A:2–14):</para>
/// <list type="bullet">
/// <item>centre rows: <c>Δx = a cos φ_j Δλ</c>, <c>Δy = a Δφ</c>,
/// <c>A = a² Δλ (sin φ_{j+½} − sin φ_{j−½})</c> (exact area of the cell);</item>
/// <item>face rows: <c>Δx = a cos φ_{j−½} Δλ</c> (length of the <c>v</c> face), <c>Δy = a Δφ</c>,
/// <c>A = a² Δλ (sin φ_j − sin φ_{j−1})</c> (area of the cell around a vorticity point);</item>
/// <item>Coriolis <c>f = 2Ω sin φ</c> at the row's latitude.</item>
/// </list>
/// <para>Halo rows beyond the walls copy the nearest interior row's spacing and area (they are
/// masked); faces at the poles have <c>Δx = 0</c>, so no flux crosses them.</para>
/// </remarks>
public sealed class LatLonGrid : Grid2D
{
    /// <summary>Mean radius of the Earth (m), IUGG.</summary>
    public const double EarthRadius = 6.371e6;

    /// <summary>Rotation rate of the Earth (s⁻¹), sidereal day.</summary>
    public const double EarthRotationRate = 7.2921159e-5;

    private readonly double _dLambda, _dPhi, _phiSouth;

    /// <summary>Builds and validates a latitude–longitude grid.</summary>
    /// <param name="nLongitude">Cells along longitude, ≥ 1.</param>
    /// <param name="nLatitude">Cells along latitude, ≥ 2.</param>
    /// <param name="longitudeWest">West edge (degrees east).</param>
    /// <param name="longitudeEast">East edge (degrees east); for a periodic grid exactly <c>west + 360</c>.</param>
    /// <param name="latitudeSouth">South edge (degrees north), ≥ −90.</param>
    /// <param name="latitudeNorth">North edge (degrees north), ≤ 90.</param>
    /// <param name="topologyLongitude">Topology along longitude (latitude is always bounded).</param>
    /// <param name="halo">Halo width, ≥ 1.</param>
    /// <param name="radius">Sphere radius <c>a</c> (m), positive and finite.</param>
    /// <param name="rotationRate">Rotation rate <c>Ω</c> (s⁻¹), finite.</param>
    /// <param name="mask">Land/sea mask; all sea when <c>null</c>.</param>
    /// <exception cref="ArgumentException">A size, an edge, the radius, the rotation rate or the mask is invalid.</exception>
    public LatLonGrid(int nLongitude, int nLatitude,
        double longitudeWest = 0, double longitudeEast = 360, double latitudeSouth = -90, double latitudeNorth = 90,
        Topology topologyLongitude = Topology.Periodic, int halo = 2,
        double radius = EarthRadius, double rotationRate = EarthRotationRate, LandSeaMask? mask = null)
        : base(nLongitude, nLatitude, halo, topologyLongitude, Topology.Bounded, mask)
    {
        if (nLatitude < 2) throw new ArgumentOutOfRangeException(nameof(nLatitude), nLatitude, "A latitude–longitude grid needs at least two latitude bands.");
        if (!double.IsFinite(longitudeWest) || !double.IsFinite(longitudeEast) || !(longitudeEast > longitudeWest))
            throw new ArgumentException($"Longitudes must be finite with west < east (got {longitudeWest}, {longitudeEast}).", nameof(longitudeEast));
        double span = longitudeEast - longitudeWest;
        if (span > 360 + 1e-9) throw new ArgumentException($"The longitude span {span}° exceeds 360°.", nameof(longitudeEast));
        if (topologyLongitude == Topology.Periodic && Math.Abs(span - 360) > 1e-9)
            throw new ArgumentException($"A periodic longitude axis must span 360° (got {span}°); use Topology.Bounded for a sector.", nameof(topologyLongitude));
        if (!(latitudeSouth >= -90) || !(latitudeNorth <= 90) || !(latitudeNorth > latitudeSouth))
            throw new ArgumentException($"Latitudes must satisfy −90 ≤ south < north ≤ 90 (got {latitudeSouth}, {latitudeNorth}).", nameof(latitudeSouth));
        if (!(radius > 0) || !double.IsFinite(radius)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be positive and finite (m).");
        if (!double.IsFinite(rotationRate)) throw new ArgumentOutOfRangeException(nameof(rotationRate), rotationRate, "The rotation rate must be finite (s⁻¹).");
        LongitudeWest = longitudeWest;
        LongitudeEast = longitudeEast;
        LatitudeSouth = latitudeSouth;
        LatitudeNorth = latitudeNorth;
        Radius = radius;
        RotationRate = rotationRate;
        _dLambda = span / nLongitude * Math.PI / 180;
        _dPhi = (latitudeNorth - latitudeSouth) / nLatitude * Math.PI / 180;
        _phiSouth = latitudeSouth * Math.PI / 180;
    }

    /// <summary>West edge (degrees east).</summary>
    public double LongitudeWest { get; }

    /// <summary>East edge (degrees east).</summary>
    public double LongitudeEast { get; }

    /// <summary>South edge (degrees north).</summary>
    public double LatitudeSouth { get; }

    /// <summary>North edge (degrees north).</summary>
    public double LatitudeNorth { get; }

    /// <summary>Sphere radius <c>a</c> (m).</summary>
    public double Radius { get; }

    /// <summary>Rotation rate <c>Ω</c> (s⁻¹).</summary>
    public double RotationRate { get; }

    /// <summary>Longitude spacing <c>Δλ</c> (radians).</summary>
    public double SpacingLongitude => _dLambda;

    /// <summary>Latitude spacing <c>Δφ</c> (radians).</summary>
    public double SpacingLatitude => _dPhi;

    /// <summary>Latitude (radians) of row <paramref name="j"/> at stagger <paramref name="y"/>.</summary>
    public double LatitudeRadians(Stagger y, int j) => _phiSouth + (j + (y == Stagger.Center ? 0.5 : 0.0)) * _dPhi;

    /// <summary>Longitude (radians) of column <paramref name="i"/> at stagger <paramref name="x"/>.</summary>
    public double LongitudeRadians(Stagger x, int i) => LongitudeWest * Math.PI / 180 + (i + (x == Stagger.Center ? 0.5 : 0.0)) * _dLambda;

    /// <inheritdoc/>
    public override double X(Stagger x, int i) => LongitudeWest + (i + (x == Stagger.Center ? 0.5 : 0.0)) * _dLambda * 180 / Math.PI;

    /// <inheritdoc/>
    public override double Y(Stagger y, int j) => LatitudeSouth + (j + (y == Stagger.Center ? 0.5 : 0.0)) * _dPhi * 180 / Math.PI;

    /// <inheritdoc/>
    public override double Dx(Stagger y, int j)
    {
        CheckRow(j);
        int k = y == Stagger.Center ? Math.Clamp(j, 0, Ny - 1) : Math.Clamp(j, 0, Ny);
        return Math.Max(0.0, Radius * Math.Cos(LatitudeRadians(y, k)) * _dLambda);
    }

    /// <inheritdoc/>
    public override double Dy(Stagger y, int j)
    {
        CheckRow(j);
        return Radius * _dPhi;
    }

    /// <inheritdoc/>
    public override double Area(Stagger y, int j)
    {
        CheckRow(j);
        double a2 = Radius * Radius * _dLambda;
        if (y == Stagger.Center)
        {
            int k = Math.Clamp(j, 0, Ny - 1);
            return a2 * (Math.Sin(LatitudeRadians(Stagger.Face, k + 1)) - Math.Sin(LatitudeRadians(Stagger.Face, k)));
        }
        int m = Math.Clamp(j, 1, Ny - 1);
        return a2 * (Math.Sin(LatitudeRadians(Stagger.Center, m)) - Math.Sin(LatitudeRadians(Stagger.Center, m - 1)));
    }

    /// <inheritdoc/>
    public override double Coriolis(Stagger y, int j) => 2 * RotationRate * Math.Sin(LatitudeRadians(y, j));
}
