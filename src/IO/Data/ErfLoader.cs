using System.Text.RegularExpressions;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.IO.Data;

/// <summary>
/// Reads annual effective radiative forcing (W m⁻², relative to 1750) by component into an
/// <see cref="ErfTable"/>. The format is recognised from the header:
/// <list type="bullet">
/// <item>IPCC AR6 WG1 historical (<c>AR6_ERF_1750-2019*.csv</c>; Forster et al. 2021, Annex III) and
/// AR6 SSP projections (<c>ERF_ssp*_1750-2500*.csv</c>; Smith et al. 2021): first column <c>year</c>,
/// then <c>co2, ch4, n2o, other_wmghg, o3, h2o_stratospheric, contrails, aerosol-radiation_interactions,
/// aerosol-cloud_interactions, bc_on_snow, land_use, volcanic, solar</c> and aggregate columns.</item>
/// <item>Indicators of Global Climate Change 2024 aggregates (<c>ERF_*_aggregates_1750-2024.csv</c>;
/// Forster et al. 2025): unnamed first column with mid-year labels (<c>1750.5</c> → 1750), then
/// <c>CO2, CH4, N2O, …, halogen</c> and aggregates. The halogenated gases are only in the
/// <c>halogen</c> column, which maps to <see cref="ErfComponent.OtherWellMixedGreenhouseGases"/>.</item>
/// <item>IGCC 2024 per species (<c>ERF_best_1750-2024.csv</c>): unnamed first column with whole
/// years, one column per forcer and per halogenated gas; the gases are summed into
/// <see cref="ErfComponent.OtherWellMixedGreenhouseGases"/>. It has no aggregate columns.</item>
/// </list>
/// Checks: the header has every component column and no unknown column, every row has every cell,
/// years are consecutive, values are finite with |ERF| &lt; <see cref="MaxAbsErf"/> (a larger value
/// means wrong units), and every aggregate column equals the sum of the components it is defined
/// from, within <see cref="AggregateTolerance"/> — this verifies the column mapping. Aggregates are
/// defined in the source repositories (chrisroadmap/ar6 and ClimateIndicator/forcing-timeseries
/// <c>notebooks/13_radiative-forcing-barchart.py</c>); the best-estimate files satisfy every
/// one to ≤ 2×10⁻¹⁵ W m⁻². Percentile files (<c>_pc05</c>, <c>_p95_</c>, …) hold percentiles of each
/// column separately, and a percentile of a sum is not the sum of percentiles (they differ by up
/// to 1.4 W m⁻² in 1992), so their aggregates are not checked.
/// </summary>
public static class ErfLoader
{
    /// <summary>Largest admissible |ERF| of any column, W m⁻²; a larger value means wrong units.</summary>
    public const double MaxAbsErf = 100.0;

    /// <summary>Largest admissible difference between an aggregate column and the sum of its components, W m⁻².</summary>
    public const double AggregateTolerance = 1e-9;

    private static readonly ErfComponent[] AllComponents = Enum.GetValues<ErfComponent>();

    private static readonly ErfComponent[] Natural = [ErfComponent.Volcanic, ErfComponent.Solar];

    private static readonly ErfComponent[] Anthropogenic = AllComponents.Except(Natural).ToArray();

    private static readonly ErfComponent[] NonCo2Ghg =
        [ErfComponent.Methane, ErfComponent.NitrousOxide, ErfComponent.OtherWellMixedGreenhouseGases];

    private static readonly ErfComponent[] Aerosol = [ErfComponent.AerosolRadiation, ErfComponent.AerosolCloud];

    private static readonly ErfComponent[] MinorAnthropogenic =
        [ErfComponent.StratosphericWaterVapour, ErfComponent.Contrails, ErfComponent.BlackCarbonOnSnow, ErfComponent.LandUse];

    private static readonly ErfFormat Ar6 = new(
        "AR6",
        new Dictionary<string, ErfComponent>
        {
            ["co2"] = ErfComponent.CarbonDioxide,
            ["ch4"] = ErfComponent.Methane,
            ["n2o"] = ErfComponent.NitrousOxide,
            ["other_wmghg"] = ErfComponent.OtherWellMixedGreenhouseGases,
            ["o3"] = ErfComponent.Ozone,
            ["h2o_stratospheric"] = ErfComponent.StratosphericWaterVapour,
            ["contrails"] = ErfComponent.Contrails,
            ["aerosol-radiation_interactions"] = ErfComponent.AerosolRadiation,
            ["aerosol-cloud_interactions"] = ErfComponent.AerosolCloud,
            ["bc_on_snow"] = ErfComponent.BlackCarbonOnSnow,
            ["land_use"] = ErfComponent.LandUse,
            ["volcanic"] = ErfComponent.Volcanic,
            ["solar"] = ErfComponent.Solar,
        },
        new Dictionary<string, ErfComponent[]>
        {
            ["nonco2_wmghg"] = NonCo2Ghg,
            ["aerosol"] = Aerosol,
            ["chapter2_other_anthro"] = MinorAnthropogenic,
            ["total_anthropogenic"] = Anthropogenic,
            ["total_natural"] = Natural,
            ["total"] = AllComponents,
        },
        RequiresTotal: true);

    private static readonly Dictionary<string, ErfComponent> IgccForcers = new()
    {
        ["CO2"] = ErfComponent.CarbonDioxide,
        ["CH4"] = ErfComponent.Methane,
        ["N2O"] = ErfComponent.NitrousOxide,
        ["O3"] = ErfComponent.Ozone,
        ["H2O_stratospheric"] = ErfComponent.StratosphericWaterVapour,
        ["contrails"] = ErfComponent.Contrails,
        ["aerosol-radiation_interactions"] = ErfComponent.AerosolRadiation,
        ["aerosol-cloud_interactions"] = ErfComponent.AerosolCloud,
        ["BC_on_snow"] = ErfComponent.BlackCarbonOnSnow,
        ["land_use"] = ErfComponent.LandUse,
        ["volcanic"] = ErfComponent.Volcanic,
        ["solar"] = ErfComponent.Solar,
    };

    private static readonly ErfFormat IgccAggregates = new(
        "IGCC 2024 aggregates",
        new Dictionary<string, ErfComponent>(IgccForcers) { ["halogen"] = ErfComponent.OtherWellMixedGreenhouseGases },
        new Dictionary<string, ErfComponent[]>
        {
            ["aerosol"] = Aerosol,
            ["nonco2wmghg"] = NonCo2Ghg,
            ["anthro"] = Anthropogenic,
            ["total"] = AllComponents,
            ["minor"] = MinorAnthropogenic,
        },
        RequiresTotal: true);

    /// <summary>Halogenated gases reported one per column in the IGCC 2024 per-species file.</summary>
    private static readonly string[] Halogens =
    [
        "HFC-134a", "HFC-23", "HFC-32", "HFC-125", "HFC-143a", "HFC-152a", "HFC-227ea", "HFC-236fa", "HFC-245fa",
        "HFC-365mfc", "HFC-43-10mee", "NF3", "SF6", "SO2F2", "CF4", "C2F6", "C3F8", "c-C4F8", "CFC-12", "CFC-11",
        "CFC-113", "CFC-114", "CFC-115", "CFC-13", "HCFC-22", "HCFC-141b", "HCFC-142b", "CH3CCl3", "CCl4", "CH3Cl",
        "CH3Br", "CH2Cl2", "CHCl3", "Halon-1211", "Halon-1301", "Halon-2402", "n-C4F10", "n-C5F12", "n-C6F14",
        "i-C6F14", "C7F16", "C8F18", "CFC-112", "CFC-112a", "CFC-113a", "CFC-114a", "HCFC-133a", "HCFC-31", "HCFC-124",
    ];

    private static readonly ErfFormat IgccSpecies = new(
        "IGCC 2024 per species",
        Halogens.Aggregate(new Dictionary<string, ErfComponent>(IgccForcers),
            (d, h) => { d[h] = ErfComponent.OtherWellMixedGreenhouseGases; return d; }),
        new Dictionary<string, ErfComponent[]>(),
        RequiresTotal: false);

    private static readonly Regex PercentileName = new(@"(^|[_-])pc?\d{2}([_.-]|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Reads an ERF file, recognising its format from the header; see the class remarks.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="checkAggregates">
    /// Whether to check aggregate columns against the sums of their components. <c>null</c> (the
    /// default) checks unless the file name marks a percentile file (<c>_pc05</c>, <c>_p95_</c>, …).
    /// </param>
    /// <returns>A table whose <see cref="ErfTable.Source"/> is <paramref name="path"/>.</returns>
    /// <exception cref="DataFileException">The file is missing or fails a check; the message names the line.</exception>
    public static ErfTable Load(string path, bool? checkAggregates = null)
    {
        var csv = CsvFile.Read(path);
        var header = csv.Lines[0];
        var format = Detect(csv, header);
        bool check = checkAggregates ?? !IsPercentileFile(path);

        var componentColumns = new List<(int Column, ErfComponent Component)>();
        var aggregateColumns = new List<(int Column, string Name, ErfComponent[] Parts)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int c = 1; c < header.Cells.Length; c++)
        {
            string name = header.Cells[c];
            if (!seen.Add(name)) throw csv.Error(header.Number, $"column '{name}' appears twice");
            if (format.Components.TryGetValue(name, out var component)) componentColumns.Add((c, component));
            else if (format.Aggregates.TryGetValue(name, out var parts)) aggregateColumns.Add((c, name, parts));
            else
                throw csv.Error(header.Number,
                    $"unknown column '{name}' in {format.Name} ERF file (expected {string.Join(", ", format.Components.Keys.Concat(format.Aggregates.Keys))})");
        }
        foreach (var name in format.Components.Keys)
            if (!seen.Contains(name)) throw csv.Error(header.Number, $"missing column '{name}' in {format.Name} ERF file");
        if (format.RequiresTotal && !seen.Contains("total"))
            throw csv.Error(header.Number, $"missing column 'total' in {format.Name} ERF file");

        var rows = csv.Lines.Skip(1).ToList();
        if (rows.Count == 0) throw csv.Error(header.Number, "header but no data rows");
        csv.RequireWidth(rows, header.Cells.Length);
        int[] years = csv.ConsecutiveYears(rows, 0);

        var series = new Dictionary<ErfComponent, double[]>();
        foreach (var (_, component) in componentColumns)
            series.TryAdd(component, new double[rows.Count]);
        var sums = new double[AllComponents.Length];
        for (int i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            Array.Clear(sums);
            foreach (var (c, component) in componentColumns)
            {
                double v = Value(csv, row, c, header.Cells[c]);
                series[component][i] += v;
                sums[(int)component] += v;
            }
            foreach (var (c, name, parts) in aggregateColumns)
            {
                double v = Value(csv, row, c, name);
                if (!check) continue;
                double sum = 0;
                foreach (var p in parts) sum += sums[(int)p];
                if (Math.Abs(sum - v) > AggregateTolerance)
                    throw csv.Error(row.Number, FormattableString.Invariant(
                        $"column '{name}' is {v:G10} W m-2 but its components sum to {sum:G10} (difference {Math.Abs(sum - v):G3} > {AggregateTolerance:G1}); the column mapping or the file is wrong"));
            }
        }
        return new ErfTable(path, years[0], series);
    }

    /// <summary>True when the file name marks a percentile file (<c>_pc05</c>, <c>_pc95</c>, <c>_p05_</c>, <c>_p95_</c>, …).</summary>
    public static bool IsPercentileFile(string path) => PercentileName.IsMatch(Path.GetFileNameWithoutExtension(path));

    private static double Value(CsvFile csv, CsvLine row, int column, string name)
    {
        double v = csv.Number(row, column, name);
        if (Math.Abs(v) >= MaxAbsErf)
            throw csv.Error(row.Number, FormattableString.Invariant(
                $"column '{name}': {v:G6} W m-2 is implausible; |ERF| must be < {MaxAbsErf:G} W m-2 (wrong units?)"));
        return v;
    }

    private static ErfFormat Detect(CsvFile csv, CsvLine header)
    {
        string first = header.Cells[0];
        var names = header.Cells.Skip(1).ToHashSet(StringComparer.Ordinal);
        if (first == "year" && names.Contains("co2")) return Ar6;
        if (first.Length == 0 && names.Contains("CO2"))
            return names.Contains("total") || names.Contains("halogen") ? IgccAggregates : IgccSpecies;
        throw csv.Error(header.Number,
            $"unrecognised ERF header starting '{string.Join(",", header.Cells.Take(3))}' (expected AR6 'year,co2,ch4,...' or IGCC 2024 ',CO2,CH4,...')");
    }

    private sealed record ErfFormat(
        string Name,
        IReadOnlyDictionary<string, ErfComponent> Components,
        IReadOnlyDictionary<string, ErfComponent[]> Aggregates,
        bool RequiresTotal);
}
