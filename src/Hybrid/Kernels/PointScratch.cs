namespace ClimateAD.Hybrid.Kernels;

/// <summary>
/// Per-thread scratch of a network kernel: a fixed buffer of <see cref="Capacity"/> doubles that lives
/// in registers/local memory on the GPU and on the stack on the CPU (no allocation in kernels).
/// Holds the input layer, every layer's pre-activations and activations (for the adjoint) and two
/// back-propagation vectors; <see cref="GridNetwork"/> checks a network fits before launching.
/// </summary>
/// <remarks>
/// ILGPU zero-initialises every local (measured in the PTX: one 5120-byte <c>.local</c> depot and
/// ~640 <c>st.local</c> zero stores per thread, even under <c>[SkipLocalsInit]</c>), so each point pays
/// for clearing the whole buffer. A CUDA-only path through <c>LocalMemory.Allocate</c> would avoid that;
/// it is not written because there was no GPU to measure whether it matters.
/// </remarks>
public unsafe struct PointScratch
{
    /// <summary>Doubles available per point (5 KiB).</summary>
    public const int Capacity = 640;

    /// <summary>The values.</summary>
    public fixed double Values[Capacity];
}
