using System.Buffers.Text;
using System.Security.Cryptography;

namespace Loyalty.Gateway.Security;

/// <summary>The operator key of this gateway: configured, or in the embedded profile made once and kept on disk.</summary>
public sealed class OperatorKey(string value)
{
    private readonly byte[] bytes = System.Text.Encoding.UTF8.GetBytes(value);

    public string Value { get; } = value;

    /// <summary>Names this key without revealing it: operator sign-ins remember it, so a new operator key ends them.</summary>
    public string Fingerprint { get; } = ApiKeyText.Hash("operator-session:" + value);

    /// <summary>Compares in time that does not depend on where the texts differ; the key's bytes are made once.</summary>
    public bool Matches(string presented) =>
        System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(presented), bytes);

    public const int MinLength = 16;

    /// <summary>
    /// The configured key; else, embedded only, the key kept in <see cref="SecurityOptions.OperatorKeyFile"/>, made
    /// and printed once when there is none. The clustered profiles (Redis, Azure Storage) refuse to start without a configured key.
    /// </summary>
    public static OperatorKey Resolve(SecurityOptions options, bool clustered, string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(options.OperatorKey))
        {
            return options.OperatorKey.Trim().Length >= MinLength
                ? new OperatorKey(options.OperatorKey.Trim())
                : throw new InvalidOperationException($"{SecurityOptions.Section}:OperatorKey must be at least {MinLength} characters.");
        }

        if (clustered)
        {
            throw new InvalidOperationException(
                $"{SecurityOptions.Section}:OperatorKey is required in the Redis and Azure Storage profiles (environment Loyalty__Security__OperatorKey).");
        }

        var path = Path.GetFullPath(options.OperatorKeyFile, contentRoot);
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: >= MinLength } kept)
        {
            return new OperatorKey(kept);
        }

        var made = "lko_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, made + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Console.WriteLine($"Operator key (shown once, kept in {path}): {made}");
        return new OperatorKey(made);
    }
}
