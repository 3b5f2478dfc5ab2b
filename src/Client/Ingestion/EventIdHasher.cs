using System.IO.Hashing;
using System.Text;

namespace Loyalty.Client.Ingestion;

/// <summary>
/// The index's 64-bit fingerprint of an event: XxHash64 of its member and event id. The index keeps only this, so
/// two different events may share it; a hit is therefore never trusted to drop an event (see
/// <see cref="MemberEventPublisher"/>). Replaceable so tests can force such collisions.
/// </summary>
public sealed class EventIdHasher(Func<string, string, ulong>? hash = null)
{
    public ulong Hash(string memberId, string eventId) => hash is null ? Default(memberId, eventId) : hash(memberId, eventId);

    public static ulong Default(string memberId, string eventId)
    {
        // The separator cannot occur in ids (the door admits printable ids only), so ("a", "bc") and ("ab", "c") differ.
        var text = string.Concat(memberId, "\n", eventId);
        Span<byte> utf8 = stackalloc byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        return XxHash64.HashToUInt64(utf8[..Encoding.UTF8.GetBytes(text, utf8)]);
    }
}
