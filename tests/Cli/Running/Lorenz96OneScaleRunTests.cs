using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;
using ClimateAD.IO.Netcdf;
using ClimateAD.TestKit;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// <c>climatead run</c> on a lorenz96-one-scale scenario: a network closure read from ONNX
/// (<c>[model] closure_network</c>) that computes the same polynomial as the cubic closure gives the
/// same trajectory; a missing file or a network given together with cubic coefficients is a one-line error.
/// </summary>
public sealed class Lorenz96OneScaleRunTests
{
    private static string Scenario(string model, string parameters) => $$"""
        [scenario]
        name = "l96-one-scale-test"
        [model]
        name = "lorenz96-one-scale"
        slow_variables = 8
        {{model}}
        [parameters]
        forcing = 20.0
        {{parameters}}
        [initial]
        spinup = 1.0
        [time]
        start = 0
        end = 1
        step = 0.005
        [output]
        file = "out.nc"
        variables = ["x", "x_mean", "closure_mean"]
        interval = 0.05
        """;

    private static (int Code, string Err) Run(TempFolder tmp, string name, string text)
    {
        File.WriteAllText(tmp.File(name + ".toml"), text);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = CliApp.Run(["run", tmp.File(name + ".toml"), "--output", tmp.File(name + ".nc")], stdout, stderr);
        return (code, stderr.ToString());
    }

    [Fact]
    public void NetworkClosure_ComputingTheLinearCubic_GivesTheCubicTrajectory()
    {
        using var tmp = new TempFolder();
        // S(X) = -0.4 - 1.2 X as a one-layer identity network (weights: W, then b).
        var net = new DenseNetwork([new DenseLayer(1, 1, Activation.Identity)], weights: [-1.2, -0.4]);
        OnnxNetworkExporter.Save(net, tmp.File("linear.onnx"), OnnxElementType.Double);
        var (c1, e1) = Run(tmp, "cubic", Scenario("", "subgrid_constant = -0.4\nsubgrid_linear = -1.2\nsubgrid_quadratic = 0.0\nsubgrid_cubic = 0.0"));
        Assert.True(c1 == 0, e1);
        var (c2, e2) = Run(tmp, "network", Scenario("closure_network = \"linear.onnx\"", ""));
        Assert.True(c2 == 0, e2);
        using var a = NetcdfReader.Open(tmp.File("cubic.nc"));
        using var b = NetcdfReader.Open(tmp.File("network.nc"));
        var xa = a.ReadVariable("x").Values;
        var xb = b.ReadVariable("x").Values;
        Assert.Equal(xa.Length, xb.Length);
        for (int i = 0; i < xa.Length; i++) Assert.Equal(xa[i], xb[i], 1e-9);
        Assert.NotEqual(xa[0], xa[^1]);
        var ca = a.ReadVariable("closure_mean").Values;
        Assert.Equal(ca, b.ReadVariable("closure_mean").Values, (p, q) => Math.Abs(p - q) < 1e-9);
    }

    [Fact]
    public void MissingNetworkFile_OrNetworkWithCubicCoefficients_IsAOneLineError()
    {
        using var tmp = new TempFolder();
        var (code, err) = Run(tmp, "missing", Scenario("closure_network = \"nowhere.onnx\"", ""));
        Assert.Equal(2, code);
        Assert.Contains("missing.toml:", err);
        Assert.Contains("nowhere.onnx", err);
        Assert.Single(err.Trim().Split('\n'));

        var net = new DenseNetwork([new DenseLayer(1, 1, Activation.Identity)], weights: [-1.0, 0.0]);
        OnnxNetworkExporter.Save(net, tmp.File("n.onnx"), OnnxElementType.Double);
        var (code2, err2) = Run(tmp, "both", Scenario("closure_network = \"n.onnx\"", "subgrid_linear = -1.0"));
        Assert.NotEqual(0, code2);
        Assert.Contains("subgrid_linear", err2);
        Assert.Single(err2.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("lorenz96-k8-one-scale-mlp.toml")]
    [InlineData("lorenz96-k8-one-scale-cubic.toml")]
    public void Gradcheck_ShippedOneScaleScenario_AllChecksPass(string file)
    {
        var stdout = new StringWriter();
        int code = CliApp.Run(["gradcheck", RepositoryPaths.Combine("scenarios", file)], stdout, new StringWriter());
        Assert.True(code == 0, stdout.ToString());
        Assert.Contains("checks passed", stdout.ToString());
    }
}
