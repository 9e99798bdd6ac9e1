using ClimateAD.Calibration.Ensemble;
using ClimateAD.Calibration.Optimisers;

namespace ClimateAD.Cli.Calibration;

/// <summary>Makes the <see cref="ICalibrationMethod"/> a calibration file names, with its options (unset ones keep the defaults).</summary>
internal static class CalibrationMethods
{
    /// <summary>The method of <paramref name="m"/>.</summary>
    public static ICalibrationMethod Create(MethodSpec m) => m.Name switch
    {
        "gauss-newton" => new GaussNewtonMethod(With(new GaussNewtonOptions(), o => o with
        {
            MaxIterations = m.MaxIterations ?? o.MaxIterations,
            CostTolerance = m.CostTolerance ?? o.CostTolerance,
            InitialDamping = m.InitialDamping ?? o.InitialDamping,
            FinalStepTolerance = m.FinalStepTolerance ?? o.FinalStepTolerance,
        })),
        "lbfgs" => new LbfgsMethod(With(new LbfgsOptions(), o => o with
        {
            MaxIterations = m.MaxIterations ?? o.MaxIterations,
            CostTolerance = m.CostTolerance ?? o.CostTolerance,
            Memory = m.Memory ?? o.Memory,
            Preconditioner = m.Preconditioner switch { "gauss-newton" => LbfgsPreconditioner.GaussNewton, "scaled" => LbfgsPreconditioner.Scaled, _ => o.Preconditioner },
        })),
        "adam" => new AdamMethod(With(new AdamOptions(), o => o with
        {
            MaxIterations = m.MaxIterations ?? o.MaxIterations,
            CostTolerance = m.CostTolerance ?? o.CostTolerance,
            LearningRate = m.LearningRate ?? o.LearningRate,
            Patience = m.Patience ?? o.Patience,
        })),
        _ => new EnsembleKalmanInversion(With(new EnsembleKalmanOptions(), o => o with
        {
            Iterations = m.MaxIterations ?? o.Iterations,
            Members = m.Members ?? o.Members,
            Seed = m.Seed ?? o.Seed,
            InitialSpread = m.InitialSpread ?? o.InitialSpread,
            Schedule = m.Schedule switch { "mda" => EkiSchedule.MultipleDataAssimilation, "constant" => EkiSchedule.Constant, _ => o.Schedule },
        })),
    };

    private static T With<T>(T o, Func<T, T> f) => f(o);
}
