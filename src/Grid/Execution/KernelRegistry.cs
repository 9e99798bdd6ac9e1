using System.Reflection;
using ClimateAD.Grid.Fields;
using ClimateAD.Grid.Numerics;

namespace ClimateAD.Grid.Execution;

/// <summary>
/// Every kernel of an assembly, closed for the GPU: each struct implementing <see cref="IKernel2D"/>,
/// with its scalar type parameter (constrained to <see cref="IScalar{T}"/>) closed over
/// <see cref="Real"/> and its view type parameter (constrained to <see cref="IFieldView{T, TSelf}"/>)
/// over <see cref="DeviceView{T}"/> of <see cref="Real"/>. The PTX test in tests/Grid compiles each
/// of them for sm_80 and sm_90, so a kernel that cannot run on CUDA fails CI (DESIGN.md §2).
/// </summary>
public static class KernelRegistry
{
    /// <summary>The closed kernel types of <paramref name="assemblies"/> (the Grid assembly when none), sorted by name.</summary>
    /// <exception cref="InvalidOperationException">A generic kernel has a type parameter that is neither a scalar nor a view.</exception>
    public static IReadOnlyList<Type> Kernels(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        if (assemblies.Length == 0) assemblies = [typeof(KernelRegistry).Assembly];
        var result = new List<Type>();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            if (!type.IsValueType || type.IsAbstract || !typeof(IKernel2D).IsAssignableFrom(type)) continue;
            result.Add(type.IsGenericTypeDefinition ? Close(type) : type);
        }
        return [.. result.OrderBy(Name, StringComparer.Ordinal)];
    }

    /// <summary>The ILGPU entry point <see cref="IlgpuEntryPoints.Launch{TKernel}"/> closed over <paramref name="kernel"/>.</summary>
    public static MethodInfo EntryPoint(Type kernel)
    {
        ArgumentNullException.ThrowIfNull(kernel);
        return typeof(IlgpuEntryPoints).GetMethod(nameof(IlgpuEntryPoints.Launch))!.MakeGenericMethod(kernel);
    }

    /// <summary>A readable name, e.g. <c>DiffX_fcc.Kernel&lt;Real, DeviceView&lt;Real&gt;&gt;</c>.</summary>
    public static string Name(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        string name = type.Name.Split('`')[0];
        if (type.IsNested) name = Name(type.DeclaringType!) + "." + name;
        if (!type.IsGenericType || type.IsGenericTypeDefinition) return name;
        var own = type.GetGenericArguments();
        return $"{name}<{string.Join(", ", own.Select(Name))}>";
    }

    private static Type Close(Type definition)
    {
        var arguments = definition.GetGenericArguments().Select(p =>
        {
            foreach (var c in p.GetGenericParameterConstraints())
            {
                if (!c.IsGenericType) continue;
                var d = c.GetGenericTypeDefinition();
                if (d == typeof(IScalar<>)) return typeof(Real);
                if (d == typeof(IFieldView<,>)) return typeof(DeviceView<Real>);
            }
            throw new InvalidOperationException(
                $"Kernel {definition.FullName} has type parameter {p.Name} that is neither an IScalar<T> nor an IFieldView<T, TView>; the registry cannot close it.");
        }).ToArray();
        return definition.MakeGenericType(arguments);
    }
}
