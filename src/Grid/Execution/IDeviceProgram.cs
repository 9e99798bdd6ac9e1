using ClimateAD.Grid.Fields;

namespace ClimateAD.Grid.Execution;

/// <summary>
/// Host code that builds and launches kernels, written once and generic over the view type, so
/// that <see cref="ComputeDevice.Run{T}"/> instantiates it with <see cref="HostView{T}"/>
/// on the CPU and <see cref="DeviceView{T}"/> on an ILGPU accelerator. A model's time step is one
/// program: every kernel of the step is enqueued on the device with no host round trip.
/// </summary>
/// <typeparam name="T">The scalar type of the fields.</typeparam>
public interface IDeviceProgram<T> where T : unmanaged
{
    /// <summary>Builds views with <c>TView.Create</c> (via <c>Field.View</c>) and launches kernels on <paramref name="device"/>.</summary>
    void Run<TView>(ComputeDevice device) where TView : struct, IFieldView<T, TView>;
}
