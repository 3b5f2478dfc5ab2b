using System.Reflection;
using Loyalty.Gateway.Members;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Loyalty.Gateway.Tests;

/// <summary>HTTP answers are the gateway's own types, so grain contracts can change without changing the wire.</summary>
public sealed class AnswerTypeTests(GatewayFixture gateway)
{
    private static readonly string[] ContractAssemblies = ["Loyalty.Grains.Interfaces", "Loyalty.Domain"];

    [Fact]
    public void No_endpoint_answers_a_type_from_the_grain_contracts_or_the_domain()
    {
        var answers = gateway.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .SelectMany(endpoint => endpoint.Metadata.OfType<IProducesResponseTypeMetadata>())
            .Select(metadata => metadata.Type)
            .OfType<Type>()
            .ToHashSet();
        Assert.Contains(typeof(MemberResponse), answers); // the walk reads what it should

        var reached = new HashSet<Type>();
        foreach (var answer in answers)
        {
            Walk(answer, reached);
        }

        Assert.Empty(reached.Where(type => ContractAssemblies.Contains(type.Assembly.GetName().Name)).Select(type => type.FullName));
    }

    /// <summary>Every type an answer can put on the wire: itself, its generic arguments and its properties' types.</summary>
    private static void Walk(Type type, HashSet<Type> reached)
    {
        if (!reached.Add(type) || type.IsPrimitive || type.Namespace?.StartsWith("System", StringComparison.Ordinal) is true && !type.IsGenericType)
        {
            return;
        }

        foreach (var argument in type.GetGenericArguments())
        {
            Walk(argument, reached);
        }

        if (type.Namespace?.StartsWith("System", StringComparison.Ordinal) is true)
        {
            return;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(property.PropertyType, reached);
        }
    }
}
