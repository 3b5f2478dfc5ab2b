using System.Text;
using Loyalty.Silo.Storage;
using Loyalty.Client.Ingestion;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;

namespace Loyalty.Grains.Tests.Storage;

/// <summary>Grain states are stored compressed when that gains, and states stored plain still read.</summary>
public sealed class CompressedGrainStorageSerializerTests
{
    private sealed record Sample(string Name, List<string> Ids);

    private static readonly SystemTextJsonGrainStorageSerializer Json = new(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));
    private static readonly CompressedGrainStorageSerializer Serializer = new(Json);

    [Fact]
    public void A_large_state_is_stored_compressed_and_reads_back_equal()
    {
        var state = new Sample("ada", [.. Enumerable.Range(0, 500).Select(i => $"order-{i:00000}")]);

        var stored = Serializer.Serialize(state).ToArray();
        var plain = Json.Serialize(state).ToArray();

        Assert.Equal(CompressedGrainStorageSerializer.Marker, stored[0]);
        Assert.True(stored.Length * 4 < plain.Length, $"{stored.Length} bytes stored for {plain.Length} bytes of JSON");
        var read = Serializer.Deserialize<Sample>(new BinaryData(stored))!;
        Assert.Equal(state.Name, read.Name);
        Assert.Equal(state.Ids, read.Ids);
    }

    [Fact]
    public void A_small_state_and_a_state_stored_before_compression_read_as_plain_json()
    {
        var small = new Sample("bea", ["o-1"]);
        var before = Json.Serialize(new Sample("cal", [.. Enumerable.Range(0, 100).Select(i => $"o-{i}")]));

        Assert.Equal("{", Encoding.UTF8.GetString(Serializer.Serialize(small).ToArray(), 0, 1));
        Assert.Equal("bea", Serializer.Deserialize<Sample>(Serializer.Serialize(small))!.Name);
        Assert.Equal(100, Serializer.Deserialize<Sample>(before)!.Ids.Count);
    }

    [Fact]
    public void A_damaged_compressed_state_is_refused_rather_than_misread()
    {
        var stored = Serializer.Serialize(new Sample("dan", [.. Enumerable.Range(0, 500).Select(i => $"order-{i}")])).ToArray();

        Assert.Throws<InvalidDataException>(() => Serializer.Deserialize<Sample>(new BinaryData(stored.AsMemory(0, stored.Length / 2))));
    }
}
