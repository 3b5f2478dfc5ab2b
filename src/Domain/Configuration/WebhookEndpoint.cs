namespace Loyalty.Domain;

/// <summary>
/// Where a program's notifications are POSTed. Each request is signed with HMAC-SHA256 under <see cref="Secret"/>.
/// A configuration may leave <see cref="Secret"/> out to keep the one stored under the same <see cref="Id"/>
/// (<see cref="WebhookSecrets.KeepStored"/>); answers never carry it, only <see cref="SecretSet"/>, which a
/// configuration may send back and is ignored.
/// </summary>
public sealed record WebhookEndpoint(string Id, string Url, string? Secret = null, bool? SecretSet = null);
