using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Loyalty.Gateway.Http;

/// <summary>
/// Versions travel as ETags ("3"); If-Match with one makes a write conditional on the version the client read, so
/// two writers cannot overwrite each other unseen. If-Match absent or "*" writes whatever the version.
/// </summary>
public static class Preconditions
{
    public const string IfMatchRule = "must be the ETag of the current version, e.g. \"3\", or *";

    /// <summary>False when If-Match is neither absent, "*" nor one version; <paramref name="version"/> null for no condition.</summary>
    public static bool TryReadExpectedVersion(HttpRequest request, out int? version)
    {
        version = null;
        var ifMatch = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (ifMatch is "" or "*")
        {
            return true;
        }

        if (int.TryParse(ifMatch.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
        {
            version = parsed;
            return true;
        }

        return false;
    }

    public static void SetETag(HttpContext context, int version) =>
        context.Response.Headers.ETag = string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>412: another change came first. The current version (0: none stored yet) rides along as the ETag.</summary>
    public static IResult VersionConflict(HttpContext context, int currentVersion, string what)
    {
        if (currentVersion > 0)
        {
            SetETag(context, currentVersion);
        }

        return TypedResults.Problem(
            $"{what} is at version {currentVersion}; read it again and retry.",
            statusCode: StatusCodes.Status412PreconditionFailed, title: "Version conflict");
    }
}
