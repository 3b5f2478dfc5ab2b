using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Loyalty.Grains.Notifications;

/// <summary>
/// The <c>Loyalty-Signature</c> header: <c>t={unix seconds},v1={hex HMAC-SHA256(secret, "{t}.{body}")}</c>. The time
/// is signed with the body so a captured request cannot be replayed later than the receiver's tolerance.
/// </summary>
public static class WebhookSignature
{
    public const string Header = "Loyalty-Signature";
    public const string IdHeader = "Loyalty-Notification-Id";

    public static string Sign(string secret, string body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return $"t={timestamp},v1={Convert.ToHexStringLower(Mac(secret, timestamp, body))}";
    }

    /// <summary>True when the header signs this body under the secret and its time is within the tolerance of now.</summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        string? timestamp = null, signature = null;
        foreach (var part in (header ?? "").Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length == 2 && pair[0] == "t")
            {
                timestamp = pair[1];
            }
            else if (pair.Length == 2 && pair[0] == "v1")
            {
                signature = pair[1];
            }
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs(now.ToUnixTimeSeconds() - seconds) > tolerance.TotalSeconds
            || signature is not { Length: 64 })
        {
            return false;
        }

        byte[] claimed;
        try
        {
            claimed = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(claimed, Mac(secret, timestamp!, body));
    }

    private static byte[] Mac(string secret, string timestamp, string body) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
}
