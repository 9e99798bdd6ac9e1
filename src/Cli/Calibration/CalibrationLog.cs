using ClimateAD.Calibration.Objectives;
using ClimateAD.Calibration.Optimisers;
using ClimateAD.IO.Data;

namespace ClimateAD.Cli.Calibration;

/// <summary>
/// The calibration log: an HDF5 file with every iteration's complete state (DESIGN.md §3), from
/// which <c>climatead calibrate --resume</c> continues an interrupted calibration exactly.
/// Layout: root attributes <c>climatead_kind = "calibration-log"</c>, <c>calibration_file</c>
/// (the file's text; a resume must use the same), <c>method</c>, <c>parameters</c> (names,
/// comma-separated), <c>iterations</c> (n) and <c>status</c> (one line per state); datasets, one
/// row per state k = 0..n−1: <c>iteration[n]</c>, <c>u[n, p]</c> (unbounded point),
/// <c>free[n, p]</c> (φ, physical units), <c>method_state[n, s]</c>, <c>counts[4n]</c> (forward,
/// tangent and adjoint steps, steps per run), <c>cost[n]</c>, <c>gradient_norm[n]</c>,
/// <c>converged[n]</c>, <c>stopped[n]</c>. Doubles are stored as
/// IEEE f64, so a resumed state is bit-identical. The file is rewritten whole after every
/// iteration to a temporary name and renamed over the old one, so a kill at any moment leaves
/// either the previous or the new complete log.
/// </summary>
internal sealed class CalibrationLog
{
    private readonly List<IterationState> _states = [];
    private readonly string _text;
    private readonly string _method;
    private readonly IReadOnlyList<string> _names;
    private readonly Func<double[], double[]> _toFree;

    /// <summary>A log at <paramref name="path"/> (written on <see cref="Append"/>).</summary>
    public CalibrationLog(string path, string calibrationText, string method, IReadOnlyList<string> names, Func<double[], double[]> toFree)
    {
        Path = path;
        _text = calibrationText;
        _method = method;
        _names = names;
        _toFree = toFree;
    }

    /// <summary>The log file.</summary>
    public string Path { get; }

    /// <summary>The states logged so far.</summary>
    public IReadOnlyList<IterationState> States => _states;

    /// <summary>Starts from the states of a resumed run (not rewritten until the next <see cref="Append"/>).</summary>
    public void Seed(IEnumerable<IterationState> states) => _states.AddRange(states);

    /// <summary>Adds a state and rewrites the file atomically.</summary>
    public void Append(IterationState state)
    {
        _states.Add(state);
        int n = _states.Count, p = state.U.Length, s = state.MethodState.Length;
        var u = new double[n * p];
        var free = new double[n * p];
        var ms = new double[n * s];
        var counts = new long[n * 4];
        for (int k = 0; k < n; k++)
        {
            var st = _states[k];
            st.U.CopyTo(u, k * p);
            _toFree(st.U).CopyTo(free, k * p);
            st.MethodState.CopyTo(ms, k * s);
            counts[k * 4] = st.Counts.ForwardSteps;
            counts[k * 4 + 1] = st.Counts.TangentSteps;
            counts[k * 4 + 2] = st.Counts.AdjointSteps;
            counts[k * 4 + 3] = st.Counts.StepsPerRun;
        }
        string tmp = Path + ".tmp";
        using (var f = Hdf5RecordFile.Create(tmp))
        {
            f.WriteAttribute("/", "climatead_kind", "calibration-log");
            f.WriteAttribute("/", "calibration_file", _text);
            f.WriteAttribute("/", "method", _method);
            f.WriteAttribute("/", "parameters", string.Join(",", _names));
            f.WriteAttribute("/", "iterations", (long)n);
            f.WriteAttribute("/", "status", string.Join("\n", _states.Select(x => x.Status.ReplaceLineEndings(" "))));
            f.WriteLongs("iteration", _states.Select(x => (long)x.Iteration).ToArray());
            f.WriteDoubles("u", u, n, p);
            f.WriteDoubles("free", free, n, p);
            f.WriteDoubles("method_state", ms, n, s);
            f.WriteLongs("counts", counts);
            f.WriteDoubles("cost", _states.Select(x => x.Cost).ToArray());
            f.WriteDoubles("gradient_norm", _states.Select(x => x.GradientNorm).ToArray());
            f.WriteLongs("converged", _states.Select(x => x.Converged ? 1L : 0L).ToArray());
            f.WriteLongs("stopped", _states.Select(x => x.Stopped ? 1L : 0L).ToArray());
        }
        File.Move(tmp, Path, overwrite: true);
    }

    /// <summary>
    /// Reads the states of a log written for the calibration file text <paramref name="calibrationText"/>.
    /// </summary>
    /// <exception cref="UserErrorException">No log, not a calibration log, or written for another file.</exception>
    public static IReadOnlyList<IterationState> Read(string path, string calibrationText, string method)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: no calibration log to resume from (run without --resume first)");
        using var f = Hdf5RecordFile.OpenRead(path);
        string kind;
        try
        {
            kind = f.ReadText("/", "climatead_kind");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UserErrorException($"{path}: not a calibration log");
        }
        if (kind != "calibration-log") throw new UserErrorException($"{path}: not a calibration log (climatead_kind = '{kind}')");
        if (f.ReadText("/", "calibration_file") != calibrationText)
            throw new UserErrorException($"{path}: the log was written for a different version of the calibration file; run without --resume to start again");
        if (f.ReadText("/", "method") != method) throw new UserErrorException($"{path}: the log is of method {f.ReadText("/", "method")}, not {method}");
        int n = (int)f.ReadLong("/", "iterations");
        var status = f.ReadText("/", "status").Split('\n');
        var iteration = f.ReadLongs("iteration");
        var u = f.ReadDoubles("u");
        var ms = f.ReadDoubles("method_state");
        var counts = f.ReadLongs("counts");
        var cost = f.ReadDoubles("cost");
        var grad = f.ReadDoubles("gradient_norm");
        var converged = f.ReadLongs("converged");
        var stopped = f.ReadLongs("stopped");
        var states = new List<IterationState>();
        if (n == 0 || iteration.Length != n || status.Length != n || u.Length % n != 0 || ms.Length % n != 0)
            throw new UserErrorException($"{path}: the log is inconsistent ({n} iterations)");
        int p = u.Length / n, s = ms.Length / n;
        for (int k = 0; k < n; k++)
            states.Add(new IterationState((int)iteration[k], u.AsSpan(k * p, p).ToArray(), cost[k], grad[k], ms.AsSpan(k * s, s).ToArray(),
                new ModelRunCounts(counts[4 * k], counts[4 * k + 1], counts[4 * k + 2], (int)counts[4 * k + 3]), converged[k] != 0, status[k])
            { Stopped = stopped[k] != 0 });
        if (states.Count == 0) throw new UserErrorException($"{path}: the log holds no iteration");
        return states;
    }
}
