using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Gateway.Security;

/// <summary>
/// The text of an API key: <c>lk_{program}.{id}.{secret}</c>, the program and id in base64url so a gateway finds the
/// key's program without a global index, the secret 256 random bits. Only the secret's SHA-256 is stored.
/// </summary>
public static class ApiKeyText
{
    private const string Prefix = "lk_";

    public static (string Id, string Key, string SecretHash) Create(string programId)
    {
        var id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(9));
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(programId))}.{id}.{secret}", Hash(secret));
    }

    /// <summary>The key's parts, or null for a text that is not an API key.</summary>
    public static (string ProgramId, string Id, string Secret)? Parse(string text)
    {
        if (!text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > 400)
        {
            return null;
        }

        var parts = text[Prefix.Length..].Split('.');
        if (parts is not [var program, var id, var secret] || id.Length == 0 || secret.Length == 0
            || !Base64Url.IsValid(program) || !Base64Url.IsValid(id) || !Base64Url.IsValid(secret))
        {
            return null;
        }

        try
        {
            return (Encoding.UTF8.GetString(Base64Url.DecodeFromChars(program)), id, secret);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    public static string Hash(string secret) => Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Compares in time that does not depend on where the texts differ.</summary>
    public static bool SameSecret(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
