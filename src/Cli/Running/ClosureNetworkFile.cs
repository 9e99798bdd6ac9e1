using ClimateAD.Hybrid.Networks;
using ClimateAD.Hybrid.Onnx;

namespace ClimateAD.Cli.Running;

/// <summary>
/// Reads a closure network named by a scenario (<c>[model] closure_network</c>,
/// <c>correction_network</c>): an MLP-shaped ONNX file imported as a <see cref="DenseNetwork"/> with
/// one input and one output; anything else is a one-line error naming the file.
/// </summary>
internal static class ClosureNetworkFile
{
    /// <summary>The network in <paramref name="file"/>; <paramref name="role"/> says what it maps, for the error message.</summary>
    public static DenseNetwork Load(string file, string role)
    {
        DenseNetwork network;
        try
        {
            network = OnnxNetworkImporter.Load(file).Network;
        }
        catch (Exception e) when (e is OnnxImportException or InvalidDataException or ArgumentException or EndOfStreamException)
        {
            throw new UserErrorException($"{file}: not a usable closure network: {e.Message}");
        }
        if (network.InputSize != 1 || network.OutputSize != 1)
            throw new UserErrorException($"{file}: {role} (1 input, 1 output), not {network.InputSize} -> {network.OutputSize}");
        return network;
    }
}
