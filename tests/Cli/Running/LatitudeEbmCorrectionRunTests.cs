using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;
using ClimateAD.IO.Netcdf;
using Xunit;

namespace ClimateAD.Cli.Tests.Running;

/// <summary>
/// <c>climatead run</c> on an ebm-latitude scenario with <c>[model] correction_network</c>: a network that
/// adds a constant c W m⁻² gives the same temperatures and imbalance as lowering the OLR intercept
/// by c; the sensitivity covers the network's weights; gradcheck passes.
/// </summary>
public sealed class LatitudeEbmCorrectionRunTests
{
    private static string Scenario(string model, string parameters, string sensitivity = "") => $$"""
        [scenario]
        name = "lat-correction"
        [model]
        name = "ebm-latitude"
        cells = 18
        deep_ocean = true
        {{model}}
        [parameters]
        {{parameters}}
        [initial]
        tas = 5.0
        [time]
        start = 1
        end = 40
        [output]
        file = "out.nc"
        variables = ["tas", "tas_global", "toa_imbalance"]
        interval = 5.0
        {{sensitivity}}
        """;

    private static (int Code, string Out) Run(TempFolder tmp, string name, string text, string command = "run")
    {
        File.WriteAllText(tmp.File(name + ".toml"), text);
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        string[] args = command == "run" ? ["run", tmp.File(name + ".toml"), "--output", tmp.File(name + ".nc")] : [command, tmp.File(name + ".toml")];
        int code = CliApp.Run(args, stdout, stderr);
        return (code, stdout + stderr.ToString());
    }

    [Fact]
    public void ConstantCorrectionNetwork_EqualsALowerOlrIntercept()
    {
        using var tmp = new TempFolder();
        var net = new DenseNetwork([new DenseLayer(1, 1, Activation.Identity)], weights: [0.0, 3.0]); // S(T) = 3 W m-2
        OnnxNetworkExporter.Save(net, tmp.File("c.onnx"), OnnxElementType.Double);
        var (c1, o1) = Run(tmp, "lowered", Scenario("", "olr_intercept = 200.3"));
        Assert.True(c1 == 0, o1);
        var (c2, o2) = Run(tmp, "network", Scenario("correction_network = \"c.onnx\"", "olr_intercept = 203.3",
            "[sensitivity]\ndiagnostic = \"mean_tas_global\"\nperiod = [31, 40]"));
        Assert.True(c2 == 0, o2);
        using var a = NetcdfReader.Open(tmp.File("lowered.nc"));
        using var b = NetcdfReader.Open(tmp.File("network.nc"));
        foreach (var v in new[] { "tas", "tas_global", "toa_imbalance" })
        {
            var x = a.ReadVariable(v).Values;
            var y = b.ReadVariable(v).Values;
            for (int i = 0; i < x.Length; i++) Assert.Equal(x[i], y[i], 1e-9);
        }
        // θ = the model's 12 parameters, then the network's weight and bias.
        Assert.Equal(14, b.ReadVariable("sensitivity/dJ_dtheta").Values.Length);
        var (g, go) = Run(tmp, "network", File.ReadAllText(tmp.File("network.toml")), "gradcheck");
        Assert.True(g == 0, go);
    }
}
