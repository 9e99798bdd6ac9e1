using ClimateAD.Grid.Latitude;

namespace ClimateAD.Physics.LatitudeEbm;

/// <summary>
/// Ice-edge latitude diagnostics: where the annual-mean surface temperature crosses the ice-edge
/// temperature T_i (the mid-point of the albedo transition; Budyko 1969; North, Cahalan &amp; Coakley
/// 1981). Scanning each hemisphere from the equator poleward, the edge is the first crossing, placed
/// by linear interpolation of T in <c>x = sin φ</c> between cell centres. 90° means ice-free
/// (T &gt; T_i at every cell of the hemisphere); 0° means ice reaches the equator (the snowball state).
/// </summary>
public static class IceEdge
{
    /// <summary>Northern ice-edge latitude, degrees north, in [0, 90].</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="temperature">Surface temperature per cell, °C (N values).</param>
    /// <param name="iceEdgeTemperature">T_i, °C.</param>
    public static double NorthernLatitude(LatitudeGrid grid, ReadOnlySpan<double> temperature, double iceEdgeTemperature)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (temperature.Length != grid.CellCount)
            throw new ArgumentException($"{temperature.Length} temperatures given; the grid has {grid.CellCount} cells.", nameof(temperature));
        var x = grid.Centres;
        int n = grid.CellCount, first = n / 2; // first cell with centre x ≥ 0
        if (temperature[first] <= iceEdgeTemperature) return 0.0;
        for (int j = first + 1; j < n; j++)
        {
            if (temperature[j] > iceEdgeTemperature) continue;
            double fraction = (temperature[j - 1] - iceEdgeTemperature) / (temperature[j - 1] - temperature[j]);
            return LatitudeGrid.LatitudeOf(x[j - 1] + fraction * (x[j] - x[j - 1]));
        }
        return 90.0;
    }

    /// <summary>Southern ice-edge latitude as a positive number of degrees south, in [0, 90].</summary>
    /// <param name="grid">The grid.</param>
    /// <param name="temperature">Surface temperature per cell, °C (N values).</param>
    /// <param name="iceEdgeTemperature">T_i, °C.</param>
    public static double SouthernLatitude(LatitudeGrid grid, ReadOnlySpan<double> temperature, double iceEdgeTemperature)
    {
        ArgumentNullException.ThrowIfNull(grid);
        if (temperature.Length != grid.CellCount)
            throw new ArgumentException($"{temperature.Length} temperatures given; the grid has {grid.CellCount} cells.", nameof(temperature));
        // The grid is symmetric about the equator: mirror and reuse the northern scan.
        Span<double> mirrored = temperature.Length <= 512 ? stackalloc double[temperature.Length] : new double[temperature.Length];
        for (int j = 0; j < mirrored.Length; j++) mirrored[j] = temperature[mirrored.Length - 1 - j];
        return NorthernLatitude(grid, mirrored, iceEdgeTemperature);
    }

    /// <summary>True when every cell is at or below T_i (ice reaches the equator in both hemispheres).</summary>
    public static bool IsSnowball(ReadOnlySpan<double> temperature, double iceEdgeTemperature)
    {
        foreach (double t in temperature)
            if (t > iceEdgeTemperature) return false;
        return true;
    }
}
