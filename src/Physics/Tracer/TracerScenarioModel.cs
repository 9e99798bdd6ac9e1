using ClimateAD.Physics.Models;

namespace ClimateAD.Physics.Tracer;

/// <summary>
/// Tracer advection–diffusion on the sphere (<see cref="TracerModel"/>) as a scenario model,
/// <c>tracer-advection</c>:
/// <code>
///   ∂c/∂t + ∇·(s 𝐮 c) = κ ∇²c,   𝐮 = solid-body rotation u₀(cos φ cos α + sin φ cos λ sin α, −sin λ sin α)
/// </code>
/// with <c>u₀ = 2πa / 12 days</c> (Williamson et al. 1992, test case 1), flux form, centred, SSP-RK3, on a
/// full latitude–longitude grid of <c>cells × cells/2</c>. Initial field: a Gaussian blob
/// <c>c₀ exp(−(r/w)²)</c> (<see cref="TracerInitialConditions.GaussianBlob"/>). Parameters κ and s
/// (<see cref="TracerParameterTable"/>); geometry, tilt and blob are settings. Time counts in days; the
/// scenario's <c>[time] step</c> is the model step and must keep the Courant number ≤ √3. See docs/models/tracer.md.
/// </summary>
public static class TracerScenarioModel
{
    /// <summary>Scenario name.</summary>
    public const string Name = "tracer-advection";

    /// <summary>Setting: cells in longitude (latitude has half as many).</summary>
    public const string Cells = "cells";

    /// <summary>Setting: tilt α of the rotation axis (degrees).</summary>
    public const string Tilt = "tilt";

    /// <summary>Initial setting: blob centre longitude (degrees east).</summary>
    public const string BlobLongitude = "blob_lon";

    /// <summary>Initial setting: blob centre latitude (degrees north).</summary>
    public const string BlobLatitude = "blob_lat";

    /// <summary>Initial setting: blob e-folding width (km).</summary>
    public const string BlobWidth = "blob_width";

    /// <summary>Initial setting: blob amplitude.</summary>
    public const string BlobAmplitude = "blob_amplitude";

    /// <summary>Time unit: the day.</summary>
    public static ModelTimeUnit Day { get; } = new("day", "d", 1.0, false, "model days since the start of the run");

    /// <summary>Scenario name and metadata of the model.</summary>
    public static ModelDescriptor Descriptor { get; } = new(
        Name,
        "Passive tracer advected by solid-body rotation on the sphere and diffused, flux form, SSP-RK3 (Williamson et al. 1992, test case 1).",
        "docs/models/tracer.md",
        TracerParameterTable.All,
        ["ssp-rk3"],
        [
            new("c", "1", "Tracer concentration at cell centres") { Axes = ["lat", "lon"] },
            new("mass", "m2", "Total tracer sum of A c over the sphere (conserved)"),
            new("c_min", "1", "Smallest tracer value"),
            new("c_max", "1", "Largest tracer value"),
        ])
    {
        TimeUnit = Day,
        UsesForcing = false,
        SupportsEnsemble = false,
        SupportsCuda = true,
        Settings =
        [
            new(Cells, "1", 128, 8, 8192, true, "Cells in longitude; the grid has cells/2 latitude bands from pole to pole"),
            new(Tilt, "degree", 0, 0, 90, false, "Angle alpha between the rotation axis and the polar axis (0: zonal flow; > 0 crosses the polar rows, which needs a much shorter step)"),
        ],
        InitialSettings =
        [
            new(BlobLongitude, "degrees_east", 270, -360, 360, false, "Longitude of the centre of the Gaussian blob"),
            new(BlobLatitude, "degrees_north", 0, -90, 90, false, "Latitude of the centre of the Gaussian blob"),
            new(BlobWidth, "km", 1000, 1, 20000, false, "e-folding width w of the blob c0 exp(-(r/w)^2), r the great-circle distance"),
            new(BlobAmplitude, "1", 1, -1e6, 1e6, false, "Peak value c0 of the blob (background 0)"),
        ],
    };
}
