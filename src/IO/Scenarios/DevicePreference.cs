namespace ClimateAD.IO.Scenarios;

/// <summary>Where a scenario asks to run (<c>model.device</c>).</summary>
public enum DevicePreference
{
    /// <summary><c>auto</c>: an NVIDIA GPU when one is usable, otherwise the CPU (the default).</summary>
    Auto,
    /// <summary><c>cpu</c>: the CPU backend.</summary>
    Cpu,
    /// <summary><c>cuda</c>: an NVIDIA GPU through ILGPU's CUDA accelerator; an error if none is usable.</summary>
    Cuda,
}
