using ClimateAD.Physics.Parameters;

namespace ClimateAD.Calibration.Transforms;

/// <summary>
/// A smooth, strictly increasing bijection θ = g(u) from an unbounded variable u ∈ ℝ onto the
/// admissible interval of a parameter, with its derivative dθ/du = g′(u) for the chain rule
/// dJ/du = g′(u) dJ/dθ. Optimisers work in u; models and reports in θ (the parameter's own units).
/// </summary>
public abstract class ParameterTransform
{
    /// <summary>The kind of transform.</summary>
    public abstract TransformKind Kind { get; }

    /// <summary>θ = g(u), in the parameter's units.</summary>
    public abstract double ToParameter(double u);

    /// <summary>u = g⁻¹(θ); θ must lie strictly inside the transform's range (see <see cref="Admits"/>).</summary>
    public abstract double ToUnbounded(double theta);

    /// <summary>dθ/du = g′(u) &gt; 0.</summary>
    public abstract double Derivative(double u);

    /// <summary>True when θ is strictly inside the range of g (so that g⁻¹(θ) is finite).</summary>
    public abstract bool Admits(double theta);

    /// <summary>The transform's name as written in calibration files: <c>identity</c>, <c>log</c> or <c>logit</c>.</summary>
    public string Name => NameOf(Kind);

    /// <summary>The file name of a kind.</summary>
    public static string NameOf(TransformKind kind) => kind switch
    {
        TransformKind.Identity => "identity",
        TransformKind.Log => "log",
        _ => "logit",
    };

    /// <summary>Parses <c>identity</c>, <c>log</c> or <c>logit</c>; <c>null</c> for anything else.</summary>
    public static TransformKind? Parse(string name) => name switch
    {
        "identity" => TransformKind.Identity,
        "log" => TransformKind.Log,
        "logit" => TransformKind.Logit,
        _ => null,
    };

    /// <summary>
    /// The default kind for a parameter: <see cref="TransformKind.Logit"/> when both bounds are
    /// finite, <see cref="TransformKind.Log"/> when only the lower one is, else
    /// <see cref="TransformKind.Identity"/>.
    /// </summary>
    public static TransformKind DefaultKind(ParameterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (double.IsFinite(spec.Lower) && double.IsFinite(spec.Upper)) return TransformKind.Logit;
        return double.IsFinite(spec.Lower) ? TransformKind.Log : TransformKind.Identity;
    }

    /// <summary>The transform of <paramref name="kind"/> for <paramref name="spec"/>'s bounds.</summary>
    /// <exception cref="ArgumentException">The bounds the kind needs are not finite.</exception>
    public static ParameterTransform Create(TransformKind kind, ParameterSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return kind switch
        {
            TransformKind.Identity => IdentityTransform.Instance,
            TransformKind.Log => double.IsFinite(spec.Lower)
                ? new LogTransform(spec.Lower)
                : throw new ArgumentException($"Parameter '{spec.Name}' has no finite lower bound for a log transform."),
            _ => double.IsFinite(spec.Lower) && double.IsFinite(spec.Upper) && spec.Lower < spec.Upper
                ? new LogitTransform(spec.Lower, spec.Upper)
                : throw new ArgumentException($"Parameter '{spec.Name}' needs two finite, distinct bounds for a logit transform."),
        };
    }
}
