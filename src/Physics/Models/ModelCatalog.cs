using ClimateAD.Physics.EnergyBalance;
using ClimateAD.Physics.LatitudeEbm;
using ClimateAD.Physics.Lorenz96;
using ClimateAD.Physics.ShallowWater;
using ClimateAD.Physics.Tracer;

namespace ClimateAD.Physics.Models;

/// <summary>
/// Every model a scenario can name. Adding a model = one line here plus its descriptor.
/// </summary>
public static class ModelCatalog
{
    /// <summary>All models, in the order <c>climatead describe</c> lists them.</summary>
    public static IReadOnlyList<ModelDescriptor> All { get; } =
    [
        TwoLayerModel.Descriptor,
        Lorenz96Model.Descriptor,
        LatitudeEbmScenarioModel.Descriptor,
        Lorenz96OneScaleModel.Descriptor,
        TracerScenarioModel.Descriptor,
        ShallowWaterScenarioModels.DoubleGyre,
        ShallowWaterScenarioModels.GeostrophicAdjustment,
        ShallowWaterScenarioModels.WilliamsonTc2,
        ShallowWaterScenarioModels.Galewsky,
    ];

    /// <summary>The model with this scenario name, or <c>null</c>.</summary>
    public static ModelDescriptor? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>Comma-separated list of model names, for error messages.</summary>
    public static string Names => string.Join(", ", All.Select(m => m.Name));
}
