namespace Loyalty.Domain;

/// <summary>
/// Where a program's notifications are POSTed. Each request is signed with HMAC-SHA256 under <see cref="Secret"/>.
/// </summary>
public sealed record WebhookEndpoint(string Id, string Url, string Secret);
