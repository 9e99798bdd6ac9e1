using System.Runtime.InteropServices;
using ClimateAD.Grid.Execution;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;
using ClimateAD.Hybrid.Networks;

namespace ClimateAD.Hybrid.Kernels;

/// <summary>
/// A <see cref="DenseNetwork"/> resident on a <see cref="ComputeDevice"/> and evaluated at every point of
/// an <c>nx × ny</c> grid by one kernel thread per point: forward, tangent (JVP) and adjoint (VJP with
/// respect to inputs and weights), on the CPU backend or an ILGPU accelerator with the same kernel
/// code (<see cref="PointNetwork"/>).
/// </summary>
/// <remarks>
/// <para>Inputs and outputs are stacked blocks <c>[F, ny, nx]</c> in one <see cref="FieldStorage{T}"/>
/// (feature <c>f</c> of point <c>(i, j)</c> at linear index <c>(f·ny + j)·nx + i</c>; <see cref="CreateBlock"/>).
/// Descriptor and weights live in device memory; <see cref="SetWeights"/> updates them.</para>
/// <para>Limits: every width ≤ <see cref="NetworkDescriptor.MaxWidth"/> and the adjoint's scratch
/// ≤ <see cref="PointScratch.Capacity"/> doubles (<see cref="NetworkDescriptor.Check"/>).</para>
/// <para>The weight gradient is reduced deterministically: per-row partials, points in order
/// (<see cref="NetworkWeightGradientKernel{TView}"/>, which also accumulates <c>x̄</c> when both are
/// asked for; <see cref="NetworkInputAdjointKernel{TView}"/>, one thread per point, when only <c>x̄</c> is),
/// then rows in order on the host, so it is
/// bitwise the same for every thread count. It sums in a different order from
/// <see cref="DenseNetwork.AdjointBatch"/>, so the two agree to round-off, not bitwise.</para>
/// </remarks>
public sealed class GridNetwork : IDisposable
{
    private readonly FieldStorage<Real> _descriptor, _weights, _dWeights;
    private FieldStorage<Real>? _partials;

    /// <summary>Copies the shape, normalisation and weights of <paramref name="network"/> to <paramref name="device"/>.</summary>
    /// <exception cref="ArgumentException">The network is too wide or deep for the kernels.</exception>
    public GridNetwork(DenseNetwork network, ComputeDevice device)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(device);
        Network = network;
        Device = device;
        var descriptor = NetworkDescriptor.Create(network);
        _descriptor = new FieldStorage<Real>(device, descriptor.Length);
        descriptor.CopyTo(AsDoubles(_descriptor));
        _descriptor.CopyToDevice();
        _weights = new FieldStorage<Real>(device, network.ParameterCount);
        _dWeights = new FieldStorage<Real>(device, network.ParameterCount);
        SetWeights(network.Weights);
    }

    /// <summary>The network (its shape and normalisation; the weights in use are those last set).</summary>
    public DenseNetwork Network { get; }

    /// <summary>Where the kernels run.</summary>
    public ComputeDevice Device { get; }

    /// <summary>Copies <paramref name="weights"/> (length <see cref="DenseNetwork.ParameterCount"/>) to the device.</summary>
    public void SetWeights(ReadOnlySpan<double> weights) => Upload(_weights, weights);

    /// <summary>A zeroed stacked block of <paramref name="features"/> fields of <c>nx × ny</c> on <see cref="Device"/>.</summary>
    public FieldStorage<Real> CreateBlock(int features, int nx, int ny) => new(Device, features * nx * ny);

    /// <summary>The doubles of a block's host memory (the compute memory on the CPU, the mirror on an accelerator).</summary>
    public static Span<double> AsDoubles(FieldStorage<Real> storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return MemoryMarshal.Cast<Real, double>(storage.Host);
    }

    /// <summary>Writes <c>y(i, j) = N(x(i, j); w)</c> at every point; launches asynchronously (copy back with <c>CopyToHost</c>).</summary>
    public void Forward(FieldStorage<Real> inputs, FieldStorage<Real> outputs, int nx, int ny)
    {
        Check(inputs, Network.InputSize, nx, ny, nameof(inputs));
        Check(outputs, Network.OutputSize, nx, ny, nameof(outputs));
        Device.Run(new Program(this, Operation.Forward, nx, ny) { X = inputs, Y = outputs });
    }

    /// <summary>Writes <c>y = N(x; w)</c> and <c>δy = N_x δx + N_w δw</c> at every point.</summary>
    public void Tangent(FieldStorage<Real> inputs, FieldStorage<Real> dInputs, ReadOnlySpan<double> dWeights,
        FieldStorage<Real> outputs, FieldStorage<Real> dOutputs, int nx, int ny)
    {
        Check(inputs, Network.InputSize, nx, ny, nameof(inputs));
        Check(dInputs, Network.InputSize, nx, ny, nameof(dInputs));
        Check(outputs, Network.OutputSize, nx, ny, nameof(outputs));
        Check(dOutputs, Network.OutputSize, nx, ny, nameof(dOutputs));
        Upload(_dWeights, dWeights);
        Device.Run(new Program(this, Operation.Tangent, nx, ny) { X = inputs, DX = dInputs, Y = outputs, DY = dOutputs });
    }

    /// <summary>
    /// Adjoint: <c>x̄(i, j) += N_xᵀ ȳ(i, j)</c> when <paramref name="inputsBar"/> is given, and
    /// <c>w̄ += Σ_{i,j} N_wᵀ ȳ(i, j)</c> when <paramref name="weightsBar"/> is not empty (rows summed in order
    /// on the host: this call synchronises).
    /// </summary>
    public void Adjoint(FieldStorage<Real> inputs, FieldStorage<Real> outputsBar, FieldStorage<Real>? inputsBar,
        Span<double> weightsBar, int nx, int ny)
    {
        Check(inputs, Network.InputSize, nx, ny, nameof(inputs));
        Check(outputsBar, Network.OutputSize, nx, ny, nameof(outputsBar));
        if (inputsBar is not null) Check(inputsBar, Network.InputSize, nx, ny, nameof(inputsBar));
        if (!weightsBar.IsEmpty && weightsBar.Length != Network.ParameterCount)
            throw new ArgumentException($"w̄ has length {weightsBar.Length}, expected {Network.ParameterCount}.", nameof(weightsBar));
        int p = Network.ParameterCount;
        if (!weightsBar.IsEmpty && (_partials is null || _partials.Length < p * ny))
        {
            _partials?.Dispose();
            _partials = new FieldStorage<Real>(Device, p * ny);
        }
        Device.Run(new Program(this, Operation.Adjoint, nx, ny) { X = inputs, DY = outputsBar, DX = inputsBar, WithWeights = !weightsBar.IsEmpty });
        if (weightsBar.IsEmpty) return;
        _partials!.CopyToHost();
        var partials = AsDoubles(_partials);
        for (int j = 0; j < ny; j++)
        {
            var row = partials.Slice(j * p, p);
            for (int k = 0; k < p; k++) weightsBar[k] += row[k];
        }
    }

    /// <summary>Frees the device memory.</summary>
    public void Dispose()
    {
        _descriptor.Dispose();
        _weights.Dispose();
        _dWeights.Dispose();
        _partials?.Dispose();
    }

    private void Upload(FieldStorage<Real> storage, ReadOnlySpan<double> values)
    {
        if (values.Length != Network.ParameterCount)
            throw new ArgumentException($"Expected {Network.ParameterCount} weights, got {values.Length}.", nameof(values));
        values.CopyTo(AsDoubles(storage));
        storage.CopyToDevice();
    }

    private void Check(FieldStorage<Real> block, int features, int nx, int ny, string name)
    {
        ArgumentNullException.ThrowIfNull(block, name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nx);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ny);
        if (block.Device != Device) throw new ArgumentException($"Block '{name}' lives on '{block.Device.Name}', the network on '{Device.Name}'.", name);
        if (block.Length < (long)features * nx * ny)
            throw new ArgumentException($"Block '{name}' has {block.Length} values; {features} features of {nx}×{ny} need {(long)features * nx * ny}.", name);
    }

    private enum Operation { Forward, Tangent, Adjoint }

    private sealed class Program(GridNetwork net, Operation operation, int nx, int ny) : IDeviceProgram<Real>
    {
        public FieldStorage<Real>? X { get; init; }
        public FieldStorage<Real>? DX { get; init; }
        public FieldStorage<Real>? Y { get; init; }
        public FieldStorage<Real>? DY { get; init; }
        public bool WithWeights { get; init; }

        public void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<Real, TView>
        {
            var d = TView.Create(net._descriptor, 0, 0);
            var w = TView.Create(net._weights, 0, 0);
            var x = Block<TView>(X!);
            switch (operation)
            {
                case Operation.Forward:
                    device.Launch(new NetworkForwardKernel<TView>(d, w, x, Block<TView>(Y!), ny), nx, ny);
                    break;
                case Operation.Tangent:
                    device.Launch(new NetworkTangentKernel<TView>(d, w, TView.Create(net._dWeights, 0, 0), x, Block<TView>(DX!),
                        Block<TView>(Y!), Block<TView>(DY!), ny), nx, ny);
                    break;
                case Operation.Adjoint:
                    var yBar = Block<TView>(DY!);
                    if (WithWeights)
                    {
                        // one pass gives w̄ partials and, if asked, x̄ (no second forward/backward sweep)
                        var xBar = DX is null ? x : Block<TView>(DX);
                        device.Launch(new NetworkWeightGradientKernel<TView>(d, w, x, yBar,
                            TView.Create(net._partials!, 0, net.Network.ParameterCount), DX is not null ? 1 : 0, xBar,
                            net.Network.ParameterCount, nx, ny), nx, ny);
                    }
                    else if (DX is not null)
                        device.Launch(new NetworkInputAdjointKernel<TView>(d, w, x, yBar, Block<TView>(DX), ny), nx, ny);
                    break;
            }
        }

        private TView Block<TView>(FieldStorage<Real> storage) where TView : struct, IFieldView<Real, TView> => TView.Create(storage, 0, nx);
    }
}
