namespace ClimateAD.Grid.Execution;

/// <summary>The device that was asked for (e.g. <c>cuda</c>) is not present on this machine.</summary>
public sealed class DeviceUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that says what was asked for and what to do instead.</summary>
    public DeviceUnavailableException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and the underlying cause.</summary>
    public DeviceUnavailableException(string message, Exception inner) : base(message, inner) { }
}
