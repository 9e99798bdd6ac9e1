using System.Reflection;

namespace ClimateAD.Adjoint.Verification;

/// <summary>Named factories of <see cref="GradientCheckCase"/>s: every differentiable component, once.</summary>
public sealed class GradientCheckRegistry
{
    private readonly SortedDictionary<string, Func<GradientCheckCase>> _factories = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="factory"/> under <paramref name="name"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is already registered.</exception>
    public void Register(string name, Func<GradientCheckCase> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(name, factory)) throw new ArgumentException($"Gradient check '{name}' is registered twice.", nameof(name));
    }

    /// <summary>Registered names, sorted ordinally.</summary>
    public IReadOnlyList<string> Names => [.. _factories.Keys];

    /// <summary>A fresh case for <paramref name="name"/>.</summary>
    public GradientCheckCase Create(string name)
    {
        if (!_factories.TryGetValue(name, out var factory)) throw new KeyNotFoundException($"No gradient check named '{name}'. Registered: {string.Join(", ", _factories.Keys)}.");
        var c = factory();
        if (c.Name != name) throw new InvalidOperationException($"Factory for '{name}' made a case named '{c.Name}'.");
        return c;
    }

    /// <summary>A registry filled by every concrete <see cref="IGradientCheckProvider"/> with a parameterless constructor in <paramref name="assemblies"/>.</summary>
    public static GradientCheckRegistry Discover(params Assembly[] assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        var registry = new GradientCheckRegistry();
        foreach (var type in assemblies.SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGradientCheckProvider).IsAssignableFrom(t)
                                 && t.GetConstructor(Type.EmptyTypes) is not null)
                     .OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            ((IGradientCheckProvider)Activator.CreateInstance(type)!).Register(registry);
        }
        return registry;
    }
}
