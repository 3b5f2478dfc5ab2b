using Loyalty.Client.Hosting;
using Loyalty.Gateway.Events;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Loyalty.Gateway.Http;

public static class HttpLimits
{
    /// <summary>Applies <see cref="HttpLimitsOptions"/> to Kestrel; the largest body any route reads is the events batch.</summary>
    public static void AddHttpLimits(this WebApplicationBuilder builder)
    {
        builder.Services.AddLoyaltyOptions<HttpLimitsOptions>();
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<HttpLimitsOptions>>((kestrel, options) =>
        {
            var http = options.Value;
            var limits = kestrel.Limits;
            limits.MaxRequestBodySize = EventEndpoints.MaxBodyBytes;
            limits.MaxRequestHeadersTotalSize = http.MaxRequestHeadersTotalSize;
            limits.MaxRequestHeaderCount = http.MaxRequestHeaderCount;
            limits.MaxRequestLineSize = http.MaxRequestLineSize;
            limits.RequestHeadersTimeout = http.RequestHeadersTimeout;
            limits.KeepAliveTimeout = http.KeepAliveTimeout;
            limits.MinRequestBodyDataRate = new MinDataRate(http.MinRequestBodyDataRate, http.MinRequestBodyDataRateGracePeriod);
            limits.MaxConcurrentConnections = http.MaxConcurrentConnections;
        });
    }
}
