namespace ClimateAD.IO.Data;

/// <summary>
/// File formats of observed series that <see cref="ObservationLoader"/> reads. The scenario
/// name of each (<c>kind = "..."</c>) is given by <see cref="ObservationLoader.KindName"/>.
/// </summary>
public enum ObservationKind
{
    /// <summary>HadCRUT5 annual global summary series (<c>hadcrut5</c>): K vs 1961-1990, with 95 % limits.</summary>
    HadCrut5,
    /// <summary>IGCC 2024 GMST or the rebased HadCRUT5 file beside it (<c>igcc-gmst</c>): K vs 1850-1900, no uncertainty.</summary>
    IgccGmst,
    /// <summary>AR6 ocean heat content ensemble (<c>ohc-ar6</c>): ZJ vs 1971, 1-σ.</summary>
    OhcAr6,
    /// <summary>IGCC update of the AR6 ocean heat content ensemble (<c>ohc-igcc</c>): same layout as AR6.</summary>
    OhcIgcc,
}
