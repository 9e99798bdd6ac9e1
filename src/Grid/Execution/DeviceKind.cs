namespace ClimateAD.Grid.Execution;

/// <summary>What a <see cref="ComputeDevice"/> runs on.</summary>
public enum DeviceKind
{
    /// <summary>Host cores: kernels called from <c>Parallel.For</c> on raw-pointer views (the default; fast).</summary>
    Cpu,

    /// <summary>An NVIDIA GPU through ILGPU's CUDA accelerator.</summary>
    Cuda,

    /// <summary>ILGPU's CPU accelerator: GPU semantics on the host, ~300× slower; for small-grid tests only.</summary>
    IlgpuCpu,
}
