namespace Loyalty.Domain;

/// <summary>
/// A configuration read back never shows a webhook's secret, so one written back without it keeps the secret
/// stored under the same webhook id: reading, editing and storing a configuration never wipes or needs a secret.
/// </summary>
public static class WebhookSecrets
{
    /// <summary>
    /// <paramref name="incoming"/> with each webhook lacking a secret given the one <paramref name="stored"/> has under
    /// its id (a new id keeps none, and validation asks for it), and every <see cref="WebhookEndpoint.SecretSet"/> dropped.
    /// </summary>
    public static ProgramConfig KeepStored(ProgramConfig incoming, ProgramConfig? stored)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (incoming.Webhooks is not { } webhooks)
        {
            return incoming;
        }

        var storedSecrets = (stored?.Webhooks ?? [])
            .Where(webhook => webhook?.Secret is not null)
            .GroupBy(webhook => webhook.Id, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.First().Secret, StringComparer.Ordinal);
        return incoming with
        {
            Webhooks = [.. webhooks.Select(webhook => webhook is null ? null! : webhook with
            {
                Secret = webhook.Secret ?? (webhook.Id is null ? null : storedSecrets.GetValueOrDefault(webhook.Id)),
                SecretSet = null,
            })],
        };
    }
}
