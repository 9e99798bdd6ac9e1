using System.Runtime.Intrinsics;

namespace ClimateAD.Bench;

/// <summary>
/// STREAM triad <c>a = b + s·c</c> (McCalpin 1995) on 3 × 2²⁵ doubles (768 MiB), <c>Vector256</c>, one chunk
/// per core, counted as 24 B per element: the reference memory bandwidth that grid benchmarks divide by.
/// </summary>
public static class StreamTriad
{
    /// <summary>Runs 3 untimed and <paramref name="repeats"/> timed triads; returns GB/s of each timed run.</summary>
    public static unsafe double[] Measure(int repeats)
    {
        const int n = 1 << 25;
        var a = new double[n];
        var b = new double[n];
        var c = new double[n];
        Array.Fill(b, 1.0);
        Array.Fill(c, 2.0);
        int chunks = Environment.ProcessorCount;
        void Run()
        {
            Parallel.For(0, chunks, k =>
            {
                int start = (int)((long)n * k / chunks), end = (int)((long)n * (k + 1) / chunks);
                var s = Vector256.Create(3.0);
                fixed (double* pa = a, pb = b, pc = c)
                {
                    int i = start;
                    for (; i + 4 <= end; i += 4)
                        (Vector256.Load(pb + i) + s * Vector256.Load(pc + i)).Store(pa + i);
                    for (; i < end; i++) pa[i] = pb[i] + 3.0 * pc[i];
                }
            });
        }
        var seconds = Timing.Measure(Run, repeats, warmups: 3);
        return [.. seconds.Select(t => 24.0 * n / t / 1e9)];
    }
}
