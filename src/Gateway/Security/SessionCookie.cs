using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Gateway.Security;

/// <summary>
/// The browser's sign-in: a cookie <c>ls_{scope}.{secret}</c>, the scope (a program id, or the operator's) in
/// base64url so a gateway finds the session's grain, the secret 256 random bits of which only the SHA-256 is stored.
/// HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over https, and a browser-session
/// cookie: it goes when the browser closes, and the server forgets it at sign-out or after its lifetime.
/// </summary>
public static class SessionCookie
{
    public const string Name = "loyalty-session";

    private const string Prefix = "ls_";

    public static (string Text, string SecretHash) Create(string scope)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(scope))}.{secret}", ApiKeyText.Hash(secret));
    }

    /// <summary>The scope and secret hash of the request's session cookie, or null when it carries none that parses.</summary>
    public static (string Scope, string SecretHash)? From(HttpRequest request)
    {
        if (!request.Cookies.TryGetValue(Name, out var text) || text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 400)
        {
            return null;
        }

        var parts = text[Prefix.Length..].Split('.');
        if (parts is not [var scope, var secret] || secret.Length == 0 || !Base64Url.IsValid(scope) || !Base64Url.IsValid(secret))
        {
            return null;
        }

        return (Encoding.UTF8.GetString(Base64Url.DecodeFromChars(scope)), ApiKeyText.Hash(secret));
    }

    public static void Write(HttpResponse response, string text) =>
        response.Cookies.Append(Name, text, Options(response.HttpContext.Request));

    public static void Clear(HttpResponse response) =>
        response.Cookies.Delete(Name, Options(response.HttpContext.Request));

    private static CookieOptions Options(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        IsEssential = true,
    };
}
