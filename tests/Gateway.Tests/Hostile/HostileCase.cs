namespace Loyalty.Gateway.Tests.Hostile;

/// <summary>The kinds of hostile input the gateway withstands; the corpus covers each.</summary>
public enum HostileCategory
{
    MalformedJson,
    TruncatedJson,
    WrongType,
    NumberBeyondLong,
    HugeExponent,
    DeepNesting,
    MegabyteString,
    ControlCharacters,
    EncodedSlashOrDots,
    EmptyOrWhitespaceId,
    DuplicateKey,
    UnknownField,
    WrongContentType,
    InvalidDate,
    InvalidPeriod,
    InvalidTimeZone,
    PagingAbuse,
    HugeHeader,
    SlowBody,
}

/// <summary>What the gateway must answer.</summary>
public enum Verdict
{
    /// <summary>A 4xx problem+json, naming <see cref="HostileCase.Field"/> when one is given.</summary>
    Refused,

    /// <summary>An events batch answered 200 with its one item rejected at <see cref="HostileCase.Field"/>.</summary>
    ItemRejected,

    /// <summary>A route that reads no input: anything but a 5xx.</summary>
    Harmless,
}

/// <summary>
/// One hostile request. <see cref="Path"/> holds <c>{program}</c> for the corpus program; <see cref="Route"/> is the
/// route pattern it aims at, as the endpoint table spells it ("PUT /v1/programs/{programId}/").
/// </summary>
public sealed record HostileCase(
    HostileCategory Category, string Route, string Method, string Path, byte[]? Body, string? ContentType, Verdict Verdict, string? Field)
{
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public string Name { get; init; } = "";

    public override string ToString() => $"{Category} {Method} {Path} {Name}".TrimEnd();
}
