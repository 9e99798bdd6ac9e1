namespace ClimateAD.Physics.ShallowWater;

/// <summary>
/// A shallow-water run stopped because the state became non-finite (NaN or ±∞) or the CFL number
/// exceeded its limit. The message and the properties name the step, the field and the grid point.
/// </summary>
public sealed class ShallowWaterBlowUpException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="step">Step index at which the problem was found.</param>
    /// <param name="field">Field name: <c>h</c>, <c>u</c> or <c>v</c>.</param>
    /// <param name="i">Column index of the point.</param>
    /// <param name="j">Row index of the point.</param>
    /// <param name="value">The offending value (the field value, or the CFL number).</param>
    /// <param name="message">What happened, with the numbers.</param>
    public ShallowWaterBlowUpException(int step, string field, int i, int j, double value, string message) : base(message)
    {
        Step = step;
        Field = field;
        I = i;
        J = j;
        Value = value;
    }

    /// <summary>Step index.</summary>
    public int Step { get; }

    /// <summary>Field name (<c>h</c>, <c>u</c>, <c>v</c>).</summary>
    public string Field { get; }

    /// <summary>Column index.</summary>
    public int I { get; }

    /// <summary>Row index.</summary>
    public int J { get; }

    /// <summary>The non-finite value or the CFL number.</summary>
    public double Value { get; }
}
