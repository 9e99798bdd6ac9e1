namespace ClimateAD.Grid.Execution;

/// <summary>The device a user asks for: <c>cpu | cuda | auto</c>.</summary>
public enum DeviceSelection
{
    /// <summary>CUDA when a CUDA device is present, else the CPU.</summary>
    Auto,

    /// <summary>The host CPU.</summary>
    Cpu,

    /// <summary>An NVIDIA GPU; an error when none is present.</summary>
    Cuda,
}
