namespace Loyalty.Domain.Tests;

/// <summary>A program's CORS origins are exact origins, a bounded few.</summary>
public sealed class CorsRulesTests
{
    private static IEnumerable<string> Fields(params string[] origins) =>
        ProgramConfigValidator.Validate(TestPrograms.Basic with { Cors = new CorsRules { AllowedOrigins = [.. origins] } }).Select(error => error.Field);

    [Fact]
    public void Origins_with_a_scheme_host_and_optional_port_are_accepted()
    {
        Assert.Empty(Fields("https://shop.example", "http://localhost:3000", "https://app.shop.example:8443"));
        Assert.Empty(ProgramConfigValidator.Validate(TestPrograms.Basic with { Cors = null }));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("null")]
    [InlineData("shop.example")]
    [InlineData("https://shop.example/")]
    [InlineData("https://shop.example/app")]
    [InlineData("https://shop.example?x=1")]
    [InlineData("https://shop.example:443")]
    [InlineData("https://user@shop.example")]
    [InlineData("ftp://shop.example")]
    [InlineData("https://*.shop.example")]
    public void Anything_but_an_exact_origin_is_refused_naming_its_place(string origin) =>
        Assert.Equal(["cors.allowedOrigins[1]"], Fields("https://ok.example", origin));

    [Fact]
    public void Repeats_and_more_than_the_bound_are_refused()
    {
        Assert.Equal(["cors.allowedOrigins[1]"], Fields("https://shop.example", "https://SHOP.example"));
        Assert.Equal(["cors.allowedOrigins"], Fields([.. Enumerable.Range(0, CorsRules.MaxOrigins + 1).Select(i => $"https://s{i}.example")]));
    }
}
