namespace Loyalty.Domain;

/// <summary>The browser apps, by origin, that may call the program's routes from their pages (CORS).</summary>
public sealed record CorsRules
{
    public const int MaxOrigins = 20;

    /// <summary>Origins such as <c>https://shop.example</c> or <c>http://localhost:3000</c>: scheme, host, optional port.</summary>
    public List<string> AllowedOrigins { get; init; } = [];
}
