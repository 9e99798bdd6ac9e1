using System.Security.Cryptography;
using System.Text;
using ClimateAD.Hybrid.Parameterisation;
using ClimateAD.IO.Data;

namespace ClimateAD.Cli.Training;

/// <summary>
/// The training checkpoint <c>training.h5</c> in the output folder: the SHA-256 of the training
/// file, the offline weights and loss curve, and the online trainer's state (method, iteration,
/// θ, loss and its memory vectors: Adam's moments or L-BFGS's gradient and pairs) with the loss history, from which <c>climatead train --resume</c> continues bit for bit
/// (batch draws depend only on the seed and the iteration). Written to a temporary file and
/// renamed, so a killed run leaves the previous checkpoint intact.
/// </summary>
/// <param name="ConfigHash">SHA-256 (hex) of the training file's text.</param>
/// <param name="OfflineWeights">Offline-trained network weights.</param>
/// <param name="OfflineLoss">Offline loss per iteration.</param>
/// <param name="Method">The online method (<c>adam</c>, <c>lbfgs</c>).</param>
/// <param name="Online">The online state, or <c>null</c> before the online phase starts.</param>
/// <param name="OnlineLoss">Online batch loss per iteration.</param>
internal sealed record TrainingCheckpoint(string ConfigHash, double[] OfflineWeights, double[] OfflineLoss, string Method, OnlineState? Online, double[] OnlineLoss)
{
    /// <summary>SHA-256 (hex) of <paramref name="text"/>.</summary>
    public static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Writes the checkpoint to <paramref name="path"/> atomically.</summary>
    public void Write(string path)
    {
        string temp = path + ".writing";
        using (var f = Hdf5RecordFile.Create(temp))
        {
            f.WriteAttribute("/", "config_sha256", ConfigHash);
            f.WriteAttribute("/", "title", "ClimateAD training checkpoint (climatead train --resume)");
            f.WriteDoubles("/offline_weights", OfflineWeights);
            f.WriteDoubles("/offline_loss", OfflineLoss.Length > 0 ? OfflineLoss : [double.NaN]);
            f.WriteAttribute("/", "offline_iterations", (long)OfflineLoss.Length);
            if (Online is { } s)
            {
                f.CreateGroup("/online");
                f.WriteAttribute("/online", "method", Method);
                f.WriteAttribute("/online", "iteration", (long)s.Iteration);
                f.WriteAttribute("/online", "loss", s.Loss);
                f.WriteAttribute("/online", "memory_rows", (long)s.Memory.Length);
                f.WriteDoubles("/online/theta", s.Theta);
                f.WriteDoubles("/online/memory", s.Memory.SelectMany(r => r).ToArray(), s.Memory.Length, s.Memory[0].Length);
                f.WriteDoubles("/online/loss", OnlineLoss.Length > 0 ? OnlineLoss : [double.NaN]);
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Reads <paramref name="path"/>; a one-line error when it is missing or was made from another training file.</summary>
    public static TrainingCheckpoint Read(string path, string configHash)
    {
        if (!File.Exists(path)) throw new UserErrorException($"{path}: no training checkpoint to resume from (run without --resume first)");
        using var f = Hdf5RecordFile.OpenRead(path);
        string hash = f.ReadText("/", "config_sha256");
        if (hash != configHash)
            throw new UserErrorException($"{path}: the checkpoint was made from a different training file; run without --resume to start again");
        int offlineCount = (int)f.ReadLong("/", "offline_iterations");
        var offlineLoss = f.ReadDoubles("/offline_loss")[..offlineCount];
        OnlineState? online = null;
        double[] onlineLoss = [];
        string method = "";
        if (f.Exists("/online"))
        {
            method = f.ReadText("/online", "method");
            int iteration = (int)f.ReadLong("/online", "iteration");
            int rows = (int)f.ReadLong("/online", "memory_rows");
            var flat = f.ReadDoubles("/online/memory");
            int cols = flat.Length / rows;
            var memory = Enumerable.Range(0, rows).Select(r => flat[(r * cols)..((r + 1) * cols)]).ToArray();
            online = new OnlineState(iteration, f.ReadDoubles("/online/theta"), f.ReadDouble("/online", "loss"), memory);
            onlineLoss = f.ReadDoubles("/online/loss")[..iteration];
        }
        return new TrainingCheckpoint(hash, f.ReadDoubles("/offline_weights"), offlineLoss, method, online, onlineLoss);
    }
}
