namespace ClimateAD.Grid.Fields;

/// <summary>How <see cref="HaloFill"/> fills a field's halo beyond a wall (bounded axis); periodic axes always wrap.</summary>
public enum HaloBoundary
{
    /// <summary>
    /// Zero normal gradient (Neumann; zero-flux tracers): a centre-staggered field is mirrored about the
    /// wall, <c>f[−1−k] = f[k]</c>; a face-staggered one copies the nearest interior face.
    /// </summary>
    ZeroGradient,

    /// <summary>Zero (no normal flow for the velocity normal to the wall; Dirichlet 0): every halo point, and the far wall face, is 0.</summary>
    Zero,
}
