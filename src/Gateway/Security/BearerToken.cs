namespace Loyalty.Gateway.Security;

public static class BearerToken
{
    /// <summary>The credential of <c>Authorization: Bearer {credential}</c>, or null when there is none.</summary>
    public static string? From(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header[7..].Trim() is { Length: > 0 } credential
            ? credential
            : null;
    }

    /// <summary>A JSON Web Token (header.payload.signature, header a JSON object in base64url) rather than a key.</summary>
    public static bool IsJwt(string credential) => credential.StartsWith("eyJ", StringComparison.Ordinal) && credential.Count(c => c == '.') == 2;
}
