using ClimateAD.Bench;

// ClimateAD benchmark programs: `ClimateAD.Bench <benchmark> [options]`. Each benchmark is one
// IBenchmark in its own file, registered below. Numbers go to docs/benchmarks.md, never to asserts.
IBenchmark[] benchmarks =
[
    new EbmEnsembleBenchmark(),
    new Lorenz96AdjointBenchmark(),
    new TracerBenchmark(),
    new ShallowWaterBenchmark(),
    new KernelOverheadBenchmark(),
];

if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.WriteLine("usage: ClimateAD.Bench <benchmark> [options]");
    Console.WriteLine();
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-16} {b.Summary}");
    return args.Length == 0 ? 2 : 0;
}

var selected = benchmarks.FirstOrDefault(b => b.Name == args[0]);
if (selected is null)
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'; choose one of: {string.Join(", ", benchmarks.Select(b => b.Name))}");
    return 2;
}
return selected.Run(args[1..]);
