using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Fields;

/// <summary>
/// Area-weighted integrals of a field over the open (wet) points of its grid, on the host:
/// <c>Σ m A f</c> and <c>Σ m A f / Σ m A</c>, with <c>m</c> the mask and <c>A</c> the control-volume
/// area at the field's location (m²). The sum runs in a fixed order (rows south to north, each
/// west to east), so results are bitwise reproducible whatever device computed the field.
/// </summary>
/// <remarks>
/// For diagnostics and costs (DESIGN.md §3: no floating-point atomics); a field on an accelerator
/// is copied to the host first, so do not call this inside a time step.
/// </remarks>
public static class FieldReductions
{
    /// <summary><c>Σ m A f</c> over interior points (units of f × m²).</summary>
    public static double AreaWeightedSum<T>(Field<T> field) where T : unmanaged, IScalar<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        return Sums(field).Sum;
    }

    /// <summary><c>Σ m A f / Σ m A</c> over interior points (units of f).</summary>
    /// <exception cref="InvalidOperationException">No point of the field's location is open.</exception>
    public static double AreaWeightedMean<T>(Field<T> field) where T : unmanaged, IScalar<T>
    {
        ArgumentNullException.ThrowIfNull(field);
        var (sum, area) = Sums(field);
        if (area == 0) throw new InvalidOperationException($"Field '{field.Name}' has no open points at {field.Location}.");
        return sum / area;
    }

    private static (double Sum, double Area) Sums<T>(Field<T> field) where T : unmanaged, IScalar<T>
    {
        field.CopyToHost();
        var g = field.Grid;
        double sum = 0, area = 0;
        for (int j = 0; j < g.Ny; j++)
        {
            double a = g.Area(field.Location, j);
            for (int i = 0; i < g.Nx; i++)
            {
                double w = g.Mask(field.Location, i, j) * a;
                sum += w * T.Value(field[i, j]);
                area += w;
            }
        }
        return (sum, area);
    }
}
