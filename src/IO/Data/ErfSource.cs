using ClimateAD.Physics.Forcing;

namespace ClimateAD.IO.Data;

/// <summary>
/// One input to <see cref="ErfSplicer"/>: a table and the years to take from it.
/// </summary>
/// <param name="Table">The forcing table.</param>
/// <param name="FirstYear">
/// First year taken from this table; <c>null</c> means the year after the previous source's last
/// year (or the table's first year for the first source).
/// </param>
/// <param name="LastYear">Last year taken (inclusive); <c>null</c> means the table's last year.</param>
public sealed record ErfSource(ErfTable Table, int? FirstYear = null, int? LastYear = null);
