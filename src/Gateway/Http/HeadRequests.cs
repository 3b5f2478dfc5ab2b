namespace Loyalty.Gateway.Http;

/// <summary>HEAD is answered wherever GET is (RFC 9110 §9.3.2): same status and headers; Kestrel drops the body.</summary>
public static class HeadRequests
{
    public static readonly HttpMethodMetadata GetOrHead = new([HttpMethods.Get, HttpMethods.Head]);

    /// <summary>Every GET endpoint of the group also answers HEAD.</summary>
    public static TBuilder AnsweringHead<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.Add(endpoint =>
        {
            // Routing reads the last method metadata, so an added one widens what the handler's own declared.
            if (endpoint.Metadata.OfType<IHttpMethodMetadata>().LastOrDefault() is { } declared
                && declared.HttpMethods.Contains(HttpMethods.Get) && !declared.HttpMethods.Contains(HttpMethods.Head))
            {
                endpoint.Metadata.Add(new HttpMethodMetadata([.. declared.HttpMethods, HttpMethods.Head], declared.AcceptCorsPreflight));
            }
        });
        return builder;
    }
}
