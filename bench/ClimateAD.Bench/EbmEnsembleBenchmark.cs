using System.Globalization;
using ClimateAD.IO.Data;
using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.Forcing;

namespace ClimateAD.Bench;

/// <summary>
/// Throughput of <see cref="TwoLayerEnsemble"/>: M members (default 10,000) with parameters
/// spread inside the declared bounds, run with the exact integrator through 750 years of the
/// AR6 SSP2-4.5 effective radiative forcing (1750-2499, 8 scaled forcing groups), storing T, T₀,
/// N and F of every member and step. Reports member-years per second and time per member-step.
/// Options: <c>--members M</c>, <c>--repeats R</c> (≥ 5), <c>--threads P</c> (default: all cores),
/// <c>--steps-per-year S</c>.
/// </summary>
public sealed class EbmEnsembleBenchmark : IBenchmark
{
    private const string ForcingFile = "data/ar6-erf-ssp/ERF_ssp245_1750-2500.csv";

    /// <inheritdoc />
    public string Name => "ebm-ensemble";

    /// <inheritdoc />
    public string Summary => "two-layer EBM ensemble, exact integrator, 10,000 members x 750 years of SSP2-4.5 ERF";

    /// <inheritdoc />
    public int Run(string[] args)
    {
        int members = 10_000, repeats = 7, threads = -1, stepsPerYear = 1;
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--members": members = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--repeats": repeats = Math.Max(5, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                case "--threads": threads = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--steps-per-year": stepsPerYear = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                default:
                    Console.Error.WriteLine($"ebm-ensemble: unknown option '{args[i]}' (--members, --repeats, --threads, --steps-per-year)");
                    return 2;
            }
        }

        string path = RepositoryPaths.Resolve(ForcingFile);
        var erf = ErfLoader.Load(path);
        const int firstYear = 1750, lastYear = 2499;
        var basis = ForcingBasis.FromErfTable(erf, firstYear, lastYear, stepsPerYear);
        double years = lastYear - firstYear + 1;
        var theta = SpreadParameters(members);

        long setupStart = System.Diagnostics.Stopwatch.GetTimestamp();
        var ensemble = new TwoLayerEnsemble(basis, theta, members);
        double setup = System.Diagnostics.Stopwatch.GetElapsedTime(setupStart).TotalSeconds;
        var seconds = Timing.Measure(() => ensemble.Run(threads), repeats);

        double memberYears = members * years, memberSteps = (double)members * basis.StepCount;
        double median = Timing.Median(seconds), best = seconds.Min();
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"ebm-ensemble: {members} members x {years} years ({basis.StepCount} steps, dt = {basis.TimeStep:G4} yr), forcing {ForcingFile}");
        Console.WriteLine($"  {Environment.ProcessorCount} logical cores, threads {(threads < 0 ? "all" : threads.ToString(inv))}, Vector256 {(System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated ? "on" : "off")}, .NET {Environment.Version}");
        Console.WriteLine($"  setup (Phi, Gamma for every member, output allocation {4.0 * memberSteps * 8 / 1e6:F0} MB): {setup * 1e3:F1} ms");
        Console.WriteLine($"  run times (s): {string.Join(" ", seconds.Select(s => s.ToString("F4", inv)))}");
        Console.WriteLine($"  median: {memberYears / median / 1e6,8:F1} M member-years/s   {median / memberSteps * 1e9:F2} ns per member-step");
        Console.WriteLine($"  best:   {memberYears / best / 1e6,8:F1} M member-years/s   {best / memberSteps * 1e9:F2} ns per member-step");
        double check = ensemble.Temperature(basis.StepCount - 1)[0];
        Console.WriteLine($"  check: member 0 T({lastYear + 1}) = {check.ToString("F3", inv)} K");
        return 0;
    }

    /// <summary>Member-major θ with every parameter spread deterministically over the middle of its bounds.</summary>
    private static double[] SpreadParameters(int members)
    {
        var table = TwoLayerParameterTable.All;
        var theta = new double[members * table.Count];
        var random = new Random(20250101);
        for (int m = 0; m < members; m++)
            for (int i = 0; i < table.Count; i++)
            {
                var spec = table[i];
                double lo = Math.Max(spec.Lower, 0.5 * spec.Default), hi = Math.Min(spec.Upper, 1.5 * spec.Default);
                theta[m * table.Count + i] = lo + random.NextDouble() * (hi - lo);
            }
        return theta;
    }
}
