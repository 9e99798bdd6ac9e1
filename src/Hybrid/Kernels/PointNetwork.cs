using System.Runtime.CompilerServices;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Hybrid.Kernels;

/// <summary>
/// A <see cref="Networks.DenseNetwork"/> evaluated at one grid point inside a kernel: forward
/// <c>y = N(x; w)</c>, tangent <c>δy = N_x δx + N_w δw</c> and adjoint <c>x̄ += N_xᵀ ȳ</c>,
/// <c>w̄ += N_wᵀ ȳ</c>, with the same operation order as <see cref="Networks.DenseNetwork"/>
/// (so they agree to round-off). Written once, generic over the view type, for the CPU backend and ILGPU.
/// </summary>
/// <remarks>
/// <para>Data layout. The network's shape and normalisation are one descriptor view (element
/// <c>k</c> at <c>(k, 0)</c>, see <see cref="NetworkDescriptor"/>); the flat weights
/// <c>(W₁, b₁, W₂, b₂, …)</c> are a view of <c>P</c> values at <c>(k, 0)</c>. Per-point features are
/// stacked fields: feature <c>f</c> of point <c>(i, j)</c> sits at <c>(i, j + f·rows)</c>, i.e. one
/// <c>[F, rows, nx]</c> block.</para>
/// <para>Scratch (<see cref="PointScratch"/>): forward and tangent use four vectors of
/// <see cref="NetworkDescriptor.MaxWidth"/>; the adjoint keeps <c>a₀ | (z₁ a₁) | … | (z_L a_L) | g | h</c>.</para>
/// </remarks>
public static class PointNetwork
{
    private const int W = NetworkDescriptor.MaxWidth;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double D<TView>(TView view, int k) where TView : struct, IFieldView<Real, TView> => view.At(k, 0).V;

    /// <summary>Writes <c>y(i, j) = N(x(i, j); w)</c>.</summary>
    public static unsafe void Forward<TView>(ref PointScratch s, TView d, TView w, TView x, TView y, int i, int j, int rows)
        where TView : struct, IFieldView<Real, TView>
    {
        int layers = (int)D(d, 0), n0 = (int)D(d, 1), inShift = 3 * layers + 2, inScale = inShift + n0;
        for (int f = 0; f < n0; f++) s.Values[f] = (x.At(i, j + f * rows).V - D(d, inShift + f)) / D(d, inScale + f);
        for (int l = 0; l < layers; l++)
        {
            int nIn = (int)D(d, 1 + l), nOut = (int)D(d, 2 + l), act = (int)D(d, layers + 2 + l), w0 = (int)D(d, 2 * layers + 2 + l);
            int b0 = w0 + nIn * nOut;
            for (int o = 0; o < nOut; o++)
            {
                double sum = D(w, b0 + o);
                int row = w0 + o * nIn;
                for (int k = 0; k < nIn; k++) sum += D(w, row + k) * s.Values[k];
                s.Values[W + o] = sum;
            }
            for (int o = 0; o < nOut; o++) s.Values[o] = KernelActivation.Value(act, s.Values[W + o]);
        }
        int nL = (int)D(d, 1 + layers), outScale = inShift + 2 * n0, outShift = outScale + nL;
        for (int o = 0; o < nL; o++) y.At(i, j + o * rows) = new Real(s.Values[o] * D(d, outScale + o) + D(d, outShift + o));
    }

    /// <summary>Writes <c>y = N(x; w)</c> and <c>δy = N_x δx + N_w δw</c> at <c>(i, j)</c>.</summary>
    public static unsafe void Tangent<TView>(ref PointScratch s, TView d, TView w, TView dw, TView x, TView dx, TView y, TView dy,
        int i, int j, int rows) where TView : struct, IFieldView<Real, TView>
    {
        const int Z = W, DA = 2 * W, DZ = 3 * W;
        int layers = (int)D(d, 0), n0 = (int)D(d, 1), inShift = 3 * layers + 2, inScale = inShift + n0;
        for (int f = 0; f < n0; f++)
        {
            double scale = D(d, inScale + f);
            s.Values[f] = (x.At(i, j + f * rows).V - D(d, inShift + f)) / scale;
            s.Values[DA + f] = dx.At(i, j + f * rows).V / scale;
        }
        for (int l = 0; l < layers; l++)
        {
            int nIn = (int)D(d, 1 + l), nOut = (int)D(d, 2 + l), act = (int)D(d, layers + 2 + l), w0 = (int)D(d, 2 * layers + 2 + l);
            int b0 = w0 + nIn * nOut;
            for (int o = 0; o < nOut; o++)
            {
                int row = w0 + o * nIn;
                double sum = D(w, b0 + o), dsum = D(dw, b0 + o);
                for (int k = 0; k < nIn; k++)
                {
                    double wk = D(w, row + k);
                    sum += wk * s.Values[k];
                    dsum += wk * s.Values[DA + k] + D(dw, row + k) * s.Values[k];
                }
                s.Values[Z + o] = sum;
                s.Values[DZ + o] = dsum;
            }
            for (int o = 0; o < nOut; o++)
            {
                double z = s.Values[Z + o], a = KernelActivation.Value(act, z);
                s.Values[o] = a;
                s.Values[DA + o] = KernelActivation.Derivative(act, z, a) * s.Values[DZ + o];
            }
        }
        int nL = (int)D(d, 1 + layers), outScale = inShift + 2 * n0, outShift = outScale + nL;
        for (int o = 0; o < nL; o++)
        {
            double scale = D(d, outScale + o);
            y.At(i, j + o * rows) = new Real(s.Values[o] * scale + D(d, outShift + o));
            dy.At(i, j + o * rows) = new Real(s.Values[DA + o] * scale);
        }
    }

    /// <summary>
    /// Adjoint at <c>(i, j)</c>, recomputing the forward pass: when <paramref name="withInputs"/>,
    /// <c>x̄(i, j) += N_xᵀ ȳ(i, j)</c>; when <paramref name="withWeights"/>, <c>w̄ += N_wᵀ ȳ(i, j)</c> into
    /// <paramref name="wBar"/> at <c>(k, <paramref name="wBarRow"/>)</c>.
    /// </summary>
    public static unsafe void Adjoint<TView>(ref PointScratch s, TView d, TView w, TView x, TView yBar,
        bool withInputs, TView xBar, bool withWeights, TView wBar, int wBarRow, int i, int j, int rows)
        where TView : struct, IFieldView<Real, TView>
    {
        int layers = (int)D(d, 0), n0 = (int)D(d, 1), inShift = 3 * layers + 2, inScale = inShift + n0;
        for (int f = 0; f < n0; f++) s.Values[f] = (x.At(i, j + f * rows).V - D(d, inShift + f)) / D(d, inScale + f);
        int pos = n0, prev = 0;
        for (int l = 0; l < layers; l++)
        {
            int nIn = (int)D(d, 1 + l), nOut = (int)D(d, 2 + l), act = (int)D(d, layers + 2 + l), w0 = (int)D(d, 2 * layers + 2 + l);
            int b0 = w0 + nIn * nOut;
            for (int o = 0; o < nOut; o++)
            {
                double sum = D(w, b0 + o);
                int row = w0 + o * nIn;
                for (int k = 0; k < nIn; k++) sum += D(w, row + k) * s.Values[prev + k];
                s.Values[pos + o] = sum;
            }
            for (int o = 0; o < nOut; o++) s.Values[pos + nOut + o] = KernelActivation.Value(act, s.Values[pos + o]);
            prev = pos + nOut;
            pos += 2 * nOut;
        }
        int g = pos, h = pos + W;
        int nL = (int)D(d, 1 + layers), outScale = inShift + 2 * n0;
        for (int o = 0; o < nL; o++) s.Values[g + o] = yBar.At(i, j + o * rows).V * D(d, outScale + o);
        for (int l = layers - 1; l >= 0; l--)
        {
            int nIn = (int)D(d, 1 + l), nOut = (int)D(d, 2 + l), act = (int)D(d, layers + 2 + l), w0 = (int)D(d, 2 * layers + 2 + l);
            int b0 = w0 + nIn * nOut;
            pos -= 2 * nOut;
            int aIn = l == 0 ? 0 : pos - nIn;
            for (int o = 0; o < nOut; o++)
                s.Values[g + o] *= KernelActivation.Derivative(act, s.Values[pos + o], s.Values[pos + nOut + o]);
            if (withWeights)
                for (int o = 0; o < nOut; o++)
                {
                    double go = s.Values[g + o];
                    wBar.At(b0 + o, wBarRow) += new Real(go);
                    int row = w0 + o * nIn;
                    for (int k = 0; k < nIn; k++) wBar.At(row + k, wBarRow) += new Real(go * s.Values[aIn + k]);
                }
            if (l == 0 && !withInputs) return;
            for (int k = 0; k < nIn; k++) s.Values[h + k] = 0.0;
            for (int o = 0; o < nOut; o++)
            {
                double go = s.Values[g + o];
                int row = w0 + o * nIn;
                for (int k = 0; k < nIn; k++) s.Values[h + k] += D(w, row + k) * go;
            }
            (g, h) = (h, g);
        }
        for (int f = 0; f < n0; f++) xBar.At(i, j + f * rows) += new Real(s.Values[g + f] / D(d, inScale + f));
    }
}
