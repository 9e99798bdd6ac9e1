namespace ClimateAD.Bench;

/// <summary>One benchmark, run as a subcommand of the benchmark program.</summary>
public interface IBenchmark
{
    /// <summary>Subcommand name, e.g. <c>ebm-ensemble</c>.</summary>
    string Name { get; }

    /// <summary>One line saying what is measured.</summary>
    string Summary { get; }

    /// <summary>Runs the benchmark with the remaining command-line arguments; returns the exit code.</summary>
    int Run(string[] args);
}
