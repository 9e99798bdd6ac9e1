namespace ClimateAD.Grid.Grids;

/// <summary>
/// A position on the 2-D Arakawa C-grid: the <see cref="Stagger"/> along x and along y (the third,
/// vertical, letter of the names is always <c>c</c> in 2-D).
/// </summary>
/// <remarks>
/// The four C-grid locations (Arakawa &amp; Lamb 1977, Methods Comput. Phys. 17:173–265):
/// <see cref="Ccc"/> tracers, height and divergence; <see cref="Fcc"/> zonal velocity <c>u</c>;
/// <see cref="Cfc"/> meridional velocity <c>v</c>; <see cref="Ffc"/> relative vorticity <c>ζ</c>.
/// Every location stores <c>Nx × Ny</c> interior points at the same indices, so a face field in a
/// bounded direction keeps its west/south wall face at index 0 and its east/north wall face at
/// index <c>N</c> (in the halo); both are closed by the face masks.
/// </remarks>
/// <param name="X">Stagger along x (longitude).</param>
/// <param name="Y">Stagger along y (latitude).</param>
public readonly record struct Location(Stagger X, Stagger Y)
{
    /// <summary>Cell centre (tracers, height, divergence).</summary>
    public static Location Ccc => new(Stagger.Center, Stagger.Center);

    /// <summary>West face (zonal velocity <c>u</c>, zonal fluxes).</summary>
    public static Location Fcc => new(Stagger.Face, Stagger.Center);

    /// <summary>South face (meridional velocity <c>v</c>, meridional fluxes).</summary>
    public static Location Cfc => new(Stagger.Center, Stagger.Face);

    /// <summary>South-west corner (relative vorticity <c>ζ</c>).</summary>
    public static Location Ffc => new(Stagger.Face, Stagger.Face);

    /// <summary>The suffix used in operator names, e.g. <c>fcc</c>.</summary>
    public string Suffix => $"{(X == Stagger.Face ? 'f' : 'c')}{(Y == Stagger.Face ? 'f' : 'c')}c";

    /// <inheritdoc/>
    public override string ToString() => Suffix;
}
