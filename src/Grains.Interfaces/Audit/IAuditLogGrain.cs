using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Audit;

/// <summary>A program's admin actions, newest kept (key: the program id), bounded by <see cref="MaxEntries"/>.</summary>
[Alias("loyalty.IAuditLogGrain")]
public interface IAuditLogGrain : IGrainWithStringKey
{
    const int MaxEntries = 10_000;

    /// <summary>Stores the action and answers its sequence number.</summary>
    Task<long> Record(AuditAction action);

    /// <summary>Newest first: at most <paramref name="limit"/> entries older than sequence <paramref name="before"/> (all when null).</summary>
    Task<ImmutableArray<AuditEntry>> Page(int limit, long? before);
}

/// <param name="Actor">The key id that acted, or "operator".</param>
/// <param name="Action">The route, e.g. "PUT /v1/programs/{programId}/rewards/{rewardId}".</param>
/// <param name="Change">The request's body with secrets masked, or a note of its size when it is not JSON; null without one.</param>
[GenerateSerializer, Immutable, Alias("loyalty.audit-action")]
public sealed record AuditAction(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] string Action,
    [property: Id(3)] string Path,
    [property: Id(4)] int Status,
    [property: Id(5)] string? Change);

[GenerateSerializer, Immutable, Alias("loyalty.audit-entry")]
public sealed record AuditEntry([property: Id(0)] long Sequence, [property: Id(1)] AuditAction Action);
