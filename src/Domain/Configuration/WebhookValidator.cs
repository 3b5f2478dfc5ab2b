namespace Loyalty.Domain;

/// <summary>Checks a program's webhooks for <see cref="ProgramConfigValidator"/>: ids, where they aim, and secrets.</summary>
internal static class WebhookValidator
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;

    public static void Validate(List<WebhookEndpoint>? webhooks, WebhookNetworks networks, Action<bool, string, string> check)
    {
        check(webhooks is not null, "webhooks", "must be a list (empty for none)");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < (webhooks?.Count ?? 0); i++)
        {
            var webhook = webhooks![i];
            var at = $"webhooks[{i}]";
            if (webhook is null)
            {
                check(false, at, "must be a webhook");
                continue;
            }

            check(webhook.Id is { Length: > 0 and <= 64 } && !webhook.Id.Contains('/') && ids.Add(webhook.Id), $"{at}.id",
                "is required, unique, at most 64 characters without '/'");
            if (UrlProblem(webhook.Url, networks) is { } problem)
            {
                check(false, $"{at}.url", problem);
            }

            check(webhook.Secret is not null, $"{at}.secret",
                $"is required for a new webhook ({MinSecretLength} to {MaxSecretLength} characters); leave it out only to keep the secret stored under this id");
            check(webhook.Secret is null or { Length: >= MinSecretLength and <= MaxSecretLength }, $"{at}.secret",
                $"must be {MinSecretLength} to {MaxSecretLength} characters");
        }
    }

    /// <summary>The rule <paramref name="url"/> breaks, or null when a webhook may be aimed at it.</summary>
    private static string? UrlProblem(string? url, WebhookNetworks networks)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "must be an absolute http or https URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "must not carry a user name or password";
        }

        return networks == WebhookNetworks.PublicOnly && InternalAddresses.IsInternalHost(uri.IdnHost)
            ? "must not aim at localhost or at a loopback, link-local, private, unspecified or multicast address"
            : null;
    }
}
