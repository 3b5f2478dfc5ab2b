namespace Loyalty.Bench.Ingest;

/// <summary>The same route, on the same kind of server, that reads each batch whole and does nothing with it.</summary>
public sealed class BaselineEndpoint(WebApplication app) : IAsyncDisposable
{
    public HttpClient Client { get; } = new() { BaseAddress = new Uri(app.Urls.First() + "/") };

    public static async Task<BaselineEndpoint> Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v1/programs/{programId}/events", async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null);
            return Results.Text("""{"accepted":0,"duplicates":0,"rejected":0,"results":[]}""", "application/json");
        });
        await app.StartAsync();
        return new BaselineEndpoint(app);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
