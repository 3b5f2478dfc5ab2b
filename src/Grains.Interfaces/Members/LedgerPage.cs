using System.Collections.Immutable;

namespace Loyalty.Grains.Interfaces.Members;

[GenerateSerializer, Immutable, Alias("loyalty.ledger-page")]
public sealed record LedgerPage(
    [property: Id(0)] int Total,
    [property: Id(1)] int Offset,
    [property: Id(2)] ImmutableArray<LedgerLine> Entries);

/// <summary>One change of one balance. Balances equal the sum of their lines.</summary>
[GenerateSerializer, Immutable, Alias("loyalty.ledger-line")]
public sealed record LedgerLine(
    [property: Id(0)] long Sequence,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Balance,
    [property: Id(3)] long Points,
    [property: Id(4)] string Reason,
    [property: Id(5)] string? EventId,
    [property: Id(6)] DateTimeOffset OccurredAt);
