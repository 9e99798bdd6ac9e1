namespace ClimateAD.Hybrid.Parameterisation;

/// <summary>
/// Everything an online trainer needs to continue exactly: the iteration, θ, the loss of the last
/// evaluated batch, and the trainer's memory (<see cref="AdamTrainer"/>: the moments m and v;
/// <see cref="LbfgsTrainer"/>: the gradient at θ followed by the stored pairs s₁, y₁, s₂, y₂, …,
/// oldest first). Every memory vector has one entry per trained parameter.
/// </summary>
/// <param name="Iteration">Completed iterations.</param>
/// <param name="Theta">The model's full θ.</param>
/// <param name="Loss">Loss of the last evaluated batch (NaN before the first).</param>
/// <param name="Memory">Trainer-specific vectors, each of length = number of trained parameters.</param>
public sealed record OnlineState(int Iteration, double[] Theta, double Loss, double[][] Memory);

/// <summary>An optimiser of a <see cref="TrajectoryLoss"/> over the trained entries of θ, resumable from its <see cref="OnlineState"/>.</summary>
public interface IOnlineTrainer
{
    /// <summary>The method's name in training files (<c>adam</c>, <c>lbfgs</c>).</summary>
    string Name { get; }

    /// <summary>The state before the first iteration.</summary>
    OnlineState Start(ReadOnlySpan<double> theta);

    /// <summary>One iteration.</summary>
    OnlineState Iterate(OnlineState state);
}
