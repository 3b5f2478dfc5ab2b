using System.Buffers.Binary;
using System.IO.Compression;
using Orleans.Storage;

namespace Loyalty.Silo.Storage;

/// <summary>
/// Grain storage's serializer: the inner serializer's bytes, Brotli-compressed when they are large enough to gain.
/// Stored bytes are what a durable profile pays for per member, and member states (ids, dates, repeated property
/// names) shrink to a third or less. A compressed payload opens with <see cref="Marker"/>, a byte no JSON text starts
/// with, then its uncompressed length; anything else is read as the inner serializer wrote it, so states stored
/// before compression, or too small to compress, read unchanged.
/// </summary>
public sealed class CompressedGrainStorageSerializer(IGrainStorageSerializer inner) : IGrainStorageSerializer
{
    /// <summary>A UTF-8 continuation byte: never the first byte of a JSON (or any UTF-8) text.</summary>
    public const byte Marker = 0xB5;

    /// <summary>Payloads smaller than this are stored as they are: Brotli's framing would eat the gain.</summary>
    public const int MinimumLength = 256;

    private const int HeaderLength = 5;
    private const int Quality = 4; // fast enough for every write, most of the gain of higher levels on small texts
    private const int Window = 18;

    public BinaryData Serialize<T>(T? input)
    {
        var plain = inner.Serialize(input).ToMemory();
        if (plain.Length < MinimumLength)
        {
            return new BinaryData(plain);
        }

        var packed = new byte[HeaderLength + BrotliEncoder.GetMaxCompressedLength(plain.Length)];
        packed[0] = Marker;
        BinaryPrimitives.WriteInt32LittleEndian(packed.AsSpan(1), plain.Length);
        if (!BrotliEncoder.TryCompress(plain.Span, packed.AsSpan(HeaderLength), out var written, Quality, Window)
            || HeaderLength + written >= plain.Length)
        {
            return new BinaryData(plain);
        }

        return new BinaryData(packed.AsMemory(0, HeaderLength + written));
    }

    public T? Deserialize<T>(BinaryData input) => inner.Deserialize<T>(new BinaryData(Expand(input.ToMemory())));

    /// <summary>The inner serializer's bytes of a stored payload, compressed or not.</summary>
    public static ReadOnlyMemory<byte> Expand(ReadOnlyMemory<byte> stored)
    {
        if (stored.Length < HeaderLength || stored.Span[0] != Marker)
        {
            return stored;
        }

        var plain = new byte[BinaryPrimitives.ReadInt32LittleEndian(stored.Span[1..])];
        if (!BrotliDecoder.TryDecompress(stored.Span[HeaderLength..], plain, out var written) || written != plain.Length)
        {
            throw new InvalidDataException($"A compressed grain state of {stored.Length} bytes does not expand to the {plain.Length} bytes it names.");
        }

        return plain;
    }
}
