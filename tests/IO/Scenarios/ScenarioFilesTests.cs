using ClimateAD.IO.Scenarios;
using ClimateAD.IO.Tests.Data;
using Xunit;

using ClimateAD.TestKit;

namespace ClimateAD.IO.Tests.Scenarios;

/// <summary>Every scenario users run (scenarios/*.toml) loads without error and has a comment header.</summary>
public sealed class ScenarioFilesTests
{
    private static string[] Names() =>
        Directory.GetFiles(RepositoryPaths.Combine("scenarios"), "*.toml")
            .Select(f => Path.GetFileName(f)).OrderBy(f => f, StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Files() => new(Names());

    [Fact]
    public void ScenariosFolder_HasTheDocumentedScenarios()
    {
        var names = Names().ToHashSet();
        foreach (var expected in new[] { "quickstart.toml", "abrupt-4xco2.toml", "1pctco2.toml", "ssp126.toml", "ssp245.toml", "ssp585.toml", "ssp245-ensemble.toml" })
            Assert.Contains(expected, names);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Load_ScenarioFile_Valid(string name)
    {
        string path = RepositoryPaths.Combine("scenarios", name);
        var s = ScenarioLoader.Load(path, Path.GetTempPath());
        Assert.Equal(Path.GetFileNameWithoutExtension(name), s.Name);
        Assert.StartsWith("#", File.ReadAllText(path));
        Assert.Equal(Path.Combine(Path.GetTempPath(), "output", s.Name + ".nc"), s.Output.File);
    }

    [Fact]
    public void Load_SspScenarios_SplicedAt2024And2025To2300()
    {
        foreach (var ssp in new[] { "ssp126", "ssp245", "ssp585" })
        {
            var s = ScenarioLoader.Load(RepositoryPaths.Combine("scenarios", ssp + ".toml"), Path.GetTempPath());
            var f = Assert.IsType<ErfScenarioForcing>(s.Forcing);
            Assert.Equal(1750, f.Table.FirstYear);
            Assert.Equal(2300, f.Table.LastYear);
            Assert.Equal(2024, f.Sources[0].LastYear);
            Assert.Equal(2025, f.Sources[1].FirstYear);
            Assert.EndsWith($"ERF_{ssp}_1750-2500.csv", f.Sources[1].File);
        }
    }

    [Fact]
    public void Load_EnsembleScenario_ThousandMembersSamplingAerosol()
    {
        var s = ScenarioLoader.Load(RepositoryPaths.Combine("scenarios", "ssp245-ensemble.toml"), Path.GetTempPath());
        Assert.Equal(1000, s.Ensemble.Members);
        Assert.Contains("forcing_scale_aerosol", s.Ensemble.Sample);
    }
}
