namespace ClimateAD.Cli;

/// <summary>
/// An error the user can fix (bad input, missing prerequisite): printed as one line on standard
/// error, with exit code <see cref="ExitCode"/>, never with a stack trace.
/// </summary>
/// <param name="message">The one-line message.</param>
/// <param name="exitCode">Process exit code; 2 for bad input.</param>
internal sealed class UserErrorException(string message, int exitCode = 2) : Exception(message)
{
    /// <summary>Process exit code.</summary>
    public int ExitCode { get; } = exitCode;
}
