using ClimateAD.Grid.Grids;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// Initial tracer fields sampled at cell centres, as <c>[Nx, Ny]</c> arrays for
/// <see cref="TracerSimulation"/>. Distances are great-circle distances on a <see cref="LatLonGrid"/>
/// (m) and Euclidean distances on a <see cref="CartesianGrid"/> (m; along a periodic axis the nearest
/// periodic image counts).
/// </summary>
public static class TracerInitialConditions
{
    /// <summary>
    /// A Gaussian blob <c>c = c_b + c₀ exp(−(r/w)²)</c> centred at <c>(x₀, y₀)</c>, smooth (so convergence
    /// tests see the scheme's full order).
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="centreX">Centre x in grid coordinates (m; degrees east on the sphere).</param>
    /// <param name="centreY">Centre y in grid coordinates (m; degrees north on the sphere).</param>
    /// <param name="width">e-folding width <c>w</c> (m).</param>
    /// <param name="amplitude">Peak <c>c₀</c> above the background.</param>
    /// <param name="background">Background <c>c_b</c>.</param>
    public static double[,] GaussianBlob(Grid2D grid, double centreX, double centreY, double width, double amplitude = 1.0, double background = 0.0)
    {
        if (!(width > 0)) throw new ArgumentOutOfRangeException(nameof(width), width, "The width must be positive (m).");
        return Sample(grid, centreX, centreY, r => background + amplitude * Math.Exp(-(r / width) * (r / width)));
    }

    /// <summary>
    /// The cosine bell of Williamson et al. (1992, J. Comput. Phys. 102:211–224, eq. 77):
    /// <c>c = c_b + (c₀/2)(1 + cos(π r/R))</c> for <c>r &lt; R</c>, else <c>c_b</c>; in test case 1
    /// <c>R = a/3</c>, <c>c₀ = 1000 m</c>, centred at (3π/2, 0). Its second derivative is discontinuous
    /// at <c>r = R</c>, which limits the observed convergence rate.
    /// </summary>
    /// <param name="grid">The grid.</param>
    /// <param name="centreX">Centre x in grid coordinates (m; degrees east on the sphere).</param>
    /// <param name="centreY">Centre y in grid coordinates (m; degrees north on the sphere).</param>
    /// <param name="radius">Bell radius <c>R</c> (m).</param>
    /// <param name="amplitude">Peak <c>c₀</c> above the background.</param>
    /// <param name="background">Background <c>c_b</c>.</param>
    public static double[,] CosineBell(Grid2D grid, double centreX, double centreY, double radius, double amplitude = 1000.0, double background = 0.0)
    {
        if (!(radius > 0)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be positive (m).");
        return Sample(grid, centreX, centreY, r => r < radius ? background + 0.5 * amplitude * (1 + Math.Cos(Math.PI * r / radius)) : background);
    }

    /// <summary>Distance (m) from <c>(x₀, y₀)</c> to the centre of cell <c>(i, j)</c>.</summary>
    public static double Distance(Grid2D grid, double centreX, double centreY, int i, int j)
    {
        ArgumentNullException.ThrowIfNull(grid);
        double x = grid.X(Stagger.Center, i), y = grid.Y(Stagger.Center, j);
        switch (grid)
        {
            case LatLonGrid s:
            {
                double d2r = Math.PI / 180, l1 = centreX * d2r, p1 = centreY * d2r, l2 = x * d2r, p2 = y * d2r;
                // Haversine form: accurate for small distances too.
                double h = Math.Sin((p2 - p1) / 2) * Math.Sin((p2 - p1) / 2)
                         + Math.Cos(p1) * Math.Cos(p2) * Math.Sin((l2 - l1) / 2) * Math.Sin((l2 - l1) / 2);
                return 2 * s.Radius * Math.Asin(Math.Min(1.0, Math.Sqrt(h)));
            }
            case CartesianGrid c:
            {
                double dx = Nearest(x - centreX, c.LengthX, c.TopologyX), dy = Nearest(y - centreY, c.LengthY, c.TopologyY);
                return Math.Sqrt(dx * dx + dy * dy);
            }
            default:
                throw new ArgumentException($"Unknown grid type {grid.GetType().Name}.", nameof(grid));
        }
    }

    private static double Nearest(double d, double length, Topology topology)
        => topology == Topology.Periodic ? d - length * Math.Round(d / length) : d;

    private static double[,] Sample(Grid2D grid, double centreX, double centreY, Func<double, double> profile)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var c = new double[grid.Nx, grid.Ny];
        for (int j = 0; j < grid.Ny; j++)
            for (int i = 0; i < grid.Nx; i++)
                c[i, j] = profile(Distance(grid, centreX, centreY, i, j));
        return c;
    }
}
