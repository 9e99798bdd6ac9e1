using ClimateAD.IO.Data;
using ClimateAD.IO.Scenarios;
using ClimateAD.IO.Tests.Data;
using Xunit;

using ClimateAD.TestKit;

namespace ClimateAD.IO.Tests.Scenarios;

/// <summary>
/// Every file in tests/IO/Scenarios/Malformed/ must fail with a one-line message naming the file,
/// the line, the key and, where there are any, the valid choices. The files are read from the
/// source tree so the CLI tests can use them too.
/// </summary>
public sealed class MalformedScenarioTests
{
    private static string MalformedFile(string name) => RepositoryPaths.Combine("tests", "IO", "Scenarios", "Malformed", name);

    public static TheoryData<string, int, string, string[]> Cases => new()
    {
        { "syntax-error.toml", 4, "scenario.name", ["TOML syntax error"] },
        { "unknown-key.toml", 7, "time.stpe", ["unknown key in [time]", "did you mean 'step'?", "valid: start, end, step"] },
        { "unknown-section.toml", 11, "outptu", ["unknown section", "did you mean 'output'?"] },
        { "wrong-type.toml", 7, "time.start", ["expected an integer, found a string \"1850\""] },
        { "missing-required-key.toml", 4, "model.name", ["missing required key in [model]"] },
        { "missing-data-file.toml", 12, "forcing.source[1].file", ["not found", "ERF_best_1850-2024_missing.csv"] },
        { "data-file-fails-to-load.toml", 12, "forcing.source[1].file", ["failed to load", "bad-erf.csv:4: year 2003 follows 2001; years must be consecutive"] },
        { "parameter-out-of-bounds.toml", 7, "parameters.climate_feedback", ["5 is out of bounds", "[0.3, 3] W m-2 K-1"] },
        { "unknown-parameter.toml", 8, "parameters.climate_feedbak", ["unknown parameter", "did you mean 'climate_feedback'?", "forcing_scale_aerosol"] },
        { "unknown-model.toml", 5, "model.name", ["unknown model 'ebm-three-layer'", "ebm-two-layer"] },
        { "unknown-integrator.toml", 6, "model.integrator", ["unknown integrator 'rk5'", "exact, rk4, euler"] },
        { "year-outside-forcing.toml", 8, "time.end", ["year 2030 is outside the forcing data", "1750-2024"] },
        { "unknown-output-variable.toml", 14, "output.variables[2]", ["unknown output variable 'tos'", "tas, tas_deep, toa_imbalance, erf, ocean_heat_uptake"] },
        { "step-not-dividing-year.toml", 9, "time.step", ["does not divide a year", "1/k"] },
        { "bad-output-interval.toml", 14, "output.interval", ["not a whole number of time steps", "time.step = 0.25"] },
        { "end-before-start.toml", 8, "time.end", ["end year 1999 is before start year 2000"] },
        { "unknown-forcing-type.toml", 10, "forcing.type", ["unknown forcing type 'abrupt4x'", "erf, abrupt-co2, ramp-co2"] },
        { "overlapping-sources.toml", 16, "forcing.source[2].first_year", ["overlaps the previous source, which runs to 2024", "first_year = 2025"] },
        { "sample-without-prior.toml", 14, "ensemble.sample[1]", ["has no prior", "forcing_scale_aerosol"] },
        { "unknown-device.toml", 6, "model.device", ["unknown device 'gpu'", "auto, cpu, cuda"] },
        { "unknown-observations-kind.toml", 19, "plot[1].observations.kind", ["unknown observations kind 'hadcrut4'", "did you mean 'hadcrut5'?", "igcc-gmst"] },
        { "reference-period-outside-run.toml", 18, "plot[1].reference_period", ["not inside the simulated years", "1900-2000"] },
        { "key-for-other-forcing-type.toml", 11, "forcing.co2_multiple", ["does not apply to forcing.type = \"ramp-co2\"", "abrupt-co2"] },
        { "duplicate-key.toml", 9, "time.end", ["TOML syntax error", "already defined"] },
        { "forcing-for-unforced-model.toml", 11, "forcing.type", ["model lorenz96-two-scale takes no external forcing", "remove [forcing]"] },
        { "setting-out-of-range.toml", 6, "model.slow_variables", ["2 is out of range", "integer in [4, 4096]"] },
        { "plot-of-field-variable.toml", 14, "plot[1].variable", ["'x' varies along k", "scalar variables: x_mean"] },
        { "cuda-for-cpu-model.toml", 6, "model.device", ["model ebm-two-layer runs on the CPU only", "auto, cpu"] },
        { "sweep-with-time.toml", 14, "time.start", ["[time] does not apply to a [sweep] scenario", "remove [time]"] },
        { "sweep-unknown-parameter.toml", 7, "sweep.parameter", ["'solar_constnt' of model ebm-latitude cannot be swept", "did you mean 'solar_constant'?"] },
        { "boolean-setting-as-number.toml", 6, "model.deep_ocean", ["expected true or false, found an integer 1"] },
        { "sensitivity-budget-without-checkpoints.toml", 16, "sensitivity.memory_budget_mb", ["unknown key in [sensitivity]", "diagnostic, period"] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Load_MalformedFile_OneLineMessageWithFileLineKeyAndChoices(string file, int line, string key, string[] fragments)
    {
        string path = MalformedFile(file);
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(path, Path.GetTempPath()));
        Assert.Equal(path, e.File);
        Assert.Equal(line, e.Line);
        Assert.Equal(key, e.Key);
        Assert.StartsWith($"{path}:{line}: {key}: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
        foreach (var f in fragments) Assert.Contains(f, e.Message);
    }

    [Fact]
    public void Malformed_EveryFileHasACase()
    {
        var covered = Cases.Select(c => (string)c[0]).ToHashSet();
        var files = Directory.GetFiles(RepositoryPaths.Combine("tests", "IO", "Scenarios", "Malformed"), "*.toml").Select(f => Path.GetFileName(f));
        Assert.All(files, f => Assert.Contains(f, covered));
        Assert.True(covered.Count >= 10);
    }

    [Fact]
    public void Load_DataFileFailure_KeepsDataFileExceptionAsInner()
    {
        var e = Assert.Throws<ScenarioException>(() => ScenarioLoader.Load(MalformedFile("data-file-fails-to-load.toml"), Path.GetTempPath()));
        var inner = Assert.IsType<DataFileException>(e.InnerException);
        Assert.Equal(4, inner.Line);
        Assert.EndsWith("bad-erf.csv", inner.FilePath);
    }
}
