using System.Globalization;
using ClimateAD.IO.Hdf5;

namespace ClimateAD.IO.Restart;

/// <summary>
/// An HDF5 restart file: the full flat model state (for Adams–Bashforth 3 with its two previous
/// tendencies) at a step index, bit for bit, plus what identifies the run it belongs to. Layout:
/// a 1-D dataset <c>state</c> of IEEE doubles and the root attributes <c>climatead_kind = "restart"</c>,
/// <c>model</c>, <c>integrator</c>, <c>scenario</c>, <c>step</c>, <c>state_length</c>, <c>time_step</c>
/// (model time step in the scenario's time unit) and <c>description</c>.
/// </summary>
/// <remarks>
/// Written to <c>path.tmp</c> and renamed over <paramref name="Path"/> when closed, so a run killed while
/// writing leaves the previous restart file intact. <c>h5dump</c> can inspect it.
/// </remarks>
/// <param name="Path">The file.</param>
/// <param name="Model">Scenario model name.</param>
/// <param name="Integrator">Integrator name.</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Step">Step index of the state.</param>
/// <param name="TimeStep">Time step in the scenario's unit.</param>
/// <param name="State">The flat state.</param>
public sealed record RestartFile(string Path, string Model, string Integrator, string Scenario, long Step, double TimeStep, double[] State)
{
    /// <summary>Value of the <c>climatead_kind</c> attribute.</summary>
    public const string Kind = "restart";

    /// <summary>Writes the file (atomically: a temporary file renamed over <see cref="Path"/>).</summary>
    public unsafe void Write()
    {
        string full = System.IO.Path.GetFullPath(Path);
        string? dir = System.IO.Path.GetDirectoryName(full);
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        string temp = full + ".tmp";
        if (File.Exists(temp)) File.Delete(temp);
        long file = H5F.create(temp, H5F.ACC_TRUNC, H5P.DEFAULT, H5P.DEFAULT);
        try
        {
            long space = H5S.create_simple(1, [(ulong)State.Length], null);
            try
            {
                long dataset = H5D.create(file, "state", H5T.IEEE_F64LE, space, H5P.DEFAULT, H5P.DEFAULT, H5P.DEFAULT);
                try
                {
                    fixed (double* p = State)
                    {
                        H5D.write(dataset, H5T.NATIVE_DOUBLE, H5S.ALL, H5S.ALL, H5P.DEFAULT, p);
                    }
                }
                finally
                {
                    H5D.close(dataset);
                }
            }
            finally
            {
                H5S.close(space);
            }
            Hdf5Attribute.Write(file, "climatead_kind", Kind);
            Hdf5Attribute.Write(file, "model", Model);
            Hdf5Attribute.Write(file, "integrator", Integrator);
            Hdf5Attribute.Write(file, "scenario", Scenario);
            Hdf5Attribute.Write(file, "step", Step);
            Hdf5Attribute.Write(file, "state_length", (long)State.Length);
            Hdf5Attribute.Write(file, "time_step", TimeStep);
            Hdf5Attribute.Write(file, "description", string.Create(CultureInfo.InvariantCulture,
                $"ClimateAD restart of scenario {Scenario} ({Model}, {Integrator}) after step {Step}"));
        }
        finally
        {
            H5F.close(file);
        }
        File.Move(temp, full, overwrite: true);
    }

    /// <summary>Reads a restart file.</summary>
    /// <exception cref="InvalidDataException">The file is missing, not HDF5, or not a ClimateAD restart file; the message is one line naming the file.</exception>
    public static unsafe RestartFile Read(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: restart file not found");
        long file;
        try
        {
            file = H5F.open(path, H5F.ACC_RDONLY, H5P.DEFAULT);
        }
        catch (Hdf5Exception)
        {
            throw new InvalidDataException($"{path}: not an HDF5 file");
        }
        try
        {
            string kind = H5A.exists(file, "climatead_kind") ? Hdf5Attribute.Read(file, "climatead_kind") as string ?? "" : "";
            if (kind != Kind) throw new InvalidDataException($"{path}: not a ClimateAD restart file (climatead_kind = '{kind}')");
            long length = (long)Hdf5Attribute.Read(file, "state_length");
            var state = new double[length];
            long dataset = H5D.open(file, "state", H5P.DEFAULT);
            try
            {
                fixed (double* p = state)
                {
                    H5D.read(dataset, H5T.NATIVE_DOUBLE, H5S.ALL, H5S.ALL, H5P.DEFAULT, p);
                }
            }
            finally
            {
                H5D.close(dataset);
            }
            return new RestartFile(path, (string)Hdf5Attribute.Read(file, "model"), (string)Hdf5Attribute.Read(file, "integrator"),
                (string)Hdf5Attribute.Read(file, "scenario"), (long)Hdf5Attribute.Read(file, "step"), (double)Hdf5Attribute.Read(file, "time_step"), state);
        }
        catch (Hdf5Exception e)
        {
            throw new InvalidDataException($"{path}: unreadable restart file ({e.Message.Split('\n')[0]})");
        }
        finally
        {
            H5F.close(file);
        }
    }

    /// <summary>
    /// Checks that this restart belongs to a run of <paramref name="model"/> with <paramref name="integrator"/>,
    /// time step <paramref name="timeStep"/> and a state of <paramref name="stateLength"/> values, within
    /// <paramref name="stepCount"/> steps; returns a one-line problem, or <c>null</c>.
    /// </summary>
    public string? Mismatch(string model, string integrator, double timeStep, int stateLength, long stepCount)
    {
        if (Model != model) return $"{Path}: restart of model {Model}, but the scenario runs {model}";
        if (Integrator != integrator) return $"{Path}: restart written with integrator {Integrator}, but the scenario uses {integrator}";
        if (TimeStep != timeStep)
            return string.Create(CultureInfo.InvariantCulture, $"{Path}: restart written with time step {TimeStep:R}, but the scenario's is {timeStep:R}");
        if (State.Length != stateLength) return $"{Path}: restart holds {State.Length} state values, the scenario's grid needs {stateLength}";
        if (Step < 0 || Step > stepCount) return $"{Path}: restart at step {Step} is outside the run's {stepCount} steps";
        return null;
    }
}
