using ClimateAD.IO.Data;
using ClimateAD.IO.Scenarios;
using Xunit;

namespace ClimateAD.IO.Tests.Data;

public sealed class TomlConfigTests
{
    private const string Text = "[a]\nx = 1\ny = \"s\"\nr = [1850, 1900]\ntab = { p = 2.5, q = 3 }\nflag = true\n";

    [Fact]
    public void TypedAccess_ReturnsTheValues()
    {
        var a = TomlConfig.Parse(Text, "f.toml").Table("a");
        Assert.Equal(1, a.Integer("x", 0, 5));
        Assert.Equal("s", a.Choice("y", ["s", "u"]));
        Assert.Equal([1850.0, 1900.0], a.OptionalNumberArray("r"));
        Assert.Equal([("p", 2.5), ("q", 3.0)], a.OptionalNumberTable("tab"));
        Assert.True(a.OptionalBoolean("flag"));
        Assert.Null(a.OptionalNumber("missing"));
        Assert.Equal(4, a.LineOf("r"));
    }

    [Fact]
    public void Mistakes_NameFileLineAndKey()
    {
        var a = TomlConfig.Parse(Text, "f.toml").Table("a");
        Assert.Equal("f.toml:2: a.x: 1 is out of range (2 to 5)", Assert.Throws<ScenarioException>(() => a.Integer("x", 2, 5)).Message);
        Assert.Equal("f.toml:3: a.y: unknown value 's' (did you mean 'sa'? valid: sa, b)", Assert.Throws<ScenarioException>(() => a.Choice("y", ["sa", "b"])).Message);
        Assert.Equal("f.toml:5: a.tab: unknown key in [a] (did you mean 'tabs'? valid: x, y, r, tabs, flag)",
            Assert.Throws<ScenarioException>(() => a.CheckKeys(["x", "y", "r", "tabs", "flag"])).Message);
        Assert.Equal("f.toml:2: a.x: -1 is out of range (> 0)", Assert.Throws<ScenarioException>(() =>
            TomlConfig.Parse(Text.Replace("x = 1", "x = -1"), "f.toml").Table("a").OptionalNumber("x", v => v > 0, "> 0")).Message);
        var missing = Assert.Throws<ScenarioException>(() => TomlConfig.Load("/nonexistent/c.toml"));
        Assert.Equal("/nonexistent/c.toml: file not found", missing.Message);
    }
}
