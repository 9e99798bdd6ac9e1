namespace ClimateAD.Adjoint.Checkpointing;

/// <summary>Where a snapshot lives in a multi-level checkpointing schedule.</summary>
public enum SnapshotLevel
{
    /// <summary>Main memory: cheap to write and read.</summary>
    Ram,

    /// <summary>Secondary storage (a raw binary file, later HDF5): large but slow.</summary>
    Disk,
}
